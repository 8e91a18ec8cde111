import { exportFileName, getFormatInfo, loadFormat } from '@/utils/formats/registry';
import type { ExportItem, FormatId } from '@/utils/formats/types';
import type { LibraryRecord } from '@/utils/library/schema';

/**
 * From library records to a file's text. The format's code is loaded only now (BibTeX brings
 * citation-js), so opening the popup stays light.
 */

export function toExportItem(r: LibraryRecord): ExportItem {
  return {
    id: r.id,
    paper: r.paper,
    status: r.user.status,
    tags: r.user.tags,
    notes: r.user.notes,
    starred: r.user.starred,
    savedAt: r.savedAt,
    updatedAt: r.updatedAt,
    pageUrls: r.pageUrls,
    versions: r.versions,
  };
}

export interface ExportFile {
  text: string;
  fileName: string;
  mimeType: string;
  count: number;
}

export async function serializeRecords(
  records: readonly LibraryRecord[],
  format: FormatId,
  options: { keyPattern?: string; now?: Date } = {},
): Promise<ExportFile> {
  const descriptor = await loadFormat(format);
  const now = options.now ?? new Date();
  const text = descriptor.serialize(records.map(toExportItem), {
    ...(options.keyPattern ? { keyPattern: options.keyPattern } : {}),
    exportedAt: now.getTime(),
    title: 'Papershelf reading list',
  });
  return {
    text,
    fileName: exportFileName(format, now),
    mimeType: getFormatInfo(format).mimeType,
    count: records.length,
  };
}

/** One paper's BibTeX entry, for "Copy citation". */
export async function bibtexOf(record: LibraryRecord, keyPattern?: string): Promise<string> {
  return (await serializeRecords([record], 'bibtex', { keyPattern })).text;
}
