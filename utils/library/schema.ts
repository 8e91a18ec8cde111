import type { DBSchema } from 'idb';
import type { Paper } from '@/utils/paper';

/**
 * The library's IndexedDB schema (current version). Older record shapes live beside the migration
 * that replaced them (`migrations/NNN-*.ts`), so this file only ever describes what is on disk now.
 *
 * Only the background worker opens this database: IndexedDB opened from a content script would belong
 * to the web page's origin, not to the extension.
 */

export const LIBRARY_DB_NAME = 'papershelf-library';

export type ReadingStatus = 'to-read' | 'reading' | 'read';

export const READING_STATUSES: readonly ReadingStatus[] = ['to-read', 'reading', 'read'];

/** The user's own data about a paper. Saving the paper again never touches it. */
export interface UserData {
  status: ReadingStatus;
  /** Trimmed, unique, in the order the user added them. */
  tags: string[];
  notes: string;
  starred: boolean;
}

/**
 * One version of the work: the preprint (arXiv, bioRxiv, …) or the published article. A record holds
 * one entry per distinct version it has seen, so saving the journal page of an arXiv paper adds a
 * version instead of creating a second paper or silently replacing the first.
 */
export interface PaperVersion {
  kind: 'preprint' | 'published';
  doi?: string;
  arxivId?: string;
  /** The newest arXiv version seen, e.g. `v7`. */
  arxivVersion?: string;
  pmid?: string;
  pmcid?: string;
  title?: string;
  venue?: string;
  year?: number;
  url?: string;
  /** When this version was first seen (ms since epoch). */
  seenAt: number;
}

/**
 * Identity keys derived from the record (see `identity.ts`), stored so that IndexedDB can index them.
 * Every list is normalised and unique; they are recomputed whenever the record changes.
 */
export interface RecordKeys {
  /** Normalised DOIs of every version, the arXiv DataCite DOIs excepted (they live in `arxivIds`). */
  dois: string[];
  /** arXiv ids without version, lowercase. */
  arxivIds: string[];
  pmids: string[];
  /** With the `PMC` prefix. */
  pmcids: string[];
  /** Canonical URL keys (`canonicalUrlKey`) of the paper's URL and every page it was saved from. */
  urls: string[];
  /** Normalised titles of every version. */
  titleKeys: string[];
  /** `title|first author family|year` of every version, when all three are known. */
  workKeys: string[];
}

export interface LibraryRecord {
  /** Opaque, stable: `p_` + a random UUID. */
  id: string;
  /** The merged, best-known metadata; `paper.sources` keeps each field's provenance. */
  paper: Paper;
  versions: PaperVersion[];
  /** http(s) pages the paper was saved from, oldest first. */
  pageUrls: string[];
  /** ms since epoch. */
  savedAt: number;
  updatedAt: number;
  user: UserData;
  keys: RecordKeys;
}

/** A removed record, kept briefly so that the removal can be undone. */
export interface RemovedEntry {
  token: string;
  removedAt: number;
  record: LibraryRecord;
}

export interface LibrarySchema extends DBSchema {
  papers: {
    key: string;
    value: LibraryRecord;
    indexes: {
      doi: string;
      arxivId: string;
      pmid: string;
      pmcid: string;
      url: string;
      titleKey: string;
      workKey: string;
      savedAt: number;
      status: ReadingStatus;
      tags: string;
    };
  };
  removed: {
    key: string;
    value: RemovedEntry;
    indexes: { removedAt: number };
  };
}

/** Index name → key path, for the identity lookups. */
export const IDENTITY_INDEXES = {
  doi: 'keys.dois',
  arxivId: 'keys.arxivIds',
  pmid: 'keys.pmids',
  pmcid: 'keys.pmcids',
  url: 'keys.urls',
  workKey: 'keys.workKeys',
} as const;

export type IdentityIndex = keyof typeof IDENTITY_INDEXES;
