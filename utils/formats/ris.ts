import type { Author, Paper, PaperType } from '@/utils/paper';
import {
  checkInput,
  cleanMultiline,
  emptyPaper,
  excerpt,
  finishPaper,
  unidentified,
  LIMITS,
  MAX_ENTRIES,
  paperYear,
  parseLooseDate,
} from './common';
import { paperTypeOf } from './csl-json';
import {
  FormatError,
  type ExportItem,
  type FormatDescriptor,
  type ImportedItem,
  type ParseResult,
} from './types';

/**
 * RIS (Research Information Systems), the tagged format of EndNote, Zotero, Mendeley and most
 * publishers' "export citation" links: one `TG  - value` line per field, records from `TY` to `ER`.
 *
 * Written and read by hand from the field map below rather than with @citation-js/plugin-ris: RIS is
 * a line format whose whole grammar fits in one regular expression, and the map is what must be
 * right. Doing it here gives what citation-js's CSL round trip cannot: the user's notes as `N1`
 * lines, keywords as `KW`, one value per line (no line break may leak into a value), and a reader
 * that takes the tag variants publishers really write (T1/TI, JO/JF/JA/T2, Y1/PY/DA, A1/AU).
 */

/** Papershelf type → RIS `TY`, and the RIS types read back as each Papershelf type. */
export const RIS_TYPES: Record<PaperType, string> = {
  'article-journal': 'JOUR',
  'paper-conference': 'CPAPER',
  chapter: 'CHAP',
  thesis: 'THES',
  report: 'RPRT',
  book: 'BOOK',
  article: 'UNPB',
  dataset: 'DATA',
};
const RIS_TYPE_ALIASES: Record<string, PaperType> = {
  JOUR: 'article-journal',
  JFULL: 'article-journal',
  EJOUR: 'article-journal',
  MGZN: 'article-journal',
  NEWS: 'article-journal',
  CONF: 'paper-conference',
  CPAPER: 'paper-conference',
  CHAP: 'chapter',
  ECHAP: 'chapter',
  THES: 'thesis',
  RPRT: 'report',
  BOOK: 'book',
  EBOOK: 'book',
  EDBOOK: 'book',
  UNPB: 'article',
  INPR: 'article',
  MANSCPT: 'article',
  ELEC: 'article',
  DATA: 'dataset',
};
/** Looked up in a Map: no `TY` value names a property every object has. */
const RIS_TYPE_ALIAS = new Map(Object.entries(RIS_TYPE_ALIASES));

/**
 * Field map: RIS tag ↔ `Paper` field (or user data), in the order they are written. `read` lists the
 * tags accepted for the field when reading, best first.
 */
export const RIS_FIELDS = [
  { tag: 'TY', field: 'type', read: ['TY'] },
  { tag: 'AU', field: 'authors', read: ['AU', 'A1'] },
  { tag: 'TI', field: 'title', read: ['TI', 'T1', 'CT'] },
  { tag: 'PY', field: 'year', read: ['PY', 'Y1'] },
  { tag: 'DA', field: 'issued', read: ['DA', 'Y1', 'PY'] },
  { tag: 'T2', field: 'venue', read: ['T2', 'JO', 'JF', 'JA', 'J2', 'BT', 'T3'] },
  { tag: 'JO', field: 'venue (journal articles)', read: [] },
  { tag: 'VL', field: 'volume', read: ['VL'] },
  { tag: 'IS', field: 'issue', read: ['IS', 'CP'] },
  { tag: 'SP', field: 'pages (start)', read: ['SP'] },
  { tag: 'EP', field: 'pages (end)', read: ['EP'] },
  { tag: 'PB', field: 'publisher', read: ['PB'] },
  { tag: 'SN', field: 'issn / isbn', read: ['SN'] },
  { tag: 'DO', field: 'doi', read: ['DO', 'DI'] },
  {
    tag: 'AN',
    field: 'arxivId (`arXiv:<id>`), pmid (`PMID:<id>`)',
    read: ['AN', 'M3', 'N1', 'UR'],
  },
  { tag: 'UR', field: 'url', read: ['UR', 'L2'] },
  { tag: 'L1', field: 'pdfUrl', read: ['L1'] },
  { tag: 'AB', field: 'abstract', read: ['AB', 'N2'] },
  { tag: 'KW', field: 'keywords', read: ['KW'] },
  { tag: 'N1', field: 'notes (user data; one line per N1)', read: ['N1'] },
  { tag: 'ER', field: '(end of record)', read: ['ER'] },
] as const;

// ---------------------------------------------------------------------------------------------
// Writing

/** One line: the value on one line (RIS has no escaping; a line break would start a bogus tag). */
function line(tag: string, value: string | undefined): string | undefined {
  const v = value?.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  return v ? `${tag}  - ${v}` : undefined;
}

/** `Family, Given` (RIS's name form), `Family, Given, Jr.`, or the literal name as written. */
function risName(a: Author): string {
  if (a.literal || !a.family) return a.literal ?? a.given ?? '';
  const m = /^(.*?),?\s+(Jr\.?|Sr\.?|II|III|IV)$/.exec(a.family);
  const family = m?.[1] ?? a.family;
  return [family, a.given ?? '', m?.[2]]
    .filter((p) => p !== undefined)
    .join(', ')
    .replace(/, $/, '');
}

function splitPages(pages: string | undefined): [string | undefined, string | undefined] {
  if (!pages) return [undefined, undefined];
  const m = /^\s*([^-–—\s]+)\s*[-–—]+\s*([^-–—\s]+)\s*$/.exec(pages);
  return m ? [m[1], m[2]] : [pages, undefined];
}

export function formatRecord(item: ExportItem): string {
  const p = item.paper;
  const type = paperTypeOf(p);
  const year = paperYear(p);
  const [sp, ep] = splitPages(p.pages);
  const date = p.issued
    ? `${p.issued.date.replace(/-/g, '/')}${'/'.repeat(4 - p.issued.date.split('-').length)}`
    : undefined;
  const lines: (string | undefined)[] = [
    line('TY', RIS_TYPES[type]),
    ...p.authors.map((a) => line('AU', risName(a))),
    line('TI', p.title),
    line('PY', year ? String(year) : undefined),
    line('DA', date),
    line('T2', p.venue),
    type === 'article-journal' ? line('JO', p.venue) : undefined,
    line('VL', p.volume),
    line('IS', p.issue),
    line('SP', sp),
    line('EP', ep),
    line('PB', p.publisher),
    ...(p.issn ?? []).map((v) => line('SN', v)),
    ...(p.isbn ?? []).map((v) => line('SN', v)),
    line('DO', p.doi),
    line('AN', p.arxivId && `arXiv:${p.arxivId}`),
    line('AN', p.pmid && `PMID:${p.pmid}`),
    line('UR', p.url),
    line('L1', p.pdfUrl),
    line('AB', p.abstract),
    ...p.keywords.map((k) => line('KW', k)),
    ...(item.notes ?? '').split(/\r?\n/).map((n) => line('N1', n)),
    'ER  - ',
  ];
  return lines.filter((l): l is string => l !== undefined).join('\r\n');
}

export function serialize(items: readonly ExportItem[]): string {
  // RIS files are CRLF-separated, a blank line between records.
  return items.map(formatRecord).join('\r\n\r\n') + (items.length ? '\r\n' : '');
}

// ---------------------------------------------------------------------------------------------
// Reading

/** `TG  - value`; writers vary the spaces around the hyphen, so any of them is accepted. */
const TAG_LINE = /^([A-Z][A-Z0-9])[ \t]{0,2}-(?:[ \t]|$)(.*)$/;

type Fields = Map<string, string[]>;

interface RawRecord {
  fields: Fields;
  text: string[];
  ended: boolean;
}

function* records(text: string): Generator<RawRecord> {
  let current: RawRecord | undefined;
  let lastTag: string | undefined;
  for (const rawLine of text.split(/\r\n?|\n/)) {
    const m = TAG_LINE.exec(rawLine);
    if (!m) {
      // A line without a tag continues the previous value (wrapped abstracts).
      const cont = rawLine.trim();
      const values = current && lastTag ? current.fields.get(lastTag) : undefined;
      if (cont && values?.length && (values.at(-1)?.length ?? 0) < LIMITS.abstract * 2) {
        values[values.length - 1] = `${values.at(-1) ?? ''} ${cont}`;
      }
      continue;
    }
    const tag = m[1] ?? '';
    const value = (m[2] ?? '').trim().slice(0, LIMITS.abstract * 2);
    if (tag === 'TY') {
      if (current) yield current;
      current = { fields: new Map(), text: [], ended: false };
    }
    if (!current) continue;
    if (current.text.length < 4) current.text.push(rawLine);
    if (tag === 'ER') {
      current.ended = true;
      yield current;
      current = undefined;
      lastTag = undefined;
      continue;
    }
    const list = current.fields.get(tag) ?? [];
    if (list.length < 2_000) list.push(value);
    current.fields.set(tag, list);
    lastTag = tag;
  }
  if (current) yield current;
}

function first(f: Fields, tags: readonly string[]): string | undefined {
  for (const t of tags) {
    const v = f.get(t)?.find((x) => x.trim());
    if (v) return v.trim();
  }
  return undefined;
}

function all(f: Fields, tags: readonly string[]): string[] {
  return tags.flatMap((t) => f.get(t) ?? []).filter((v) => v.trim());
}

/** `Family, Given[, Suffix]`; a name without a comma is one unit (an organisation). */
function parseName(value: string): Author | undefined {
  const parts = value.split(',').map((s) => s.trim());
  const [family, given, suffix] = parts;
  if (parts.length < 2 || !family) return value.trim() ? { literal: value.trim() } : undefined;
  const fam = suffix ? `${family} ${suffix}` : family;
  return given ? { given, family: fam } : { literal: fam };
}

function recordToItem(rec: RawRecord): ImportedItem | string {
  const f = rec.fields;
  const p: Paper = emptyPaper();
  const ty = (first(f, ['TY']) ?? '').toUpperCase();
  p.type = RIS_TYPE_ALIAS.get(ty);
  p.title = first(f, ['TI', 'T1', 'CT']) ?? (ty === 'BOOK' ? first(f, ['BT']) : undefined) ?? '';
  p.authors = all(f, ['AU', 'A1'])
    .slice(0, LIMITS.authors)
    .map(parseName)
    .filter((a): a is Author => !!a);
  const dates = ['DA', 'Y1', 'PY'].map((t) => parseLooseDate(first(f, [t])));
  const precise = dates
    .filter((d) => d !== undefined)
    .sort((a, b) => b.date.length - a.date.length)[0];
  p.issued = precise;
  p.venue = first(f, ['T2', 'JO', 'JF', 'JA', 'J2', ...(ty === 'BOOK' ? [] : ['BT']), 'T3']);
  p.volume = first(f, ['VL']);
  p.issue = first(f, ['IS', 'CP']);
  const sp = first(f, ['SP']);
  const ep = first(f, ['EP']);
  p.pages = sp && ep && ep !== sp ? `${sp}-${ep}` : sp;
  p.publisher = first(f, ['PB']);
  const sn = all(f, ['SN']).flatMap((v) => v.split(/[;,\s]+/));
  p.issn = sn.filter((v) => /^\d{4}-?\d{3}[\dXx]$/.test(v));
  p.isbn = sn.filter((v) => !/^\d{4}-?\d{3}[\dXx]$/.test(v));
  p.doi = first(f, ['DO', 'DI']);
  const idText = all(f, ['AN', 'M3', 'N1', 'UR']).join('\n');
  p.arxivId =
    /\barxiv:\s*([a-z.-]*\/?\d{4,7}(?:\.\d{4,5})?(?:v\d+)?)/i.exec(idText)?.[1] ??
    /arxiv\.org\/(?:abs|pdf)\/([a-z.-]*\/?\d{4,7}(?:\.\d{4,5})?(?:v\d+)?)/i.exec(idText)?.[1];
  p.pmid = /\bPMID:\s*(\d{1,9})\b/i.exec(all(f, ['AN', 'M3', 'N1']).join('\n'))?.[1];
  p.url = first(f, ['UR', 'L2']);
  p.pdfUrl = first(f, ['L1']);
  p.abstract = first(f, ['AB', 'N2']);
  p.keywords = all(f, ['KW']);
  const paper = finishPaper(p, 'import:ris');
  const missing = unidentified(paper, 'TI or T1');
  if (missing) return missing;
  const item: ImportedItem = { paper };
  // N1 lines are the user's notes, except the id lines this writer (or Zotero) adds.
  const notes = cleanMultiline(
    (f.get('N1') ?? []).filter((n) => !/^\s*(arxiv|pmid):\s*\S+\s*$/i.test(n)).join('\n'),
    LIMITS.notes,
  );
  if (notes) item.notes = notes;
  return item;
}

export function parse(text: string): ParseResult {
  const input = checkInput(text, 'RIS');
  const result: ParseResult = { items: [], errors: [] };
  let index = 0;
  for (const rec of records(input)) {
    if (index >= MAX_ENTRIES) {
      result.errors.push({
        index,
        entry: '',
        reason: `Only the first ${MAX_ENTRIES} records are read.`,
      });
      break;
    }
    const item = recordToItem(rec);
    if (typeof item === 'string') {
      result.errors.push({ index, entry: excerpt(rec.text.join(' ')), reason: item });
    } else {
      result.items.push(item);
    }
    index++;
  }
  if (index === 0) throw new FormatError('RIS: no records found (a record starts with "TY  - ").');
  return result;
}

export const ris: FormatDescriptor = {
  id: 'ris',
  label: 'RIS',
  extension: 'ris',
  mimeType: 'application/x-research-info-systems',
  serialize,
  parse,
};
