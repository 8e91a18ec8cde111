import type { Paper } from '@/utils/paper';

/**
 * The shapes every format shares. Formats read and write a `Paper` plus the user's own data about it;
 * they do not depend on the library's record type, so the library can change its storage without
 * touching them (the popup maps a `LibraryRecord` to an `ExportItem` and an `ImportedItem` back).
 */

/** One version of a work (preprint or published article), as the JSON backup keeps it. */
export interface ExportVersion {
  kind: 'preprint' | 'published';
  doi?: string;
  arxivId?: string;
  arxivVersion?: string;
  pmid?: string;
  pmcid?: string;
  title?: string;
  venue?: string;
  year?: number;
  url?: string;
  seenAt: number;
}

/** A paper and the user's data about it, as the formats write it. */
export interface ExportItem {
  paper: Paper;
  /** `to-read` | `reading` | `read` in the library; kept as a string so formats stay independent. */
  status?: string;
  tags?: string[];
  notes?: string;
  starred?: boolean;
  /** ms since epoch. */
  savedAt?: number;
  updatedAt?: number;
  /** http(s) pages the paper was saved from. */
  pageUrls?: string[];
  /** Only the JSON backup writes these: the record id and the versions of the work. */
  id?: string;
  versions?: ExportVersion[];
}

/** What a parser found for one entry. Same shape as `ExportItem`: the JSON backup round-trips it. */
export type ImportedItem = ExportItem;

export interface ParseEntryError {
  /** 0-based position of the entry in the file (in entries, not lines). */
  index: number;
  /** A short excerpt of the entry, to show the user which one it is. Plain text, never markup. */
  entry: string;
  reason: string;
}

export interface ParseResult {
  items: ImportedItem[];
  errors: ParseEntryError[];
}

export type FormatId = 'bibtex' | 'ris' | 'csl-json' | 'csv' | 'markdown' | 'json';

export interface SerializeOptions {
  /** BibTeX and CSL-JSON citation keys: `{author}{year}{title}` by default (see citation-key.ts). */
  keyPattern?: string;
  /** JSON backup: the export time written in the file (ms since epoch); `Date.now()` by default. */
  exportedAt?: number;
  /** Markdown: the heading of the list. */
  title?: string;
}

export interface FormatDescriptor {
  id: FormatId;
  label: string;
  /** Without the dot. */
  extension: string;
  mimeType: string;
  serialize(items: readonly ExportItem[], options?: SerializeOptions): string;
  /** Present for the formats Papershelf imports. */
  parse?(text: string): ParseResult;
}

/** Thrown when a whole input cannot be read at all (too big, binary, not this format). */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}
