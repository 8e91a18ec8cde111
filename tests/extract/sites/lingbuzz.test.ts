import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { lingbuzz } from '../../../utils/extract/sites/lingbuzz';
import { quickCheck } from '../../../utils/quick-check';
import { parsers } from './helpers';

describe.each([0, 1])('LingBuzz (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];
  const URL_ = 'https://lingbuzz.net/lingbuzz/007315';

  it('a paper page without metadata tags: the work from its layout', () => {
    const result = extractPage(load('lingbuzz-paper.html'), URL_);
    expect(result.kind).toBe('paper');
    const paper = result.paper!;
    expect(paper).toMatchObject({
      type: 'article',
      title: 'Case stacking without movement',
      authors: [
        { given: 'Ngaire', family: 'Walsh' },
        { given: 'Tomás A.', family: 'Quiroga' },
      ],
      issued: { date: '2024-03', precision: 'month' },
      year: 2024,
      doi: '10.5555/jel.2024.0041',
      venue: 'Journal of Example Linguistics 12: 41-77',
      keywords: ['case stacking', 'morphology', 'syntax', 'Australian languages'],
      // Session parameters are not part of the addresses kept.
      pdfUrl: 'https://lingbuzz.net/lingbuzz/007315/current.pdf',
      url: 'https://lingbuzz.net/lingbuzz/007315',
    });
    expect(paper.abstract).toMatch(/^We argue that case stacking .* order of those heads\.$/);
    expect(paper.sources.title).toBe('site:lingbuzz');
  });

  it('other pages of the archive are not papers', () => {
    const { kind } = lingbuzz.extract(
      load('lingbuzz-paper.html'),
      new URL('https://lingbuzz.net/lingbuzz/_listing?weekly=1'),
      {},
    );
    expect(kind).toBeUndefined();
  });

  it('the detector lets the archive through, at its old address too', () => {
    expect(quickCheck(load('lingbuzz-paper.html'), new URL(URL_))).toBe('maybe');
    const old = 'https://ling.auf.net/lingbuzz/007315';
    expect(quickCheck(load('lingbuzz-paper.html'), new URL(old))).toBe('maybe');
    expect(extractPage(load('lingbuzz-paper.html'), old).paper?.url).toBe(old);
  });
});
