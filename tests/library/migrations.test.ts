import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase, openLibrary } from '@/utils/library/db';
import { LIBRARY_VERSION, MIGRATIONS } from '@/utils/library/migrations';
import type { RecordV1, RemovedEntryV1 } from '@/utils/library/migrations/001-initial';
import { LIBRARY_DB_NAME } from '@/utils/library/schema';
import { natureArticle, pubmedOnly, resnetArxiv, resnetPublished } from './helpers';

const NAME = 'migration-test';

/** Records as version 1 of Papershelf wrote them (version 1 had its own, simpler keys). */
function v1Records(): { papers: RecordV1[]; removed: RemovedEntryV1[] } {
  const resnet = resnetArxiv();
  // Version 1 stored the arXiv DataCite DOI as a DOI, so it did not see this page as the same work.
  const datacite = {
    ...resnetArxiv(),
    doi: '10.48550/arxiv.1512.03385',
    arxivId: undefined,
    abstract: undefined,
  };
  const nature = natureArticle();
  const kidney = pubmedOnly();
  return {
    papers: [
      {
        id: 'p_resnet',
        paper: resnet,
        pageUrls: ['https://arxiv.org/abs/1512.03385'],
        savedAt: 1_600_000_000_000,
        updatedAt: 1_600_000_100_000,
        user: { status: 'reading', tags: ['vision'], notes: 'Read section 3', starred: true },
        keys: {
          dois: [],
          arxivIds: ['1512.03385'],
          pmids: [],
          urls: ['arxiv.org/abs/1512.03385'],
          titleKey: 'deep residual learning for image recognition',
        },
      },
      {
        id: 'p_nature',
        paper: nature,
        pageUrls: ['https://pubmed.ncbi.nlm.nih.gov/32353859/'],
        savedAt: 1_600_000_200_000,
        updatedAt: 1_600_000_200_000,
        user: { status: 'to-read', tags: [], notes: '', starred: false },
        keys: {
          dois: ['10.1038/s41586-020-2286-9'],
          arxivIds: [],
          pmids: ['32353859'],
          urls: ['pubmed.ncbi.nlm.nih.gov/32353859'],
          titleKey: 'a sars cov 2 protein interaction map reveals targets for drug repurposing',
        },
      },
      {
        id: 'p_datacite',
        paper: datacite,
        pageUrls: ['https://doi.org/10.48550/arXiv.1512.03385'],
        savedAt: 1_600_000_300_000,
        updatedAt: 1_600_000_300_000,
        user: { status: 'read', tags: ['resnet'], notes: 'Cited in thesis ch. 2', starred: false },
        keys: {
          dois: ['10.48550/arxiv.1512.03385'],
          arxivIds: [],
          pmids: [],
          urls: ['doi.org/10.48550/arxiv.1512.03385'],
          titleKey: 'deep residual learning for image recognition',
        },
      },
    ],
    removed: [
      {
        token: 'u_kidney',
        removedAt: 1_600_000_400_000,
        record: {
          id: 'p_kidney',
          paper: kidney,
          pageUrls: ['https://pubmed.ncbi.nlm.nih.gov/30712345/'],
          savedAt: 1_600_000_050_000,
          updatedAt: 1_600_000_050_000,
          user: { status: 'to-read', tags: ['nephrology'], notes: '', starred: false },
          keys: {
            dois: [],
            arxivIds: [],
            pmids: ['30712345'],
            urls: ['pubmed.ncbi.nlm.nih.gov/30712345'],
          },
        },
      },
    ],
  };
}

async function writeV1(factory: IDBFactory, data = v1Records()): Promise<void> {
  const db = await openDatabase({ factory, name: NAME, version: 1 });
  const tx = db.transaction(['papers', 'removed'], 'readwrite');
  // Version 1's records do not fit today's types: written untyped, as version 1 did.
  const papers = tx.objectStore('papers') as unknown as { put(v: unknown): Promise<unknown> };
  const removed = tx.objectStore('removed') as unknown as { put(v: unknown): Promise<unknown> };
  await Promise.all([
    ...data.papers.map((r) => papers.put(r)),
    ...data.removed.map((r) => removed.put(r)),
  ]);
  await tx.done;
  db.close();
}

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LIBRARY_VERSION).toBe(2);
    expect(LIBRARY_DB_NAME).toBe('papershelf-library');
  });

  it('001 creates the stores and indexes of version 1', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase({ factory, name: NAME, version: 1 });
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames]).toEqual(['papers', 'removed']);
    const store = db.transaction('papers').store;
    expect([...store.indexNames].sort()).toEqual(
      ['arxivId', 'doi', 'pmid', 'savedAt', 'status', 'tags', 'titleKey', 'url'].sort(),
    );
    db.close();
  });

  it('002 upgrades a version 1 library: nothing lost, nothing duplicated', async () => {
    const factory = new IDBFactory();
    await writeV1(factory);
    const library = await openLibrary({ factory, name: NAME, now: () => 1_700_000_000_000 });
    expect(library.db.version).toBe(2);

    const all = await library.exportPapers();
    // The DataCite-DOI record and the arXiv record are one work now: merged into the older one.
    expect(all.map((r) => r.id)).toEqual(['p_resnet', 'p_nature']);
    const resnet = all[0]!;
    expect(resnet.user).toEqual({
      status: 'read',
      tags: ['vision', 'resnet'],
      notes: 'Read section 3\n\nCited in thesis ch. 2',
      starred: true,
    });
    expect(resnet.pageUrls).toEqual([
      'https://arxiv.org/abs/1512.03385',
      'https://doi.org/10.48550/arXiv.1512.03385',
    ]);
    expect(resnet.savedAt).toBe(1_600_000_000_000);
    expect(resnet.paper.abstract).toBe(resnetArxiv().abstract);
    expect(resnet.versions).toEqual([
      expect.objectContaining({
        kind: 'preprint',
        arxivId: '1512.03385',
        doi: '10.48550/arxiv.1512.03385',
      }),
    ]);
    expect(resnet.keys.workKeys).toEqual(['deep residual learning for image recognition|he|2015']);

    const nature = all[1]!;
    expect(nature.paper).toEqual(natureArticle());
    expect(nature.keys.pmcids).toEqual(['PMC7431030']);
    expect(nature.versions).toEqual([
      expect.objectContaining({ kind: 'published', doi: '10.1038/s41586-020-2286-9' }),
    ]);

    // The new indexes answer.
    expect(
      await library.findSaved([{ pmcid: 'PMC7431030' }, { doi: '10.48550/arXiv.1512.03385' }]),
    ).toEqual(['p_nature', 'p_resnet']);
    const byTitle = await library.db.getAllKeysFromIndex(
      'papers',
      'titleKey',
      'deep residual learning for image recognition',
    );
    expect(byTitle).toEqual(['p_resnet']);

    // The removal made under version 1 can still be undone, into a version 2 record.
    const undone = await library.undoRemove('u_kidney').catch(() => undefined);
    // Removed long ago: expired by now, and that is reported, not crashed on.
    expect(undone).toBeUndefined();
    library.close();

    // Saving the published version afterwards joins the migrated record.
    const again = await openLibrary({ factory, name: NAME });
    const saved = await again.savePaper({ ...resnetPublished(), arxivId: '1512.03385' });
    expect(saved.record.id).toBe('p_resnet');
    expect(await again.exportPapers()).toHaveLength(2);
    again.close();
  });

  it('002 upgrades removed entries so that a recent removal can be undone', async () => {
    const factory = new IDBFactory();
    const data = v1Records();
    await writeV1(factory, data);
    const removedAt = data.removed[0]!.removedAt;
    const library = await openLibrary({ factory, name: NAME, now: () => removedAt + 1000 });
    const undone = await library.undoRemove('u_kidney');
    expect(undone.record).toMatchObject({ id: 'p_kidney', user: { tags: ['nephrology'] } });
    expect(undone.record.versions).toHaveLength(1);
    expect(await library.findSaved([{ pmid: '30712345' }])).toEqual(['p_kidney']);
    library.close();
  });

  it('a failing upgrade leaves the version 1 database as it was', async () => {
    const factory = new IDBFactory();
    const data = v1Records();
    // A corrupt record (no paper) makes migration 002 throw half way.
    data.papers.push({
      ...data.papers[0]!,
      id: 'p_corrupt',
      savedAt: 1_700_000_000_000,
      paper: null as never,
    });
    await writeV1(factory, data);
    await expect(openLibrary({ factory, name: NAME })).rejects.toMatchObject({ code: 'upgrade' });
    const db = await openDatabase({ factory, name: NAME, version: 1 });
    expect(db.version).toBe(1);
    expect(await db.count('papers')).toBe(4);
    expect(await db.get('papers', 'p_datacite')).toEqual(data.papers[2]);
    db.close();
  });
});
