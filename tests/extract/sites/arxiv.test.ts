import { describe, expect, it } from 'vitest';
import { arxiv } from '../../../utils/extract/sites/arxiv';
import { parsers } from './helpers';

describe.each([0, 1])('arXiv (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('keeps the version apart and never takes the DataCite DOI as the record DOI', () => {
    const url = new URL('https://arxiv.org/abs/2101.00001');
    const base = {
      title: 'Sparse Attention for Long Reading Lists',
      doi: '10.48550/arxiv.2101.00001',
      venue: 'arXiv.org',
    };
    const { draft, kind } = arxiv.extract(load('arxiv-abs.html'), url, base);
    expect(kind).toBe('paper');
    expect(draft.arxivId).toBe('2101.00001');
    expect(draft.arxivVersion).toBe('v3');
    expect('doi' in draft && draft.doi === undefined).toBe(true);
    expect('venue' in draft && draft.venue === undefined).toBe(true);
    expect(draft.publishedDoi).toBeUndefined();
    expect(draft.url).toBe('https://arxiv.org/abs/2101.00001');
    expect(draft.type).toBe('article');
  });

  it('the version in the URL wins; a Related DOI is the published version, not this record', () => {
    const url = new URL('https://arxiv.org/abs/hep-th/9901001v2');
    const base = { title: 'A Note on Branes', doi: '10.1103/physrevd.59.105001' };
    const { draft } = arxiv.extract(load('arxiv-related-doi.html'), url, base);
    expect(draft.arxivId).toBe('hep-th/9901001');
    expect(draft.arxivVersion).toBe('v2');
    expect(draft.publishedDoi).toBe('10.1103/physrevd.59.105001');
    expect('doi' in draft && draft.doi === undefined).toBe(true);
  });

  it('a page saved with its head only: version from og:url', () => {
    const url = new URL('https://arxiv.org/abs/1902.02534');
    const { draft } = arxiv.extract(load('arxiv-head-only.html'), url, {
      title: 'Crowdsourcing Reading Lists',
    });
    expect(draft).toMatchObject({ arxivId: '1902.02534', arxivVersion: 'v2' });
    expect(draft.title).toBeUndefined();
  });

  it('an old page without citation tags: title, authors, abstract and date from the body', () => {
    const url = new URL('https://arxiv.org/abs/cs/0112017');
    const { draft } = arxiv.extract(load('arxiv-body-only.html'), url, {});
    expect(draft.title).toBe('Reading Lists as Graphs');
    expect(draft.authors).toEqual([
      { given: 'Elise', family: 'Moreau' },
      { given: 'Kenji', family: 'Ito' },
    ]);
    expect(draft.abstract).toMatch(/^We model a researcher/);
    expect(draft.issued).toEqual({ date: '2001-12-14', precision: 'day' });
    expect(draft.arxivId).toBe('cs/0112017');
    expect(draft.pdfUrl).toBe('https://arxiv.org/pdf/cs/0112017');
  });

  it('the HTML rendering: names without their affiliations and e-mail addresses; version from the URL', () => {
    const url = new URL('https://arxiv.org/html/2401.00003v2');
    const { draft } = arxiv.extract(load('arxiv-html-render.html'), url, {});
    expect(draft).toMatchObject({
      title: 'Reading Lists as Graphs',
      arxivId: '2401.00003',
      arxivVersion: 'v2',
    });
    expect(draft.authors).toEqual([
      { given: 'Elise', family: 'Moreau' },
      { given: 'Kenji', family: 'Ito' },
    ]);
    expect(draft.abstract).toMatch(/^We model a researcher/);
  });

  it('a listing page lists its works', () => {
    const url = new URL('https://arxiv.org/list/cs.CL/recent');
    const { kind, works } = arxiv.extract(load('arxiv-list.html'), url, {});
    expect(kind).toBe('listing');
    expect(works).toHaveLength(2);
    expect(works?.[0]).toMatchObject({
      title: 'Long Contexts for Short Papers',
      arxivId: '2401.00001',
      url: 'https://arxiv.org/abs/2401.00001',
    });
    expect(works?.[0]?.authors).toHaveLength(2);
  });
});
