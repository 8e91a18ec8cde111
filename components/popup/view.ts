import type { LibraryRecord, ReadingStatus } from '@/utils/library/schema';
import { search, type PaperIndex } from './search';

/** What the list shows: the search, the filters and the order the user chose. */

export type SortId = 'relevance' | 'newest' | 'year' | 'title' | 'status';

export const SORTS: readonly { id: SortId; label: string }[] = [
  { id: 'relevance', label: 'Best match' },
  { id: 'newest', label: 'Newest first' },
  { id: 'year', label: 'Year' },
  { id: 'title', label: 'Title' },
  { id: 'status', label: 'Status' },
];

export const STATUS_LABELS: Record<ReadingStatus, string> = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
};

export interface ViewQuery {
  search: string;
  status: ReadingStatus | '';
  tag: string;
  sort: SortId;
}

export interface View {
  ids: string[];
  /** For each shown id when searching: the matched (normalised) terms, to highlight. */
  terms: Map<string, ReadonlySet<string>>;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const STATUS_ORDER: Record<ReadingStatus, number> = { reading: 0, 'to-read': 1, read: 2 };

function compare(sort: SortId, a: LibraryRecord, b: LibraryRecord): number {
  switch (sort) {
    case 'year':
      return (b.paper.year ?? -1) - (a.paper.year ?? -1) || b.savedAt - a.savedAt;
    case 'title':
      return collator.compare(a.paper.title, b.paper.title);
    case 'status':
      return STATUS_ORDER[a.user.status] - STATUS_ORDER[b.user.status] || b.savedAt - a.savedAt;
    default:
      return b.savedAt - a.savedAt;
  }
}

/**
 * The ids to show, in order. Searching orders by relevance unless the user picked another order;
 * without a search, "Best match" means newest first.
 */
export function computeView(
  records: ReadonlyMap<string, LibraryRecord>,
  index: PaperIndex,
  q: ViewQuery,
): View {
  const terms = new Map<string, ReadonlySet<string>>();
  const keep = (r: LibraryRecord | undefined): r is LibraryRecord =>
    !!r && (!q.status || r.user.status === q.status) && (!q.tag || r.user.tags.includes(q.tag));
  let list: LibraryRecord[];
  if (q.search.trim()) {
    list = [];
    for (const hit of search(index, q.search)) {
      const r = records.get(hit.id);
      if (!keep(r)) continue;
      list.push(r);
      terms.set(hit.id, new Set(hit.terms));
    }
    if (q.sort !== 'relevance') list.sort((a, b) => compare(q.sort, a, b));
  } else {
    list = [...records.values()].filter(keep);
    list.sort((a, b) => compare(q.sort, a, b));
  }
  return { ids: list.map((r) => r.id), terms };
}

/** Every tag in the loaded library, most used first. */
export function allTags(records: ReadonlyMap<string, LibraryRecord>): string[] {
  const counts = new Map<string, number>();
  for (const r of records.values())
    for (const t of r.user.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).map(([t]) => t);
}

/** Tags typed as "a, b; c": trimmed, unique, in order. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}
