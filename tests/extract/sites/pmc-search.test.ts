import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { pmcSearch } from '../../../utils/extract/sites/pmc-search';
import { parsers } from './helpers';

const family = (as: { family?: string; literal?: string }[] | undefined): (string | undefined)[] =>
  (as ?? []).map((a) => a.family ?? a.literal);

describe.each([0, 1])('PMC search results (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('2009 Entrez results are a listing with authors, journal, year, DOI and link', () => {
    const result = extractPage(
      load('pmc-search-2009.html'),
      'https://www.ncbi.nlm.nih.gov/pmc/?term=vacuum+rewarming',
    );
    expect(result.kind).toBe('listing');
    const works = result.works!;
    expect(works).toHaveLength(2);
    expect(works[0]).toMatchObject({
      title: '‘Simplification’ of responses of complex cells in cat cortex',
      year: 2006,
      venue: 'J Physiol',
      doi: '10.1113/jphysiol.2006.110320',
      url: 'http://www.pubmedcentral.nih.gov/articlerender.fcgi?artid=1817736',
    });
    expect(family(works[0]?.authors)).toEqual(['Bardy', 'Huang', 'FitzGibbon', 'Dreher']);
    expect(family(works[1]?.authors)).toEqual(['Zanatta', 'Bosco']);
    expect(works[1]?.url).toBe('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1200001/');
  });

  it('2012–2023 results (div.rprt)', () => {
    const { kind, works } = pmcSearch.extract(
      load('pmc-search-rprt.html'),
      new URL('https://www.ncbi.nlm.nih.gov/pmc/?term=rewarming'),
      {},
    );
    expect(kind).toBe('listing');
    expect(works?.[0]).toMatchObject({
      title: 'Rewarming after hypothermia',
      year: 2016,
      venue: 'Crit Care',
      doi: '10.1186/s13054-016-0001-1',
      url: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5000001/',
    });
  });

  it('article pages are not claimed', () => {
    expect(
      pmcSearch.matches(new URL('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3531190/')),
    ).toBe(false);
  });
});
