import { describe, expect, it } from 'vitest';
import { freshLibrary, pubmedOnly } from './helpers';

describe('schema (current version)', () => {
  it('has the stores and indexes the features ask for', async () => {
    const { library } = await freshLibrary();
    const db = library.db;
    expect([...db.objectStoreNames].sort()).toEqual(['papers', 'removed']);
    const papers = db.transaction('papers').store;
    expect(papers.keyPath).toBe('id');
    const indexes = Object.fromEntries(
      [...papers.indexNames].map((name) => {
        const index = papers.index(name);
        return [name, { keyPath: index.keyPath, multiEntry: index.multiEntry }];
      }),
    );
    expect(indexes).toEqual({
      doi: { keyPath: 'keys.dois', multiEntry: true },
      arxivId: { keyPath: 'keys.arxivIds', multiEntry: true },
      pmid: { keyPath: 'keys.pmids', multiEntry: true },
      pmcid: { keyPath: 'keys.pmcids', multiEntry: true },
      url: { keyPath: 'keys.urls', multiEntry: true },
      titleKey: { keyPath: 'keys.titleKeys', multiEntry: true },
      workKey: { keyPath: 'keys.workKeys', multiEntry: true },
      savedAt: { keyPath: 'savedAt', multiEntry: false },
      status: { keyPath: 'user.status', multiEntry: false },
      tags: { keyPath: 'user.tags', multiEntry: true },
    });
    const removed = db.transaction('removed').store;
    expect(removed.keyPath).toBe('token');
    expect([...removed.indexNames]).toEqual(['removedAt']);
  });

  it('stores a record that survives structured cloning with every key filled in', async () => {
    const { library } = await freshLibrary();
    const { record } = await library.savePaper(
      pubmedOnly(),
      'https://pubmed.ncbi.nlm.nih.gov/30712345/',
    );
    const stored = await library.getPaper(record.id);
    expect(stored).toEqual(structuredClone(record));
    expect(stored?.keys).toEqual({
      dois: [],
      arxivIds: [],
      pmids: ['30712345'],
      pmcids: [],
      urls: ['pubmed.ncbi.nlm.nih.gov/30712345'],
      titleKeys: ['mortality in hospitalized patients with acute kidney injury a cohort study'],
      workKeys: [
        'mortality in hospitalized patients with acute kidney injury a cohort study|lopez|2019',
      ],
    });
  });
});
