import { describe, expect, it } from 'vitest';
import { splitAuthorList, mapHtmlMetadata, mapMetascraper } from './peers';
import {
  abstractMatches,
  decodeEntities,
  FIELDS,
  familyKey,
  median,
  normalizeArxivId,
  normalizeDoi,
  normalizeTitle,
  pageTruth,
  percentile,
  scoreDetection,
  scoreField,
  yearOf,
  type Expected,
  type Extracted,
} from './score';
import { checkTargets, type CheckInput } from './targets';

const got = (e: Partial<Extracted>): Extracted => ({ detected: true, ...e });

describe('title rule', () => {
  it('compares after NFKC, entities, case, whitespace and trailing punctuation', () => {
    expect(normalizeTitle('  Attention  Is\nAll You Need. ')).toBe('attention is all you need');
    expect(normalizeTitle('Ca&amp;Mg &#x2013; the ﬁrst')).toBe('ca&mg – the first');
    const exp: Expected = { title: 'Sub-nucleosomal organization in urine cell-free DNA' };
    expect(
      scoreField(
        'title',
        exp,
        got({ title: 'SUB-NUCLEOSOMAL organization in urine cell-free DNA.' }),
      ),
    ).toBe('correct');
    expect(scoreField('title', exp, got({ title: 'Sub-nucleosomal organization - bioRxiv' }))).toBe(
      'wrong',
    );
    expect(scoreField('title', exp, got({}))).toBe('missing');
  });

  it('keeps punctuation inside the title', () => {
    expect(normalizeTitle("What's in a Meow?")).toBe("what's in a meow");
    expect(normalizeTitle('B -> Dlnu |Vcb|')).toBe('b -> dlnu |vcb|');
  });

  it('decodes double-escaped and numeric entities', () => {
    expect(decodeEntities('A &amp;amp; B &#39;c&#39; &unknown;')).toBe("A & B 'c' &unknown;");
  });
});

describe('author rule', () => {
  it('takes the part before a comma, or the last word, folded', () => {
    expect(familyKey('Vaswani, Ashish')).toBe('vaswani');
    expect(familyKey('Ashish Vaswani')).toBe('vaswani');
    expect(familyKey('Hortensia Rodríguez')).toBe('rodriguez');
    expect(familyKey('Matthew J. O’Meara')).toBe('omeara');
    expect(familyKey('Tania Contente-Cuomo')).toBe('contentecuomo');
    expect(familyKey('Łukasz Kaiser')).toBe('kaiser');
    expect(familyKey('Jan Łukasiewicz')).toBe('lukasiewicz');
    expect(familyKey('ITo, T.')).toBe('ito');
  });

  it('agrees on multi-word family names whichever form a tool gives', () => {
    const key = familyKey('Michelina C. de la Maza');
    expect(familyKey('de la Maza, Michelina C.')).toBe(key);
    expect(familyKey({ given: 'Michelina C.', family: 'de la Maza' })).toBe(key);
    expect(familyKey({ literal: 'Michelina C. de la Maza' })).toBe(key);
  });

  it('reads the Vancouver form Family INITIALS', () => {
    expect(familyKey('Tkacz-Stachowska K')).toBe('tkaczstachowska');
    expect(familyKey('Skladanowski AC')).toBe('skladanowski');
    expect(familyKey({ given: 'K', family: 'Tkacz-Stachowska' })).toBe('tkaczstachowska');
    // An all-capitals name is not mistaken for initials.
    expect(familyKey('JOHN SMITH')).toBe('smith');
  });

  it('needs the same ordered list', () => {
    const exp: Expected = { authors: ['Ivan Heibi', 'Silvio Peroni', 'David Shotton'] };
    expect(
      scoreField(
        'authors',
        exp,
        got({ authors: ['Heibi, Ivan', 'Peroni, Silvio', 'Shotton, D.'] }),
      ),
    ).toBe('correct');
    expect(
      scoreField(
        'authors',
        exp,
        got({ authors: ['Peroni, Silvio', 'Heibi, Ivan', 'Shotton, D.'] }),
      ),
    ).toBe('wrong');
    expect(scoreField('authors', exp, got({ authors: ['Ivan Heibi', 'Silvio Peroni'] }))).toBe(
      'wrong',
    );
    expect(scoreField('authors', exp, got({ authors: [] }))).toBe('missing');
    expect(
      scoreField(
        'authors',
        exp,
        got({
          authors: [
            { given: 'Ivan', family: 'Heibi' },
            { given: 'Silvio', family: 'Peroni' },
            { given: 'David', family: 'Shotton' },
          ],
        }),
      ),
    ).toBe('correct');
  });
});

describe('year, DOI and arXiv rules', () => {
  it('compares years as numbers', () => {
    expect(scoreField('year', { year: 2017 }, got({ year: 2017 }))).toBe('correct');
    expect(scoreField('year', { year: 2017 }, got({ year: 2023 }))).toBe('wrong');
  });

  it('strips resolver prefixes and case from DOIs', () => {
    expect(normalizeDoi('https://doi.org/10.1038/NMAT2493')).toBe('10.1038/nmat2493');
    expect(normalizeDoi('doi:10.1101/696633')).toBe('10.1101/696633');
    expect(normalizeDoi('http://dx.doi.org/10.1/X')).toBe('10.1/x');
    expect(
      scoreField('doi', { doi: '10.7326/M19-3075' }, got({ doi: 'DOI: 10.7326/m19-3075' })),
    ).toBe('correct');
    expect(scoreField('doi', { doi: '10.7326/M19-3075' }, got({ doi: '10.7326/M19-3075.' }))).toBe(
      'wrong',
    );
  });

  it('drops arXiv versions and prefixes', () => {
    expect(normalizeArxivId('arXiv:1706.03762v7')).toBe('1706.03762');
    expect(normalizeArxivId('hep-th/9901001v2')).toBe('hep-th/9901001');
    expect(scoreField('arxiv_id', { arxiv_id: '1706.03762' }, got({ arxivId: '1706.03762' }))).toBe(
      'correct',
    );
  });

  it('finds the year in date strings', () => {
    expect(yearOf('2017-06-12T12:00:00.000Z')).toBe(2017);
    expect(yearOf('2019/02/07')).toBe(2019);
    expect(yearOf('June 12, 2009')).toBe(2009);
    expect(yearOf('vol 12345')).toBeUndefined();
    expect(yearOf(undefined)).toBeUndefined();
  });
});

describe('abstract rule', () => {
  const prefix = 'The dominant sequence transduction models are based on complex recurrent or conv';

  it('needs the first 60 characters of the prefix, any case, after a label', () => {
    const full = `${prefix}olutional neural networks.`;
    expect(abstractMatches(prefix, full)).toBe(true);
    expect(abstractMatches(prefix, `Abstract: ${full}`)).toBe(true);
    expect(abstractMatches(prefix, `SUMMARY\n\n ${full.toUpperCase()}`)).toBe(true);
    expect(abstractMatches(prefix, full.slice(0, 59))).toBe(false);
    expect(abstractMatches(prefix, `TLDR: ${full}`)).toBe(false);
  });

  it('collapses whitespace on both sides', () => {
    expect(
      abstractMatches('Cortisol  is a key\nregulator', 'Cortisol is a key   regulator of'),
    ).toBe(true);
  });

  it('does not eat a real first word that looks like a label', () => {
    const p = 'Summary statistics are often used to compare two groups of data';
    expect(abstractMatches(p, p)).toBe(true);
  });
});

describe('absent values', () => {
  const exp: Expected = { title: 'T', doi: null, authors: null, abstract_prefix: null };

  it('is right only when the tool returns nothing', () => {
    expect(scoreField('doi', exp, got({}))).toBe('absent-correct');
    expect(scoreField('doi', exp, got({ doi: '' }))).toBe('absent-correct');
    expect(scoreField('doi', exp, got({ doi: '10.1/footer' }))).toBe('invented');
    expect(scoreField('authors', exp, got({ authors: [] }))).toBe('absent-correct');
    expect(scoreField('abstract', exp, got({ abstract: 'Site boilerplate' }))).toBe('invented');
  });

  it('leaves fields the sidecar does not state unscored', () => {
    expect(scoreField('year', exp, got({ year: 2000 }))).toBe('unscored');
  });

  it('treats an empty expected list as absent', () => {
    expect(scoreField('authors', { authors: [] }, got({ authors: ['X Y'] }))).toBe('invented');
  });
});

describe('which pages are papers', () => {
  it('follows is_scholarly_paper_page when the sidecar sets it', () => {
    expect(pageTruth({ category: 'papers', is_scholarly_paper_page: true }).isPaper).toBe(true);
    expect(pageTruth({ category: 'listing', is_scholarly_paper_page: false }).isPaper).toBe(false);
  });

  it('decides edge pages from expected and notes', () => {
    const edge = { category: 'edge', is_scholarly_paper_page: null };
    expect(pageTruth({ ...edge, expected: { is_challenge_page: true } }).isPaper).toBe(false);
    expect(
      pageTruth({
        ...edge,
        site: 'nature.com (news article)',
        expected: { title: 'x', doi: '10.1/x' },
      }).isPaper,
    ).toBe(false);
    expect(pageTruth({ ...edge, expected: { title: null, doi: '10.1/x' } }).isPaper).toBe(true);
    expect(pageTruth({ ...edge, expected: {} }).isPaper).toBe(null);
  });

  it('falls back on the folder name', () => {
    expect(pageTruth({ category: 'repository' }).isPaper).toBe(true);
    expect(pageTruth({ category: 'negative' }).isPaper).toBe(false);
  });
});

describe('detection and timing aggregates', () => {
  it('counts precision and recall, ignoring undecided pages', () => {
    const paper = { isPaper: true, reason: '' };
    const not = { isPaper: false, reason: '' };
    const d = scoreDetection([
      { id: 'a', truth: paper, detected: true },
      { id: 'b', truth: paper, detected: false },
      { id: 'c', truth: not, detected: true },
      { id: 'd', truth: not, detected: false },
      { id: 'e', truth: { isPaper: null, reason: '' }, detected: true },
    ]);
    expect(d).toMatchObject({ tp: 1, fn: 1, fp: 1, tn: 1 });
    expect(d.precision.pct).toBe(50);
    expect(d.recall.pct).toBe(50);
    expect(d.falsePositives).toEqual(['c']);
    expect(d.falseNegatives).toEqual(['b']);
  });

  it('computes median and nearest-rank p95', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(median(xs)).toBe(10.5);
    expect(percentile(xs, 95)).toBe(19);
    expect(percentile([3], 95)).toBe(3);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});

describe('peer mapping', () => {
  it('splits a string that lists several people, not "Family, Given"', () => {
    expect(
      splitAuthorList('Rodrigo C.V. Pinto, Ricardo A. Medronho, and Leda R. Castilho'),
    ).toEqual(['Rodrigo C.V. Pinto', 'Ricardo A. Medronho', 'Leda R. Castilho']);
    expect(splitAuthorList('Powell DJ; Moss-Morris R')).toEqual(['Powell DJ', 'Moss-Morris R']);
    expect(splitAuthorList('Pinto, Ricardo')).toEqual(['Pinto, Ricardo']);
    expect(splitAuthorList('Powell DJ , et al.')).toEqual(['Powell DJ']);
  });

  it('maps html-metadata scholarly tags first and counts detection from them', () => {
    const m = mapHtmlMetadata({
      highwirePress: {
        title: 'A paper',
        author: ['Heibi, Ivan', 'Peroni, Silvio'],
        date: '2019/02/07',
        arxiv_id: '1902.02534',
      },
      dublinCore: { identifier: ['urn:x', 'doi:10.1234/ABC'] },
      openGraph: { title: 'A paper | Site', description: 'A TLDR' },
      general: { title: 'A paper - Site' },
    });
    expect(m).toMatchObject({
      title: 'A paper',
      authors: ['Heibi, Ivan', 'Peroni, Silvio'],
      year: 2019,
      doi: '10.1234/ABC',
      arxivId: '1902.02534',
      abstract: 'A TLDR',
      detected: true,
    });
    const news = mapHtmlMetadata({
      openGraph: { title: 'News' },
      general: { title: 'News', author: 'A Reporter' },
    });
    expect(news.detected).toBe(false);
    expect(news.title).toBe('News');
  });

  it('maps metascraper title, author, date and description', () => {
    expect(
      mapMetascraper({ title: 'T', author: 'Ashish Vaswani', date: '2017-06-12T12:00:00.000Z' }),
    ).toMatchObject({ title: 'T', authors: ['Ashish Vaswani'], year: 2017, detected: true });
    expect(mapMetascraper({ title: 'T' }).detected).toBe(false);
  });
});

describe('targets', () => {
  const fields = (ours: number, peer: number) =>
    Object.fromEntries(
      FIELDS.map((f) => [
        f,
        { papershelf: ours, peers: { 'html-metadata': peer, metascraper: null } },
      ]),
    ) as unknown as CheckInput['fields'];
  const good: CheckInput = {
    fields: fields(100, 80),
    absentCorrect: 99,
    recall: 100,
    falsePositives: [],
    extractMedianMs: 0.4,
    wholeMedianMs: { papershelf: 5, metascraper: 50 },
  };

  it('passes when every target is met', () => {
    expect(checkTargets(good)).toEqual([]);
  });

  it('names each missed target', () => {
    const missed = checkTargets({
      ...good,
      fields: fields(95, 97),
      falsePositives: ['negative/neg__bbc'],
      extractMedianMs: 1.2,
      wholeMedianMs: { papershelf: 60, metascraper: 50 },
    });
    expect(missed.join('\n')).toMatch(/title: 95% < 98%/);
    expect(missed.join('\n')).toMatch(/title: Papershelf 95% < html-metadata 97%/);
    expect(missed.join('\n')).toMatch(/neg__bbc/);
    expect(missed.join('\n')).toMatch(/extraction on a parsed document/);
    expect(missed.join('\n')).toMatch(/whole HTML-to-JSON/);
  });

  it('judges extraction on a parsed document in the browser when the run measured it there', () => {
    expect(checkTargets({ ...good, extractMedianMs: 3, browserExtractMedianMs: 0.6 })).toEqual([]);
    const missed = checkTargets({ ...good, extractMedianMs: 0.4, browserExtractMedianMs: 1.5 });
    expect(missed).toEqual([
      'extraction on a parsed document (in the browser): median 1.500 ms >= 1 ms',
    ]);
    expect(checkTargets({ ...good, extractMedianMs: 1.2 })).toEqual([
      'extraction on a parsed document (linkedom): median 1.200 ms >= 1 ms',
    ]);
  });

  it('does not count a field no page expects as missed', () => {
    const f = fields(100, 80);
    f.doi = { papershelf: null, peers: { 'html-metadata': null, metascraper: null } };
    expect(checkTargets({ ...good, fields: f, recall: null })).toEqual([]);
  });

  it('fails when Papershelf did not run', () => {
    expect(checkTargets({ ...good, papershelfError: 'missing' })).toHaveLength(1);
  });
});
