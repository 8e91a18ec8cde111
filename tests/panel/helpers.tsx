import { domHelpers } from '../dom';
import type { Paper, WorkRef } from '@/utils/paper';

/** A paper like the summary-page fixture's, with overrides. */
export function makePaper(over: Partial<Paper> = {}): Paper {
  return {
    title: 'Interpretable Machine Learning for Genomics',
    authors: [{ given: 'David S.', family: 'Watson' }],
    year: 2021,
    venue: 'Human Genetics',
    doi: '10.1007/s00439-021-02387-9',
    arxivId: '2007.13972',
    pdfUrl: 'https://www.example.org/pdf/watson.pdf',
    abstract: 'High-throughput technologies such as sequencing.',
    keywords: [],
    keyTerms: [
      { term: 'machine learning', weight: 0.155 },
      { term: 'ml', weight: 0.204 },
    ],
    references: [
      work('A unified approach to interpreting model predictions', 2017, 'Lundberg'),
      work('Why should I trust you?', 2016, 'Ribeiro'),
    ],
    citations: [work('The explanatory role of machine learning', 2024, 'Gross')],
    sources: {},
    ...over,
  };
}

export function work(title: string, year: number, family: string, url?: string): WorkRef {
  return {
    title,
    year,
    authors: [{ given: 'A.', family }],
    url: url ?? `https://www.example.org/paper/${encodeURIComponent(title)}`,
  };
}

// The panel draws its tables a frame after the summary: let deferred sections run.
export const { mount, settle, click } = domHelpers({ settleMs: 200, clickSettleMs: 0 });
export { allById, byId, unmountAll } from '../dom';
