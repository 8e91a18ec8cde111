import { useCallback, useRef } from 'preact/hooks';
import { useVirtualRows } from '@/components/panel/useVirtualRows';
import type { LibraryRecord } from '@/utils/library/schema';
import { PaperRow, type RowActions } from './PaperRow';

export const ROW_HEIGHT = 86;
const VIEWPORT = 440;

/**
 * The reading list, windowed with @tanstack/virtual-core: only the rows in view (and a few either
 * side) are in the DOM, so 10,000 papers scroll like 20.
 */
export function PaperList({
  ids,
  records,
  selected,
  terms,
  actions,
}: {
  ids: readonly string[];
  records: ReadonlyMap<string, LibraryRecord>;
  selected: ReadonlySet<string>;
  terms: Map<string, ReadonlySet<string>>;
  actions: RowActions;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scroller.current, []);
  const { items, totalSize } = useVirtualRows(ids.length, ROW_HEIGHT, getScrollElement, VIEWPORT);
  return (
    <div class="scroller" ref={scroller} data-testid="list">
      <ul class="papers" aria-label="Saved papers" style={`height:${totalSize}px`}>
        {items.map((item) => {
          const id = ids[item.index];
          const record = id === undefined ? undefined : records.get(id);
          if (!record) return null;
          return (
            <PaperRow
              key={record.id}
              record={record}
              selected={selected.has(record.id)}
              terms={terms.get(record.id)}
              actions={actions}
              style={`transform:translateY(${item.start}px)`}
            />
          );
        })}
      </ul>
    </div>
  );
}
