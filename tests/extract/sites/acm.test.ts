import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { acm } from '../../../utils/extract/sites/acm';
import { parsers } from './helpers';

const family = (as: { family?: string; literal?: string }[] | undefined): (string | undefined)[] =>
  (as ?? []).map((a) => a.family ?? a.literal);

describe.each([0, 1])('ACM Digital Library (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('2024 layout: Dublin Core head, visible abstract, type from pbContext, author keywords, references', () => {
    const result = extractPage(
      load('acm-2024.html'),
      'https://dl.acm.org/doi/10.1145/3292500.3330701',
    );
    expect(result.kind).toBe('paper');
    const paper = result.paper!;
    expect(paper.title).toBe('Graph Learning at Scale');
    expect(family(paper.authors)).toEqual(['Ruiz', 'Zhang']);
    expect(paper.abstract).toMatch(/^We train graph neural networks/);
    expect(paper).toMatchObject({
      type: 'paper-conference',
      doi: '10.1145/3292500.3330701',
      year: 2019,
      url: 'https://dl.acm.org/doi/10.1145/3292500.3330701',
      pdfUrl: 'https://dl.acm.org/doi/pdf/10.1145/3292500.3330701',
    });
    expect(paper.keywords).toEqual(['graph neural networks', 'scalability']);
    expect(paper.references).toHaveLength(2);
    expect(paper.references[0]).toMatchObject({
      year: 2017,
      doi: '10.5555/3294771.3294869',
      url: 'https://dl.acm.org/doi/10.5555/3294771.3294869',
    });
    expect(paper.references[0]?.raw).toMatch(/^William L\. Hamilton.*1024–1034\.$/);
  });

  it('2021 layout without head metadata: everything from the page, DOI from the address', () => {
    const { draft, kind } = acm.extract(
      load('acm-2021.html'),
      new URL('https://dl.acm.org/doi/abs/10.1145/3442188.3445922'),
      {},
    );
    expect(kind).toBe('paper');
    expect(draft).toMatchObject({
      title: 'On Fairness in Ranking',
      type: 'article-journal',
      venue: 'Communications of the ACM',
      issued: { date: '2021-03', precision: 'month' },
      doi: '10.1145/3442188.3445922',
    });
    expect(family(draft.authors)).toEqual(['Stone', 'Patel']);
    expect(draft.abstract).toMatch(/^Rankings decide/);
  });

  it('search results are a listing', () => {
    const result = extractPage(
      load('acm-search.html'),
      'https://dl.acm.org/action/doSearch?AllField=graph',
    );
    expect(result.kind).toBe('listing');
    expect(result.works?.[0]).toMatchObject({
      title: 'Graph Learning at Scale',
      year: 2019,
      doi: '10.1145/3292500.3330701',
      url: 'https://dl.acm.org/doi/10.1145/3292500.3330701',
    });
    expect(family(result.works?.[0]?.authors)).toEqual(['Ruiz', 'Zhang']);
    expect(result.works?.[1]).toMatchObject({
      title: 'Stochastic Parrots',
      year: 2021,
      doi: '10.1145/3442188.3445922',
    });
  });
});
