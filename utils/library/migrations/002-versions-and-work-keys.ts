import type { IDBPCursorWithValue } from 'idb';
import type { LibraryRecord, RemovedEntry } from '../schema';
import { flatKeys, recordKeys, sameWork, versionsOf } from '../identity';
import { mergeRecords } from '../merge';
import type { RecordV1, RemovedEntryV1 } from './001-initial';
import type { Migration } from './types';

/**
 * Version 2: preprint and published versions, PMCIDs, and the title + first author + year key.
 *
 * - every record gains `versions` (derived from its paper, dated when it was saved);
 * - its keys are recomputed: `pmcids`, `titleKeys` (one per version) and `workKeys` are new;
 * - new indexes `pmcid` and `workKey`; `titleKey` becomes multi-entry over `keys.titleKeys`;
 * - records that the new rules recognise as one work (e.g. an arXiv preprint and its article saved
 *   as two papers by version 1) are merged into the older one, user data joined.
 *
 * Keys are computed with today's `identity.ts`: if its rules change, a later migration recomputes them.
 */

export function upgradeRecordV1(old: RecordV1): LibraryRecord {
  const versions = versionsOf(old.paper, old.savedAt);
  const base = {
    id: old.id,
    paper: old.paper,
    versions,
    pageUrls: old.pageUrls,
    savedAt: old.savedAt,
    updatedAt: old.updatedAt,
    user: old.user,
  };
  return { ...base, keys: recordKeys(base) };
}

export const migration002: Migration = {
  version: 2,
  name: 'versions-and-work-keys',
  async up(_db, tx) {
    const papers = tx.objectStore('papers');
    papers.deleteIndex('titleKey');
    papers.createIndex('titleKey', 'keys.titleKeys', { multiEntry: true });
    papers.createIndex('pmcid', 'keys.pmcids', { multiEntry: true });
    papers.createIndex('workKey', 'keys.workKeys', { multiEntry: true });

    // Oldest first, so that a duplicate merges into the record saved first.
    const kept: LibraryRecord[] = [];
    const byKey = new Map<string, number>();
    const twinOf = (record: LibraryRecord) => {
      for (const { key, strong } of flatKeys(record.keys)) {
        const i = byKey.get(key);
        if (i !== undefined && (strong || sameWork(kept[i]!.keys, record.keys))) return i;
      }
      return -1;
    };
    const remember = (i: number) => {
      for (const { key } of flatKeys(kept[i]!.keys)) if (!byKey.has(key)) byKey.set(key, i);
    };
    let cursor = (await papers.index('savedAt').openCursor()) as IDBPCursorWithValue<
      unknown,
      string[],
      'papers',
      'savedAt',
      'versionchange'
    > | null;
    while (cursor) {
      const record = upgradeRecordV1(cursor.value as RecordV1);
      const i = twinOf(record);
      const twin = kept[i];
      if (twin) {
        kept[i] = mergeRecords(twin, record, Math.max(twin.updatedAt, record.updatedAt));
        remember(i);
        await cursor.delete();
      } else {
        remember(kept.push(record) - 1);
      }
      cursor = await cursor.continue();
    }
    for (const record of kept) await papers.put(record);

    const removed = tx.objectStore('removed');
    let rc = await removed.openCursor();
    while (rc) {
      const entry = rc.value as RemovedEntryV1;
      const upgraded: RemovedEntry = { ...entry, record: upgradeRecordV1(entry.record) };
      await rc.update(upgraded);
      rc = await rc.continue();
    }
  },
};
