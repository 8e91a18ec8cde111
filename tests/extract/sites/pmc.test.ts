import { describe, expect, it } from 'vitest';
import { pmc } from '../../../utils/extract/sites/pmc';
import { parsers } from './helpers';

describe.each([0, 1])('PubMed Central (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('current layout: PMCID from the URL, references from the reference list', () => {
    const url = new URL('https://pmc.ncbi.nlm.nih.gov/articles/PMC3000001/');
    const { draft, kind } = pmc.extract(load('pmc-current.html'), url, {
      pmid: '23000001',
      doi: '10.5555/nar/rb1195',
    });
    expect(kind).toBe('paper');
    expect(draft.pmcid).toBe('PMC3000001');
    expect(draft.url).toBe('https://pmc.ncbi.nlm.nih.gov/articles/PMC3000001/');
    expect(draft.references).toHaveLength(2);
    // The Google Scholar lookup link gives the fields already split.
    expect(draft.references?.[0]).toMatchObject({
      title: 'ReadBank',
      year: 2012,
      venue: 'Nucleic Acids Res',
      doi: '10.5555/nar/rb1202',
      pmid: '22144687',
    });
    expect(draft.references?.[0]?.authors).toEqual([
      { given: 'DA', family: 'Benson' },
      { given: 'K', family: 'Clark' },
      { given: 'EW', family: 'Sayers' },
    ]);
    expect(draft.references?.[1]).toMatchObject({
      title: 'The European Reading Archive',
      year: 2011,
      pmid: '21106499',
    });
  });

  it('2009 renderer: PMCID from artid, name-year references with PubMed links', () => {
    const url = new URL(
      'http://www.pubmedcentral.nih.gov/articlerender.fcgi?artid=2000001&rendertype=abstract',
    );
    const { draft } = pmc.extract(load('pmc-legacy-2009.html'), url, { pmid: '19000002' });
    expect(draft.pmcid).toBe('PMC2000001');
    expect(draft.references).toHaveLength(2);
    expect(draft.references?.[0]).toMatchObject({
      title: 'Death mechanisms of animal cells in conditions of intensive agitation',
      year: 1995,
      venue: 'Biotechnol Bioeng',
      pmid: '18623245',
    });
    expect(draft.references?.[0]?.authors).toHaveLength(3);
  });

  it('the PMCID line of the front matter when the URL has none', () => {
    const url = new URL('https://www.ncbi.nlm.nih.gov/pmc/articles/mid/NIHMS12345/');
    const { draft } = pmc.extract(load('pmc-legacy-2009.html'), url, {});
    expect(draft.pmcid).toBe('PMC2000001');
  });
});
