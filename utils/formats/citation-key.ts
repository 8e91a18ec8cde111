import type { Author, Paper } from '@/utils/paper';
import { foldToAscii, paperYear } from './common';

/**
 * Citation keys for BibTeX and CSL-JSON: stable and readable, like Google Scholar's
 * `vaswani2017attention`. A pattern names the parts: `{author}` (family name of the first author,
 * particles such as "van der" dropped), `{year}`, `{title}` (first significant title word), plus
 * `{authors}` (up to two family names, or the first + "etal"), `{shorttitle}` (first three
 * significant words). Everything is folded to lowercase ASCII (`Gödel` → `godel`). Other characters
 * of the pattern are kept when a key may hold them (`[a-z0-9_:-]`).
 */

export const DEFAULT_KEY_PATTERN = '{author}{year}{title}';

const TOKENS = ['author', 'authors', 'year', 'title', 'shorttitle'] as const;
type Token = (typeof TOKENS)[number];

/** Words a title often starts with that say nothing about the work. */
const STOPWORDS = new Set(
  (
    'a an the and or but nor of on in at to for from by with without into onto over under via ' +
    'about above after against among as before behind below between beyond during toward towards ' +
    'upon within is are was were be been being do does did can could should would may might must ' +
    'will shall this that these those it its we our you your their there here how what when where ' +
    'which who whom why not no yes all any some le la les de des du un une der die das ein eine'
  ).split(' '),
);

/** Why a pattern is unusable, or undefined when it is fine (for the options page). */
export function checkKeyPattern(pattern: string): string | undefined {
  if (pattern.length > 100) return 'The pattern is too long (at most 100 characters).';
  const unknown = [...pattern.matchAll(/\{([^{}]*)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((t) => !(TOKENS as readonly string[]).includes(t));
  if (unknown.length) {
    return `Unknown part${unknown.length > 1 ? 's' : ''}: ${unknown.map((t) => `{${t}}`).join(', ')}. Use ${TOKENS.map((t) => `{${t}}`).join(', ')}.`;
  }
  if (!/\{(author|authors|title|shorttitle)\}/.test(pattern)) {
    return 'The pattern needs {author}, {authors}, {title} or {shorttitle}.';
  }
  return undefined;
}

function asciiWord(s: string): string {
  return foldToAscii(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The family name without its lowercase particles: `van der Berg` → `Berg`, `de la Fuente` → `Fuente`. */
function familyCore(a: Author): string {
  const name = a.family ?? a.literal ?? a.given ?? '';
  // Suffixes are not part of the name people cite by.
  const words = name
    .replace(/,?\s+(jr|sr|ii|iii|iv)\.?$/i, '')
    .split(/\s+/)
    .filter(Boolean);
  if (a.literal && !a.family) return words[0] ?? '';
  let i = 0;
  while (i < words.length - 1 && /^\p{Ll}/u.test(words[i] ?? '')) i++;
  return words.slice(i).join('');
}

function authorPart(authors: readonly Author[]): string {
  const first = authors[0];
  return first ? asciiWord(familyCore(first)) : '';
}

function authorsPart(authors: readonly Author[]): string {
  const names = authors.map((a) => asciiWord(familyCore(a)));
  if (names.length > 2) return `${names[0] ?? ''}etal`;
  return names.join('');
}

function significantWords(title: string): string[] {
  return foldToAscii(title)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOPWORDS.has(w));
}

/** The key a paper gets from the pattern before it is made unique; `paper` when nothing is left. */
export function baseCitationKey(paper: Paper, pattern = DEFAULT_KEY_PATTERN): string {
  const usable = checkKeyPattern(pattern) ? DEFAULT_KEY_PATTERN : pattern;
  const values: Record<Token, () => string> = {
    author: () => authorPart(paper.authors) || (paper.authors.length ? 'anon' : ''),
    authors: () => authorsPart(paper.authors) || (paper.authors.length ? 'anon' : ''),
    year: () => String(paperYear(paper) ?? ''),
    title: () => significantWords(paper.title)[0] ?? '',
    shorttitle: () => significantWords(paper.title).slice(0, 3).join(''),
  };
  const key = usable
    .replace(/\{([a-z]+)\}/g, (_, t: string) => values[t as Token]())
    .replace(/[^A-Za-z0-9_:-]/g, '');
  return key || 'paper';
}

/** `a`, `b`, …, `z`, `aa`, `ab`, … */
function suffix(n: number): string {
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}

/**
 * One key per paper, unique within the list: the first paper keeps the base key, the next ones get
 * `a`, `b`, … appended (`smith2020deep`, `smith2020deepa`). Deterministic for a given order.
 */
export function citationKeys(papers: readonly Paper[], pattern = DEFAULT_KEY_PATTERN): string[] {
  const bases = papers.map((p) => baseCitationKey(p, pattern));
  const used = new Set(bases);
  const taken = new Set<string>();
  const counters = new Map<string, number>();
  return bases.map((base) => {
    if (!taken.has(base)) {
      taken.add(base);
      return base;
    }
    let n = counters.get(base) ?? 0;
    let key = base + suffix(n);
    // A suffixed key must not collide with another paper's own base key either.
    while (taken.has(key) || used.has(key)) key = base + suffix(++n);
    counters.set(base, n + 1);
    taken.add(key);
    return key;
  });
}
