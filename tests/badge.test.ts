import { describe, expect, it } from 'vitest';
import { badgeFor } from '../utils/badge';

describe('badgeFor', () => {
  it('marks a detected paper that is not saved', () => {
    const b = badgeFor({ kind: 'paper', saved: false, title: 'Attention Is All You Need' });
    expect(b.text).toBe('+');
    expect(b.title).toContain('not saved');
    expect(b.title).toContain('Attention Is All You Need');
  });

  it('marks a paper that is already saved', () => {
    const b = badgeFor({ kind: 'paper', saved: true });
    expect(b.text).toBe('✓');
    expect(b.title).toContain('saved in your library');
  });

  it('counts the works of a listing, capped to fit the badge', () => {
    expect(badgeFor({ kind: 'listing', works: 1 }).title).toContain('1 work');
    expect(badgeFor({ kind: 'listing', works: 20 }).text).toBe('20');
    expect(badgeFor({ kind: 'listing', works: 12000 }).text).toBe('999+');
  });

  it('clears the badge when there is nothing', () => {
    expect(badgeFor({ kind: 'none' })).toMatchObject({
      text: '',
      title: 'Papershelf: no paper on this page',
    });
  });

  it('keeps long titles short', () => {
    expect(
      badgeFor({ kind: 'paper', saved: false, title: 'x'.repeat(300) }).title.length,
    ).toBeLessThan(140);
  });
});
