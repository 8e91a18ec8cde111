import type {
  Author,
  IssuedDate,
  KeyTerm,
  Paper,
  PaperField,
  PaperType,
  WorkRef,
} from '@/utils/paper';
import { checkInput, describeValue, excerpt, PAPER_TYPES } from './common';
import {
  FormatError,
  type ExportItem,
  type ExportVersion,
  type FormatDescriptor,
  type ParseResult,
  type SerializeOptions,
} from './types';

/**
 * The Papershelf backup: everything the library knows, losslessly. Each item keeps the whole `Paper`
 * (key terms, references, citations, each field's provenance) and the user's data (status, tags,
 * notes, star, saved and updated times, the pages it was saved from, the versions of the work).
 *
 *   { "format": "papershelf-backup", "schemaVersion": 1, "exportedAt": "<ISO time>", "items": [...] }
 *
 * Keys are written sorted, so export → parse → export gives the same text. Reading validates every
 * value's type and size against the shapes below; an item that does not fit is reported with the
 * reason and the others still import. The shapes are typed as `Record<keyof Paper, …>`: a field added
 * to `Paper` fails type-checking here until the backup carries it.
 */

export const BACKUP_FORMAT = 'papershelf-backup';
export const BACKUP_SCHEMA_VERSION = 1;

/**
 * A backup of a large library (10,000 papers with their references) can pass 20 MB, the cap of the
 * other formats: the backup allows more, still bounded.
 */
export const MAX_BACKUP_CHARS = 200 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  items: ExportItem[];
}

// ---------------------------------------------------------------------------------------------
// Writing

/** The same value with object keys sorted at every depth, so that the text is deterministic. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function serialize(items: readonly ExportItem[], options: SerializeOptions = {}): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: new Date(options.exportedAt ?? Date.now()).toISOString(),
    items: items.map((item) => sortKeys(writable(item)) as ExportItem),
  };
  // Header first, then the items; one-space indentation keeps the file readable and small.
  return `${JSON.stringify(backup, null, 1)}\n`;
}

/**
 * The item as the reader will see it: fields outside the shapes left out, so that export → parse →
 * export is the identity even when the caller passes extra fields. An item the reader would refuse
 * (a value too long) is written as it is, and the import reports it.
 */
function writable(item: ExportItem): ExportItem {
  try {
    return checkItem(item, 'item');
  } catch (e) {
    if (e instanceof Invalid) return item;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading: small validators that build a fresh value or throw `Invalid` with a path and reason.

class Invalid extends Error {}

type Check<T> = (v: unknown, path: string) => T;

function fail(path: string, reason: string): never {
  throw new Invalid(`${path} ${reason}`);
}

const text =
  (max: number): Check<string> =>
  (v, path) => {
    if (typeof v !== 'string') fail(path, 'must be text');
    if (v.length > max) fail(path, `is longer than ${max} characters`);
    return v;
  };

const number =
  (min: number, max: number, integer = false): Check<number> =>
  (v, path) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'must be a number');
    if (integer && !Number.isInteger(v)) fail(path, 'must be a whole number');
    if (v < min || v > max) fail(path, `must be between ${min} and ${max}`);
    return v;
  };

const boolean: Check<boolean> = (v, path) => {
  if (typeof v !== 'boolean') fail(path, 'must be true or false');
  return v;
};

const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (v, path) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      fail(path, `must be one of ${values.join(', ')}`);
    }
    return v as T;
  };

const list =
  <T>(item: Check<T>, max: number): Check<T[]> =>
  (v, path) => {
    if (!Array.isArray(v)) fail(path, 'must be a list');
    if (v.length > max) fail(path, `has more than ${max} entries`);
    return v.map((x, i) => item(x, `${path}[${i}]`));
  };

/**
 * Each key: its check, and whether it may be missing. Keys not in the shape are dropped (a field
 * some other version added is not worth refusing a restore for) and never copied, `__proto__`
 * included: the result is built from the shape's keys only.
 */
type Shape<T> = { [K in keyof T]-?: [Check<NonNullable<T[K]>>, 'required' | 'optional'] };

const object =
  <T>(shape: Shape<T>): Check<T> =>
  (v, path) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) fail(path, 'must be an object');
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, [check, need]] of Object.entries(shape) as [
      string,
      [Check<unknown>, string],
    ][]) {
      const value = o[key];
      if (value === undefined || value === null) {
        if (need === 'required') fail(`${path}.${key}`, 'is missing');
        continue;
      }
      out[key] = check(value, `${path}.${key}`);
    }
    return out as T;
  };

const url = text(8_000);
const short = text(500);

const authorShape: Shape<Author> = {
  given: [short, 'optional'],
  family: [short, 'optional'],
  literal: [short, 'optional'],
};
const author = object(authorShape);

const workRefShape: Shape<WorkRef> = {
  title: [text(5_000), 'optional'],
  authors: [list(author, 5_000), 'required'],
  year: [number(0, 9999, true), 'optional'],
  venue: [text(2_000), 'optional'],
  doi: [short, 'optional'],
  arxivId: [short, 'optional'],
  pmid: [short, 'optional'],
  url: [url, 'optional'],
  raw: [text(10_000), 'optional'],
};

const issuedShape: Shape<IssuedDate> = {
  date: [
    (v, path) => {
      const s = text(10)(v, path);
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s)) fail(path, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
      return s;
    },
    'required',
  ],
  precision: [oneOf(['year', 'month', 'day'] as const), 'required'],
};

const keyTermShape: Shape<KeyTerm> = {
  term: [short, 'required'],
  weight: [number(0, 1), 'required'],
};

/** Every `Paper` field; `sources` is checked against this list too. */
const paperShape: Shape<Paper> = {
  type: [oneOf<PaperType>(PAPER_TYPES), 'optional'],
  title: [text(10_000), 'required'],
  authors: [list(author, 10_000), 'required'],
  issued: [object(issuedShape), 'optional'],
  year: [number(0, 9999, true), 'optional'],
  venue: [text(2_000), 'optional'],
  volume: [short, 'optional'],
  issue: [short, 'optional'],
  pages: [short, 'optional'],
  publisher: [text(2_000), 'optional'],
  doi: [short, 'optional'],
  publishedDoi: [short, 'optional'],
  arxivId: [short, 'optional'],
  arxivVersion: [short, 'optional'],
  pmid: [short, 'optional'],
  pmcid: [short, 'optional'],
  isbn: [list(short, 100), 'optional'],
  issn: [list(short, 100), 'optional'],
  abstract: [text(200_000), 'optional'],
  keywords: [list(text(1_000), 5_000), 'required'],
  keyTerms: [list(object(keyTermShape), 5_000), 'required'],
  keyTermsComputed: [boolean, 'optional'],
  pdfUrl: [url, 'optional'],
  url: [url, 'optional'],
  references: [list(object(workRefShape), 20_000), 'required'],
  citations: [list(object(workRefShape), 20_000), 'required'],
  sources: [
    (v, path) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) fail(path, 'must be an object');
      const out: Partial<Record<PaperField, string>> = {};
      for (const [key, value] of Object.entries(v)) {
        // Provenance of a field Papershelf does not know is dropped with the field.
        if (key === 'sources' || !Object.hasOwn(paperShape, key)) continue;
        out[key as PaperField] = text(200)(value, `${path}.${key}`);
      }
      return out;
    },
    'required',
  ],
};

const versionShape: Shape<ExportVersion> = {
  kind: [oneOf(['preprint', 'published'] as const), 'required'],
  doi: [short, 'optional'],
  arxivId: [short, 'optional'],
  arxivVersion: [short, 'optional'],
  pmid: [short, 'optional'],
  pmcid: [short, 'optional'],
  title: [text(10_000), 'optional'],
  venue: [text(2_000), 'optional'],
  year: [number(0, 9999, true), 'optional'],
  url: [url, 'optional'],
  seenAt: [number(0, 8.64e15), 'required'],
};

const time = number(0, 8.64e15);

const itemShape: Shape<ExportItem> = {
  id: [short, 'optional'],
  paper: [object(paperShape), 'required'],
  status: [oneOf(['to-read', 'reading', 'read'] as const), 'optional'],
  tags: [list(text(500), 1_000), 'optional'],
  notes: [text(1_000_000), 'optional'],
  starred: [boolean, 'optional'],
  savedAt: [time, 'optional'],
  updatedAt: [time, 'optional'],
  pageUrls: [list(url, 1_000), 'optional'],
  versions: [list(object(versionShape), 100), 'optional'],
};
const checkItem = object(itemShape);

function describe(value: unknown): string {
  const title = (value as { paper?: { title?: unknown } } | null)?.paper?.title;
  if (typeof title === 'string' && title.trim()) return excerpt(title);
  return describeValue(value);
}

export function parse(text: string): ParseResult {
  // The backup has its own, larger size cap; the shared checks refuse binary and empty files.
  const input = checkInput(text, 'Backup', MAX_BACKUP_CHARS);
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (e) {
    throw new FormatError(
      `Backup: the file is not valid JSON (${e instanceof Error ? excerpt(e.message, 100) : 'unreadable'}).`,
    );
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new FormatError('Backup: this is not a Papershelf backup (expected a JSON object).');
  }
  const o = data as Record<string, unknown>;
  if (o.format !== BACKUP_FORMAT) {
    throw new FormatError(
      `Backup: this is not a Papershelf backup ("format" is not "${BACKUP_FORMAT}").`,
    );
  }
  const version = o.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new FormatError('Backup: the schema version is missing or invalid.');
  }
  if (version > BACKUP_SCHEMA_VERSION) {
    throw new FormatError(
      `Backup: made by a newer Papershelf (schema version ${version}; this one reads ${BACKUP_SCHEMA_VERSION}). Update the extension to restore it.`,
    );
  }
  if (!Array.isArray(o.items)) throw new FormatError('Backup: "items" must be a list.');
  const result: ParseResult = { items: [], errors: [] };
  o.items.forEach((value, index) => {
    try {
      result.items.push(checkItem(value, 'item'));
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      result.errors.push({ index, entry: describe(value), reason: e.message });
    }
  });
  return result;
}

export const json: FormatDescriptor = {
  id: 'json',
  label: 'Papershelf backup (JSON)',
  extension: 'json',
  mimeType: 'application/json',
  serialize,
  parse,
};
