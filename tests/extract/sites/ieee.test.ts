import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { ieee, ieeeDate, jsonAfter, uninvertVenue } from '../../../utils/extract/sites/ieee';
import { parsers } from './helpers';

const family = (as: { family?: string; literal?: string }[] | undefined): (string | undefined)[] =>
  (as ?? []).map((a) => a.family ?? a.literal);

describe.each([0, 1])('IEEE Xplore (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('reads the embedded xplGlobal.document.metadata JSON (HTML fragments as text)', () => {
    const result = extractPage(
      load('ieee-document.html'),
      'https://ieeexplore.ieee.org/document/9607200/',
    );
    expect(result.kind).toBe('paper');
    const paper = result.paper!;
    expect(paper.title).toBe('Sparse Attention for $O(n)$ Edge Devices');
    expect(paper.authors).toEqual([
      { given: 'Ana', family: 'Ruiz' },
      { given: 'Wei', family: 'Zhang' },
      { given: 'J.', family: 'van der Berg' },
    ]);
    expect(paper.abstract).toMatch(
      /^We present a sparse attention scheme .* confuse the parser\.$/,
    );
    expect(paper.sources.abstract).toBe('site:ieee');
    expect(paper).toMatchObject({
      doi: '10.1109/tnnls.2024.1234567',
      venue: 'IEEE Transactions on Neural Networks and Learning Systems',
      issued: { date: '2024-09', precision: 'month' },
      year: 2024,
      volume: '35',
      issue: '9',
      pages: '1201–1214',
      type: 'article-journal',
      pdfUrl: 'https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=9607200',
      url: 'https://ieeexplore.ieee.org/document/9607200/',
    });
    expect(paper.keywords).toEqual(['Sparse attention', 'edge computing']);
    expect(paper.issn).toEqual(['2162-237X', '2162-2388']);
  });

  it('conference papers: a date range gives its first day, ISBN kept, type paper-conference', () => {
    const { draft, kind } = ieee.extract(
      load('ieee-conference.html'),
      new URL('https://ieeexplore.ieee.org/document/9561234'),
      {},
    );
    expect(kind).toBe('paper');
    expect(draft.type).toBe('paper-conference');
    expect(draft.issued).toEqual({ date: '2021-05-30', precision: 'day' });
    expect(draft.isbn).toEqual(['9781728190778']);
    expect(family(draft.authors)).toEqual(['Min-jun']);
  });

  it('stale JSON from another document: the rendered page is read instead', () => {
    const { draft, kind } = ieee.extract(
      load('ieee-rendered.html'),
      new URL('https://ieeexplore.ieee.org/document/10040001'),
      {
        title: 'A different paper loaded first',
      },
    );
    expect(kind).toBe('paper');
    expect(draft.title).toBe('Low-Power Radios for Sensor Networks');
    expect(family(draft.authors)).toEqual(['Rossi', 'Sato']);
    expect(draft.abstract).toMatch(/^Sensor networks need radios/);
    expect(draft.doi).toBe('10.1109/jsen.2023.3240001');
    expect(draft.venue).toBe('IEEE Sensors Journal');
    expect(draft.issued).toEqual({ date: '2023-02-14', precision: 'day' });
  });

  it('2009 AbstractPlus layout without any meta tags', () => {
    const result = extractPage(
      load('ieee-legacy-2009.html'),
      'http://ieeexplore.ieee.org/xpls/abs_all.jsp?arnumber=793383',
    );
    expect(result.kind).toBe('paper');
    const paper = result.paper!;
    expect(paper.title).toBe('Charging of fine particles in pulsed fields');
    expect(family(paper.authors)).toEqual(['Zukeran', 'ITo', 'Chang']);
    expect(paper).toMatchObject({
      venue: 'IEEE Transactions on Industry Applications',
      issued: { date: '1999-09', precision: 'month' },
      volume: '35',
      issue: '5',
      pages: '1184–1191',
      doi: '10.1109/28.793383',
    });
    expect(paper.abstract).toMatch(/^Fine particles are charged/);
  });

  it('search results, filled by script, are a listing', () => {
    const result = extractPage(
      load('ieee-search.html'),
      'https://ieeexplore.ieee.org/search/searchresult.jsp?queryText=attention',
    );
    expect(result.kind).toBe('listing');
    expect(result.works).toHaveLength(2);
    expect(result.works?.[0]).toMatchObject({
      title: 'Sparse Attention for Edge Devices',
      year: 2024,
      url: 'https://ieeexplore.ieee.org/document/9607200/',
    });
    expect(family(result.works?.[0]?.authors)).toEqual(['Ruiz', 'Zhang']);
    expect(result.works?.[1]?.year).toBe(2021);
  });
});

describe('IEEE helpers', () => {
  it('jsonAfter cuts the object by brace matching, respecting strings', () => {
    expect(jsonAfter('x.m = {"a":"}{\\"","b":{"c":1}};y', 'x.m')).toEqual({
      a: '}{"',
      b: { c: 1 },
    });
    expect(jsonAfter('x.m = {"a":', 'x.m')).toBeUndefined();
    expect(jsonAfter('nothing here', 'x.m')).toBeUndefined();
  });
  it('dates and inverted venues', () => {
    expect(ieeeDate('Sept.-Oct. 1999')).toEqual({ date: '1999-09', precision: 'month' });
    expect(ieeeDate('26-29 May 2021')).toEqual({ date: '2021-05-26', precision: 'day' });
    expect(ieeeDate('2024')).toEqual({ date: '2024', precision: 'year' });
    expect(uninvertVenue('Industry Applications, IEEE Transactions on')).toBe(
      'IEEE Transactions on Industry Applications',
    );
    expect(uninvertVenue('Proceedings of the IEEE')).toBe('Proceedings of the IEEE');
  });
});
