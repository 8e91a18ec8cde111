import { describe, expect, it } from 'vitest';
import { openReview } from '../../../utils/extract/sites/openreview';
import { parsers } from './helpers';

describe.each([0, 1])('OpenReview (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('the submission’s Abstract field, not the TL;DR; keywords; an accepted conference paper', () => {
    const url = new URL('https://openreview.net/forum?id=YicbFdNTTy&noteId=abc');
    const base = {
      title: 'Sparse Reading Lists',
      abstract: 'We make reading lists sparse and they get better.',
      venue: 'The Eleventh International Conference on Learning Representations',
      pdfUrl: 'https://openreview.net/pdf?id=YicbFdNTTy',
    };
    const { draft, kind } = openReview.extract(load('openreview-forum.html'), url, base);
    expect(kind).toBe('paper');
    expect(draft.abstract).toBe(
      'Reading lists grow without bound. We show that a sparse attention over the list keeps what matters and halves the time to read.',
    );
    expect(draft.keywords).toEqual(['reading lists', 'sparsity', 'attention']);
    expect(draft.type).toBe('paper-conference');
    expect(draft.url).toBe('https://openreview.net/forum?id=YicbFdNTTy');
    expect(draft.issued).toEqual({ date: '2023-02-01', precision: 'day' });
  });

  it('without head tags: title and authors from the forum header', () => {
    const url = new URL('https://openreview.net/forum?id=YicbFdNTTy');
    const { draft } = openReview.extract(load('openreview-forum.html'), url, {});
    expect(draft.title).toBe('Sparse Reading Lists');
    expect(draft.authors).toEqual([
      { given: 'Chidinma', family: 'Okafor' },
      { given: 'Per', family: 'Lindqvist' },
    ]);
    expect(draft.pdfUrl).toBe('https://openreview.net/pdf?id=YicbFdNTTy');
  });
});
