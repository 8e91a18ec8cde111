import { describe, expect, it } from 'vitest';
import {
  canonicalUrlKey,
  familyKey,
  idsFromUrl,
  isPreprintDoi,
  sameWork,
  titleKey,
  versionsOf,
  workKeys,
} from '@/utils/library/identity';
import { biorxivPreprint, natureArticle, paper, resnetArxiv } from './helpers';

describe('titleKey', () => {
  it('ignores case, accents, punctuation and inline markup', () => {
    expect(titleKey('  Über <i>E. coli</i>: a Study—of “Things”. ')).toBe(
      'uber e coli a study of things',
    );
    expect(titleKey('Attention Is All You Need')).toBe(titleKey('attention is all you need.'));
    expect(titleKey('   ')).toBeUndefined();
    expect(titleKey(undefined)).toBeUndefined();
  });
});

describe('familyKey', () => {
  it('reads family, "Family, Given" and "Given Family"', () => {
    expect(familyKey({ given: 'Ludwig', family: 'van Beethoven' })).toBe('vanbeethoven');
    expect(familyKey({ literal: 'Müller, Anna' })).toBe('muller');
    expect(familyKey({ literal: 'Anna Müller' })).toBe('muller');
    expect(familyKey(undefined)).toBeUndefined();
  });
});

describe('canonicalUrlKey', () => {
  it('drops scheme, www, fragment, trailing slash and tracking parameters', () => {
    expect(
      canonicalUrlKey(
        'https://www.Nature.com/articles/s41586-020-2286-9/?utm_source=tw&b=2&a=1#ref',
      ),
    ).toBe('nature.com/articles/s41586-020-2286-9?a=1&b=2');
    expect(canonicalUrlKey('http://nature.com/articles/s41586-020-2286-9')).toBe(
      'nature.com/articles/s41586-020-2286-9',
    );
  });

  it('refuses site roots and non-http URLs', () => {
    expect(canonicalUrlKey('https://example.org/')).toBeUndefined();
    expect(canonicalUrlKey('https://example.org/#/paper/1')).toBeUndefined();
    expect(canonicalUrlKey('javascript:alert(1)')).toBeUndefined();
    expect(canonicalUrlKey('not a url')).toBeUndefined();
  });
});

describe('idsFromUrl', () => {
  it('reads identifiers from resolver and repository URLs', () => {
    expect(idsFromUrl('https://doi.org/10.1038/S41586-020-2286-9')).toEqual({
      doi: '10.1038/s41586-020-2286-9',
    });
    expect(idsFromUrl('https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201915678')).toEqual({
      doi: '10.1002/anie.201915678',
    });
    expect(idsFromUrl('https://arxiv.org/pdf/1512.03385v2')).toEqual({ arxivId: '1512.03385' });
    expect(idsFromUrl('https://arxiv.org/abs/hep-th/9901001')).toEqual({
      arxivId: 'hep-th/9901001',
    });
    expect(idsFromUrl('https://pubmed.ncbi.nlm.nih.gov/32353859/')).toEqual({ pmid: '32353859' });
    expect(idsFromUrl('https://pmc.ncbi.nlm.nih.gov/articles/PMC7431030/')).toEqual({
      pmcid: 'PMC7431030',
    });
    expect(idsFromUrl('https://example.org/search?q=10.1038/x')).toEqual({});
  });
});

describe('workKeys and sameWork', () => {
  it('treats the arXiv DataCite DOI as the arXiv id', () => {
    const keys = workKeys({ doi: 'https://doi.org/10.48550/arXiv.1512.03385' });
    expect(keys.dois).toEqual([]);
    expect(keys.arxivIds).toEqual(['1512.03385']);
  });

  it('needs title, first author and year together, and a title that identifies', () => {
    const a = workKeys({ title: 'Introduction', authors: [{ family: 'Smith' }], year: 2020 });
    expect(a.workKeys).toEqual([]);
    const b = workKeys({
      title: 'Graph neural networks: a review',
      firstAuthorFamily: 'Zhou',
      year: 2020,
    });
    const c = workKeys({
      title: 'Graph Neural Networks - A Review',
      authors: [{ given: 'Jie', family: 'Zhou' }],
      year: 2020,
    });
    expect(sameWork(b, c)).toBe(true);
    const d = workKeys({
      title: 'Graph Neural Networks - A Review',
      authors: [{ family: 'Zhou' }],
      year: 2021,
    });
    expect(sameWork(b, d)).toBe(false);
  });

  it('lets different arXiv ids veto a weak match', () => {
    const url = 'https://example.org/reader/paper';
    expect(
      sameWork(workKeys({ url, arxivId: '2001.00001' }), workKeys({ url, arxivId: '2001.00002' })),
    ).toBe(false);
    expect(sameWork(workKeys({ url, arxivId: '2001.00001' }), workKeys({ url }))).toBe(true);
  });
});

describe('versionsOf', () => {
  it('an arXiv page naming a journal DOI describes the preprint and the article', () => {
    const p = { ...resnetArxiv(), doi: '10.1109/CVPR.2016.90', venue: 'CVPR 2016' };
    expect(versionsOf(p, 5)).toEqual([
      {
        kind: 'preprint',
        arxivId: '1512.03385',
        arxivVersion: 'v1',
        doi: '10.48550/arxiv.1512.03385',
        title: p.title,
        year: 2015,
        url: 'https://arxiv.org/abs/1512.03385',
        seenAt: 5,
      },
      { kind: 'published', doi: '10.1109/cvpr.2016.90', venue: 'CVPR 2016', seenAt: 5 },
    ]);
  });

  it('a bioRxiv page with "Now published in" describes both; a journal page one', () => {
    expect(versionsOf(biorxivPreprint(), 1).map((v) => [v.kind, v.doi])).toEqual([
      ['preprint', '10.1101/2020.03.22.002386'],
      ['published', '10.1038/s41586-020-2286-9'],
    ]);
    expect(versionsOf(natureArticle(), 1)).toEqual([
      expect.objectContaining({
        kind: 'published',
        doi: '10.1038/s41586-020-2286-9',
        pmid: '32353859',
        pmcid: 'PMC7431030',
      }),
    ]);
    expect(versionsOf(paper({ title: 'A web page' }), 1)).toEqual([
      { kind: 'published', title: 'A web page', seenAt: 1 },
    ]);
  });

  it('knows preprint servers by DOI prefix', () => {
    expect(isPreprintDoi('10.1101/2020.03.22.002386')).toBe(true);
    expect(isPreprintDoi('10.21203/rs.3.rs-123/v1')).toBe(true);
    expect(isPreprintDoi('10.1038/s41586-020-2286-9')).toBe(false);
  });
});

describe('URL matches', () => {
  it('do not hold against different titles or DOIs', () => {
    const url = 'https://reader.example.org/app?view=paper';
    const a = workKeys({ url, title: 'Graph attention networks', doi: '10.1000/gat' });
    expect(sameWork(a, workKeys({ url, title: 'Graph Attention Networks.' }))).toBe(true);
    expect(sameWork(a, workKeys({ url }))).toBe(true);
    expect(sameWork(a, workKeys({ url, title: 'Deep sets' }))).toBe(false);
    expect(sameWork(a, workKeys({ url, doi: '10.1000/other' }))).toBe(false);
  });
});
