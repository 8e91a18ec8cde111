import { describe, expect, it } from 'vitest';
import { LibraryError } from '@/utils/library/errors';
import {
  author,
  biorxivPreprint,
  freshLibrary,
  natureArticle,
  paper,
  pubmedOnly,
  resnetArxiv,
  resnetPublished,
} from './helpers';

describe('savePaper', () => {
  it('creates, then reports unchanged, then merges richer data', async () => {
    const { library } = await freshLibrary();
    const first = await library.savePaper(
      resnetPublished(),
      'https://ieeexplore.ieee.org/document/7780459',
    );
    expect(first.outcome).toBe('created');
    expect(first.record.id).toMatch(/^p_/);
    expect(first.record.user).toEqual({ status: 'to-read', tags: [], notes: '', starred: false });

    const again = await library.savePaper(
      resnetPublished(),
      'https://ieeexplore.ieee.org/document/7780459',
    );
    expect(again.outcome).toBe('unchanged');
    expect(again.record.id).toBe(first.record.id);

    const richer = resnetPublished();
    richer.abstract = `${richer.abstract} A much longer abstract, found on a second visit.`;
    const merged = await library.savePaper(richer, 'https://ieeexplore.ieee.org/document/7780459');
    expect(merged.outcome).toBe('merged');
    expect(merged.record.paper.abstract).toBe(richer.abstract);
    expect((await library.getStats()).count).toBe(1);
  });

  it.each([
    ['DOI in another form', { doi: 'https://doi.org/10.1109/CVPR.2016.90' }],
    [
      'the same canonical URL',
      { url: 'http://www.ieeexplore.ieee.org/document/7780459/?utm_source=x#refs' },
    ],
    ['title, first author and year', {}],
  ])('recognises the same work by %s', async (_name, fields) => {
    const { library } = await freshLibrary();
    const a = await library.savePaper(resnetPublished());
    const b = await library.savePaper(
      paper({
        title: 'Deep residual learning for image recognition.',
        authors: [author('Kaiming', 'He')],
        year: 2016,
        ...fields,
      }),
    );
    expect(b.outcome).not.toBe('created');
    expect(b.record.id).toBe(a.record.id);
    expect((await library.getStats()).count).toBe(1);
  });

  it('recognises the same arXiv id whatever the version, and keeps the newest version', async () => {
    const { library } = await freshLibrary();
    const a = await library.savePaper(resnetArxiv());
    const v3 = resnetArxiv();
    v3.arxivId = 'arXiv:1512.03385v3';
    delete v3.arxivVersion;
    const b = await library.savePaper(v3, 'https://arxiv.org/abs/1512.03385v3');
    expect(b.record.id).toBe(a.record.id);
    expect(b.record.paper.arxivVersion).toBe('v3');
    expect(b.record.versions).toHaveLength(1);
    expect(b.record.versions[0]).toMatchObject({
      kind: 'preprint',
      arxivId: '1512.03385',
      arxivVersion: 'v3',
    });
    // The arXiv DataCite DOI names the same preprint.
    const c = await library.savePaper(paper({ title: 'x', doi: '10.48550/arXiv.1512.03385' }));
    expect(c.record.id).toBe(a.record.id);
  });

  it('recognises PMID and PMCID', async () => {
    const { library } = await freshLibrary();
    const a = await library.savePaper(natureArticle());
    const byPmid = await library.savePaper(paper({ title: 'Other title', pmid: 'PMID: 32353859' }));
    const byPmcid = await library.savePaper(paper({ title: 'Other title', pmcid: 'pmc7431030' }));
    expect(byPmid.record.id).toBe(a.record.id);
    expect(byPmcid.record.id).toBe(a.record.id);
  });

  it('keeps a paper known only by its DOI, then completes it when the full page is saved', async () => {
    const { library } = await freshLibrary();
    const bare = await library.savePaper(
      paper({ title: '', authors: [], doi: '10.1016/j.acmr.2006.02.017' }),
    );
    expect(bare.outcome).toBe('created');
    expect(bare.record.paper.title).toBe('');
    const full = await library.savePaper(
      paper({
        title: 'Variations in congenital heart disease training',
        authors: [author('Ana', 'Ruiz')],
        doi: 'https://doi.org/10.1016/J.ACMR.2006.02.017',
      }),
    );
    expect(full.record.id).toBe(bare.record.id);
    expect(full.record.paper.title).toBe('Variations in congenital heart disease training');
    expect((await library.getStats()).count).toBe(1);
  });

  it('does not merge different works that share a title, author and year but not an arXiv id', async () => {
    const { library } = await freshLibrary();
    const a = await library.savePaper(
      paper({
        title: 'Notes on a lemma of harmonic analysis',
        authors: [author('A', 'Smith')],
        year: 2020,
        arxivId: '2001.00001',
      }),
    );
    const b = await library.savePaper(
      paper({
        title: 'Notes on a lemma of harmonic analysis',
        authors: [author('A', 'Smith')],
        year: 2020,
        arxivId: '2002.00002',
      }),
    );
    expect(b.outcome).toBe('created');
    expect(b.record.id).not.toBe(a.record.id);
  });

  it('keeps an arXiv preprint and its published paper as one record with two versions', async () => {
    const { library } = await freshLibrary();
    const arxiv = resnetArxiv();
    arxiv.doi = '10.1109/CVPR.2016.90'; // the journal DOI the arXiv page names
    const a = await library.savePaper(arxiv, 'https://arxiv.org/abs/1512.03385');
    expect(a.record.versions.map((v) => v.kind)).toEqual(['preprint', 'published']);
    await library.updatePaper(a.record.id, {
      status: 'reading',
      tags: ['vision'],
      notes: 'skip-connections',
      starred: true,
    });

    const b = await library.savePaper(
      resnetPublished(),
      'https://ieeexplore.ieee.org/document/7780459',
    );
    expect(b.outcome).toBe('merged');
    expect(b.record.id).toBe(a.record.id);
    const r = b.record;
    // The article's bibliographic fields win; the richer arXiv data stays.
    expect(r.paper.venue).toMatch(/CVPR/);
    expect(r.paper.pages).toBe('770-778');
    expect(r.paper.doi).toBe('10.1109/cvpr.2016.90');
    expect(r.paper.arxivId).toBe('1512.03385');
    expect(r.paper.sources.venue).toBe('highwire');
    expect(r.paper.authors[0]).toEqual({ given: 'Kaiming', family: 'He' });
    expect(r.paper.abstract).toMatch(/residual learning framework/);
    expect(r.versions).toHaveLength(2);
    expect(r.versions.find((v) => v.kind === 'published')).toMatchObject({
      doi: '10.1109/cvpr.2016.90',
    });
    expect(r.keys.arxivIds).toEqual(['1512.03385']);
    expect(r.pageUrls).toEqual([
      'https://arxiv.org/abs/1512.03385',
      'https://ieeexplore.ieee.org/document/7780459',
    ]);
    expect(r.user).toEqual({
      status: 'reading',
      tags: ['vision'],
      notes: 'skip-connections',
      starred: true,
    });

    // Saving the arXiv page again does not bring the preprint's venue back.
    const c = await library.savePaper(arxiv, 'https://arxiv.org/abs/1512.03385');
    expect(c.record.paper.venue).toMatch(/CVPR/);
    expect((await library.getStats()).count).toBe(1);
  });

  it('joins a bioRxiv preprint and its journal article saved before the link was known', async () => {
    const { library } = await freshLibrary();
    const article = await library.savePaper(
      natureArticle(),
      'https://pubmed.ncbi.nlm.nih.gov/32353859/',
    );
    await library.updatePaper(article.record.id, { tags: ['covid'], status: 'read' });
    const preprintOnly = biorxivPreprint();
    delete preprintOnly.publishedDoi;
    const pre = await library.savePaper(preprintOnly);
    expect(pre.outcome).toBe('created');
    await library.updatePaper(pre.record.id, { tags: ['interactome'], notes: 'Fig. 3' });
    expect((await library.getStats()).count).toBe(2);

    // The preprint page now says "Now published in Nature": one work, both versions, both users' data.
    const linked = await library.savePaper(biorxivPreprint());
    expect(linked.outcome).toBe('merged');
    expect(linked.absorbed).toHaveLength(1);
    expect((await library.getStats()).count).toBe(1);
    const r = linked.record;
    expect(r.id).toBe(article.record.id); // the older record survives
    expect(r.versions.map((v) => [v.kind, v.doi])).toEqual(
      expect.arrayContaining([
        ['published', '10.1038/s41586-020-2286-9'],
        ['preprint', '10.1101/2020.03.22.002386'],
      ]),
    );
    expect(r.paper.title).toBe(natureArticle().title);
    expect(r.paper.venue).toBe('Nature');
    expect(r.user).toEqual({
      status: 'read',
      tags: ['covid', 'interactome'],
      notes: 'Fig. 3',
      starred: false,
    });
    expect(await library.getPaper(pre.record.id)).toBeUndefined();
  });

  it('ignores non-http page URLs', async () => {
    const { library } = await freshLibrary();
    const r = await library.savePaper(pubmedOnly(), 'javascript:alert(1)');
    expect(r.record.pageUrls).toEqual([]);
  });
});

describe('removePaper / undoRemove', () => {
  it('removes and restores a paper with its user data', async () => {
    const { library } = await freshLibrary();
    const { record } = await library.savePaper(pubmedOnly());
    await library.updatePaper(record.id, { tags: ['kidney'] });
    const { token } = await library.removePaper(record.id);
    expect(await library.getPaper(record.id)).toBeUndefined();
    expect(await library.findSaved([{ pmid: '30712345' }])).toEqual([null]);
    const undone = await library.undoRemove(token);
    expect(undone.outcome).toBe('restored');
    expect(undone.record.id).toBe(record.id);
    expect(undone.record.user.tags).toEqual(['kidney']);
    expect(await library.findSaved([{ pmid: '30712345' }])).toEqual([record.id]);
    await expect(library.undoRemove(token)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('merges on undo when the work was saved again meanwhile', async () => {
    const { library } = await freshLibrary();
    const { record } = await library.savePaper(pubmedOnly());
    await library.updatePaper(record.id, { notes: 'read the methods' });
    const { token } = await library.removePaper(record.id);
    await library.savePaper(pubmedOnly());
    const undone = await library.undoRemove(token);
    expect(undone.outcome).toBe('merged');
    expect(undone.record.user.notes).toBe('read the methods');
    expect((await library.getStats()).count).toBe(1);
  });

  it('refuses an undo after the window', async () => {
    let now = 1_000_000;
    const { library } = await freshLibrary({ now: () => now, undoWindowMs: 1000 });
    const { record } = await library.savePaper(pubmedOnly());
    const { token } = await library.removePaper(record.id);
    now += 5000;
    await expect(library.undoRemove(token)).rejects.toMatchObject({ code: 'expired' });
    await expect(library.removePaper('p_missing')).rejects.toBeInstanceOf(LibraryError);
  });
});

describe('updatePaper', () => {
  it('changes only user data, normalising tags', async () => {
    const { library } = await freshLibrary();
    const { record } = await library.savePaper(pubmedOnly());
    const r = await library.updatePaper(record.id, { tags: [' ml ', 'ML', 'nlp'], status: 'read' });
    expect(r.user.tags).toEqual(['ml', 'nlp']);
    expect(r.user.status).toBe('read');
    expect(r.paper).toEqual(record.paper);
    await expect(library.updatePaper('p_nope', { starred: true })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('listPapers and getStats', () => {
  it('pages, filters, sorts and counts', async () => {
    let now = 1000;
    const { library } = await freshLibrary({ now: () => now++ });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await library.savePaper(
        paper({ title: `Paper number ${i} on graphs`, doi: `10.1000/test.${i}`, year: 2010 + i }),
      );
      ids.push(r.record.id);
    }
    await library.updatePaper(ids[1]!, { status: 'read', tags: ['graphs'] });
    await library.updatePaper(ids[2]!, {
      status: 'reading',
      tags: ['graphs', 'theory'],
      starred: true,
    });

    const page1 = await library.listPapers({ limit: 3 });
    expect(page1.records.map((r) => r.id)).toEqual([ids[6], ids[5], ids[4]]);
    expect(page1.total).toBe(7);
    const page3 = await library.listPapers({ limit: 3, cursor: '6' });
    expect(page3.records.map((r) => r.id)).toEqual([ids[0]]);
    expect(page3.nextCursor).toBeUndefined();
    const page2 = await library.listPapers({ limit: 3, cursor: page1.nextCursor });
    expect(page2.records.map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]]);

    expect((await library.listPapers({ status: 'read' })).records.map((r) => r.id)).toEqual([
      ids[1],
    ]);
    expect(
      (await library.listPapers({ tag: 'graphs', sort: 'year', order: 'asc' })).records.map(
        (r) => r.id,
      ),
    ).toEqual([ids[1], ids[2]]);
    expect((await library.listPapers({ starred: true })).total).toBe(1);
    expect((await library.listPapers({ search: 'number 4' })).records.map((r) => r.id)).toEqual([
      ids[4],
    ]);
    expect((await library.listPapers({ sort: 'title' })).records[0]!.id).toBe(ids[0]);

    const stats = await library.getStats();
    expect(stats).toEqual({
      count: 7,
      byStatus: { 'to-read': 5, reading: 1, read: 1 },
      tags: [
        { tag: 'graphs', count: 2 },
        { tag: 'theory', count: 1 },
      ],
    });
  });
});

describe('importPapers / exportPapers', () => {
  it('round-trips and deduplicates, joining user data', async () => {
    const { library } = await freshLibrary();
    const a = await library.savePaper(resnetArxiv());
    await library.updatePaper(a.record.id, { tags: ['vision'] });
    await library.savePaper(pubmedOnly());
    const exported = await library.exportPapers();
    expect(exported).toHaveLength(2);

    const other = (await freshLibrary()).library;
    const first = await other.importPapers(exported);
    expect(first).toMatchObject({ created: 2, merged: 0, unchanged: 0 });
    const again = await other.importPapers(exported);
    expect(again).toMatchObject({ created: 0, unchanged: 2 });
    expect(await other.exportPapers()).toHaveLength(2);

    const linked = { ...resnetArxiv(), doi: '10.1109/CVPR.2016.90' };
    const withNotes = await other.importPapers([
      { paper: linked, user: { tags: ['cnn'], notes: 'from a colleague' } },
    ]);
    expect(withNotes.merged).toBe(1);
    const [r] = (await other.listPapers({ tag: 'cnn' })).records;
    expect(r?.user.tags).toEqual(['vision', 'cnn']);
    expect(r?.user.notes).toBe('from a colleague');
    expect(r?.versions.map((v) => v.kind).sort()).toEqual(['preprint', 'published']);
  });
});

describe('closing', () => {
  it('reports a closed library clearly', async () => {
    const { library } = await freshLibrary();
    expect(library.isOpen).toBe(true);
    library.close();
    expect(library.isOpen).toBe(false);
    await expect(library.getStats()).rejects.toMatchObject({ code: 'closed' });
    await expect(library.savePaper(pubmedOnly())).rejects.toMatchObject({ code: 'closed' });
  });

  it('steps aside when a newer version of the database is opened elsewhere', async () => {
    const { library, factory } = await freshLibrary();
    const newer = factory.open('test-library', 99);
    await new Promise((resolve) => newer.addEventListener('success', resolve));
    expect(library.isOpen).toBe(false);
    newer.result.close();
  });
});

describe('findSaved vetoes weak matches as save does', () => {
  it('a URL shared by another title is not this work', async () => {
    const { library } = await freshLibrary();
    const url = 'https://reader.example.org/app?view=paper';
    const { record } = await library.savePaper(paper({ title: 'Graph attention networks', url }));
    expect(
      await library.findSaved([
        { url },
        { url, title: 'Graph Attention Networks' },
        { url, title: 'Deep sets' },
        { url, title: 'Deep sets', doi: '10.1000/deepsets' },
      ]),
    ).toEqual([record.id, record.id, null, null]);
  });
});
