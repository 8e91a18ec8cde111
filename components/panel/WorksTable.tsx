import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { authorName, shortAuthors } from '@/utils/display';
import type { WorkRef } from '@/utils/paper';
import { useVirtualRows } from './useVirtualRows';
import { workLink } from './works';

/**
 * References or citations as a table: title, authors, year, link, saved mark and a Save button.
 * Sortable by each column (the header buttons), filterable by any text, windowed for long lists.
 */

export const ROW_HEIGHT = 30;
const VIEWPORT = 240;

type SortKey = 'order' | 'title' | 'authors' | 'year';
type Direction = 'ascending' | 'descending';

export interface WorksTableProps {
  /** 'references' or 'citations': names the table and its test ids. */
  kind: 'references' | 'citations';
  label: string;
  works: readonly WorkRef[];
  /** Saved record id per work (same order as `works`); undefined while unknown. */
  saved: readonly (string | null | undefined)[];
  /** Indexes of works being saved right now. */
  saving: ReadonlySet<number>;
  onSave(index: number): void;
}

interface Row {
  index: number;
  work: WorkRef;
  title: string;
  authors: string;
  firstFamily: string;
  haystack: string;
}

export function WorksTable({ kind, label, works, saved, saving, onSave }: WorksTableProps) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: Direction }>({
    key: 'order',
    dir: 'ascending',
  });
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo<Row[]>(
    () =>
      works.map((work, index) => {
        const title = (work.title ?? work.raw ?? '').trim() || '(untitled)';
        const authors = shortAuthors(work.authors, 3);
        const all = work.authors.map(authorName).join(' ');
        const first = work.authors[0];
        return {
          index,
          work,
          title,
          authors,
          firstFamily: (first?.family ?? first?.literal ?? first?.given ?? '').toLowerCase(),
          haystack: `${title} ${all} ${work.venue ?? ''} ${work.year ?? ''}`.toLowerCase(),
        };
      }),
    [works],
  );

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const kept = needle ? rows.filter((r) => r.haystack.includes(needle)) : rows.slice();
    if (sort.key !== 'order') {
      const sign = sort.dir === 'ascending' ? 1 : -1;
      const text = (r: Row) => (sort.key === 'title' ? r.title.toLowerCase() : r.firstFamily);
      kept.sort((a, b) => {
        if (sort.key === 'year') {
          // Unknown years last whichever the direction.
          const ya = a.work.year ?? NaN;
          const yb = b.work.year ?? NaN;
          if (Number.isNaN(ya) !== Number.isNaN(yb)) return Number.isNaN(ya) ? 1 : -1;
          return sign * (ya - yb) || a.index - b.index;
        }
        return sign * text(a).localeCompare(text(b)) || a.index - b.index;
      });
    } else if (sort.dir === 'descending') kept.reverse();
    return kept;
  }, [rows, filter, sort]);

  const { items, totalSize } = useVirtualRows(
    shown.length,
    ROW_HEIGHT,
    () => scrollRef.current,
    VIEWPORT,
  );

  // A new filter or order starts at the top (the old scroll offset may be past the new end).
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [filter, sort]);

  const sortBy = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' }
        : { key, dir: key === 'year' ? 'descending' : 'ascending' },
    );
  const header = (key: SortKey, text: string, cls: string) => (
    <th scope="col" class={cls} aria-sort={sort.key === key ? sort.dir : 'none'}>
      <button type="button" class="sort" onClick={() => sortBy(key)} data-testid={`sort-${key}`}>
        {text}
        <span aria-hidden="true">
          {sort.key === key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );

  const first = items[0];
  const last = items.at(-1);
  const padTop = first ? first.start : 0;
  const padBottom = last ? totalSize - last.end : 0;
  const filterId = `${kind}-filter`;

  return (
    <div class="works">
      <div class="works-tools">
        <label for={filterId} class="sr-only">
          Filter {label.toLowerCase()}
        </label>
        <input
          id={filterId}
          type="search"
          placeholder={`Filter ${label.toLowerCase()}…`}
          value={filter}
          onInput={(e) => setFilter(e.currentTarget.value)}
          data-testid={`${kind}-filter`}
        />
        <span class="works-count" aria-live="polite">
          {shown.length === rows.length ? `${rows.length}` : `${shown.length} of ${rows.length}`}
        </span>
      </div>
      <div class="works-scroll" ref={scrollRef} style={{ maxHeight: `${VIEWPORT}px` }}>
        <table
          class="works-table"
          data-testid={`${kind}-table`}
          aria-label={label}
          aria-rowcount={shown.length + 1}
        >
          <thead>
            <tr aria-rowindex={1}>
              {header('title', 'Title', 'c-title')}
              {header('authors', 'Authors', 'c-authors')}
              {header('year', 'Year', 'c-year')}
              <th scope="col" class="c-act">
                <span class="sr-only">In library</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr class="spacer" aria-hidden="true" style={{ height: `${padTop}px` }}>
                <td colSpan={4} />
              </tr>
            )}
            {items.map((item) => {
              const row = shown[item.index];
              if (!row) return null;
              const href = workLink(row.work);
              const id = saved[row.index];
              return (
                <tr
                  key={row.index}
                  aria-rowindex={item.index + 2}
                  data-testid="work-row"
                  class={id ? 'is-saved' : undefined}
                  style={{ height: `${ROW_HEIGHT}px` }}
                >
                  <td class="c-title" title={row.title}>
                    {href ? (
                      <a href={href} target="_blank" rel="noopener noreferrer">
                        {row.title}
                      </a>
                    ) : (
                      row.title
                    )}
                  </td>
                  <td class="c-authors" title={row.work.authors.map(authorName).join(', ')}>
                    {row.authors}
                  </td>
                  <td class="c-year">{row.work.year ?? ''}</td>
                  <td class="c-act">
                    {id ? (
                      <span class="saved-mark" data-testid="row-saved" title="In your library">
                        <span aria-hidden="true">✓</span>
                        <span class="sr-only">In your library</span>
                      </span>
                    ) : (
                      <button
                        type="button"
                        class="row-save"
                        data-testid="row-save"
                        disabled={saving.has(row.index)}
                        aria-label={`Save “${row.title}” to your library`}
                        onClick={() => onSave(row.index)}
                      >
                        +
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr class="spacer" aria-hidden="true" style={{ height: `${padBottom}px` }}>
                <td colSpan={4} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
