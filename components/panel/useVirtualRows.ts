import { useLayoutEffect, useReducer, useState } from 'preact/hooks';
import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualItem,
} from '@tanstack/virtual-core';

/**
 * Windowed rows with @tanstack/virtual-core (the same core as react-virtual, wired to Preact hooks):
 * only the rows in view plus a few either side are in the DOM, so a table of thousands of works
 * draws as fast as a table of twenty. Rows have one fixed height, so nothing is measured.
 */
export function useVirtualRows(
  count: number,
  rowHeight: number,
  getScrollElement: () => HTMLElement | null,
  viewportHeight: number,
): { items: VirtualItem[]; totalSize: number } {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLElement, HTMLElement>({
        count,
        getScrollElement,
        estimateSize: () => rowHeight,
        scrollToFn: elementScroll,
        // A hidden or not yet laid-out list measures 0: draw a viewport's worth of rows anyway.
        observeElementRect: (instance, cb) =>
          observeElementRect(instance, (rect) =>
            cb(rect.height > 0 ? rect : { width: rect.width, height: viewportHeight }),
          ),
        observeElementOffset,
        // Before the first layout (and in test DOMs without layout) assume the viewport's height.
        initialRect: { width: 0, height: viewportHeight },
        overscan: 8,
        onChange: () => rerender(0),
      }),
  );
  virtualizer.setOptions({
    ...virtualizer.options,
    count,
    getScrollElement,
    estimateSize: () => rowHeight,
    onChange: () => rerender(0),
  });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return { items: virtualizer.getVirtualItems(), totalSize: virtualizer.getTotalSize() };
}
