import type { FormatDescriptor, FormatId } from './types';

/**
 * What the popup and options page need before a format's code is loaded: names, file extensions,
 * and which formats import. `loadFormat` brings in one format's file (and, for BibTeX, citation-js)
 * only when the user exports or imports in it, so the popup stays light.
 */

export interface FormatInfo {
  id: FormatId;
  label: string;
  extension: string;
  mimeType: string;
  canImport: boolean;
}

/** In menu order. Kept in step with each format's descriptor by tests/formats/registry.test.ts. */
export const formatInfo: readonly FormatInfo[] = [
  {
    id: 'bibtex',
    label: 'BibTeX',
    extension: 'bib',
    mimeType: 'application/x-bibtex',
    canImport: true,
  },
  {
    id: 'ris',
    label: 'RIS',
    extension: 'ris',
    mimeType: 'application/x-research-info-systems',
    canImport: true,
  },
  {
    id: 'csl-json',
    label: 'CSL-JSON',
    extension: 'csl.json',
    mimeType: 'application/vnd.citationstyles.csl+json',
    canImport: true,
  },
  {
    id: 'csv',
    label: 'CSV (spreadsheet)',
    extension: 'csv',
    mimeType: 'text/csv',
    canImport: false,
  },
  {
    id: 'markdown',
    label: 'Markdown reading list',
    extension: 'md',
    mimeType: 'text/markdown',
    canImport: false,
  },
  {
    id: 'json',
    label: 'Papershelf backup (JSON)',
    extension: 'json',
    mimeType: 'application/json',
    canImport: true,
  },
];

const loaders: Record<FormatId, () => Promise<FormatDescriptor>> = {
  bibtex: () => import('./bibtex').then((m) => m.bibtex),
  ris: () => import('./ris').then((m) => m.ris),
  'csl-json': () => import('./csl-json').then((m) => m.cslJson),
  csv: () => import('./csv').then((m) => m.csv),
  markdown: () => import('./markdown').then((m) => m.markdown),
  json: () => import('./json').then((m) => m.json),
};

/** One format's descriptor, its code loaded on first use. */
export function loadFormat(id: FormatId): Promise<FormatDescriptor> {
  return loaders[id]();
}

export function getFormatInfo(id: FormatId): FormatInfo {
  const info = formatInfo.find((f) => f.id === id);
  if (!info) throw new Error(`Unknown format: ${id}`);
  return info;
}

/** `papershelf-2026-11-24.bib`: the library's name and the local date of the export. */
export function exportFileName(formatId: FormatId, date: Date = new Date()): string {
  const day = [
    date.getFullYear(),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-');
  return `papershelf-${day}.${getFormatInfo(formatId).extension}`;
}

/**
 * The format of a file to import, from its name and first characters; undefined when it is none of
 * the importable formats. The JSON backup and CSL-JSON are told apart by the backup's header.
 */
export function detectImportFormat(fileName: string, head: string): FormatId | undefined {
  const start = head
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  if (start.startsWith('{') && /"format"\s*:\s*"papershelf-backup"/.test(start)) return 'json';
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^TY\s{0,2}-\s/m.test(start)) return 'ris';
  if (/@\s*[a-z]+\s*[{(]/i.test(start)) return 'bibtex';
  const ext = /\.([a-z.]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'bib' || ext === 'bibtex') return 'bibtex';
  if (ext === 'ris') return 'ris';
  if (ext === 'json' || ext === 'csl.json') return 'csl-json';
  return undefined;
}
