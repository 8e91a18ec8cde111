import { parse, paperToCsl, serialize } from '@/utils/formats/csl-json';
import { FormatError } from '@/utils/formats/types';
import { biblio, fixture, item, makePaper } from './helpers';

describe('CSL-JSON: writing', () => {
  it('writes one CSL item per paper, id = citation key', () => {
    const [csl] = JSON.parse(serialize([item(), item()])) as Record<string, unknown>[];
    expect(csl).toEqual({
      id: 'vaswani2017attention',
      type: 'paper-conference',
      title: 'Attention Is All You Need',
      author: [
        { family: 'Vaswani', given: 'Ashish' },
        { family: 'Shazeer', given: 'Noam' },
      ],
      issued: { 'date-parts': [[2017, 6, 12]] },
      'container-title': 'Advances in Neural Information Processing Systems',
      volume: '30',
      page: '5998-6008',
      publisher: 'Curran Associates',
      DOI: '10.5555/3295222.3295349',
      URL: 'https://arxiv.org/abs/1706.03762',
      abstract: 'The dominant sequence transduction models are based on recurrent networks.',
      keyword: 'transformers, attention',
      number: 'arXiv:1706.03762v7',
    });
    const ids = (JSON.parse(serialize([item(), item()])) as { id: string }[]).map((c) => c.id);
    expect(ids).toEqual(['vaswani2017attention', 'vaswani2017attentiona']);
  });

  it('writes literal names and year-only dates', () => {
    const csl = paperToCsl(
      makePaper({ authors: [{ literal: 'WHO' }], issued: undefined, year: 1999 }),
      'k',
    );
    expect(csl.author).toEqual([{ literal: 'WHO' }]);
    expect(csl.issued).toEqual({ 'date-parts': [[1999]] });
  });
});

describe('CSL-JSON: reading', () => {
  it("reads Zotero's CSL JSON, validating each item", () => {
    const { items, errors } = parse(fixture('zotero.csl.json'));
    expect(errors.map((e) => [e.index, e.reason])).toEqual([
      [2, 'it has no title and no DOI, arXiv id or PubMed id'],
      [3, 'not a CSL item (an object)'],
    ]);
    const [goedel, bert] = items.map((i) => i.paper);
    expect(goedel).toMatchObject({
      type: 'article-journal',
      title: 'Über formal unentscheidbare Sätze der Principia Mathematica',
      authors: [{ family: 'Gödel', given: 'Kurt' }],
      issued: { date: '1931-12', precision: 'month' },
      year: 1931,
      venue: 'Monatshefte für Mathematik und Physik',
      issue: '1',
      pages: '173-198',
      doi: '10.1007/bf01700692',
      issn: ['0026-9255'],
    });
    expect(bert).toMatchObject({
      type: 'article',
      arxivId: '1810.04805',
      authors: [
        { family: 'Devlin', given: 'Jacob' },
        { family: 'van der Berg', given: 'Jan' },
        { literal: 'Google AI Language' },
      ],
      issued: { date: '2018-10-11', precision: 'day' },
      keywords: ['Computer Science - Computation and Language'],
    });
  });

  it('refuses what is not CSL-JSON with a clear message', () => {
    expect(() => parse('{not json')).toThrow(/not valid JSON/);
    expect(() => parse('42')).toThrow(FormatError);
    expect(parse('{"type":"book","title":"One item alone"}').items).toHaveLength(1);
  });

  it('rejects a non-list author and unsafe URLs', () => {
    const { items, errors } = parse(
      JSON.stringify([
        { title: 'A', author: 'Smith' },
        { title: 'B', URL: 'javascript:alert(1)' },
      ]),
    );
    expect(errors[0]?.reason).toMatch(/author/);
    expect(items[0]?.paper.url).toBeUndefined();
  });
});

describe('CSL-JSON: round trip', () => {
  it('writes and reads back the bibliographic fields', () => {
    const paper = makePaper({
      issn: ['0028-0836'],
      authors: [
        { family: 'van der Berg', given: 'Jan' },
        { family: '王', given: '小明' },
        { literal: 'World Health Organization' },
        { family: 'Plato' },
      ],
      title: 'Math $O(n^2)$ & {braces} ~ # _ \\',
    });
    const [back] = parse(serialize([{ paper }])).items;
    const { pdfUrl: _p, ...expected } = biblio(paper);
    expect(biblio(back!.paper)).toEqual(expected);
  });
});
