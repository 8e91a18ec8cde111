import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteExtractors } from '../../../utils/extract/sites/index';
import { FIXTURES, parsers } from './helpers';

/**
 * The conventions every site extractor follows (STYLE.md lessons 4 and 5): registered once with a
 * unique id; its test URLs are claimed by it and by no other extractor; it has at least one fixture
 * named after it; an extractor without test URLs is layout-based and must have a `detect`, which
 * claims its own fixtures and no other extractor's.
 */

const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
const fixturesOf = (id: string): string[] =>
  fixtures.filter((f) => f === `${id}.html` || f.startsWith(`${id}-`));

describe('site extractor registry', () => {
  it('ids are unique', () => {
    const ids = siteExtractors.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(siteExtractors.map((e) => [e.id, e] as const))('%s', (id, ex) => {
    it('has at least one fixture', () => {
      expect(fixturesOf(id).length).toBeGreaterThan(0);
    });

    it('has test URLs, or a layout detector instead', () => {
      if (!ex.testUrls.length) expect(typeof ex.detect).toBe('function');
      else expect(ex.testUrls.length).toBeGreaterThan(0);
    });

    it.each(ex.testUrls.map((u) => [u]))('claims %s, and no other extractor does', (u) => {
      const url = new URL(u);
      expect(ex.matches(url)).toBe(true);
      const others = siteExtractors.filter((o) => o !== ex && o.matches(url)).map((o) => o.id);
      expect(others).toEqual([]);
    });
  });

  describe('layout-based extractors', () => {
    const layout = siteExtractors.filter((e) => !e.testUrls.length);
    const url = new URL('https://example.org/paper/1');

    it.each(layout.map((e) => [e.id, e] as const))(
      '%s claims its own fixtures (negatives excepted)',
      (id, ex) => {
        for (const f of fixturesOf(id).filter((name) => !/negative/.test(name))) {
          for (const [dom, doc] of parsers(f))
            expect([f, dom, ex.detect!(doc, url)]).toEqual([f, dom, true]);
        }
      },
    );

    it.each(layout.map((e) => [e.id, e] as const))(
      '%s claims no other extractor’s fixture',
      (id, ex) => {
        const foreign = fixtures.filter((f) => !fixturesOf(id).includes(f));
        const claimed = foreign.filter((f) => ex.detect!(parsers(f)[0]![1], url));
        expect(claimed).toEqual([]);
      },
    );
  });
});
