import MiniSearch, { type SearchResult } from 'minisearch';
import { authorName } from '@/utils/display';
import type { LibraryRecord } from '@/utils/library/schema';

/**
 * Full-text search over the library with MiniSearch (a proven inverted index with prefix and fuzzy
 * matching and field boosts) rather than a hand-made one. The index lives in the popup, built in
 * pages while the library loads, and answers as the user types.
 */

/** The searchable text of one record. */
export interface SearchDoc {
  id: string;
  title: string;
  authors: string;
  abstract: string;
  terms: string;
  venue: string;
  tags: string;
  notes: string;
}

export const SEARCH_FIELDS = [
  'title',
  'authors',
  'abstract',
  'terms',
  'venue',
  'tags',
  'notes',
] as const satisfies readonly (keyof SearchDoc)[];

export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A word as MiniSearch's default tokenizer sees it: a run of anything but spaces and punctuation. */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** Lowercase without diacritics, so that `godel` finds `Gödel` and highlights match the index. */
export function normalizeTerm(term: string): string {
  // Most terms are plain ASCII: skip the Unicode decomposition, which doubles the indexing time.
  if (!/[^ -~]/.test(term)) return term.toLowerCase();
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function toSearchDoc(r: LibraryRecord): SearchDoc {
  const p = r.paper;
  return {
    id: r.id,
    title: p.title,
    authors: p.authors.map(authorName).join('; '),
    abstract: p.abstract ?? '',
    terms: [...p.keywords, ...p.keyTerms.map((k) => k.term)].join('; '),
    venue: p.venue ?? '',
    tags: r.user.tags.join('; '),
    notes: r.user.notes,
  };
}

export type PaperIndex = MiniSearch<SearchDoc>;

export function createIndex(): PaperIndex {
  return new MiniSearch<SearchDoc>({
    fields: [...SEARCH_FIELDS],
    processTerm: (term) => normalizeTerm(term) || null,
    searchOptions: {
      boost: { title: 3, authors: 2, tags: 2, terms: 1.5, venue: 1.2 },
      // Typing is incremental: the last word is a prefix; every word may carry a typo or two.
      prefix: (_term, i, terms) => i === terms.length - 1,
      // One edit in a word of 4 to 6 letters, two from 7 (a swapped pair, "protien", is two edits).
      fuzzy: (term) => (term.length < 4 ? false : term.length < 7 ? 1 : 2),
      combineWith: 'AND',
    },
  });
}

export function indexRecords(index: PaperIndex, records: readonly LibraryRecord[]): void {
  for (const r of records) {
    const doc = toSearchDoc(r);
    if (index.has(r.id)) index.replace(doc);
    else index.add(doc);
  }
}

export function unindex(index: PaperIndex, id: string): void {
  if (index.has(id)) index.discard(id);
}

export interface Hit {
  id: string;
  score: number;
  /** Indexed terms that matched (normalised), for highlighting. */
  terms: string[];
}

export function search(index: PaperIndex, query: string): Hit[] {
  const q = query.trim();
  if (!q) return [];
  return index
    .search(q)
    .map((r: SearchResult) => ({ id: String(r.id), score: r.score, terms: r.terms }));
}

/** A half-open range `[start, end)` of a displayed string. */
export type Range = [number, number];

/**
 * The ranges of `text` whose words are one of the matched `terms`: the same split and normalisation
 * as the index, so what the index matched is what gets highlighted.
 */
export function highlightRanges(text: string, terms: ReadonlySet<string>): Range[] {
  if (!terms.size || !text) return [];
  const ranges: Range[] = [];
  for (const m of text.matchAll(WORD)) {
    if (terms.has(normalizeTerm(m[0]))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}
