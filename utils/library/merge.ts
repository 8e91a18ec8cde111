import type { Author, DatePrecision, Paper, PaperField, SourceId } from '@/utils/paper';
import type { LibraryRecord, PaperVersion, ReadingStatus, UserData } from './schema';
import { isPreprintDoi, recordKeys, titleKey, versionsOf } from './identity';

/**
 * Saving a work again merges field by field: the richer value wins (a longer abstract, more authors
 * with given names, a more precise date, a non-empty list), each field keeps the provenance of the
 * value chosen, and the user's own data (status, tags, notes, star) is never touched. When a preprint
 * and its published article meet, the article's bibliographic fields (venue, volume, pages, date, DOI…)
 * win over the preprint's, whatever their length.
 */

export type VersionKind = PaperVersion['kind'];

/** The documented order of sources, best first (STYLE.md): a site extractor beats generic metadata. */
const SOURCE_ORDER = [
  'site:',
  'jsonld',
  'highwire',
  'dc',
  'prism',
  'eprints',
  'coins',
  'og',
  'page',
];

function sourceRank(source: SourceId | undefined): number {
  if (!source) return SOURCE_ORDER.length + 1;
  const i = SOURCE_ORDER.findIndex((s) => (s.endsWith(':') ? source.startsWith(s) : source === s));
  return i === -1 ? SOURCE_ORDER.length : i;
}

/** Fields that describe where and when a version appeared: the published article's values win. */
const PUBLISHED_FIELDS = new Set<PaperField>([
  'type',
  'title',
  'venue',
  'volume',
  'issue',
  'pages',
  'publisher',
  'issued',
  'year',
  'issn',
]);

const PRECISION: Record<DatePrecision, number> = { year: 1, month: 2, day: 3 };

const LIST_LIMIT = 200;

type Side = 'a' | 'b';

function present(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

function authorScore(authors: Author[]): [number, number, number] {
  let withGiven = 0;
  let givenChars = 0;
  for (const a of authors) {
    const given = a.given?.replace(/[.\s-]/g, '') ?? '';
    if (given) withGiven++;
    givenChars += given.length;
  }
  return [authors.length, withGiven, givenChars];
}

function compareTuples(x: number[], y: number[]): number {
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function arxivVersionNumber(v: string | undefined): number {
  return v ? Number(/\d+/.exec(v)?.[0] ?? 0) : 0;
}

/**
 * Which side's value of `field` is richer. `a` is the stored paper, `b` the incoming one; ties keep
 * `a`, so saving the same page twice changes nothing.
 */
function richer(field: PaperField, a: Paper, b: Paper): Side {
  const va = a[field];
  const vb = b[field];
  if (!present(vb)) return 'a';
  if (!present(va)) return 'b';
  const bySource = () => {
    const d = sourceRank(b.sources[field]) - sourceRank(a.sources[field]);
    return d < 0 ? 'b' : 'a';
  };
  switch (field) {
    case 'authors': {
      const d = compareTuples(authorScore(b.authors), authorScore(a.authors));
      return d > 0 ? 'b' : 'a';
    }
    case 'issued': {
      const d = PRECISION[b.issued!.precision] - PRECISION[a.issued!.precision];
      return d > 0 ? 'b' : 'a';
    }
    case 'arxivVersion':
      return arxivVersionNumber(b.arxivVersion) > arxivVersionNumber(a.arxivVersion) ? 'b' : 'a';
    case 'keyTerms': {
      // Terms the page gives beat terms computed locally; otherwise the longer list.
      if (a.keyTermsComputed && !b.keyTermsComputed) return 'b';
      if (!a.keyTermsComputed && b.keyTermsComputed) return 'a';
      return b.keyTerms.length > a.keyTerms.length ? 'b' : 'a';
    }
    case 'abstract':
    case 'references':
    case 'citations':
      return (vb as string | unknown[]).length > (va as string | unknown[]).length ? 'b' : 'a';
    case 'doi':
      // The article's DOI names the work better than a preprint server's.
      if (isPreprintDoi(a.doi!) && !isPreprintDoi(b.doi!)) return 'b';
      return 'a';
    case 'title':
    case 'type':
    case 'year':
      return bySource();
    case 'venue':
    case 'volume':
    case 'issue':
    case 'pages':
    case 'publisher': {
      const d = sourceRank(b.sources[field]) - sourceRank(a.sources[field]);
      if (d) return d < 0 ? 'b' : 'a';
      return String(vb).length > String(va).length ? 'b' : 'a';
    }
    default:
      // Identifiers and URLs: the first one known stays.
      return 'a';
  }
}

const UNION_FIELDS = new Set<PaperField>(['keywords', 'isbn', 'issn']);

/** Case-insensitive union, first spelling kept, bounded. */
export function unionStrings(a: string[] | undefined, b: string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of [...(a ?? []), ...(b ?? [])]) {
    const k = s.trim().toLowerCase();
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(s.trim());
    if (out.length >= LIST_LIMIT) break;
  }
  return out;
}

/**
 * Merges `incoming` into `existing` field by field. `kinds` say which version each side shows; when
 * one is the published article and the other a preprint, the article's bibliographic fields win.
 */
export function mergePapers(
  existing: Paper,
  incoming: Paper,
  kinds: { existing: VersionKind; incoming: VersionKind } = {
    existing: 'published',
    incoming: 'published',
  },
): Paper {
  const fields = new Set<PaperField>(
    [
      ...(Object.keys(existing) as (keyof Paper)[]),
      ...(Object.keys(incoming) as (keyof Paper)[]),
    ].filter((f): f is PaperField => f !== 'sources'),
  );
  const published: Side | undefined =
    kinds.existing === kinds.incoming ? undefined : kinds.existing === 'published' ? 'a' : 'b';

  const out: Record<string, unknown> = {};
  const sources: Partial<Record<PaperField, SourceId>> = {};
  const take = (field: PaperField, side: Side) => {
    const from = side === 'a' ? existing : incoming;
    if (present(from[field]) || from[field] === false) out[field] = from[field];
    const src = from.sources[field];
    if (src && present(from[field])) sources[field] = src;
  };

  for (const field of fields) {
    if (field === 'keyTermsComputed') continue; // follows keyTerms
    if (UNION_FIELDS.has(field) && !(published && field === 'issn')) {
      const list = unionStrings(
        existing[field] as string[] | undefined,
        incoming[field] as string[] | undefined,
      );
      if (list.length || field === 'keywords') out[field] = list;
      const src = existing.sources[field] ?? incoming.sources[field];
      if (src && list.length) sources[field] = src;
      continue;
    }
    let side: Side;
    if (published && PUBLISHED_FIELDS.has(field)) {
      const pub = published === 'a' ? existing : incoming;
      side = present(pub[field]) ? published : published === 'a' ? 'b' : 'a';
    } else {
      side = richer(field, existing, incoming);
    }
    take(field, side);
    if (field === 'keyTerms') {
      const from = side === 'a' ? existing : incoming;
      if (from.keyTermsComputed !== undefined) out.keyTermsComputed = from.keyTermsComputed;
    }
  }
  // A chosen date and a year from the other side must not disagree.
  const issued = out.issued as Paper['issued'];
  if (issued) {
    const y = Number(issued.date.slice(0, 4));
    if (Number.isInteger(y) && out.year !== y) {
      out.year = y;
      const src = sources.issued;
      if (src) sources.year = src;
    }
  }
  for (const list of ['authors', 'keywords', 'keyTerms', 'references', 'citations'] as const) {
    if (!Array.isArray(out[list])) out[list] = [];
  }
  if (typeof out.title !== 'string') out.title = '';
  out.sources = sources;
  return out as unknown as Paper;
}

/** Two versions are one when they share an identifier, or have none and the same title. */
function sameVersion(a: PaperVersion, b: PaperVersion): boolean {
  if (a.doi && a.doi === b.doi) return true;
  if (a.arxivId && a.arxivId === b.arxivId) return true;
  if (a.pmid && a.pmid === b.pmid) return true;
  if (a.pmcid && a.pmcid === b.pmcid) return true;
  const ids = (v: PaperVersion) => v.doi ?? v.arxivId ?? v.pmid ?? v.pmcid;
  if (ids(a) || ids(b)) return false;
  return a.kind === b.kind && titleKey(a.title) === titleKey(b.title);
}

const VERSION_LIMIT = 20;

/** Adds versions not yet known; fills in and updates (newest arXiv version) the ones already known. */
export function mergeVersions(existing: PaperVersion[], incoming: PaperVersion[]): PaperVersion[] {
  const out = existing.map((v) => ({ ...v }));
  for (const v of incoming) {
    const i = out.findIndex((w) => sameVersion(w, v));
    const w = out[i];
    if (!w) {
      if (out.length < VERSION_LIMIT) out.push({ ...v });
      continue;
    }
    const merged: PaperVersion = { ...v, ...w, seenAt: Math.min(w.seenAt, v.seenAt) };
    if (arxivVersionNumber(v.arxivVersion) > arxivVersionNumber(w.arxivVersion)) {
      merged.arxivVersion = v.arxivVersion;
    }
    out[i] = merged;
  }
  return out;
}

/**
 * Which version a record's metadata shows: the article once a published version was saved from its
 * own page (such versions carry a title), else the preprint when there is one.
 */
export function recordKind(record: Pick<LibraryRecord, 'versions'>): VersionKind {
  if (record.versions.some((v) => v.kind === 'published' && v.title)) return 'published';
  return record.versions.some((v) => v.kind === 'preprint') ? 'preprint' : 'published';
}

const PROGRESS: Record<ReadingStatus, number> = { 'to-read': 0, reading: 1, read: 2 };

/** Trimmed, unique (case-insensitively), bounded tags. */
export function normalizeTags(tags: readonly string[]): string[] {
  return unionStrings(
    tags.map((t) => t.replace(/\s+/g, ' ').slice(0, 100)),
    [],
  ).slice(0, 100);
}

/** Joins the user data of two records of one work: nothing either held is lost. */
export function mergeUserData(a: UserData, b: UserData): UserData {
  const notesA = a.notes.trim();
  const notesB = b.notes.trim();
  const notes =
    !notesB || notesA.includes(notesB) ? a.notes : !notesA ? b.notes : `${a.notes}\n\n${b.notes}`;
  return {
    status: PROGRESS[b.status] > PROGRESS[a.status] ? b.status : a.status,
    tags: normalizeTags([...a.tags, ...b.tags]),
    notes,
    starred: a.starred || b.starred,
  };
}

export const PAGE_URL_LIMIT = 50;

function unionUrls(a: string[], b: string[]): string[] {
  const out = [...a];
  for (const u of b) if (!out.includes(u)) out.push(u);
  return out.slice(0, PAGE_URL_LIMIT);
}

export function newUserData(): UserData {
  return { status: 'to-read', tags: [], notes: '', starred: false };
}

/** A new record for a paper saved for the first time. */
export function createRecord(
  id: string,
  paper: Paper,
  pageUrl: string | undefined,
  now: number,
): LibraryRecord {
  const versions = versionsOf(paper, now);
  const pageUrls = pageUrl ? [pageUrl] : [];
  return {
    id,
    paper,
    versions,
    pageUrls,
    savedAt: now,
    updatedAt: now,
    user: newUserData(),
    keys: recordKeys({ paper, versions, pageUrls }),
  };
}

/** `record` with `paper` (saved again, from `pageUrl`) merged in. The user data is untouched. */
export function mergeIntoRecord(
  record: LibraryRecord,
  paper: Paper,
  pageUrl: string | undefined,
  now: number,
): LibraryRecord {
  const incomingVersions = versionsOf(paper, now);
  const merged = mergePapers(record.paper, paper, {
    existing: recordKind(record),
    incoming: incomingVersions[0]?.kind ?? 'published',
  });
  const versions = mergeVersions(record.versions, incomingVersions);
  const pageUrls = pageUrl ? unionUrls(record.pageUrls, [pageUrl]) : record.pageUrls;
  return {
    ...record,
    paper: merged,
    versions,
    pageUrls,
    keys: recordKeys({ paper: merged, versions, pageUrls }),
    updatedAt: now,
  };
}

/**
 * Two stored records found to be one work (a page named both the preprint and the article saved
 * earlier as two papers): one record, the older id, everything from both.
 */
export function mergeRecords(a: LibraryRecord, b: LibraryRecord, now: number): LibraryRecord {
  const [first, second] = a.savedAt <= b.savedAt ? [a, b] : [b, a];
  const paper = mergePapers(first.paper, second.paper, {
    existing: recordKind(first),
    incoming: recordKind(second),
  });
  const versions = mergeVersions(first.versions, second.versions);
  const pageUrls = unionUrls(first.pageUrls, second.pageUrls);
  return {
    id: first.id,
    paper,
    versions,
    pageUrls,
    savedAt: first.savedAt,
    updatedAt: now,
    user: mergeUserData(first.user, second.user),
    keys: recordKeys({ paper, versions, pageUrls }),
  };
}

/** Structural equality of plain data (records), ignoring key order. */
export function sameData(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((v, i) => sameData(v, y[i]));
  }
  const ox = x as Record<string, unknown>;
  const oy = y as Record<string, unknown>;
  const kx = Object.keys(ox).filter((k) => ox[k] !== undefined);
  const ky = Object.keys(oy).filter((k) => oy[k] !== undefined);
  return kx.length === ky.length && kx.every((k) => sameData(ox[k], oy[k]));
}
