import Papa from 'papaparse';
import { authorName } from '@/utils/display';
import { paperYear } from './common';
import type { ExportItem, FormatDescriptor } from './types';

/**
 * CSV for spreadsheets: RFC 4180 (papaparse writes it: quotes doubled, fields with commas, quotes or
 * line breaks quoted, CRLF rows), a header row, one paper per row. Export only.
 *
 * Safe to open in Excel, LibreOffice or Google Sheets: a cell that starts with `=`, `+`, `-`, `@`,
 * tab or carriage return would be run as a formula (CSV injection, OWASP), so such cells get a
 * leading single quote. Leading spaces before those characters are caught too, since some
 * spreadsheets trim them first.
 */

/** Field map: column header → how the cell is made from an item, in column order. */
export const CSV_COLUMNS: readonly (readonly [string, (item: ExportItem) => string])[] = [
  ['title', (i) => i.paper.title],
  ['authors', (i) => i.paper.authors.map(authorName).filter(Boolean).join('; ')],
  ['year', (i) => String(paperYear(i.paper) ?? '')],
  ['venue', (i) => i.paper.venue ?? ''],
  ['doi', (i) => i.paper.doi ?? ''],
  ['arxiv', (i) => i.paper.arxivId ?? ''],
  ['pmid', (i) => i.paper.pmid ?? ''],
  ['url', (i) => i.paper.url ?? ''],
  ['status', (i) => i.status ?? ''],
  ['tags', (i) => (i.tags ?? []).join('; ')],
  ['notes', (i) => i.notes ?? ''],
  ['abstract', (i) => i.paper.abstract ?? ''],
  ['saved', (i) => (i.savedAt ? new Date(i.savedAt).toISOString() : '')],
];

/** Cells a spreadsheet would read as a formula (OWASP's list, after optional leading whitespace). */
export const FORMULA_START = /^(?:[\t\r]|[^\S\r\n]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** A cell that no spreadsheet will evaluate: quote-prefixed when it could start a formula. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function serialize(items: readonly ExportItem[]): string {
  const rows = items.map((item) => CSV_COLUMNS.map(([, cell]) => safeCell(cell(item))));
  const text = Papa.unparse(
    { fields: CSV_COLUMNS.map(([name]) => name), data: rows },
    // papaparse's own `escapeFormulae` misses a formula followed by a line break in the same cell,
    // so the cells are made safe above instead.
    { quotes: false, newline: '\r\n', header: true },
  );
  return `${text.replace(/(\r\n)+$/, '')}\r\n`;
}

export const csv: FormatDescriptor = {
  id: 'csv',
  label: 'CSV (spreadsheet)',
  extension: 'csv',
  mimeType: 'text/csv',
  serialize,
};
