import type { Author, IssuedDate, Paper, PaperField, PaperType } from '@/utils/paper';
import {
  normalizeDoi,
  normalizeIsbn,
  normalizeIssn,
  normalizePmcid,
  normalizePmid,
  parseArxivId,
} from '@/utils/paper-ids';
import { safeHttpUrl } from '@/utils/display';
import { FormatError } from './types';

/**
 * Helpers the format files share: input limits, text folding, and turning what a parser found into a
 * clean `Paper`. Nothing here knows a particular format.
 */

/** Whole files above this are refused before any parsing: a 10,000-paper BibTeX file is ~10 MB. */
export const MAX_INPUT_CHARS = 20 * 1024 * 1024;

/** At most this many entries are read from one file; the rest are reported, not parsed. */
export const MAX_ENTRIES = 50_000;

/**
 * Per-field caps for imported data: longer values are cut (URLs dropped), so one hostile field cannot
 * bloat the library. They match the background's message schema (utils/messages.ts), so that what a
 * parser returns is never refused there for its size.
 */
export const LIMITS = {
  title: 2_000,
  name: 300,
  authors: 2_000,
  venue: 1_000,
  publisher: 500,
  short: 100,
  abstract: 50_000,
  keywords: 500,
  keyword: 300,
  ids: 50,
  url: 2_048,
  notes: 100_000,
  tags: 100,
  tag: 100,
} as const;

/**
 * Refuses input that cannot be a text file of this format: too large, or binary. A byte-order mark
 * is dropped. Throws `FormatError` with a message fit to show the user.
 */
export function checkInput(text: unknown, label: string, maxChars = MAX_INPUT_CHARS): string {
  if (typeof text !== 'string') throw new FormatError(`${label}: the file is not text.`);
  if (text.length > maxChars) {
    const mb = Math.round(text.length / (1024 * 1024));
    throw new FormatError(
      `${label}: the file is too large (${mb} MB; at most ${Math.round(maxChars / (1024 * 1024))} MB).`,
    );
  }
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (looksBinary(s)) throw new FormatError(`${label}: the file is binary, not a text file.`);
  if (!s.trim()) throw new FormatError(`${label}: the file is empty.`);
  return s;
}

/** NUL bytes or many control characters in the first 64 KB: a binary file (PDF, image, zip…). */
function looksBinary(s: string): boolean {
  const head = s.slice(0, 65_536);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    // U+FFFD: bytes the decoder could not read as UTF-8.
    if (c === 0xfffd) control++;
  }
  return control > 16 && control > head.length / 100;
}

/** A one-line excerpt of an entry for error messages: whitespace collapsed, at most `max` chars. */
export function excerpt(s: string, max = 120): string {
  const one = s
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/**
 * A short description of any parsed JSON value for an error message. Never throws: a hostile value
 * (nested a million levels deep) makes `JSON.stringify` and `String` overflow the stack.
 */
export function describeValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return excerpt(String(value));
  try {
    return excerpt(JSON.stringify(value).slice(0, 500));
  } catch {
    return Array.isArray(value) ? '(a list)' : '(an object)';
  }
}

/** Trims, collapses inner whitespace runs, and caps the length. Empty becomes undefined. */
export function cleanText(value: unknown, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value)
    .slice(0, max * 2)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
  return s || undefined;
}

/** Like `cleanText` but keeps line breaks (abstracts, notes). */
export function cleanMultiline(value: unknown, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value)
    .slice(0, max * 2)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, max)
    .trim();
  return s || undefined;
}

/** Letters without diacritics, for citation keys: `Gödel` → `Godel`, `Łukasiewicz` → `Lukasiewicz`. */
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
};

export function foldToAscii(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßẞæÆœŒøØłŁđĐðÐþÞı]/g, (c) => SPECIAL_FOLDS[c] ?? c);
}

/** The year of a paper: `year`, else the year of `issued`. */
export function paperYear(paper: Paper): number | undefined {
  if (typeof paper.year === 'number' && Number.isFinite(paper.year)) return paper.year;
  const y = paper.issued ? Number(paper.issued.date.slice(0, 4)) : NaN;
  return Number.isFinite(y) && y > 0 ? y : undefined;
}

/** An `IssuedDate` from CSL-style date parts `[year, month?, day?]`, when they make a real date. */
export function issuedFromParts(parts: readonly unknown[] | undefined): IssuedDate | undefined {
  if (!parts) return undefined;
  const [y, m, d] = parts.map((p) => (typeof p === 'string' ? Number(p) : p));
  if (typeof y !== 'number' || !Number.isInteger(y) || y < 1000 || y > 2999) return undefined;
  const year = String(y);
  if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 12) {
    return { date: year, precision: 'year' };
  }
  const month = `${year}-${String(m).padStart(2, '0')}`;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > 31) {
    return { date: month, precision: 'month' };
  }
  return { date: `${month}-${String(d).padStart(2, '0')}`, precision: 'day' };
}

/** CSL-style date parts of an `IssuedDate` (`2017-06` → `[2017, 6]`). */
export function partsFromIssued(issued: IssuedDate): number[] {
  return issued.date
    .split('-')
    .map(Number)
    .filter((n) => Number.isFinite(n));
}

/** Parses a date written in a reference file: `2017`, `2017-06-12`, `2017/06/12/`, `2017/06//`. */
export function parseLooseDate(value: string | undefined): IssuedDate | undefined {
  if (!value) return undefined;
  const m = /^\s*(\d{4})(?:[-/](\d{1,2})?(?:[-/](\d{1,2})?)?)?/.exec(value);
  if (!m) return undefined;
  return issuedFromParts([m[1], m[2], m[3]].filter((p) => p !== undefined).map(Number));
}

/** A new, empty paper: the arrays `Paper` requires, nothing else. */
export function emptyPaper(): Paper {
  return {
    title: '',
    authors: [],
    keywords: [],
    keyTerms: [],
    references: [],
    citations: [],
    sources: {},
  };
}

/** Splits a keyword list as reference managers write it (`a, b; c`), unique, capped. */
export function splitKeywords(values: readonly unknown[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    for (const part of v.split(/[;,\n]/)) {
      const k = cleanText(part, LIMITS.keyword);
      if (!k || seen.has(k.toLowerCase())) continue;
      seen.add(k.toLowerCase());
      out.push(k);
      if (out.length >= LIMITS.keywords) return out;
    }
  }
  return out;
}

/** A name part, cleaned; undefined when empty. */
function namePart(v: unknown): string | undefined {
  return cleanText(v, LIMITS.name);
}

/** A clean `Author`, or undefined when nothing is left. */
export function cleanAuthor(a: Author): Author | undefined {
  const literal = namePart(a.literal);
  if (literal) return { literal };
  const given = namePart(a.given);
  const family = namePart(a.family);
  if (!family && !given) return undefined;
  if (!family) return { literal: given };
  return given ? { given, family } : { family };
}

/**
 * Makes what a parser found into a valid `Paper`: identifiers normalised (an invalid DOI is dropped,
 * an arXiv DOI becomes an arXiv id), only http(s) URLs, text trimmed and capped, `year` and `issued`
 * agreeing, and every field that has a value credited to `source` (e.g. `import:bibtex`).
 */
export function finishPaper(p: Paper, source: string): Paper {
  const paper: Paper = { ...emptyPaper(), type: p.type };
  paper.title = cleanText(p.title, LIMITS.title) ?? '';
  paper.authors = p.authors
    .slice(0, LIMITS.authors)
    .map(cleanAuthor)
    .filter((a): a is Author => a !== undefined);
  if (p.issued) paper.issued = p.issued;
  const year = p.year ?? (p.issued ? Number(p.issued.date.slice(0, 4)) : undefined);
  if (year !== undefined && Number.isInteger(year) && year >= 1000 && year <= 2999)
    paper.year = year;
  setText(paper, 'venue', p.venue, LIMITS.venue);
  setText(paper, 'volume', p.volume, LIMITS.short);
  setText(paper, 'issue', p.issue, LIMITS.short);
  setText(paper, 'pages', p.pages, LIMITS.short);
  setText(paper, 'publisher', p.publisher, LIMITS.publisher);
  const arxivFromDoi = p.doi?.toLowerCase().includes('10.48550/arxiv.')
    ? parseArxivId(p.doi)
    : undefined;
  const arxiv = (p.arxivId ? parseArxivId(p.arxivId) : undefined) ?? arxivFromDoi;
  if (arxiv) {
    paper.arxivId = arxiv.id;
    const version = p.arxivVersion ?? arxiv.version;
    if (version && /^v\d+$/i.test(version)) paper.arxivVersion = version.toLowerCase();
  }
  const doi = normalizeDoi(p.doi);
  if (doi) paper.doi = doi;
  const publishedDoi = normalizeDoi(p.publishedDoi);
  if (publishedDoi) paper.publishedDoi = publishedDoi;
  const pmid = normalizePmid(p.pmid);
  if (pmid) paper.pmid = pmid;
  const pmcid = normalizePmcid(p.pmcid);
  if (pmcid) paper.pmcid = pmcid;
  const isbn = (p.isbn ?? []).map(normalizeIsbn).filter((v): v is string => !!v);
  if (isbn.length) paper.isbn = [...new Set(isbn)].slice(0, LIMITS.ids);
  const issn = (p.issn ?? []).map(normalizeIssn).filter((v): v is string => !!v);
  if (issn.length) paper.issn = [...new Set(issn)].slice(0, LIMITS.ids);
  const abstract = cleanMultiline(p.abstract, LIMITS.abstract);
  if (abstract) paper.abstract = abstract;
  paper.keywords = splitKeywords(p.keywords);
  const url = httpUrl(p.url);
  if (url) paper.url = url;
  const pdfUrl = httpUrl(p.pdfUrl);
  if (pdfUrl) paper.pdfUrl = pdfUrl;
  for (const key of Object.keys(paper) as (keyof Paper)[]) {
    if (key === 'sources') continue;
    const v = paper[key];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    paper.sources[key as PaperField] = source;
  }
  return paper;
}

/**
 * Why an imported entry cannot be a library record, if it cannot: it needs a title or an identifier
 * that names the work (DOI, arXiv id, PMID, PMCID). Papershelf itself keeps papers known only by
 * their DOI (a page that gave nothing else), and its exports must read back in.
 */
export function unidentified(paper: Paper, titleTags = ''): string | undefined {
  if (paper.title || paper.doi || paper.arxivId || paper.pmid || paper.pmcid) return undefined;
  return `it has no title${titleTags ? ` (${titleTags})` : ''} and no DOI, arXiv id or PubMed id`;
}

/** An http(s) URL within the length cap; a longer one is dropped, not cut into a broken link. */
function httpUrl(value: unknown): string | undefined {
  const url = safeHttpUrl(cleanText(value, LIMITS.url * 2));
  return url && url.length <= LIMITS.url ? url : undefined;
}

function setText(
  paper: Paper,
  key: 'venue' | 'volume' | 'issue' | 'pages' | 'publisher',
  value: unknown,
  max: number,
): void {
  const v = cleanText(value, max);
  if (v) paper[key] = v;
}

/** Tags as the user typed them: trimmed, unique, capped. */
export function cleanTags(values: readonly unknown[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    const t = cleanText(v, LIMITS.tag);
    if (t && !out.includes(t)) out.push(t);
    if (out.length >= LIMITS.tags) break;
  }
  return out;
}

/** Paper types Papershelf knows, for validating imported values. */
export const PAPER_TYPES: readonly PaperType[] = [
  'article-journal',
  'article',
  'paper-conference',
  'thesis',
  'report',
  'chapter',
  'book',
  'dataset',
];
