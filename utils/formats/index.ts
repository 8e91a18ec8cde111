import { bibtex } from './bibtex';
import { cslJson } from './csl-json';
import { csv } from './csv';
import { json } from './json';
import { markdown } from './markdown';
import { ris } from './ris';
import type { FormatDescriptor } from './types';

/**
 * Every export and import format, one file each (Zotero's translators): a field-map table at the
 * top, `serialize` and `parse` side by side. Importing this module loads them all, citation-js
 * included; the popup should use `loadFormat` from `./registry` to load one format when needed.
 */
export const formats: FormatDescriptor[] = [bibtex, ris, cslJson, csv, markdown, json];

export {
  exportFileName,
  formatInfo,
  loadFormat,
  detectImportFormat,
  getFormatInfo,
} from './registry';
export type { FormatInfo } from './registry';
export * from './types';
