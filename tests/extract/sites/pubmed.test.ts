import { describe, expect, it } from 'vitest';
import { parseVancouver } from '../../../utils/extract/refs';
import { parseCitationLine, pubmed } from '../../../utils/extract/sites/pubmed';
import { parsers } from './helpers';

describe.each([0, 1])('PubMed (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('current layout: full author names, identifiers, structured abstract, keywords, references, cited by', () => {
    const url = new URL('https://pubmed.ncbi.nlm.nih.gov/34000001/');
    const { draft, kind } = pubmed.extract(load('pubmed-current.html'), url, {});
    expect(kind).toBe('paper');
    expect(draft.title).toBe('Circadian rhythms of reading: a cohort study');
    expect(draft.authors).toEqual([
      { given: 'Rona', family: 'Moss-Morris' },
      { given: 'Daniel J', family: 'Powell' },
    ]);
    expect(draft).toMatchObject({
      venue: 'J Sleep Read',
      issued: { date: '2021-06', precision: 'month' },
      volume: '12',
      issue: '3',
      pages: '45-52',
      pmid: '34000001',
      pmcid: 'PMC8000001',
      doi: '10.5555/jsr.2021.0042',
      url: 'https://pubmed.ncbi.nlm.nih.gov/34000001/',
      keywords: ['Reading', 'Sleep', 'Recall'],
    });
    expect(draft.abstract).toBe(
      'Background: Reading habits follow the day. Results: We followed 120 readers for a year and found that evening reading predicts better recall of what was read.',
    );
    expect(draft.references).toHaveLength(2);
    expect(draft.references?.[0]).toMatchObject({
      title: 'Sleep-dependent learning and memory consolidation',
      year: 2004,
      doi: '10.1016/j.neuron.2004.08.031',
      pmid: '15450165',
      venue: 'Neuron',
    });
    expect(draft.references?.[0]?.authors).toEqual([
      { given: 'MP', family: 'Walker' },
      { given: 'R', family: 'Stickgold' },
    ]);
    expect(draft.citations).toEqual([
      {
        title: 'Night owls read more: a replication.',
        authors: [
          { given: 'K', family: 'Ito' },
          { given: 'E', family: 'Moreau' },
        ],
        year: 2023,
        venue: 'J Sleep Read',
        doi: '10.5555/jsr.2023.0001',
        url: 'https://pubmed.ncbi.nlm.nih.gov/36000002/',
        pmid: '36000002',
      },
    ]);
  });

  it('legacy 2012-2019 layout: everything from the visible record; MeSH meta keywords are not keywords', () => {
    const url = new URL('http://www.ncbi.nlm.nih.gov/pubmed/25000001');
    const { draft } = pubmed.extract(load('pubmed-legacy-2015.html'), url, {
      keywords: ['Adult', 'Humans'],
    });
    expect(draft).toMatchObject({
      title: 'Circadian rhythms of reading.',
      venue: 'J Sleep Read',
      issued: { date: '2015-03-12', precision: 'day' },
      year: 2015,
      volume: '56',
      pages: '120-131',
      pmid: '25000001',
      pmcid: 'PMC4000001',
      doi: '10.5555/jsr.2015.03.010',
      keywords: ['Reading', 'Sleep'],
    });
    expect(draft.authors).toEqual([
      { given: 'DJ', family: 'Powell' },
      { given: 'R', family: 'Moss-Morris' },
    ]);
    expect(draft.abstract).toMatch(
      /^BACKGROUND AND OBJECTIVES: Reading habits follow the day and we wanted to know how much\. METHODS: We followed/,
    );
    expect(draft.abstract).not.toMatch(/Copyright/);
  });

  it('2009 Entrez layout: title from the record (the <title> is truncated), year-only date', () => {
    const url = new URL('http://www.ncbi.nlm.nih.gov/pubmed/15000001');
    const { draft } = pubmed.extract(load('pubmed-legacy-2009.html'), url, {
      title:
        'Isolation of reading-list enzymes from pigeon mu...[Acta Biochim Pol. 2005] - PubMed Result',
      keywords: ['PubMed', 'NCBI'],
    });
    expect(draft).toMatchObject({
      title: 'Isolation of reading-list enzymes from pigeon muscle.',
      venue: 'Acta Biochim Pol',
      issued: { date: '2005', precision: 'year' },
      volume: '52',
      issue: '4',
      pages: '789-96',
      pmid: '15000001',
    });
    expect(draft.authors).toEqual([
      { given: 'K', family: 'Tkacz-Stachowska' },
      { given: 'AC', family: 'Skladanowski' },
    ]);
    expect(draft.abstract).toMatch(/^An enzyme specific/);
    expect('keywords' in draft && draft.keywords === undefined).toBe(true);
    expect(draft.doi).toBeUndefined();
  });

  it('current layout without author keywords: the search-engine keywords tag is not kept', () => {
    const url = new URL('https://pubmed.ncbi.nlm.nih.gov/34000001/');
    const doc = load('pubmed-current.html');
    doc.querySelector('#abstract > p')?.remove();
    const { draft } = pubmed.extract(doc, url, {
      keywords: ['pmid:34000001', 'doi:10.5555/jsr.2021.0042', 'Humans'],
    });
    expect('keywords' in draft && draft.keywords === undefined).toBe(true);
  });

  it('search results are a listing', () => {
    const url = new URL('https://pubmed.ncbi.nlm.nih.gov/?term=cortisol+fatigue');
    const { kind, works } = pubmed.extract(load('pubmed-search.html'), url, {});
    expect(kind).toBe('listing');
    expect(works).toHaveLength(2);
    expect(works?.[0]).toMatchObject({
      pmid: '25817406',
      year: 2015,
      doi: '10.1016/j.psyneuen.2015.03.010',
    });
    expect(works?.[0]?.authors).toHaveLength(4);
  });
});

describe('PubMed citation strings', () => {
  it('parses the MEDLINE citation line', () => {
    expect(
      parseCitationLine(' 2012 Mar 1;32(3):171-8. doi: 10.2165/11597620-000000000-00000.'),
    ).toEqual({
      issued: { date: '2012-03-01', precision: 'day' },
      volume: '32',
      issue: '3',
      pages: '171-8',
      doi: '10.2165/11597620-000000000-00000',
    });
    expect(parseCitationLine('2010 Sep-Oct;35(5):205-7.').issued).toEqual({
      date: '2010-09',
      precision: 'month',
    });
  });

  it('leaves a reference it cannot split as a raw string with what it can find', () => {
    const ref = parseVancouver('Anonymous report on reading, 2019, available online');
    expect(ref).toEqual({
      authors: [],
      raw: 'Anonymous report on reading, 2019, available online',
      year: 2019,
    });
  });
});
