import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { springer } from '../../../utils/extract/sites/springer';
import { parsers } from './helpers';

const family = (as: { family?: string; literal?: string }[] | undefined): (string | undefined)[] =>
  (as ?? []).map((a) => a.family ?? a.literal);

describe.each([0, 1])('Springer Link and nature.com (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('keywords are the visible author keywords, not the dc.subject classification', () => {
    const result = extractPage(
      load('springer-article.html'),
      'https://link.springer.com/article/10.1007/s10924-010-0001-1',
    );
    expect(result.kind).toBe('paper');
    expect(result.paper?.keywords).toEqual(['Amylose', 'Packaging']);
    expect(result.paper?.year).toBe(2010);
    expect(family(result.paper?.authors)).toEqual(['Bandyopadhyay-Ghosh', 'Sain']);
  });

  it('nature.com: a "Subjects" list is taxonomy, so no keywords; the abstract is dc.description, not og', () => {
    const result = extractPage(
      load('nature-article.html'),
      'https://www.nature.com/articles/s41586-021-00001-2',
    );
    expect(result.kind).toBe('paper');
    expect(result.paper?.keywords).toEqual([]);
    expect(result.paper?.abstract).toMatch(/^Proteins are essential to life/);
  });

  it('2009 SpringerLink layout without meta: header table, byline without affiliation numbers', () => {
    const result = extractPage(
      load('springer-legacy-2009.html'),
      'http://www.springerlink.com/content/p64768w654438463/',
    );
    expect(result.kind).toBe('paper');
    const paper = result.paper!;
    expect(paper.title).toBe('On graphs in multibody dynamics');
    expect(paper.authors).toEqual([
      { given: 'J. J.', family: 'McPhee' },
      { given: 'Anna', family: 'Schmidt' },
    ]);
    expect(paper).toMatchObject({
      venue: 'Nonlinear Dynamics',
      publisher: 'Springer Netherlands',
      issued: { date: '1996-02', precision: 'month' },
      volume: '9',
      issue: '1-2',
      pages: '73–90',
      doi: '10.1007/bf01833294',
      issn: ['0924-090X', '1573-269X'],
    });
    expect(paper.abstract).toMatch(/^Multibody dynamics involves/);
  });

  it('a 2009 nature.com table of contents is a listing', () => {
    const result = extractPage(
      load('nature-toc-2009.html'),
      'http://www.nature.com/nature/journal/v460/n7254/index.html',
    );
    expect(result.kind).toBe('listing');
    expect(result.works?.map((w) => w.title)).toEqual([
      'Growing pains',
      'Journal club',
      'Ancient DNA of cattle',
    ]);
    expect(result.works?.[0]).toMatchObject({
      doi: '10.1038/460435a',
      url: 'http://www.nature.com/nature/journal/v460/n7254/full/460435a.html',
    });
    expect(family(result.works?.[2]?.authors)).toEqual(['Lee', 'Chen', 'Diaz']);
  });

  it('current nature.com search results are a listing', () => {
    const { kind, works } = springer.extract(
      load('nature-search.html'),
      new URL('https://www.nature.com/search?q=folding'),
      {},
    );
    expect(kind).toBe('listing');
    expect(works).toHaveLength(2);
    expect(works?.[0]).toMatchObject({
      title: 'Protein folding in crowded cells',
      year: 2024,
      venue: 'Nature',
      url: 'https://www.nature.com/articles/s41586-024-00001-1',
      doi: '10.1038/s41586-024-00001-1',
    });
    expect(family(works?.[0]?.authors)).toEqual(['Duarte', 'Boateng']);
    expect(works?.[1]?.year).toBe(2023);
  });

  it('Springer Link search results are a listing', () => {
    const { kind, works } = springer.extract(
      load('springer-search.html'),
      new URL('https://link.springer.com/search?query=particles'),
      {},
    );
    expect(kind).toBe('listing');
    expect(works?.[0]).toMatchObject({
      title: 'On the theory of identical particles',
      year: 1977,
      doi: '10.1007/bf02727953',
      url: 'https://link.springer.com/article/10.1007/BF02727953',
    });
    expect(family(works?.[0]?.authors)).toEqual(['Leinaas', 'Myrheim']);
    expect(works?.[1]).toMatchObject({
      title: 'End-to-End Object Detection',
      year: 2020,
      doi: '10.1007/978-3-030-58452-8_13',
    });
    expect(family(works?.[1]?.authors)).toEqual(['Carion', 'Massa']);
  });
});
