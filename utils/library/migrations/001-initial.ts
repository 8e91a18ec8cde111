import type { Paper } from '@/utils/paper';
import type { Migration } from './types';

/**
 * Version 1: the `papers` store with identity indexes (DOI, arXiv id, PMID, URL, one title key) and
 * the user's data (status, tags); the `removed` store that keeps removed papers for undo.
 */

/** A record as version 1 wrote it: no versions, no PMCID or title+author+year keys, one title key. */
export interface RecordV1 {
  id: string;
  paper: Paper;
  pageUrls: string[];
  savedAt: number;
  updatedAt: number;
  user: { status: 'to-read' | 'reading' | 'read'; tags: string[]; notes: string; starred: boolean };
  keys: {
    dois: string[];
    arxivIds: string[];
    pmids: string[];
    urls: string[];
    titleKey?: string;
  };
}

export interface RemovedEntryV1 {
  token: string;
  removedAt: number;
  record: RecordV1;
}

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    const papers = db.createObjectStore('papers', { keyPath: 'id' });
    papers.createIndex('doi', 'keys.dois', { multiEntry: true });
    papers.createIndex('arxivId', 'keys.arxivIds', { multiEntry: true });
    papers.createIndex('pmid', 'keys.pmids', { multiEntry: true });
    papers.createIndex('url', 'keys.urls', { multiEntry: true });
    papers.createIndex('titleKey', 'keys.titleKey');
    papers.createIndex('savedAt', 'savedAt');
    papers.createIndex('status', 'user.status');
    papers.createIndex('tags', 'user.tags', { multiEntry: true });
    const removed = db.createObjectStore('removed', { keyPath: 'token' });
    removed.createIndex('removedAt', 'removedAt');
    return Promise.resolve();
  },
};
