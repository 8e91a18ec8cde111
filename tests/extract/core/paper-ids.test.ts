import { describe, expect, it } from 'vitest';
import {
  findDoi,
  normalizeDoi,
  normalizeIsbn,
  normalizeIssn,
  normalizePmcid,
  normalizePmid,
  parseArxivId,
} from '../../../utils/paper-ids';

describe('normalizeDoi', () => {
  it.each([
    ['10.1038/NATURE14539', '10.1038/nature14539'],
    ['doi:10.1038/nature14539', '10.1038/nature14539'],
    ['DOI: 10.1038/nature14539.', '10.1038/nature14539'],
    ['https://doi.org/10.1145/3292500.3330701', '10.1145/3292500.3330701'],
    ['http://dx.doi.org/10.1016/S0140-6736(20)30183-5', '10.1016/s0140-6736(20)30183-5'],
    ['(see 10.1000/xyz123)', '10.1000/xyz123'],
    ['https://doi.org/10.1002%2Fanie.201', '10.1002/anie.201'],
    ['https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201/abstract', '10.1002/anie.201'],
    ['https://doi.org/10.1/x?utm=1', undefined],
    ['10.12345/abc;', '10.12345/abc'],
    // Wiley's SICI DOIs keep their angle brackets; one that only delimits a DOI goes.
    [
      '10.1002/(SICI)1097-4636(199908)46:2<294::AID-JBM20>3.0.CO;2-7',
      '10.1002/(sici)1097-4636(199908)46:2<294::aid-jbm20>3.0.co;2-7',
    ],
    ['<doi:10.1000/xyz123>', '10.1000/xyz123'],
  ])('%s -> %s', (input, out) => {
    expect(normalizeDoi(input)).toBe(out);
  });
  it('rejects non-DOIs', () => {
    expect(normalizeDoi('hello')).toBeUndefined();
    expect(normalizeDoi('')).toBeUndefined();
    expect(normalizeDoi(undefined)).toBeUndefined();
    expect(normalizeDoi('10.12/short-registrant')).toBeUndefined();
  });
  it('finds a DOI in prose', () => {
    expect(findDoi('Published as doi:10.5555/ABC.def, 2020.')).toBe('10.5555/abc.def');
  });
});

describe('parseArxivId', () => {
  it.each([
    ['1706.03762v7', { id: '1706.03762', version: 'v7' }],
    ['arXiv:1706.03762', { id: '1706.03762' }],
    ['https://arxiv.org/abs/2101.00001v2', { id: '2101.00001', version: 'v2' }],
    ['https://arxiv.org/pdf/1706.03762v7.pdf', { id: '1706.03762', version: 'v7' }],
    ['hep-th/9901001v2', { id: 'hep-th/9901001', version: 'v2' }],
    ['https://arxiv.org/abs/math.GT/0309136', { id: 'math.GT/0309136' }],
    ['10.48550/arXiv.2106.09685', { id: '2106.09685' }],
  ])('%s', (input, out) => {
    expect(parseArxivId(input)).toEqual(out);
  });
  it('rejects unlabelled numbers in text and bad months', () => {
    expect(parseArxivId('page 1234.5678 of the report')).toBeUndefined();
    expect(parseArxivId('1713.01234')).toBeUndefined();
    expect(parseArxivId('')).toBeUndefined();
  });
});

describe('PubMed ids', () => {
  it('normalises PMIDs', () => {
    expect(normalizePmid('PMID: 31234567')).toBe('31234567');
    expect(normalizePmid('https://pubmed.ncbi.nlm.nih.gov/31234567/')).toBe('31234567');
    expect(normalizePmid('https://www.ncbi.nlm.nih.gov/pubmed/31234567')).toBe('31234567');
    expect(normalizePmid('abc')).toBeUndefined();
    // Entrez's older links (Nature's and Springer's reference lists).
    expect(
      normalizePmid(
        'http://www.ncbi.nlm.nih.gov/entrez/query.fcgi?cmd=Retrieve&db=PubMed&list_uids=16980212&dopt=Abstract',
      ),
    ).toBe('16980212');
    expect(normalizePmid('https://example.org/list?list_uids=16980212')).toBeUndefined();
  });
  it('normalises PMCIDs', () => {
    expect(normalizePmcid('PMC3531190')).toBe('PMC3531190');
    expect(normalizePmcid('pmc 3531190')).toBe('PMC3531190');
    expect(normalizePmcid('3531190')).toBe('PMC3531190');
    expect(normalizePmcid('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3531190/')).toBe(
      'PMC3531190',
    );
    expect(normalizePmcid('nope')).toBeUndefined();
  });
});

describe('ISSN / ISBN', () => {
  it('checks ISSN check digits', () => {
    expect(normalizeIssn('0028-0836')).toBe('0028-0836');
    expect(normalizeIssn('1476-4687')).toBe('1476-4687');
    expect(normalizeIssn('0028-0837')).toBeUndefined();
  });
  it('checks ISBN check digits', () => {
    expect(normalizeIsbn('978-0-262-03384-8')).toBe('9780262033848');
    expect(normalizeIsbn('ISBN 0-262-03384-4')).toBe('0262033844');
    expect(normalizeIsbn('978-0-262-03384-9')).toBeUndefined();
  });
});
