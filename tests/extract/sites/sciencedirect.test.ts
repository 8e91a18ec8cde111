import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { sciencedirect } from '../../../utils/extract/sites/sciencedirect';
import { parseHtml } from '../../../tools/parse-html';
import { fixture, parsers } from './helpers';

const family = (as: { family?: string; literal?: string }[] | undefined): (string | undefined)[] =>
  (as ?? []).map((a) => a.family ?? a.literal);

describe.each([0, 1])('ScienceDirect (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('reads authors from the author-group spans, not the group text with its screen-reader label', () => {
    const url = 'https://www.sciencedirect.com/science/article/pii/S2352485522001888';
    const result = extractPage(load('sciencedirect-article.html'), url);
    expect(result.kind).toBe('paper');
    expect(result.paper?.authors).toEqual([
      { given: 'Marta Lucía', family: 'Ortega' },
      { given: 'Kwame', family: 'Mensah' },
    ]);
    expect(result.paper?.sources.authors).toBe('site:sciencedirect');
    expect(result.paper?.abstract).toMatch(/^Kelp forests along temperate coasts/);
    expect(result.paper?.title).toBe('Tidal mixing and kelp forest recovery');
  });

  it('2019 layout: one link per author, particles kept in the family name', () => {
    const { draft } = sciencedirect.extract(
      load('sciencedirect-2019.html'),
      new URL('https://www.sciencedirect.com/science/article/pii/S2210271X18305656'),
      { title: 'Bonding without orbitals' },
    );
    expect(draft.authors).toEqual([
      { given: 'Katrin', family: 'Finsterwalder' },
      { given: 'J.-P.', family: 'de la Cruz' },
    ]);
  });

  it('no visible author group: the first author group of the embedded JSON, not a recommendation', () => {
    const { draft } = sciencedirect.extract(
      load('sciencedirect-json-only.html'),
      new URL('https://www.sciencedirect.com/science/article/abs/pii/S0009261497040141'),
      { title: 'Seagrass carbon stocks' },
    );
    expect(family(draft.authors)).toEqual(['Guimarães', 'Øster']);
    expect(draft.authors?.[0]?.given).toBe('Ana "Nina" Paula');
  });

  it('2009 layout: the article header only, never the Related Articles panel', () => {
    const url = 'http://www.sciencedirect.com/science/article/pii/S0142961204003357';
    const result = extractPage(load('sciencedirect-legacy-2009.html'), url);
    expect(result.kind).toBe('paper');
    const paper = result.paper!;
    expect(paper.title).toBe('Printing living cells with an inkjet');
    expect(family(paper.authors)).toEqual(['Xu', 'Jin', 'Hickman', 'Boland']);
    expect(paper.venue).toBe('Biomaterials');
    expect(paper.issued).toEqual({ date: '2005-01', precision: 'month' });
    expect(paper).toMatchObject({
      volume: '26',
      issue: '1',
      pages: '93–99',
      doi: '10.1016/j.biomaterials.2004.04.011',
    });
    expect(paper.abstract).toMatch(/^The purpose of this study/);
  });

  it('2009 search results behind a library proxy are a listing', () => {
    const url =
      'http://www.sciencedirect.com.ezproxy.lib.example.edu/science?_ob=ArticleListURL&_method=list';
    const result = extractPage(load('sciencedirect-search-2009.html'), url);
    expect(result.kind).toBe('listing');
    expect(result.works).toHaveLength(2);
    expect(result.works?.[0]).toMatchObject({
      title: 'Microfluidics of drug delivery',
      year: 2008,
      venue: 'International Journal of Heat and Mass Transfer',
    });
    expect(family(result.works?.[0]?.authors)).toEqual(['Kleinstreuer', 'Li', 'Koo']);
    expect(family(result.works?.[1]?.authors)).toEqual(['Feng', 'Zhou', 'Ye']);
  });

  it('current search results are a listing with title, authors, year and link', () => {
    const result = extractPage(
      load('sciencedirect-search.html'),
      'https://www.sciencedirect.com/search?qs=microfluidics',
    );
    expect(result.kind).toBe('listing');
    expect(result.works?.[0]).toMatchObject({
      title: 'Droplet microfluidics at scale',
      year: 2024,
      venue: 'Lab Methods',
      url: 'https://www.sciencedirect.com/science/article/pii/S0000000024000012',
    });
    expect(family(result.works?.[0]?.authors)).toEqual(['Raman', 'Ibáñez']);
    expect(result.works?.[1]?.year).toBe(2023);
  });

  it('2009-2014 page model: a page that keeps only its inline SDM script is the paper that SDM.doi names', () => {
    const url = 'https://www.sciencedirect.com/science/article/pii/S1062145806000841';
    const result = extractPage(load('sciencedirect-fragment.html'), url);
    expect(result.kind).toBe('paper');
    const paper = result.paper!;
    expect(paper.doi).toBe('10.1016/j.acmr.2006.02.017');
    expect(paper.sources.doi).toBe('site:sciencedirect');
    // Nothing else of the article is on the page: no title or authors are made up.
    expect(paper.title).toBe('');
    expect(paper.authors).toEqual([]);
    expect(paper.abstract).toBeUndefined();
  });

  it('the page model never overrides the DOI the metadata gives, and counts on ScienceDirect only', () => {
    const html = fixture('sciencedirect-fragment.html');
    const withMeta = `<html><head><meta name="citation_title" content="Tidal mixing">
      <meta name="citation_author" content="Ortega, Marta"><meta name="citation_doi" content="10.1016/j.other.2020.1">
      </head><body><script>${html.split('<script type="text/javascript">')[1]!.split('</script>')[0]}</script></body></html>`;
    const parse =
      p === 0 ? parseHtml : (h: string) => new DOMParser().parseFromString(h, 'text/html');
    const paper = extractPage(
      parse(withMeta),
      'https://www.sciencedirect.com/science/article/pii/S1062145806000841',
    ).paper;
    expect(paper?.doi).toBe('10.1016/j.other.2020.1');
    expect(paper?.title).toBe('Tidal mixing');
    // The same script on another site is that site's business, not a paper.
    expect(extractPage(load('sciencedirect-fragment.html'), 'https://example.org/page').kind).toBe(
      'none',
    );
  });
});
