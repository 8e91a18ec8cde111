import { describe, expect, it } from 'vitest';
import { semanticScholar } from '../../../utils/extract/sites/semanticscholar';
import { parsers } from './helpers';

describe.each([0, 1])('Semantic Scholar (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];
  const url = new URL(
    'https://www.semanticscholar.org/paper/Whats-in-a-Meow/d1de4343d4076843583ca5826f345be6cb5cd75c',
  );

  it('a TLDR in the abstract’s place (and in og:description) is not the abstract', () => {
    const base = {
      title: 'What’s in a Meow? Human Classification of Cat Vocalizations',
      abstract:
        'It emerged that humans are not particularly able to extract precise information from cats’ vocalizations.',
      authors: [
        { given: 'E.', family: 'Prato-Previde' },
        { given: 'Simona', family: 'Cannas' },
        { given: 'S.', family: 'Mattiello' },
      ],
      year: 2020,
      issued: { date: '2020', precision: 'year' as const },
    };
    const { draft, kind } = semanticScholar.extract(load('semanticscholar-tldr.html'), url, base);
    expect(kind).toBe('paper');
    expect('abstract' in draft && draft.abstract === undefined).toBe(true);
    expect(draft.doi).toBe('10.3390/ani10122390');
    expect(draft.issued).toEqual({ date: '2020-12-01', precision: 'day' });
    // Full given names from the BibTeX block, same people in the same order.
    expect(draft.authors).toEqual([
      { given: 'Emanuela', family: 'Prato-Previde' },
      { given: 'Simona', family: 'Cannas' },
      { given: 'Silvana', family: 'Mattiello' },
    ]);
    expect(draft.citations).toEqual([
      {
        title: 'Cat talk: a review',
        authors: [
          { given: 'Meiqing', family: 'Li' },
          { given: 'Hao', family: 'Sheng' },
        ],
        year: 2022,
        venue: 'Animals',
        url: 'https://www.semanticscholar.org/paper/Cat-talk/abc123',
      },
    ]);
    expect(draft.references?.map((r) => [r.title, r.year])).toEqual([
      ['Vocal cues in domestic cats', 2015],
    ]);
  });

  it('a truncated abstract is completed from the description; the DOI comes from the PDF link', () => {
    const base = {
      title: 'Where the Crosswalk Ends',
      year: 2022,
      issued: { date: '2022', precision: 'year' as const },
    };
    const { draft } = semanticScholar.extract(load('semanticscholar-abstract.html'), url, base);
    expect(draft.abstract).toMatch(
      /^Marked crosswalks .* we map every crosswalk in San Francisco\.$/,
    );
    expect(draft.doi).toBe('10.1177/23998083221081530');
    expect(draft.issued).toEqual({ date: '2022-04-04', precision: 'day' });
  });

  it('an og:title with "[PDF] … | Semantic Scholar" is replaced by the heading', () => {
    const base = {
      title: '[PDF] What’s in a Meow? Human Classification of Cat Vocalizations | Semantic Scholar',
    };
    const { draft } = semanticScholar.extract(load('semanticscholar-tldr.html'), url, base);
    expect(draft.title).toBe('What’s in a Meow? Human Classification of Cat Vocalizations');
  });
});
