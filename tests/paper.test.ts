import { describe, expect, it } from 'vitest';
import type { Paper } from '../utils/paper';

describe('Paper', () => {
  it('survives structured cloning', () => {
    const p: Paper = {
      title: 't',
      authors: [{ given: 'A', family: 'B' }],
      keywords: [],
      keyTerms: [],
      references: [],
      citations: [],
      sources: { title: 'highwire' },
    };
    expect(structuredClone(p)).toEqual(p);
  });
});
