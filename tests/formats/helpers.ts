import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '@/utils/paper';
import type { ExportItem } from '@/utils/formats/types';

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '../fixtures/formats', name), 'utf8');
}

/** A complete paper as the extractors produce it; override what a test is about. */
export function makePaper(overrides: Partial<Paper> = {}): Paper {
  return {
    type: 'paper-conference',
    title: 'Attention Is All You Need',
    authors: [
      { given: 'Ashish', family: 'Vaswani' },
      { given: 'Noam', family: 'Shazeer' },
    ],
    issued: { date: '2017-06-12', precision: 'day' },
    year: 2017,
    venue: 'Advances in Neural Information Processing Systems',
    volume: '30',
    pages: '5998-6008',
    publisher: 'Curran Associates',
    doi: '10.5555/3295222.3295349',
    arxivId: '1706.03762',
    arxivVersion: 'v7',
    abstract: 'The dominant sequence transduction models are based on recurrent networks.',
    keywords: ['transformers', 'attention'],
    keyTerms: [
      { term: 'self-attention', weight: 1 },
      { term: 'machine translation', weight: 0.6 },
    ],
    keyTermsComputed: true,
    url: 'https://arxiv.org/abs/1706.03762',
    pdfUrl: 'https://arxiv.org/pdf/1706.03762v7',
    references: [
      {
        title: 'Neural Machine Translation by Jointly Learning to Align and Translate',
        authors: [{ given: 'Dzmitry', family: 'Bahdanau' }],
        year: 2014,
        arxivId: '1409.0473',
      },
    ],
    citations: [],
    sources: { title: 'highwire', authors: 'highwire', doi: 'site:arxiv', keyTerms: 'computed' },
    ...overrides,
  };
}

export function item(overrides: Partial<Paper> = {}, user: Partial<ExportItem> = {}): ExportItem {
  return { paper: makePaper(overrides), ...user };
}

/** The bibliographic fields a format carries (not provenance, key terms, references). */
export function biblio(p: Paper): Partial<Paper> {
  const {
    sources: _s,
    keyTerms: _k,
    keyTermsComputed: _c,
    references: _r,
    citations: _ci,
    ...rest
  } = p;
  return rest;
}
