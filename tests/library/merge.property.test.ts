import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePaper } from '@/utils/library/library';
import { mergePapers, mergeUserData, sameData } from '@/utils/library/merge';
import type { Paper } from '@/utils/paper';

const has = (v: unknown) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

const SOURCES = ['site:arxiv', 'jsonld', 'highwire', 'dc', 'og', 'page'];

const author = fc.record(
  { given: fc.string({ maxLength: 8 }), family: fc.string({ minLength: 1, maxLength: 10 }) },
  { requiredKeys: ['family'] },
);

const paperArb: fc.Arbitrary<Paper> = fc
  .record(
    {
      title: fc.string({ maxLength: 30 }),
      authors: fc.array(author, { maxLength: 4 }),
      issued: fc.constantFrom(
        { date: '2019', precision: 'year' as const },
        { date: '2019-05', precision: 'month' as const },
        { date: '2019-05-02', precision: 'day' as const },
      ),
      venue: fc.string({ maxLength: 12 }),
      pages: fc.string({ maxLength: 8 }),
      doi: fc.constantFrom('10.1000/a', '10.1101/2020.01.01.1', undefined),
      abstract: fc.string({ maxLength: 40 }),
      keywords: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 3 }),
      references: fc.array(
        fc.record({ title: fc.string({ maxLength: 5 }), authors: fc.constant([]) }),
        {
          maxLength: 3,
        },
      ),
      source: fc.constantFrom(...SOURCES),
    },
    { requiredKeys: ['title', 'authors', 'keywords', 'references', 'source'] },
  )
  .map(({ source, ...p }) => {
    const paper = { keyTerms: [], citations: [], sources: {}, ...p } as unknown as Paper;
    for (const k of Object.keys(p) as (keyof Paper)[]) {
      if (k !== 'sources' && has(p[k as keyof typeof p])) paper.sources[k as 'title'] = source;
    }
    return paper;
  });

describe('mergePapers properties', () => {
  it('never loses a field either side had', () => {
    fc.assert(
      fc.property(paperArb, paperArb, fc.boolean(), (rawA, rawB, mixedKinds) => {
        // The library merges normalised papers (see savePaper).
        const [a, b] = [normalizePaper(rawA), normalizePaper(rawB)];
        const m = mergePapers(
          a,
          b,
          mixedKinds ? { existing: 'preprint', incoming: 'published' } : undefined,
        );
        for (const f of [
          'title',
          'authors',
          'issued',
          'venue',
          'pages',
          'doi',
          'abstract',
          'keywords',
          'references',
        ] as const) {
          if (has(a[f]) || has(b[f])) expect(has(m[f]), f).toBe(true);
          // Provenance follows the value.
          if (has(m[f]) && (a.sources[f] || b.sources[f])) expect(m.sources[f], f).toBeDefined();
        }
      }),
    );
  });

  it('is idempotent: merging a paper into itself changes nothing', () => {
    fc.assert(
      fc.property(paperArb, (p) => {
        const a = normalizePaper(p);
        return sameData(mergePapers(a, structuredClone(a)), a);
      }),
    );
    fc.assert(
      fc.property(paperArb, paperArb, (a, b) => {
        const once = mergePapers(a, b);
        expect(sameData(mergePapers(once, b), once)).toBe(true);
      }),
    );
  });
});

describe('mergeUserData properties', () => {
  const user = fc.record({
    status: fc.constantFrom('to-read' as const, 'reading' as const, 'read' as const),
    tags: fc.array(
      fc.string({ minLength: 1, maxLength: 6 }).filter((t) => t.trim() === t && !/\s{2}/.test(t)),
      {
        maxLength: 4,
      },
    ),
    notes: fc.string({ maxLength: 20 }),
    starred: fc.boolean(),
  });

  it('keeps every tag, both notes and the star', () => {
    fc.assert(
      fc.property(user, user, (a, b) => {
        const m = mergeUserData(a, b);
        const lower = m.tags.map((t) => t.toLowerCase());
        for (const t of [...a.tags, ...b.tags]) expect(lower).toContain(t.toLowerCase());
        expect(m.notes).toContain(a.notes.trim());
        expect(m.notes).toContain(b.notes.trim());
        expect(m.starred).toBe(a.starred || b.starred);
      }),
    );
  });
});
