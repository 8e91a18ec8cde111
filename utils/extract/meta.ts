import { perPage } from './memo';
import { after } from './text';

/**
 * Reads the page ONCE: one walk over the tree collects everything the sources look at (meta and link
 * tags, JSON-LD scripts, the title, headings, label-like cells, COinS spans), so that no source has
 * to query the whole document again. The walk tells elements apart by prototype, reading the tag
 * name only where the prototype does not say (`prototypeKinds`), and reads attributes of meta,
 * script and span elements only (reading attributes of every element would double its cost); the
 * rarer lookups by class (abstract containers) are made by the sources that need them, only when the
 * cheaper evidence is missing. linkedom, happy-dom and browsers all implement `createTreeWalker`; the
 * walk is capped so that a hostile page with hundreds of thousands of elements costs a bounded
 * amount of work.
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

type TagKind = 'meta' | 'label' | 'heading' | 'link' | 'script' | 'span' | 'title';

/** The tags the index looks at, by what it does with them. */
const TAG_KINDS: ReadonlyMap<string, TagKind> = new Map<string, TagKind>([
  ['meta', 'meta'],
  ['link', 'link'],
  ['script', 'script'],
  ['title', 'title'],
  ['span', 'span'],
  ...['th', 'td', 'dt', 'em', 'strong', 'b', 'label'].map((t) => [t, 'label'] as [string, TagKind]),
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((t) => [t, 'heading'] as [string, TagKind]),
]);

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/**
 * Roots of foreign content, whose subtrees the walk passes over: an SVG drawing or a MathML formula
 * holds none of the elements the index collects (their `<title>`, `<script>` and `<a>` are SVG
 * elements, not HTML ones), and they are often a large part of a page's elements (an icon set, the
 * formulas of a physics abstract: a third of the elements of some pages in the corpus).
 */
const FOREIGN_ROOTS: readonly (readonly [string, string])[] = [
  ['http://www.w3.org/2000/svg', 'svg'],
  ['http://www.w3.org/1998/Math/MathML', 'math'],
];
/**
 * HTML subtrees the walk passes over too: a page's navigation (menus, breadcrumbs, a sidebar's
 * links) and a form's drop-down lists hold nothing of the work the page shows, and on news and
 * publisher pages they are up to half of the elements (the Guardian's menus, PubMed's 2009 journal
 * list). Their headings, bold runs and breadcrumb `<meta itemprop="position">` tags are the site's.
 */
const SKIPPED_HTML = ['nav', 'select'];
/** Tags whose subtree the walk passes over, where the tag name is read. */
const SKIPPED_TAGS = new Set([...FOREIGN_ROOTS.map(([, tag]) => tag), ...SKIPPED_HTML]);

/**
 * An element prototype's kind: `ask` when the tag name must be read, `none` for no wanted tag,
 * `skip` for an element whose subtree is not walked (a foreign root, a `<select>`).
 */
type ProtoKind = TagKind | 'ask' | 'none' | 'skip';

/**
 * What an element's prototype says about it, per document. Reading `localName` is a call into the
 * DOM for every element of the page, a sixth of the walk's cost in Chromium; an element's prototype
 * is a lookup in the script. A DOM gives the elements it parses the prototype of their tag's
 * interface, the same one it gives an element it creates with that tag (the HTML standard; linkedom
 * and happy-dom do too), so creating one element per wanted tag tells which prototypes matter:
 * - one kind, when every wanted tag with that prototype is of that kind and no other tag has it
 *   (`HTMLMetaElement`, `HTMLTableCellElement`, `HTMLHeadingElement`);
 * - `ask` for a prototype that other tags share (the plain `HTMLElement` of `em`, `b` and `dt`, which
 *   `section` and `i` have too; in linkedom nearly every tag's);
 * - any other prototype is looked up once, when first met (`lookUp`).
 * Built-in tag names only: creating an element whose name the page defined as a custom element would
 * run the page's code. Undefined when the document cannot create elements: every tag name is read.
 */
function prototypeKinds(doc: Document): Map<object, ProtoKind> | undefined {
  // Elements of one realm share their prototypes, so the map is made once per realm (making it
  // creates twenty-odd elements, a few per cent of a page's extraction). The realm is known by the
  // prototype of one element it creates, a meta element, which the realm's map holds.
  let realm: object | null;
  try {
    realm = Object.getPrototypeOf(doc.createElementNS(HTML_NS, 'meta')) as object | null;
  } catch {
    return undefined;
  }
  const known = realm ? kindsByRealm.get(realm) : undefined;
  if (known?.has(realm as object)) return known;
  const kinds = newPrototypeKinds(doc);
  if (realm && kinds) kindsByRealm.set(realm, kinds);
  return kinds;
}

const kindsByRealm = new WeakMap<object, Map<object, ProtoKind>>();

function newPrototypeKinds(doc: Document): Map<object, ProtoKind> | undefined {
  try {
    const protoOf = (tag: string) =>
      Object.getPrototypeOf(doc.createElementNS(HTML_NS, tag)) as object | null;
    const shared = new Set(['div', 'section', 'i'].map(protoOf));
    const kinds = new Map<object, ProtoKind>();
    for (const [tag, kind] of TAG_KINDS) {
      const p = protoOf(tag);
      if (!p) return undefined;
      const had = kinds.get(p);
      kinds.set(p, shared.has(p) || (had !== undefined && had !== kind) ? 'ask' : kind);
    }
    // A foreign root's prototype is skipped where it is its own (SVGSVGElement, MathMLElement).
    // Where HTML elements have it too (a DOM without MathML may give HTMLElement or Element), or
    // where the DOM parses <math> as an HTML element (happy-dom: HTMLUnknownElement, which unknown
    // tags have too), elements of that prototype have their tag name read instead: no HTML
    // element's subtree is ever passed over.
    const html = [...shared].map((p) => p && (Object.getPrototypeOf(p) as object | null));
    const generic = new Set([
      ...shared,
      ...html,
      ...html.map((p) => p && (Object.getPrototypeOf(p) as object | null)),
    ]);
    for (const [ns, tag] of FOREIGN_ROOTS) {
      const own = Object.getPrototypeOf(doc.createElementNS(ns, tag)) as object | null;
      if (own && !kinds.has(own)) kinds.set(own, generic.has(own) ? 'ask' : 'skip');
      const asHtml = protoOf(tag);
      if (asHtml && !kinds.has(asHtml)) kinds.set(asHtml, 'ask');
    }
    // A skipped HTML element's own interface (HTMLSelectElement) says so at once; one it shares with
    // other tags (nav's plain HTMLElement) has its tag name read.
    for (const tag of SKIPPED_HTML) {
      const own = protoOf(tag);
      if (own && !kinds.has(own) && !generic.has(own)) kinds.set(own, 'skip');
    }
    return kinds;
  } catch {
    return undefined;
  }
}

/**
 * The kind of a prototype not met before: that of its parent when the parent is one of the wanted
 * interfaces (a customized built-in, `<td is="…">`, extends `HTMLTableCellElement`), else none
 * (`HTMLDivElement`, an autonomous custom element, an SVG element). Remembered for the page.
 */
function lookUp(kinds: Map<object, ProtoKind>, proto: object): ProtoKind {
  const parent = Object.getPrototypeOf(proto) as object | null;
  const of = parent ? kinds.get(parent) : undefined;
  const kind = of !== undefined && of !== 'ask' && of !== 'none' && of !== 'skip' ? of : 'none';
  kinds.set(proto, kind);
  return kind;
}

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
  const kinds = prototypeKinds(doc);
  let metas = 0;
  // Elements only: text nodes would add a wrapper object per node in browsers and double the walk in
  // linkedom; the one source that needs short texts (summary-page.ts) walks them on candidate pages.
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  // linkedom's TreeWalker implements nextNode() only (setting its currentNode moves nothing): there,
  // a skipped subtree is read past.
  const canJump = typeof walker.nextSibling === 'function';
  let node: Node | null = root;
  for (let visited = 0; node && visited < MAX_ELEMENTS; visited++) {
    const el = node as Element;
    node = walker.nextNode();
    let kind: ProtoKind | undefined = 'ask';
    if (kinds) {
      const proto = Object.getPrototypeOf(el) as object;
      kind = kinds.get(proto) ?? lookUp(kinds, proto);
    }
    if (kind === 'none') continue;
    if (kind === 'ask') {
      const tag = el.localName;
      // A skipped tag whose prototype other tags share (`<nav>`, or a foreign root where the DOM
      // gives it an HTML element's prototype; see prototypeKinds).
      kind = TAG_KINDS.get(tag) ?? (SKIPPED_TAGS.has(tag) ? 'skip' : undefined);
      if (kind === undefined) continue;
    }
    if (kind === 'skip') {
      // The walk's root is the document element, so what follows the subtree is in the walk.
      const next = after(el);
      if (canJump) {
        if (next) walker.currentNode = next;
        node = next;
      } else
        while (node && node !== next && visited < MAX_ELEMENTS) {
          node = walker.nextNode();
          visited++;
        }
      continue;
    }
    if (kind === 'meta') {
      if (metas++ < MAX_META) addMeta(map, el);
    } else if (kind === 'label') {
      if (index.labels.length < 3000) index.labels.push(el);
    } else if (kind === 'heading') {
      if (index.headings.length < 400) index.headings.push(el);
    } else if (kind === 'link') {
      if (index.links.length < 500) index.links.push(el);
    } else if (kind === 'script') {
      if (index.ldScripts.length < 20 && /ld\+json/i.test(el.getAttribute('type') ?? ''))
        index.ldScripts.push(el);
    } else if (kind === 'span') {
      // Looked for here rather than by a class query: in linkedom that is another whole-page walk.
      if (index.coins.length < 3 && isCoins(el)) index.coins.push(el);
    } else {
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
  let h = href.trim();
  if (!h || h.length > 4000) return undefined;
  // A page that escaped its links twice leaves "&amp;" in them once parsed: no address means that.
  if (h.includes('&amp;')) h = h.replaceAll('&amp;', '&');
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
