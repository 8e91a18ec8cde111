import { describe, expect, it } from 'vitest';
import { authorName, safeHttpUrl, shortAuthors } from '../utils/display';

describe('display helpers', () => {
  it('names authors', () => {
    expect(authorName({ given: 'Ada', family: 'Lovelace' })).toBe('Ada Lovelace');
    expect(authorName({ literal: 'The ATLAS Collaboration' })).toBe('The ATLAS Collaboration');
  });

  it('shortens long author lists', () => {
    const a = ['A', 'B', 'C', 'D'].map((family) => ({ family }));
    expect(shortAuthors(a)).toBe('A, B, C et al.');
    expect(shortAuthors(a.slice(0, 2))).toBe('A, B');
    expect(shortAuthors([])).toBe('');
  });

  it('allows only http(s) links', () => {
    expect(safeHttpUrl('https://doi.org/10.1/x')).toBe('https://doi.org/10.1/x');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});
