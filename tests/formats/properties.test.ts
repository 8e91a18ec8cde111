import fc from 'fast-check';
import * as bibtex from '@/utils/formats/bibtex';
import * as cslJson from '@/utils/formats/csl-json';
import * as json from '@/utils/formats/json';
import * as ris from '@/utils/formats/ris';
import type { Author } from '@/utils/paper';
import { item } from './helpers';

/**
 * Property tests: any title, venue or name made of the characters that trouble these formats
 * (LaTeX-active characters, TeX ligatures such as `--` and `''`, braces, markup, quotes, non-ASCII)
 * comes back as it went in, whitespace collapsed. They found the ligature and `=`-in-name cases.
 */
const norm = (s: string) => s.replace(/[\p{Cc}\s]+/gu, ' ').trim();
const TROUBLE = 'ab AB-\'`"?!.,:;{}[]()<>\\$%&#_~^@|=+*/é–—“”‘’ \n\tßŁØ王';
const troubled = (exclude = '') =>
  fc
    .string({
      unit: fc.constantFrom(...[...TROUBLE].filter((c) => !exclude.includes(c))),
      maxLength: 24,
    })
    .filter((s) => norm(s) !== '');
const anyText = fc.string({ unit: 'grapheme', maxLength: 24 }).filter((s) => norm(s) !== '');

const readers = [
  ['BibTeX', bibtex, ''],
  // RIS writes names as "Family, Given": a comma inside a name part cannot be told apart.
  ['RIS', ris, ','],
  ['CSL-JSON', cslJson, ''],
] as const;

/** CSL rich-text tags (`<i>`, `<b>`…) are formatting by design: the readers drop them. */
const notMarkup = (s: string) => !/<\/?(i|b|sup|sub|sc|span)\b/i.test(s);

describe.each(readers)('%s round trip of any text', (_name, format, exclude) => {
  it('keeps titles and venues', () => {
    fc.assert(
      fc.property(troubled().filter(notMarkup), anyText.filter(notMarkup), (title, venue) => {
        const [back] = format.parse(format.serialize([item({ title, venue })])).items;
        expect(back?.paper.title).toBe(norm(title));
        expect(back?.paper.venue).toBe(norm(venue));
      }),
      { numRuns: 300 },
    );
  }, 20_000);

  it('keeps author names', () => {
    fc.assert(
      fc.property(troubled(exclude), troubled(exclude), (given, family) => {
        const authors: Author[] = [{ given: norm(given), family: norm(family) }];
        const [back] = format.parse(format.serialize([item({ authors })])).items;
        expect(back?.paper.authors).toEqual(authors);
      }),
      { numRuns: 300 },
    );
  }, 20_000);
});

describe('JSON backup round trip of any text', () => {
  it('keeps every string exactly, whitespace and control characters included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (title, notes) => {
          const items = [item({ title, authors: [{ literal: notes }] }, { notes, tags: [title] })];
          const text = json.serialize(items, { exportedAt: 0 });
          const back = json.parse(text).items;
          expect(back).toEqual(items);
          expect(json.serialize(back, { exportedAt: 0 })).toBe(text);
        },
      ),
      { numRuns: 30 },
    );
  }, 20_000);
});
