import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { parsers } from './helpers';

describe.each([0, 1])('PLOS (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('Subject Areas (thesaurus terms) are the keywords, read from the visible list', () => {
    const result = extractPage(
      load('plos-article.html'),
      'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001',
    );
    expect(result.kind).toBe('paper');
    expect(result.paper?.keywords).toEqual(['Behavior', 'Rats', 'Fevers']);
    expect(result.paper?.sources.keywords).toBe('site:plos');
    // The Author Summary in twitter:description is not the abstract.
    expect(result.paper?.abstract).toMatch(/^Systemic inflammation/);
  });

  it('2009 layout: byline without marks, Citation line, no boilerplate keywords', () => {
    const result = extractPage(
      load('plos-legacy-2009.html'),
      'http://www.plosone.org/article/info:doi/10.1371/journal.pone.0006256',
    );
    expect(result.kind).toBe('paper');
    const paper = result.paper!;
    expect(paper.title).toBe('Light from the human body');
    expect(paper.authors).toEqual([
      { given: 'Masaki', family: 'Kobayashi' },
      { given: 'Daisuke', family: 'Kikuchi' },
      { given: 'Hitoshi', family: 'Okamura' },
    ]);
    expect(paper).toMatchObject({
      venue: 'PLoS ONE',
      volume: '4',
      issue: '7',
      pages: 'e6256',
      doi: '10.1371/journal.pone.0006256',
      issued: { date: '2009-07-16', precision: 'day' },
    });
    expect(paper.abstract).toMatch(/^The human body literally glimmers\./);
    expect(paper.keywords).toEqual([]);
  });

  it('search results are a listing', () => {
    const result = extractPage(
      load('plos-search.html'),
      'https://journals.plos.org/plosone/search?q=rats',
    );
    expect(result.kind).toBe('listing');
    expect(result.works?.[0]).toMatchObject({
      title: 'Neural Substrate of Cold-Seeking Behavior in Endotoxin Shock',
      year: 2006,
      doi: '10.1371/journal.pone.0000001',
      url: 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001',
    });
    expect(result.works?.[0]?.authors.map((a) => a.family)).toEqual([
      'Almeida',
      'Steiner',
      'Romanovsky',
    ]);
    expect(result.works?.[1]?.year).toBe(2019);
  });
});
