import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkLike } from '@/utils/library/identity';
import type { ImportItem } from '@/utils/library/library';
import { LibraryError } from '@/utils/library/errors';
import { author, biorxivPreprint, freshLibrary, natureArticle, paper } from './helpers';

/** Synthetic but realistic works: DOI, arXiv id, PMID, URL, title, authors, year. */
function work(i: number) {
  return paper({
    title: `Learning representation number ${i} for sparse graph signals`,
    authors: [author('Ana', `Family${i}`), author('Bo', 'Second')],
    year: 2000 + (i % 25),
    doi: i % 4 === 0 ? `10.5555/synthetic.${i}` : undefined,
    arxivId: i % 4 === 1 ? `2101.${String(10000 + i)}` : undefined,
    pmid: i % 4 === 2 ? String(30000000 + i) : undefined,
    url: `https://journal.example.org/articles/${i}`,
  });
}

describe('concurrency', () => {
  it('50 simultaneous overlapping saves end as one record per work, every save merged in', async () => {
    const { library } = await freshLibrary();
    // Work 0 exists already and carries user data that concurrent saves must not lose.
    const seed = await library.savePaper(
      paper({ title: 'Seed work on concurrency in IndexedDB', doi: '10.1000/w0' }),
    );
    const saves = Array.from({ length: 50 }, (_, i) => {
      const w = i % 10; // 10 works, each saved 5 times by different identifiers
      const form = Math.floor(i / 10);
      const ids =
        form % 3 === 0
          ? { doi: `10.1000/w${w}` }
          : form % 3 === 1
            ? { doi: `https://doi.org/10.1000/W${w}`, url: `https://example.org/w/${w}` }
            : { url: `https://example.org/w/${w}?utm_source=feed` }; // URL only: a weak match
      return paper({
        title: `Seed work on concurrency in IndexedDB ${w === 0 ? '' : w}`.trim(),
        keywords: [`from-save-${i}`],
        ...ids,
      });
    });
    const results = await Promise.all([
      ...saves.map((p, i) => library.savePaper(p, `https://sender-${i}.example.org/page`)),
      library.updatePaper(seed.record.id, { tags: ['keep-me'], starred: true }),
    ]);
    expect(results).toHaveLength(51);
    const all = await library.exportPapers();
    expect(all).toHaveLength(10);
    for (let w = 0; w < 10; w++) {
      const r = all.find((x) => x.paper.doi === `10.1000/w${w}`);
      expect(r, `work ${w}`).toBeDefined();
      // No lost update: the keyword and page of every one of the 5 saves of this work are there.
      const expected = [0, 1, 2, 3, 4].map((f) => `from-save-${f * 10 + w}`);
      expect(r!.paper.keywords).toEqual(expect.arrayContaining(expected));
      expect(r!.pageUrls).toHaveLength(5);
    }
    const seedNow = all.find((x) => x.id === seed.record.id)!;
    expect(seedNow.user).toMatchObject({ tags: ['keep-me'], starred: true });
  });
});

describe('quota', () => {
  afterEach(() => vi.restoreAllMocks());

  function failPutsAfter(n: number) {
    const original = FakeObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (
      this: InstanceType<typeof FakeObjectStore>,
      ...args: Parameters<typeof original>
    ) {
      if (++calls > n) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
  }

  it('a save that would join two records fails whole, with a clear error', async () => {
    const { library } = await freshLibrary();
    const article = await library.savePaper(natureArticle());
    const pre = biorxivPreprint();
    delete pre.publishedDoi;
    const preprint = await library.savePaper(pre);
    const before = await library.exportPapers();

    failPutsAfter(0);
    const error = await library.savePaper(biorxivPreprint()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ code: 'quota' });
    expect((error as Error).message).toMatch(/full/);
    vi.restoreAllMocks();

    // The delete of the absorbed record was rolled back with the failed put.
    expect(await library.exportPapers()).toEqual(before);
    expect(await library.getPaper(article.record.id)).toBeDefined();
    expect(await library.getPaper(preprint.record.id)).toBeDefined();
    // The library still works.
    expect((await library.savePaper(biorxivPreprint())).outcome).toBe('merged');
  });

  it('an import that runs out of space imports nothing', async () => {
    const { library } = await freshLibrary();
    await library.savePaper(work(1));
    failPutsAfter(3);
    const items: ImportItem[] = [2, 3, 4, 5, 6].map((i) => ({ paper: work(i) }));
    await expect(library.importPapers(items)).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect(await library.exportPapers()).toHaveLength(1);
  });
});

describe('findSaved', () => {
  it('answers 2,000 works in one transaction', async () => {
    const { library } = await freshLibrary();
    await library.importPapers(Array.from({ length: 400 }, (_, i) => ({ paper: work(i) })));

    const works: WorkLike[] = [];
    const expectedSaved: boolean[] = [];
    for (let i = 0; i < 2000; i++) {
      const saved = i < 400 && i % 2 === 0;
      const n = saved ? i : 10_000 + i;
      const w = work(n);
      // Each reference names the work the way reference lists do: one identifier, or none.
      switch (i % 5) {
        case 0:
          works.push(w.doi ? { doi: `https://doi.org/${w.doi.toUpperCase()}` } : { url: w.url });
          break;
        case 1:
          works.push(w.arxivId ? { doi: `10.48550/arXiv.${w.arxivId}` } : { url: `${w.url}/` });
          break;
        case 2:
          works.push(w.pmid ? { pmid: w.pmid } : { url: w.url });
          break;
        case 3:
          works.push({ url: `http://www.journal.example.org/articles/${n}#abstract` });
          break;
        default:
          works.push({ title: w.title.toUpperCase(), authors: w.authors, year: w.year });
      }
      expectedSaved.push(saved);
    }

    const spy = vi.spyOn(library.db, 'transaction');
    const started = performance.now();
    const ids = await library.findSaved(works);
    const ms = performance.now() - started;
    expect(spy).toHaveBeenCalledTimes(1);
    expect(ids).toHaveLength(2000);
    expect(ids.map((id) => id !== null)).toEqual(expectedSaved);
    // fake-indexeddb is far slower than a browser's IndexedDB; this bounds regressions only.
    expect(ms).toBeLessThan(5000);
    console.info(
      `findSaved: 2,000 works against 400 records in ${ms.toFixed(0)} ms (fake-indexeddb)`,
    );
  });

  it('finds a saved paper from any of its versions', async () => {
    const { library } = await freshLibrary();
    const { record } = await library.savePaper(biorxivPreprint());
    expect(
      await library.findSaved([
        { doi: '10.1038/S41586-020-2286-9' },
        { doi: '10.1101/2020.03.22.002386' },
        { url: 'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3' },
        { doi: '10.1038/nature12345' },
        {},
      ]),
    ).toEqual([record.id, record.id, record.id, null, null]);
    expect(await library.findSaved([])).toEqual([]);
  });
});

describe('removal on a full disk', () => {
  afterEach(() => vi.restoreAllMocks());

  it('still removes (without undo), so that the user can free space', async () => {
    const { library } = await freshLibrary();
    const { record } = await library.savePaper(natureArticle());
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const result = await library.removePaper(record.id);
    expect(result).toMatchObject({ token: '', undoable: false });
    expect(await library.getPaper(record.id)).toBeUndefined();
    await expect(library.removePaper(record.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});
