import { describe, expect, it } from 'vitest';
import { biorxiv } from '../../../utils/extract/sites/biorxiv';
import { parsers } from './helpers';

describe.each([0, 1])('bioRxiv / medRxiv (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('the posted date replaces the January-1st placeholder; "Now published in" is the published DOI', () => {
    const url = new URL('https://www.biorxiv.org/content/10.1101/2020.03.22.000001v3');
    const base = {
      title: 'A Reading-List Interaction Map',
      venue: 'bioRxiv',
      doi: '10.1101/2020.03.22.000001',
      issued: { date: '2020-01-01', precision: 'day' as const },
      year: 2020,
    };
    const { draft, kind } = biorxiv.extract(load('biorxiv-placeholder-date.html'), url, base);
    expect(kind).toBe('paper');
    expect(draft.issued).toEqual({ date: '2020-03-27', precision: 'day' });
    expect(draft.year).toBe(2020);
    expect(draft.publishedDoi).toBe('10.1038/s41586-020-0000-1');
    expect(draft.doi).toBeUndefined();
    expect(draft.venue).toBeUndefined();
    expect(draft.type).toBe('article');
  });

  it('a page whose head tags are unreadable: title, authors, DOI, date and PDF from the page', () => {
    const url = new URL('https://www.medrxiv.org/content/10.1101/696633v1');
    const { draft } = biorxiv.extract(load('biorxiv-no-head-tags.html'), url, {});
    expect(draft).toMatchObject({
      title: 'Sub-nucleosomal organization of reading lists',
      doi: '10.1101/696633',
      issued: { date: '2019-07-11', precision: 'day' },
      venue: 'medRxiv',
      pdfUrl: 'https://biorxiv.org/content/10.1101/696633v1.full.pdf',
    });
    expect(draft.authors).toEqual([
      { given: 'Havell', family: 'Markus' },
      { given: 'Michelina C.', family: 'de la Maza' },
    ]);
  });
});
