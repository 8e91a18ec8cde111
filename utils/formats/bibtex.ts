import { logger, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Paper } from '@/utils/paper';
import { serialize } from './bibtex-writer';
import { checkInput, excerpt, LIMITS, MAX_ENTRIES } from './common';
import { cslToPaper } from './csl-json';
import { FormatError, type FormatDescriptor, type ImportedItem, type ParseResult } from './types';

export {
  BIBTEX_FIELDS,
  BIBTEX_TYPES,
  escapeLatex,
  formatEntry,
  formatName,
  serialize,
} from './bibtex-writer';

/**
 * BibTeX (and the biblatex fields other tools write), as LaTeX users and every reference manager read
 * it.
 *
 * Writing is in bibtex-writer.ts, with the field map (BIBTEX_FIELDS, BIBTEX_TYPES): Papershelf's own
 * citation keys, escaping and arXiv `eprint` fields, which citation-js's writer does not give.
 *
 * Reading uses citation-js (@citation-js/plugin-bibtex): its grammar handles `@string` macros, `#`
 * concatenation, nested braces, and decodes LaTeX accents and commands to Unicode, and its biblatex
 * mapping turns names and dates into CSL. Its parser stops at the first syntax error in a file, so
 * the file is first cut into entries here and each entry is read on its own: one broken entry becomes
 * one error, and the others still import.
 */

// ---------------------------------------------------------------------------------------------
// Reading

interface Chunk {
  /** Lowercase entry type (`article`, `string`…). */
  type: string;
  text: string;
  /** Why the chunk cannot be an entry, found while cutting (unterminated). */
  broken?: string;
}

/** `@type{` or `@type(` at a position. */
const ENTRY_START = /@\s*([A-Za-z][\w-]*)\s*([{(])/y;
/** At a line start: the start of a new data entry `@type{key,` (to recover from a missing brace). */
const LINE_ENTRY_START = /[ \t]*@\s*[A-Za-z]+\s*[{(][^\s,{}()"=]*,/y;

/**
 * Cuts a file into entries by matching braces, the way citation-js's lexer counts them (`\{` and
 * `\}` are text). Text between entries is a comment in BibTeX and skipped. An entry whose braces
 * never close ends where the next line starting with `@type{key,` begins, and is reported broken.
 */
export function splitEntries(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  for (;;) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    ENTRY_START.lastIndex = at;
    const m = ENTRY_START.exec(text);
    if (!m) {
      i = at + 1;
      continue;
    }
    const type = (m[1] ?? '').toLowerCase();
    if (type === 'comment') {
      // As in citation-js's lexer: a @comment runs to the end of its line.
      const eol = text.indexOf('\n', at);
      i = eol < 0 ? text.length : eol + 1;
      continue;
    }
    const close = m[2] === '(' ? ')' : '}';
    let depth = 0;
    let j = ENTRY_START.lastIndex;
    let end = -1;
    let broken: string | undefined;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0 && close === '}') {
          end = j + 1;
          break;
        }
        depth--;
      } else if (c === ')' && depth === 0 && close === ')') {
        end = j + 1;
        break;
      } else if (c === '\n') {
        LINE_ENTRY_START.lastIndex = j + 1;
        if (LINE_ENTRY_START.test(text)) {
          end = j + 1;
          broken = 'its braces are not closed before the next entry starts';
          break;
        }
      }
      if (depth < 0) depth = 0;
    }
    if (end < 0) {
      end = text.length;
      broken = 'its braces are not closed before the end of the file';
    }
    chunks.push({ type, text: text.slice(at, end), broken });
    i = end;
  }
  return chunks;
}

interface RawEntry {
  type: string;
  label: string;
  properties: Record<string, unknown>;
}

/** citation-js's grammar on one piece of text: the raw entries (fields still LaTeX). */
function readRaw(text: string): RawEntry[] {
  return plugins.input.data(text, '@biblatex/text') as RawEntry[];
}

/** The first line of a parser message, without the code frame moo adds. */
function reasonOf(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const first = msg.split('\n')[0] ?? msg;
  const expected = /expected "(\w+)", got ("?\w+"?)/.exec(msg);
  const where = /line (\d+) col (\d+)/.exec(first);
  const at = where ? ` (line ${where[1]} of the entry)` : '';
  if (expected) return `syntax error: expected ${expected[1]}, got ${expected[2]}${at}`;
  return `syntax error: ${excerpt(first, 160)}`;
}

function rawString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** A `Paper` (and notes) from one raw entry: citation-js maps it to CSL, ids are read directly. */
function entryToItem(raw: RawEntry): ImportedItem | string {
  // Caps before decoding: a hostile field is cut, not decoded in full.
  for (const [k, v] of Object.entries(raw.properties)) {
    if (typeof v === 'string' && v.length > LIMITS.abstract * 2) {
      raw.properties[k] = v.slice(0, LIMITS.abstract * 2);
    }
  }
  let csl: unknown;
  try {
    csl = (plugins.input.data(raw, '@biblatex/entry+object') as unknown[])[0];
  } catch (e) {
    return `unreadable fields (${excerpt(e instanceof Error ? e.message : String(e), 120)})`;
  }
  if (csl && typeof csl === 'object') {
    const o = csl as Record<string, unknown>;
    if (Array.isArray(o.author)) o.author = o.author.map(fixName);
  }
  const paper = cslToPaper(csl, 'import:bibtex');
  if (typeof paper === 'string') return paper;
  const p = raw.properties;
  const archive = (rawString(p.archiveprefix) ?? rawString(p.eprinttype) ?? '').toLowerCase();
  const eprint = rawString(p.eprint);
  const extra = finishIds(paper, {
    arxiv:
      archive === 'arxiv' || (!archive && eprint && /^\d{4}\.\d{4,5}/.test(eprint))
        ? eprint
        : undefined,
    pmid: rawString(p.pmid),
    pmcid: rawString(p.pmcid),
    keywords: rawString(p.keywords),
  });
  if (paper.arxivId && !paper.venue) paper.type = 'article';
  const item: ImportedItem = { paper: extra };
  const notes = rawString(p.annote);
  if (notes?.trim()) item.notes = notes.trim().slice(0, LIMITS.notes);
  return item;
}

/**
 * Corrects two readings of citation-js's names. In "First Last" form it takes a given name that
 * starts with a LaTeX accent (DBLP's `{\\L}ukasz Kaiser`, `{\\"O}zg{\\"u}r`) for a particle; a
 * capitalised particle with no given name is that given name. And a name without a given part is
 * one unit (an organisation or a mononym): Paper's `literal`.
 */
function fixName(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const n = { ...(value as Record<string, unknown>) };
  const particle = n['non-dropping-particle'];
  if (!n.given && typeof particle === 'string' && /^\p{Lu}/u.test(particle)) {
    n.given = particle;
    delete n['non-dropping-particle'];
  }
  if (!n.given && !n.literal && typeof n.family === 'string') {
    return { literal: [n['non-dropping-particle'], n.family, n.suffix].filter(Boolean).join(' ') };
  }
  return n;
}

/** Adds the identifiers citation-js's CSL mapping leaves out. */
function finishIds(
  paper: Paper,
  ids: { arxiv?: string; pmid?: string; pmcid?: string; keywords?: string },
): Paper {
  const next: Paper = { ...paper, sources: { ...paper.sources } };
  if (ids.arxiv && !next.arxivId) {
    const m = /^(?:arxiv:)?\s*([a-z.-]*\/?\d{4,7}(?:\.\d{4,5})?)(v\d+)?$/i.exec(ids.arxiv.trim());
    if (m?.[1]) {
      next.arxivId = m[1];
      if (m[2]) next.arxivVersion = m[2].toLowerCase();
      next.sources.arxivId = 'import:bibtex';
    }
  }
  if (ids.pmid && !next.pmid && /^\d{1,9}$/.test(ids.pmid.trim())) {
    next.pmid = ids.pmid.trim().replace(/^0+/, '');
    next.sources.pmid = 'import:bibtex';
  }
  if (ids.pmcid && !next.pmcid && /^PMC\d{1,9}$/i.test(ids.pmcid.trim())) {
    next.pmcid = ids.pmcid.trim().toUpperCase();
    next.sources.pmcid = 'import:bibtex';
  }
  return next;
}

export function parse(text: string): ParseResult {
  const input = checkInput(text, 'BibTeX');
  const chunks = splitEntries(input);
  const result: ParseResult = { items: [], errors: [] };
  const strings = stringMap(chunks);
  const data = chunks.filter((c) => c.type !== 'string' && c.type !== 'preamble');
  if (!data.length) {
    throw new FormatError('BibTeX: no entries found (an entry starts with @article{ or similar).');
  }
  const read: { index: number; entry: string; raw: RawEntry }[] = [];
  try {
    data.forEach((chunk, index) => {
      if (index >= MAX_ENTRIES) {
        if (index === MAX_ENTRIES) {
          result.errors.push({
            index,
            entry: '',
            reason: `Only the first ${MAX_ENTRIES} entries are read.`,
          });
        }
        return;
      }
      const entry = excerpt(chunk.text);
      if (chunk.broken) {
        result.errors.push({ index, entry, reason: chunk.broken });
        return;
      }
      try {
        // Macros (`journal = jmlr`) need their @string definitions in the same parse.
        const [raw] = readRaw(usedStrings(strings, chunk.text) + chunk.text);
        if (raw) read.push({ index, entry, raw });
        else result.errors.push({ index, entry, reason: 'not a BibTeX entry' });
      } catch (e) {
        result.errors.push({ index, entry, reason: reasonOf(e) });
      }
    });
    const containers = resolveCrossrefs(read.map((r) => r.raw));
    for (const { index, entry, raw } of read) {
      // A @proceedings or @book that entries point to with `crossref` is their container, not a
      // paper of its own: its fields went into them.
      if (containers.has(raw)) continue;
      const item = entryToItem(raw);
      if (typeof item === 'string') result.errors.push({ index, entry, reason: item });
      else result.items.push(item);
    }
  } finally {
    // citation-js keeps every log message in memory, even when silent.
    logger._log.length = 0;
  }
  result.errors.sort((a, b) => a.index - b.index);
  return result;
}

/** Fields an entry takes from its `crossref` parent when it has none of its own. */
const INHERITED = new Set([
  'booktitle',
  'year',
  'date',
  'month',
  'publisher',
  'address',
  'location',
  'series',
  'volume',
  'editor',
  'organization',
  'isbn',
  'issn',
  'journal',
  'journaltitle',
  'school',
  'institution',
]);

const CONTAINER_TYPES = /^(proceedings|book|collection|mvbook|mvproceedings|mvcollection)$/;

/**
 * BibTeX's `crossref`: an entry inherits the fields it lacks from its parent, whose title becomes
 * its booktitle. Entries are read one by one here, so this is done on the raw entries (citation-js
 * does it only when it reads a whole file). Returns the parents that are containers.
 */
function resolveCrossrefs(entries: readonly RawEntry[]): Set<RawEntry> {
  const byLabel = new Map(entries.map((e) => [e.label.toLowerCase(), e]));
  const containers = new Set<RawEntry>();
  for (const child of entries) {
    const ref = rawString(child.properties.crossref)?.trim().toLowerCase();
    const parent = ref ? byLabel.get(ref) : undefined;
    if (!parent || parent === child) continue;
    const props = child.properties;
    const title = parent.properties.title;
    if (props.booktitle === undefined && title !== undefined) props.booktitle = title;
    for (const [key, value] of Object.entries(parent.properties)) {
      if (INHERITED.has(key) && props[key] === undefined) props[key] = value;
    }
    if (CONTAINER_TYPES.test(parent.type.toLowerCase())) containers.add(parent);
  }
  return containers;
}

/**
 * The @string definitions an entry may use: those whose name occurs in the entry, and the ones
 * those use, in file order. Passing only these keeps a file with thousands of macros (journal
 * abbreviation lists) linear to read.
 */
function usedStrings(strings: ReadonlyMap<string, StringDef>, entry: string): string {
  if (!strings.size) return '';
  const used = new Set<StringDef>();
  const queue = [entry];
  for (let text = queue.pop(); text !== undefined; text = queue.pop()) {
    for (const word of text.toLowerCase().match(/[a-z_][\w:+-]*/g) ?? []) {
      const def = strings.get(word);
      if (def && !used.has(def)) {
        used.add(def);
        queue.push(def.text);
      }
    }
  }
  return [...used]
    .sort((a, b) => a.order - b.order)
    .map((d) => d.text)
    .join('\n');
}

interface StringDef {
  text: string;
  order: number;
}

/** @string chunks by macro name (lowercase); a later definition wins, as in BibTeX. */
function stringMap(chunks: readonly Chunk[]): Map<string, StringDef> {
  const map = new Map<string, StringDef>();
  chunks.forEach((c, order) => {
    if (c.type !== 'string' || c.broken) return;
    const name = /@\s*string\s*[{(]\s*([^\s=]+)/i.exec(c.text)?.[1]?.toLowerCase();
    if (name) map.set(name, { text: c.text, order });
  });
  return map;
}

export const bibtex: FormatDescriptor = {
  id: 'bibtex',
  label: 'BibTeX',
  extension: 'bib',
  mimeType: 'application/x-bibtex',
  serialize,
  parse,
};
