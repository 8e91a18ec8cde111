import { describe, expect, it } from 'vitest';
import {
  mergePapers,
  mergeUserData,
  mergeVersions,
  normalizeTags,
  sameData,
} from '@/utils/library/merge';
import { paper, resnetArxiv, resnetPublished } from './helpers';

describe('mergePapers', () => {
  it('keeps the richer value of each field, with its provenance', () => {
    const a = paper({
      title: 'Graph attention networks',
      authors: [
        { given: 'P.', family: 'Veličković' },
        { given: 'G.', family: 'Cucurull' },
      ],
      issued: { date: '2018', precision: 'year' },
      year: 2018,
      abstract: 'Short.',
      keywords: ['graphs'],
      references: [{ title: 'A', authors: [] }],
      sources: {
        title: 'og',
        authors: 'dc',
        issued: 'dc',
        abstract: 'og',
        keywords: 'dc',
        references: 'page',
      },
    });
    const b = paper({
      title: 'Graph Attention Networks',
      authors: [
        { given: 'Petar', family: 'Veličković' },
        { given: 'Guillem', family: 'Cucurull' },
      ],
      issued: { date: '2018-02-15', precision: 'day' },
      year: 2018,
      abstract: 'We present graph attention networks (GATs), novel neural network architectures.',
      keywords: ['Graphs', 'attention'],
      venue: 'ICLR',
      sources: {
        title: 'site:openreview',
        authors: 'highwire',
        issued: 'highwire',
        abstract: 'highwire',
        keywords: 'highwire',
        venue: 'highwire',
      },
    });
    const m = mergePapers(a, b);
    expect(m.title).toBe('Graph Attention Networks'); // better source
    expect(m.authors[0]).toEqual({ given: 'Petar', family: 'Veličković' }); // full given names
    expect(m.issued).toEqual({ date: '2018-02-15', precision: 'day' }); // more precise
    expect(m.abstract).toMatch(/^We present/); // longer
    expect(m.keywords).toEqual(['graphs', 'attention']); // union, first spelling
    expect(m.references).toHaveLength(1); // non-empty beats empty
    expect(m.venue).toBe('ICLR'); // filled in
    expect(m.sources).toEqual({
      title: 'site:openreview',
      authors: 'highwire',
      issued: 'highwire',
      abstract: 'highwire',
      keywords: 'dc',
      references: 'page',
      venue: 'highwire',
    });
  });

  it('prefers more authors, and given key terms over computed ones', () => {
    const a = paper({
      title: 't',
      authors: [{ family: 'A' }],
      keyTerms: [
        { term: 'x', weight: 1 },
        { term: 'y', weight: 0.5 },
      ],
      keyTermsComputed: true,
    });
    const b = paper({
      title: 't',
      authors: [{ family: 'A' }, { family: 'B' }],
      keyTerms: [{ term: 'z', weight: 1 }],
    });
    const m = mergePapers(a, b);
    expect(m.authors).toHaveLength(2);
    expect(m.keyTerms).toEqual([{ term: 'z', weight: 1 }]);
    expect(m.keyTermsComputed).toBeUndefined();
  });

  it('keeps the stored value on ties, so saving twice changes nothing', () => {
    const a = resnetPublished();
    expect(sameData(mergePapers(a, resnetPublished()), a)).toBe(true);
  });

  it("takes the published article's bibliographic fields over the preprint's", () => {
    const m = mergePapers(resnetArxiv(), resnetPublished(), {
      existing: 'preprint',
      incoming: 'published',
    });
    expect(m.venue).toMatch(/CVPR/);
    expect(m.year).toBe(2016);
    expect(m.issued).toEqual({ date: '2016-06', precision: 'month' });
    expect(m.sources.issued).toBe('highwire');
    expect(m.type).toBe('paper-conference');
    // Richer non-bibliographic data of the preprint stays.
    expect(m.authors[0]?.given).toBe('Kaiming');
    expect(m.abstract).toBe(resnetArxiv().abstract);
    expect(m.arxivId).toBe('1512.03385');
    expect(m.doi).toBe('10.1109/cvpr.2016.90');
  });
});

describe('mergeVersions', () => {
  it('adds new versions and keeps the newest arXiv version', () => {
    const v = mergeVersions(
      [{ kind: 'preprint', arxivId: '1512.03385', arxivVersion: 'v2', seenAt: 1 }],
      [
        { kind: 'preprint', arxivId: '1512.03385', arxivVersion: 'v3', title: 'T', seenAt: 9 },
        { kind: 'published', doi: '10.1109/cvpr.2016.90', seenAt: 9 },
      ],
    );
    expect(v).toEqual([
      { kind: 'preprint', arxivId: '1512.03385', arxivVersion: 'v3', title: 'T', seenAt: 1 },
      { kind: 'published', doi: '10.1109/cvpr.2016.90', seenAt: 9 },
    ]);
  });
});

describe('user data', () => {
  it('joins two records’ data without losing any', () => {
    expect(
      mergeUserData(
        { status: 'reading', tags: ['ml'], notes: 'first', starred: false },
        { status: 'to-read', tags: ['ML', 'vision'], notes: 'second', starred: true },
      ),
    ).toEqual({
      status: 'reading',
      tags: ['ml', 'vision'],
      notes: 'first\n\nsecond',
      starred: true,
    });
    expect(
      mergeUserData(
        { status: 'read', tags: [], notes: 'same', starred: false },
        { status: 'reading', tags: [], notes: 'same', starred: false },
      ).notes,
    ).toBe('same');
  });

  it('normalises tags', () => {
    expect(normalizeTags(['  deep   learning ', 'Deep learning', '', 'x'])).toEqual([
      'deep learning',
      'x',
    ]);
  });
});
