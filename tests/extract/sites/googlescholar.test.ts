import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { googleScholar, parseByline } from '../../../utils/extract/sites/googlescholar';
import { parsers } from './helpers';

const family = (as: { family?: string; literal?: string }[] | undefined): (string | undefined)[] =>
  (as ?? []).map((a) => a.family ?? a.literal);

describe.each([0, 1])('Google Scholar (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('search results: a listing with title, authors, year, venue and link; labels are not titles', () => {
    const result = extractPage(
      load('googlescholar-search.html'),
      'https://scholar.google.com/scholar?q=%22deep+learning%22',
    );
    expect(result.kind).toBe('listing');
    expect(result.detected).toBe(false);
    const works = result.works!;
    expect(works.map((w) => w.title)).toEqual([
      'Deep learning',
      'Learning representations by back-propagating errors',
      'Deep learning with structured data',
    ]);
    expect(works[0]).toMatchObject({
      year: 2015,
      venue: 'nature',
      url: 'https://www.nature.com/articles/nature14539',
    });
    expect(family(works[0]?.authors)).toEqual(['LeCun', 'Bengio', 'Hinton']);
    expect(works[1]?.url).toBeUndefined();
    expect(works[1]?.year).toBe(1986);
    // "O …" is a name Scholar cut short.
    expect(family(works[2]?.authors)).toEqual(['Goodfellow', 'van der Berg', 'Courville']);
  });

  it('2009 layout (h3.r + span.a), also from a saved page whose address was lost', () => {
    const { kind, works } = googleScholar.extract(
      load('googlescholar-2009.html'),
      new URL('https://scholar.google.com/scholar?q=PDMS'),
      {},
    );
    expect(kind).toBe('listing');
    expect(works).toHaveLength(2);
    expect(works?.[0]).toMatchObject({ year: 1979, venue: 'J. Fish. Res. Board Can' });
    expect(works?.[1]).toMatchObject({
      title: 'Micro-channel fabrication in PDMS elastomer',
      year: 2000,
      url: 'http://ieeexplore.ieee.org/xpls/abs_all.jsp?arnumber=825780',
    });
    expect(family(works?.[1]?.authors)).toEqual(['Jo', 'Van Lerberghe', 'Motsegood']);
  });

  it('author profiles list the works with year and venue', () => {
    const { kind, works } = googleScholar.extract(
      load('googlescholar-profile.html'),
      new URL('https://scholar.google.de/citations?user=kukA0LcAAAAJ'),
      {},
    );
    expect(kind).toBe('listing');
    expect(works?.[0]).toMatchObject({
      title: 'Generative adversarial nets',
      year: 2014,
      venue: 'Advances in neural information processing systems 27',
    });
    expect(family(works?.[0]?.authors)).toEqual(['Goodfellow', 'Pouget-Abadie', 'Mirza', 'Xu']);
    expect(works?.[1]?.year).toBe(2015);
  });

  it('a Scholar page listing nothing is not a paper', () => {
    const { kind } = googleScholar.extract(
      new DOMParser().parseFromString('<h1>Google Scholar</h1>', 'text/html'),
      new URL('https://scholar.google.com/'),
      {},
    );
    expect(kind).toBe('none');
  });
});

describe('parseByline', () => {
  it('splits authors, venue and year', () => {
    expect(
      parseByline('Y Bengio - Foundations and trends® in Machine Learning, 2009 - dl.acm.org'),
    ).toEqual({
      authors: [{ given: 'Y', family: 'Bengio' }],
      venue: 'Foundations and trends® in Machine Learning',
      year: 2009,
    });
    expect(parseByline('A Smith - 2001')).toEqual({
      authors: [{ given: 'A', family: 'Smith' }],
      year: 2001,
    });
    expect(parseByline(undefined)).toEqual({ authors: [] });
  });
});
