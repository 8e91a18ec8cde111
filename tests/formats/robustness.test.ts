import * as bibtex from '@/utils/formats/bibtex';
import * as cslJson from '@/utils/formats/csl-json';
import * as json from '@/utils/formats/json';
import * as ris from '@/utils/formats/ris';
import { FormatError, type ParseResult } from '@/utils/formats/types';
import { item } from './helpers';

/**
 * Hostile and malformed input for every format that imports: it must end quickly with a clear
 * error (a FormatError for the whole file, or one error per entry), never hang or crash.
 */
const parsers: [string, (text: string) => ParseResult][] = [
  ['bibtex', bibtex.parse],
  ['ris', ris.parse],
  ['csl-json', cslJson.parse],
  ['json', json.parse],
];

function timed<T>(fn: () => T): [T | Error, number] {
  const start = performance.now();
  try {
    return [fn(), performance.now() - start];
  } catch (e) {
    return [e as Error, performance.now() - start];
  }
}

describe.each(parsers)('%s: hostile input', (_name, parse) => {
  it('refuses 50 MB of junk at once, with the size in the message', () => {
    const junk = 'x'.repeat(50 * 1024 * 1024);
    const [result, ms] = timed(() => parse(junk));
    expect(result).toBeInstanceOf(FormatError);
    expect((result as Error).message).toMatch(/too large|not valid JSON/);
    expect(ms).toBeLessThan(2_000);
  });

  it('refuses binary files', () => {
    const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' + '\u0000\u0001'.repeat(500);
    expect(() => parse(png)).toThrow(/binary/);
  });

  it('refuses empty files and non-strings', () => {
    expect(() => parse('   \n')).toThrow(/empty/);
    expect(() => parse(undefined as unknown as string)).toThrow(FormatError);
  });

  it('ends quickly on 2 MB of random printable junk', () => {
    let seed = 7;
    const chars = '@{}()",=#%\\\n abcTY  -ER[]:';
    const junk = Array.from({ length: 2 * 1024 * 1024 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return chars[seed % chars.length];
    }).join('');
    const [result, ms] = timed(() => parse(junk));
    if (!(result instanceof FormatError)) {
      expect(result).not.toBeInstanceOf(Error);
      expect(Array.isArray((result as ParseResult).errors)).toBe(true);
    }
    expect(ms).toBeLessThan(15_000);
  }, 30_000);
});

describe('hostile entries', () => {
  it('BibTeX: deeply nested braces and a huge field are one error or capped, not a crash', () => {
    const nested = `@article{deep, title = {${'{'.repeat(200_000)}x${'}'.repeat(200_000)}}}`;
    const huge = `@article{huge, title = {${'A'.repeat(3_000_000)}}, author = {X, Y}}`;
    const good = '@article{ok, title = {Fine}}';
    const [result, ms] = timed(() => bibtex.parse([nested, huge, good].join('\n')));
    expect(result).not.toBeInstanceOf(Error);
    const { items, errors } = result as ParseResult;
    expect(items.map((i) => i.paper.title.length)).toContain(4);
    expect(items.every((i) => i.paper.title.length <= 2_000)).toBe(true);
    expect(errors.length + items.length).toBe(3);
    expect(ms).toBeLessThan(10_000);
  });

  it('CSL-JSON: deeply nested arrays are a clear error', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    const [result] = timed(() => cslJson.parse(deep));
    if (result instanceof Error) expect(result).toBeInstanceOf(FormatError);
    else expect(result.items).toHaveLength(0);
  });

  it('RIS: a 10 MB abstract is capped', () => {
    const text = `TY  - JOUR\nTI  - T\nAB  - ${'a '.repeat(5_000_000)}\nER  - \n`;
    const { items } = ris.parse(text);
    expect(items[0]?.paper.abstract?.length).toBeLessThanOrEqual(50_000);
  });

  it('markup in titles stays text through every reader', () => {
    const title = '<img src=x onerror=alert(1)> <script>alert(1)</script>';
    const items = [item({ title })];
    expect(ris.parse(ris.serialize(items)).items[0]?.paper.title).toBe(title);
    expect(json.parse(json.serialize(items)).items[0]?.paper.title).toBe(title);
    expect(cslJson.parse(cslJson.serialize(items)).items[0]?.paper.title).toBe(title);
    expect(bibtex.parse(bibtex.serialize(items)).items[0]?.paper.title).toBe(title);
  });

  it('a type named like a property of every object (constructor, valueOf) is no type, in every reader', () => {
    for (const name of ['constructor', 'valueOf', 'toString', '__proto__', 'CONSTRUCTOR']) {
      const read = (parse: () => ParseResult): ParseResult => {
        // A clear error for the whole file is an answer too (BibTeX has no entry type "__proto__").
        const [result] = timed(parse);
        if (result instanceof Error) {
          expect(result).toBeInstanceOf(FormatError);
          return { items: [], errors: [] };
        }
        return result;
      };
      const files: [string, ParseResult][] = [
        [
          'csl-json',
          read(() => cslJson.parse(JSON.stringify([{ id: 'a', type: name, title: 'A title' }]))),
        ],
        ['ris', read(() => ris.parse(`TY  - ${name}\nTI  - A title\nER  - \n`))],
        ['bibtex', read(() => bibtex.parse(`@${name}{a, title = {A title}}`))],
      ];
      for (const [reader, result] of files)
        for (const { paper } of result.items) {
          // Plain data, as IndexedDB stores it: a function for a type would not survive cloning.
          expect({ reader, name, type: typeof paper.type }).toEqual({
            reader,
            name,
            type: paper.type === undefined ? 'undefined' : 'string',
          });
          expect(structuredClone(paper)).toEqual(paper);
        }
    }
  });
});

describe('size', () => {
  it('reads a 2,000-entry BibTeX file in reasonable time', () => {
    const items = Array.from({ length: 2_000 }, (_, i) =>
      item({ title: `Paper number ${i} on {braces} & things`, year: 1990 + (i % 30) }),
    );
    const text = bibtex.serialize(items);
    const [result, ms] = timed(() => bibtex.parse(text));
    expect(result).not.toBeInstanceOf(Error);
    expect((result as ParseResult).items).toHaveLength(2_000);
    console.info(
      `BibTeX: ${(text.length / 1e6).toFixed(1)} MB, 2,000 entries read in ${Math.round(ms)} ms`,
    );
    expect(ms).toBeLessThan(20_000);
  }, 30_000);
});
