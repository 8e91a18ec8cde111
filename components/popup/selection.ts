/**
 * Which papers are selected for a bulk action. Immutable sets, so Preact sees each change; a shift
 * click selects the range between the last clicked row and this one, in the order shown.
 */

export interface Selection {
  ids: ReadonlySet<string>;
  /** The last row clicked without shift: the anchor of a range. */
  anchor?: string;
}

export const emptySelection: Selection = { ids: new Set() };

export function toggle(sel: Selection, id: string): Selection {
  const ids = new Set(sel.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** Selects (or, when `id` is being unselected, unselects) every row from the anchor to `id`. */
export function toggleRange(sel: Selection, id: string, order: readonly string[]): Selection {
  const from = sel.anchor === undefined ? -1 : order.indexOf(sel.anchor);
  const to = order.indexOf(id);
  if (from < 0 || to < 0) return toggle(sel, id);
  const on = !sel.ids.has(id);
  const ids = new Set(sel.ids);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    const rowId = order[i]!;
    if (on) ids.add(rowId);
    else ids.delete(rowId);
  }
  return { ids, anchor: sel.anchor };
}

/** Every shown row selected, or, when they all are already, none of them. */
export function toggleAll(sel: Selection, shown: readonly string[]): Selection {
  const all = shown.length > 0 && shown.every((id) => sel.ids.has(id));
  const ids = new Set(sel.ids);
  for (const id of shown) {
    if (all) ids.delete(id);
    else ids.add(id);
  }
  return { ids, anchor: sel.anchor };
}

/** 'all', 'some' or 'none' of the shown rows are selected (for the header checkbox). */
export function coverage(sel: Selection, shown: readonly string[]): 'all' | 'some' | 'none' {
  let n = 0;
  for (const id of shown) if (sel.ids.has(id)) n++;
  if (n === 0) return 'none';
  return n === shown.length ? 'all' : 'some';
}

/** Drops ids that no longer exist (removed papers). Returns the same object when nothing changed. */
export function prune(sel: Selection, exists: (id: string) => boolean): Selection {
  if ([...sel.ids].every(exists)) return sel;
  const ids = new Set([...sel.ids].filter(exists));
  return { ids, anchor: sel.anchor !== undefined && exists(sel.anchor) ? sel.anchor : undefined };
}
