import { describe, expect, it } from 'vitest';
import { computeKeyTerms, MAX_KEY_TERMS } from '../../utils/extract/keyterms';

const TITLE = 'Towards A Rigorous Science of Interpretable Machine Learning';
const ABSTRACT =
  'As machine learning systems become ubiquitous, there has been a surge of interest in interpretable ' +
  'machine learning: systems that provide explanation for their outputs. These explanations are often used ' +
  'to qualitatively assess other criteria such as safety or non-discrimination. However, despite the interest ' +
  'in interpretability, there is very little consensus on what interpretable machine learning is and how it ' +
  'should be measured. In this position paper, we first define interpretability and describe when ' +
  'interpretability is needed (and when it is not). Next, we suggest a taxonomy for rigorous evaluation and ' +
  'expose open questions towards a more rigorous science of interpretable machine learning.';

describe('computeKeyTerms (YAKE)', () => {
  it('finds the phrases a reader would pick', () => {
    const terms = computeKeyTerms(TITLE, ABSTRACT).map((k) => k.term);
    expect(terms[0]).toBe('interpretable machine learning');
    expect(terms.slice(0, 5)).toContain('machine learning');
    expect(terms).toContain('interpretability');
  });

  it('keeps acronyms and proper nouns, lower-cases Title Case and sentence-initial capitals', () => {
    const terms = computeKeyTerms(
      'Attention Is All You Need',
      'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. ' +
        'We propose the Transformer, based solely on attention mechanisms. Our model achieves 28.4 BLEU on the WMT 2014 ' +
        'English-to-German translation task, improving over the best results by over 2 BLEU. Attention mechanisms help.',
    ).map((k) => k.term);
    expect(terms).toContain('BLEU');
    expect(terms).toContain('Transformer');
    expect(terms.some((t) => /^attention mechanisms?$/.test(t))).toBe(true);
    expect(terms).not.toContain('Attention');
    expect(terms.some((t) => /^\d/.test(t))).toBe(false);
  });

  it('keeps a proper noun capitalised at a sentence start when the text capitalises it elsewhere', () => {
    const terms = computeKeyTerms(
      'Epstein-Nesbet perturbation treatment of the chromium dimer',
      'The chromium dimer curve is obtained with the Epstein-Nesbet partition. Perturbation theory converges.',
    ).map((k) => k.term);
    expect(terms.some((t) => t.startsWith('Epstein-Nesbet'))).toBe(true);
    expect(terms).not.toContain('Perturbation theory');
  });

  it('is deterministic', () => {
    expect(computeKeyTerms(TITLE, ABSTRACT)).toEqual(computeKeyTerms(TITLE, ABSTRACT));
  });

  it('weights are in (0, 1], the first is 1, sorted descending, at most the cap', () => {
    const terms = computeKeyTerms(TITLE, ABSTRACT);
    expect(terms.length).toBeGreaterThan(3);
    expect(terms.length).toBeLessThanOrEqual(MAX_KEY_TERMS);
    expect(terms[0]?.weight).toBe(1);
    for (const [i, k] of terms.entries()) {
      expect(k.weight).toBeGreaterThan(0);
      expect(k.weight).toBeLessThanOrEqual(1);
      if (i > 0) expect(k.weight).toBeLessThanOrEqual(terms[i - 1]?.weight ?? 1);
    }
  });

  it('gives one entry per term, ignoring case and plurals', () => {
    const terms = computeKeyTerms(
      'Graph Neural Networks',
      'Graph neural networks are studied. A graph neural network learns. GRAPH NEURAL NETWORKS scale. Graphs matter.',
    );
    const keys = terms.map((k) => k.term.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => /^graph neural network/.test(k))).toHaveLength(1);
  });

  it('returns nothing for empty or stopword-only input', () => {
    expect(computeKeyTerms('')).toEqual([]);
    expect(computeKeyTerms('', '')).toEqual([]);
    expect(computeKeyTerms('The of and', 'it is what it is, and so on.')).toEqual([]);
  });

  it('stays bounded on huge and hostile input', () => {
    const huge = 'lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(50_000);
    const start = performance.now();
    const terms = computeKeyTerms(huge, huge);
    expect(performance.now() - start).toBeLessThan(500);
    expect(terms.length).toBeLessThanOrEqual(MAX_KEY_TERMS);
    expect(
      computeKeyTerms('<script>alert(1)</script>', '{{constructor}} __proto__ toString valueOf'),
    ).toBeInstanceOf(Array);
  });
});
