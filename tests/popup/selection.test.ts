import { describe, expect, it } from 'vitest';
import {
  coverage,
  emptySelection,
  prune,
  toggle,
  toggleAll,
  toggleRange,
} from '@/components/popup/selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('selection', () => {
  it('toggles one paper and remembers it as the anchor', () => {
    const s = toggle(emptySelection, 'b');
    expect(ids(s)).toEqual(['b']);
    expect(s.anchor).toBe('b');
    expect(ids(toggle(s, 'b'))).toEqual([]);
    expect(emptySelection.ids.size).toBe(0);
  });

  it('selects a range with shift, in the order shown, either direction', () => {
    expect(ids(toggleRange(toggle(emptySelection, 'b'), 'd', order))).toEqual(['b', 'c', 'd']);
    expect(ids(toggleRange(toggle(emptySelection, 'e'), 'c', order))).toEqual(['c', 'd', 'e']);
  });

  it('unselects a range when the clicked paper was selected', () => {
    let s = toggleAll(emptySelection, order);
    s = toggle(s, 'a'); // anchor a, now unselected
    s = toggleRange(s, 'c', order);
    expect(ids(s)).toEqual(['d', 'e']);
  });

  it('without an anchor in view, a shift click toggles one paper', () => {
    expect(ids(toggleRange(emptySelection, 'c', order))).toEqual(['c']);
    const gone = toggle(emptySelection, 'z');
    expect(ids(toggleRange(gone, 'c', order))).toEqual(['c', 'z']);
  });

  it('selects every shown paper, or none when all are', () => {
    const some = toggle(emptySelection, 'x');
    const all = toggleAll(some, order);
    expect(ids(all)).toEqual(['a', 'b', 'c', 'd', 'e', 'x']);
    expect(coverage(all, order)).toBe('all');
    expect(ids(toggleAll(all, order))).toEqual(['x']);
    expect(coverage(some, order)).toBe('none');
    expect(coverage(toggle(emptySelection, 'a'), order)).toBe('some');
    expect(coverage(emptySelection, [])).toBe('none');
  });

  it('forgets removed papers', () => {
    const s = toggleAll(emptySelection, order);
    expect(prune(s, () => true)).toBe(s);
    const pruned = prune(toggle(s, 'c'), (id) => id !== 'c' && id !== 'd');
    expect(ids(pruned)).toEqual(['a', 'b', 'e']);
    expect(pruned.anchor).toBeUndefined();
  });
});
