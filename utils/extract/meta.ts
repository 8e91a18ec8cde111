import { perPage } from './memo';

/**
 * Reads the page ONCE: one walk over the tree collects everything the sources look at (meta and link
 * tags, JSON-LD scripts, the title, headings, label-like cells, COinS spans), so that no source has
 * to query the whole document again. The walk looks at tag names (reading attributes of every element
 * would double its cost) and at the class of spans only (COinS); the rarer lookups by class (abstract
 * containers) are made by the sources that need them, only when the cheaper evidence is missing. linkedom, happy-dom and browsers all
 * implement `createTreeWalker`; the walk is capped so that a hostile page with hundreds of thousands
 * of elements costs a bounded amount of work.
 *
 * Meta names come from `name`, `property` or `itemprop` (Open Graph uses `property`), lowercased;
 * values from `content`. The index is computed once per extraction (memo.ts).
 */

/** At most this many meta tags are read; real scholarly pages have a few hundred at most. */
export const MAX_META = 3000;
/** At most this many elements are visited. */
export const MAX_ELEMENTS = 200_000;
/** Values longer than this are cut (an abstract fits comfortably). */
const MAX_VALUE = 30_000;

export type MetaMap = ReadonlyMap<string, readonly string[]>;

export interface PageIndex {
  meta: MetaMap;
  links: Element[];
  ldScripts: Element[];
  title?: Element;
  /** h1–h6 in document order. */
  headings: Element[];
  /** Elements that may be a field label: th, td, dt, em, strong, b, label. */
  labels: Element[];
  /** COinS spans (`<span class="Z3988">`), at most three: only "exactly one" means anything. */
  coins: Element[];
}

const LABEL_TAGS = new Set(['th', 'td', 'dt', 'em', 'strong', 'b', 'label']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export const pageIndex = perPage((doc: Document): PageIndex => {
  const map = new Map<string, string[]>();
  const index: PageIndex = {
    meta: map,
    links: [],
    ldScripts: [],
    headings: [],
    labels: [],
    coins: [],
  };
  const root = doc.documentElement;
  if (!root) return index;
  let metas = 0;
  // Elements only: text nodes would add a wrapper object per node in browsers and double the walk in
  // linkedom; the one source that needs short texts (summary-page.ts) walks them on candidate pages.
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  let node: Node | null = root;
  // linkedom's TreeWalker implements nextNode() only, so subtrees cannot be skipped.
  for (let visited = 0; node && visited < MAX_ELEMENTS; visited++) {
    const el = node as Element;
    const tag = el.localName;
    node = walker.nextNode();
    if (tag === 'meta') {
      if (metas++ < MAX_META) addMeta(map, el);
    } else if (LABEL_TAGS.has(tag)) {
      if (index.labels.length < 3000) index.labels.push(el);
    } else if (HEADING_TAGS.has(tag)) {
      if (index.headings.length < 400) index.headings.push(el);
    } else if (tag === 'link') {
      if (index.links.length < 500) index.links.push(el);
    } else if (tag === 'script') {
      if (index.ldScripts.length < 20 && /ld\+json/i.test(el.getAttribute('type') ?? ''))
        index.ldScripts.push(el);
    } else if (tag === 'span') {
      // Looked for here rather than by a class query: in linkedom that is another whole-page walk.
      if (index.coins.length < 3 && isCoins(el)) index.coins.push(el);
    } else if (tag === 'title') {
      // The document's <title>, not an SVG icon's.
      if (
        !index.title ||
        (index.title.parentElement?.localName !== 'head' && el.parentElement?.localName === 'head')
      )
        index.title = el;
    }
  }
  return index;
});

function isCoins(el: Element): boolean {
  const cls = el.getAttribute('class');
  return !!cls && cls.includes('Z3988') && /(?:^|\s)Z3988(?:\s|$)/.test(cls);
}

function addMeta(map: Map<string, string[]>, el: Element): void {
  const name =
    el.getAttribute('name') ?? el.getAttribute('property') ?? el.getAttribute('itemprop');
  if (!name || name.length > 100) return;
  const value = el.getAttribute('content');
  if (value == null) return;
  const v = value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value;
  if (!v.trim()) return;
  const key = name.trim().toLowerCase();
  const list = map.get(key);
  if (list) {
    if (list.length < 1000) list.push(v);
  } else map.set(key, [v]);
}

export function readMeta(doc: Document): MetaMap {
  return pageIndex(doc).meta;
}

/** First non-empty value of the first name that has one. */
export function first(meta: MetaMap, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = meta.get(n);
    if (v?.[0]) return v[0];
  }
  return undefined;
}

/** All values of the first name that has any. */
export function all(meta: MetaMap, ...names: string[]): readonly string[] {
  for (const n of names) {
    const v = meta.get(n);
    if (v?.length) return v;
  }
  return [];
}

/** True when any meta name starts with one of the prefixes (e.g. `citation_`). */
export function hasPrefix(meta: MetaMap, ...prefixes: string[]): boolean {
  for (const key of meta.keys()) for (const p of prefixes) if (key.startsWith(p)) return true;
  return false;
}

/** The href of the first `<link rel=…>` with that rel, resolved against the page URL; http(s) only. */
export function linkHref(doc: Document, rel: string, base: URL): string | undefined {
  for (const el of pageIndex(doc).links) {
    const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes(rel)) continue;
    const href = resolveUrl(el.getAttribute('href'), base);
    if (href) return href;
  }
  return undefined;
}

/** Resolves a page-given link against the page URL; returns only http(s) URLs. */
export function resolveUrl(href: string | null | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  if (!h || h.length > 4000) return undefined;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
