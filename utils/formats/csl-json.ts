import type { Author, Paper, PaperType } from '@/utils/paper';
import { citationKeys } from './citation-key';
import {
  describeValue,
  LIMITS,
  PAPER_TYPES,
  checkInput,
  emptyPaper,
  excerpt,
  finishPaper,
  unidentified,
  issuedFromParts,
  MAX_ENTRIES,
  paperYear,
  parseLooseDate,
  partsFromIssued,
} from './common';
import {
  FormatError,
  type ExportItem,
  type FormatDescriptor,
  type ImportedItem,
  type ParseResult,
  type SerializeOptions,
} from './types';

/**
 * CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), the format of
 * citation processors, Zotero's "CSL JSON" export and Pandoc. `Paper` already follows CSL's shapes
 * (names, dates, types), so the mapping is mostly one-to-one; this file writes and reads it by hand
 * (a plain JSON mapping needs no library). `paperToCsl` and `cslToPaper` are also used by the BibTeX
 * reader, which gets CSL items from citation-js.
 */

/** A CSL name: given/family (with particles and suffix), or one literal name. */
export interface CslName {
  given?: string;
  family?: string;
  literal?: string;
  'dropping-particle'?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  raw?: string;
  literal?: string;
}

/** The CSL variables Papershelf writes and reads. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  issued?: CslDate;
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  DOI?: string;
  URL?: string;
  PMID?: string;
  PMCID?: string;
  ISBN?: string;
  ISSN?: string;
  number?: string;
  abstract?: string;
  keyword?: string;
  note?: string;
  [other: string]: unknown;
}

/** Field map: `Paper` field ↔ CSL variable, for the plain-text fields copied as they are. */
export const CSL_TEXT_FIELDS = [
  ['title', 'title'],
  ['venue', 'container-title'],
  ['volume', 'volume'],
  ['issue', 'issue'],
  ['pages', 'page'],
  ['publisher', 'publisher'],
  ['pmid', 'PMID'],
  ['pmcid', 'PMCID'],
  ['abstract', 'abstract'],
] as const satisfies readonly (readonly [keyof Paper, keyof CslItem])[];
// Mapped by code below: authors ↔ author, issued/year ↔ issued, doi ↔ DOI, url ↔ URL,
// keywords ↔ keyword (comma-separated), isbn/issn ↔ ISBN/ISSN (first value),
// arxivId ↔ number `arXiv:<id>` (Zotero's convention for preprints), type ↔ type.
// Not in CSL, so not written: key terms, references, citations, provenance, user data (the JSON
// backup keeps them).

/** CSL types that are not Papershelf types, mapped to the nearest one. */
const CSL_TYPE_ALIASES: Record<string, PaperType> = {
  'article-magazine': 'article-journal',
  'article-newspaper': 'article-journal',
  review: 'article-journal',
  'review-book': 'article-journal',
  manuscript: 'article',
  document: 'article',
  webpage: 'article',
  'post-weblog': 'article',
  standard: 'report',
  patent: 'report',
};
/** Looked up in a Map: a type such as "constructor" is a property of every object, not a CSL type. */
const CSL_TYPE_ALIAS = new Map(Object.entries(CSL_TYPE_ALIASES));

/** The type a paper is written with: its own, else a guess from what it has. */
export function paperTypeOf(paper: Paper): PaperType {
  if (paper.type) return paper.type;
  if (paper.arxivId && !paper.venue) return 'article';
  return paper.venue ? 'article-journal' : 'article';
}

function cslName(a: Author): CslName {
  if (a.literal) return { literal: a.literal };
  const n: CslName = {};
  if (a.family) n.family = a.family;
  if (a.given) n.given = a.given;
  return n;
}

/** One CSL item for a paper, with `id` the citation key. */
export function paperToCsl(paper: Paper, id: string): CslItem {
  const item: CslItem = { id, type: paperTypeOf(paper) };
  for (const [from, to] of CSL_TEXT_FIELDS) {
    const v = paper[from];
    if (typeof v === 'string' && v) item[to] = v;
  }
  if (paper.authors.length) item.author = paper.authors.map(cslName);
  const year = paperYear(paper);
  if (paper.issued) item.issued = { 'date-parts': [partsFromIssued(paper.issued)] };
  else if (year) item.issued = { 'date-parts': [[year]] };
  if (paper.doi) item.DOI = paper.doi;
  if (paper.url) item.URL = paper.url;
  if (paper.keywords.length) item.keyword = paper.keywords.join(', ');
  if (paper.isbn?.[0]) item.ISBN = paper.isbn[0];
  if (paper.issn?.[0]) item.ISSN = paper.issn[0];
  if (paper.arxivId) item.number = `arXiv:${paper.arxivId}${paper.arxivVersion ?? ''}`;
  return item;
}

/** CSL rich-text markup (`<i>`, `<span class="nocase">`…) is formatting, not part of a plain title. */
export function stripCslMarkup(s: string): string {
  return s.replace(/<\/?(?:i|b|sup|sub|sc|span)(?:\s+[^<>]{0,80})?>/gi, '');
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function nameFromCsl(n: unknown): Author | undefined {
  if (!n || typeof n !== 'object') return undefined;
  const o = n as Record<string, unknown>;
  const literal = str(o.literal);
  if (literal) return { literal };
  // Particles and suffixes belong to the family name as people write it: "van der Berg", "King Jr.".
  const family = [str(o['dropping-particle']), str(o['non-dropping-particle']), str(o.family)]
    .filter(Boolean)
    .join(' ');
  const suffix = str(o.suffix);
  const given = str(o.given);
  const fam = family ? (suffix ? `${family} ${suffix}` : family) : undefined;
  if (!fam) return given ? { literal: given } : undefined;
  return given ? { given, family: fam } : { family: fam };
}

function dateFromCsl(d: unknown): ReturnType<typeof issuedFromParts> {
  if (!d || typeof d !== 'object') return typeof d === 'string' ? parseLooseDate(d) : undefined;
  const o = d as CslDate;
  const parts = Array.isArray(o['date-parts']) ? o['date-parts'][0] : undefined;
  if (Array.isArray(parts)) return issuedFromParts(parts);
  return parseLooseDate(str(o.raw) ?? str(o.literal));
}

function typeFromCsl(t: unknown): PaperType | undefined {
  if (typeof t !== 'string') return undefined;
  if ((PAPER_TYPES as readonly string[]).includes(t)) return t as PaperType;
  return CSL_TYPE_ALIAS.get(t);
}

/**
 * A `Paper` from one CSL item, or a reason why the item cannot be one. Accepts what other tools write:
 * string or number values, `keyword` as a string or list, ISBN/ISSN lists, arXiv ids in `number`,
 * `note` (Zotero's "arXiv: …" line) or the arXiv DOI.
 */
export function cslToPaper(value: unknown, source: string): Paper | string {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return 'not a CSL item (an object)';
  const o = value as Record<string, unknown>;
  const title = str(o.title);
  const p = emptyPaper();
  p.type = typeFromCsl(o.type);
  p.title = title ? stripCslMarkup(title) : '';
  for (const [to, from] of CSL_TEXT_FIELDS) {
    if (to === 'title') continue;
    const v = str(o[from]);
    if (v) p[to] = v;
  }
  if (o.author !== undefined && !Array.isArray(o.author)) return '"author" is not a list of names';
  const authors = Array.isArray(o.author) ? o.author.slice(0, LIMITS.authors) : [];
  p.authors = authors.map(nameFromCsl).filter((a): a is Author => !!a);
  p.issued = dateFromCsl(o.issued);
  if (p.issued) p.year = Number(p.issued.date.slice(0, 4));
  p.doi = str(o.DOI) ?? str(o.doi);
  p.url = str(o.URL) ?? str(o.url);
  const kw = o.keyword ?? o.keywords;
  p.keywords =
    typeof kw === 'string'
      ? [kw]
      : Array.isArray(kw)
        ? kw.filter((k) => typeof k === 'string')
        : [];
  const list = (v: unknown): string[] =>
    typeof v === 'string' ? v.split(/[,;\s]+/) : Array.isArray(v) ? v.map(String) : [];
  p.isbn = list(o.ISBN);
  p.issn = list(o.ISSN);
  const arxiv = [str(o.number), str(o.note), str(o.archive_location)]
    .map((s) =>
      s ? /\barxiv:\s*([a-z.-]*\/?\d{4,7}(?:\.\d{4,5})?(?:v\d+)?)/i.exec(s)?.[1] : undefined,
    )
    .find(Boolean);
  if (arxiv) p.arxivId = arxiv;
  if (p.venue && /^arxiv$/i.test(p.venue) && !p.type) p.type = 'article';
  if (p.publisher && /^arxiv$/i.test(p.publisher)) p.type ??= 'article';
  if (p.title.length > LIMITS.title * 50) return 'the title is implausibly long';
  const paper = finishPaper(p, source);
  return unidentified(paper) ?? paper;
}

export function serialize(items: readonly ExportItem[], options: SerializeOptions = {}): string {
  const keys = citationKeys(
    items.map((i) => i.paper),
    options.keyPattern,
  );
  const csl = items.map((item, i) => paperToCsl(item.paper, keys[i] ?? `paper${i}`));
  return `${JSON.stringify(csl, null, 2)}\n`;
}

export function parse(text: string): ParseResult {
  const input = checkInput(text, 'CSL-JSON');
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (e) {
    throw new FormatError(
      `CSL-JSON: the file is not valid JSON (${e instanceof Error ? excerpt(e.message, 100) : 'unreadable'}).`,
    );
  }
  // A list of items is the format; one item alone and `{items: [...]}` are accepted too.
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)
      ? (data as { items: unknown[] }).items
      : data && typeof data === 'object'
        ? [data]
        : undefined;
  if (!list) throw new FormatError('CSL-JSON: expected a list of items.');
  const result: ParseResult = { items: [], errors: [] };
  list.forEach((value, index) => {
    if (index >= MAX_ENTRIES) {
      if (index === MAX_ENTRIES) {
        result.errors.push({
          index,
          entry: '',
          reason: `Only the first ${MAX_ENTRIES} items are read.`,
        });
      }
      return;
    }
    const paper = cslToPaper(value, 'import:csl-json');
    if (typeof paper === 'string') {
      result.errors.push({ index, entry: describe(value), reason: paper });
    } else {
      const item: ImportedItem = { paper };
      result.items.push(item);
    }
  });
  return result;
}

function describe(value: unknown): string {
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const label = str(o.title) ?? str(o.id);
    if (label) return excerpt(label);
  }
  return describeValue(value);
}

export const cslJson: FormatDescriptor = {
  id: 'csl-json',
  label: 'CSL-JSON',
  // `.csl.json` keeps it apart from the JSON backup in a downloads folder.
  extension: 'csl.json',
  mimeType: 'application/vnd.citationstyles.csl+json',
  serialize,
  parse,
};
