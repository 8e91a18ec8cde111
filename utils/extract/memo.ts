/**
 * Per-page memos. Several sources read the same things from a page (the meta index, the JSON-LD
 * nodes, the visible title…); each is computed once per extraction and kept in a WeakMap keyed by
 * the Document. `extractPage` forgets the page when it starts, so extracting the same document again
 * after it changed (in-page navigation, content filled in by scripts) reads it afresh.
 */

const memos: WeakMap<Document, unknown>[] = [];

/** `compute(doc)`, computed once per page until `forgetPage(doc)`. */
export function perPage<T>(compute: (doc: Document) => T): (doc: Document) => T {
  const cache = new WeakMap<Document, T>();
  memos.push(cache);
  return (doc) => {
    if (cache.has(doc)) return cache.get(doc) as T;
    const value = compute(doc);
    cache.set(doc, value);
    return value;
  };
}

/** Drops every memo of this page. */
export function forgetPage(doc: Document): void {
  for (const m of memos) m.delete(doc);
}
