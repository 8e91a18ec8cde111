import type { Author, KeyTerm, PaperDraft, WorkRef } from '../../paper';
import { normalizeDoi, parseArxivId, type ArxivId } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { perPage } from '../memo';
import { resolveUrl } from '../meta';
import { parseName } from '../names';
import { clean, dropAbstractLabel } from '../text';
import type { SiteExtractor, SiteResult } from '../types';

/**
 * The "paper summary page" (see `../shared/seed/paper-summary-page.txt`): a title area, a "Quick
 * Summary" (a TLDR), a "Summary" (the abstract), "AI Key Findings", "Paper Details", "PDF Preview",
 * "Key Terms" with weights (`ml (0.204)`, terms repeated with slightly different weights) and a
 * "Citation Network" whose table (Title | Authors | Year | Actions) lists citing and cited works.
 *
 * Several sites render this layout with different markup, so this extractor is layout-based, not
 * host-based: `detect` looks for the section labels, and everything is read by structure (section
 * labels, tables or ARIA grids, list items, legend colours, data attributes) rather than one site's
 * class names. It has no test URLs: any host with this layout is claimed by `detect`, and the
 * fixtures `tests/fixtures/extract/sites/summary-page-*.html` stand in for them.
 */

/** Section labels that start a top-level section of this layout (lower case, no trailing colon). */
const SECTION_LABELS = new Set([
  'quick summary',
  'summary',
  'abstract',
  'ai key findings',
  'key findings',
  'paper details',
  'pdf preview',
  'key terms',
  'citation network',
  'comments',
  'related papers',
  'similar papers',
]);

/** A cheap test that a short text may be one of the labels, before normalising it. */
const LABEL_WORDS =
  /summary|abstract|findings|details|preview|key terms|citation network|comments|papers/i;

/** The two labels that only this layout has (with "Summary" and the others, any page could). */
const LAYOUT_WORDS = /key terms|citation network/i;

/** Children of the body whose text is never a visible label (and is often the page's biggest). */
const NOT_SHOWN = new Set(['script', 'style', 'noscript', 'template']);

/** Most children of the body read one by one; a flatter body is read whole (one call). */
const MAX_BODY_CHILDREN = 64;

/**
 * Whether the page's text mentions either label at all: the first test of `detect`, which runs on
 * every page that no site extractor claims, so it must rule most pages out cheaply. Native
 * `textContent` reads (a walk of the page's text nodes, which the label search then does, costs more
 * in a browser), skipping the body's own scripts when it has some: news and blog pages put their
 * data there as JSON, often more text than the article (measured in Chromium on the corpus: a third
 * of the cost of this test on such pages). A label is inside one child, so no match is lost.
 */
function mentionsLayout(doc: Document): boolean {
  const body = doc.body ?? doc.documentElement;
  if (!body) return false;
  const count = body.childElementCount;
  const shown: Element[] = [];
  if (count <= MAX_BODY_CHILDREN)
    for (let c = body.firstElementChild; c; c = c.nextElementSibling)
      if (!NOT_SHOWN.has(c.localName)) shown.push(c);
  if (count > MAX_BODY_CHILDREN || shown.length === count)
    return LAYOUT_WORDS.test(body.textContent ?? '');
  return shown.some((c) => LAYOUT_WORDS.test(c.textContent ?? ''));
}

/** Longest text node (or label element text) that may be a section label, whitespace included. */
const MAX_LABEL_TEXT = 60;
/** Most section labels collected; the layout has about ten. */
const MAX_LABELS = 100;
/** Most rows read from a citation network; the seed page shows a few dozen, big ones a few hundred. */
export const MAX_ROWS = 1000;

type Rel = 'citation' | 'reference';

interface Label {
  el: Element;
  name: string;
}

const norm = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/\s*[:：]$/, '')
    // "Comments (0)", "Citations (12)": a count is not part of the label.
    .replace(/\s*\(\d+\)$/, '')
    .toLowerCase();

/** Most text nodes looked at when searching for section labels; real pages have a few thousand. */
const MAX_TEXT_NODES = 100_000;

/**
 * The short text nodes of the page (at most {@link MAX_LABEL_TEXT} characters), in document order:
 * every section label is one of them, or starts with one (React writes "Citation Network (12)" as
 * three text nodes split by `<!-- -->` comments). One walk per document, and only on pages that
 * mention the layout's labels at all (see `detect`); nothing reads the text of big containers.
 */
const shortTexts = perPage((doc: Document): Text[] => {
  const out: Text[] = [];
  const root = doc.body ?? doc.documentElement;
  if (!root) return out;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let node = walker.nextNode();
  for (let i = 0; node && i < MAX_TEXT_NODES; i++, node = walker.nextNode()) {
    // CharacterData.length: no string is made for the text nodes that are not kept.
    const len = (node as Text).length;
    if (len >= 4 && len <= MAX_LABEL_TEXT) out.push(node as Text);
  }
  return out;
});

/**
 * The text of a small element, read node by node; undefined when it holds more than `maxNodes`
 * nodes or `maxChars` characters, so that asking a big container costs no more than asking a label.
 */
function shortText(el: Element, maxChars = MAX_LABEL_TEXT, maxNodes = 24): string | undefined {
  let s = '';
  let seen = 0;
  const stack: Node[] = [];
  for (let n: Node | null = el.firstChild; n || stack.length;) {
    if (!n) {
      n = stack.pop()!.nextSibling;
      continue;
    }
    if (++seen > maxNodes) return undefined;
    if (n.nodeType === 3) {
      s += n.nodeValue ?? '';
      if (s.length > maxChars) return undefined;
    } else if (n.nodeType === 1 && n.firstChild) {
      stack.push(n);
      n = n.firstChild;
      continue;
    }
    n = n.nextSibling;
  }
  return s;
}

/**
 * The page's section labels in document order: the outermost element whose whole text is one of
 * {@link SECTION_LABELS}. Labels are found from short text nodes (cheap: no `textContent` of big
 * containers), then widened to the outermost ancestor with the same text, so that `<h2>`,
 * `<div class="label"><span>Key Terms</span></div>`, `<div role="heading">` and
 * `<h2>Citation Network <span>(12)</span></h2>` all work.
 */
const findLabels = perPage((doc: Document): Label[] => {
  const out: Label[] = [];
  let last: Element | undefined;
  const seen = new Map<string, number>();
  const asked = new Set<Element>();
  for (const text of shortTexts(doc)) {
    if (!LABEL_WORDS.test(text.nodeValue ?? '')) continue;
    const el = text.parentElement;
    // Each element is asked once (a container of many "Summary" texts costs one read, not one each).
    if (!el || asked.has(el)) continue;
    asked.add(el);
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'option' || tag === 'title') continue;
    const name = norm(shortText(el));
    if (!SECTION_LABELS.has(name)) continue;
    // Buttons, tabs and links with these words are controls, not section labels.
    if (isControl(el)) continue;
    let top: Element = el;
    // Widen only through thin wrappers: a parent with other content differs anyway.
    for (let p = el.parentElement; p && p.tagName !== 'BODY'; p = p.parentElement) {
      if (top.previousElementSibling || top.nextElementSibling || norm(shortText(p)) !== name)
        break;
      top = p;
    }
    if (top === last) continue;
    last = top;
    // A label repeated many times is page furniture (or a hostile page), not the layout's sections.
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count > 3) continue;
    out.push({ el: top, name });
    if (out.length >= MAX_LABELS) break;
  }
  return out;
});

const CONTROL_TAGS = new Set(['BUTTON', 'A', 'SELECT', 'OPTION', 'NAV', 'HEAD']);

/** Inside a control (button, link, tab, select, navigation)? A walk up, cheaper than `closest`. */
function isControl(el: Element): boolean {
  for (let p: Element | null = el, i = 0; p && i < 30; p = p.parentElement, i++) {
    if (CONTROL_TAGS.has(p.tagName.toUpperCase())) return true;
    const role = p.getAttribute('role');
    if (role === 'tab' || role === 'button') return true;
  }
  return false;
}

/**
 * The nodes of the section that `label` starts: the nodes after it in document order up to the next
 * section label. Walks the label's following siblings, then its ancestors' following siblings, and
 * descends into a sibling that holds the next label, so the same code reads `<section>`-wrapped
 * sections, flat `<h2>…<p>…<h2>` sequences and labelled cards.
 */
function sectionNodes(label: Element, next: Element | undefined): Node[] {
  const out: Node[] = [];
  let budget = 5000;
  const take = (node: Node): boolean => {
    // Returns false once the next label is reached.
    if (budget-- <= 0) return false;
    if (next && node === next) return false;
    if (next && node.nodeType === 1 && (node as Element).contains(next)) {
      for (let c = node.firstChild; c; c = c.nextSibling) if (!take(c)) return false;
      return false;
    }
    out.push(node);
    return true;
  };
  let node: Node | null = label;
  while (node && node.nodeName !== 'BODY' && node.nodeName !== 'HTML') {
    for (let s = node.nextSibling; s; s = s.nextSibling) if (!take(s)) return out;
    node = node.parentNode;
  }
  return out;
}

function nodesText(nodes: Node[], max = 20_000): string {
  let s = '';
  for (const n of nodes) {
    if (n.nodeType === 1) {
      const tag = (n as Element).tagName.toLowerCase();
      if (tag === 'script' || tag === 'style' || tag === 'button') continue;
    }
    s += ' ' + (n.textContent ?? '');
    if (s.length > max * 2) break;
  }
  return clean(s, max) ?? '';
}

/** Elements matching `selector` among the nodes and their descendants, in document order. */
function queryIn(nodes: Node[], selector: string, limit = 5000): Element[] {
  const out: Element[] = [];
  for (const n of nodes) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.matches(selector)) out.push(el);
    const found = el.querySelectorAll(selector);
    for (let i = 0; i < found.length; i++) {
      out.push(found[i]!);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

function hasLayout(labels: Label[]): boolean {
  if (labels.some((l) => l.name === 'citation network')) return true;
  const kt = labels.findIndex((l) => l.name === 'key terms');
  if (kt < 0) return false;
  // "Key Terms" alone is also a glossary heading on blogs and courses: require weighted terms.
  const nodes = sectionNodes(labels[kt]!.el, labels[kt + 1]?.el);
  return parseKeyTerms(nodes).length >= 2;
}

// ---------------------------------------------------------------------------------------------
// Key terms

const TERM_WEIGHT = /^\s*([^()]{1,120}?)\s*\(\s*(\d*\.?\d+)\s*\)\s*$/;
const TERM_WEIGHT_G = /([^()]{1,120}?)\s*\(\s*(\d*\.\d+|[01])\s*\)/g;

/**
 * Weighted key terms of a section: items whose whole text is `term (weight)` (list items, chips,
 * spans), or, when the items are not separate elements, every `term (weight)` in the text. Terms
 * repeated with slightly different weights keep their highest weight; sorted by weight, highest first.
 */
function parseKeyTerms(nodes: Node[]): KeyTerm[] {
  const found: KeyTerm[] = [];
  const items = queryIn(
    nodes,
    'li, [role="listitem"], [role="option"], span, a, button, div, p, td',
    3000,
  );
  for (const el of items) {
    // A term item holds a term and a weight: wrappers with many children are not read whole.
    if (el.childElementCount > 4) continue;
    const text = el.textContent ?? '';
    if (text.length > 160) continue;
    const m = TERM_WEIGHT.exec(text);
    if (!m) continue;
    // Keep the innermost element that holds a whole `term (weight)`, not its wrappers.
    if (Array.from(el.children).some((c) => TERM_WEIGHT.test(c.textContent ?? ''))) continue;
    push(found, m[1], m[2]);
  }
  if (!found.length) {
    const text = nodesText(nodes, 20_000);
    for (const m of text.matchAll(TERM_WEIGHT_G)) push(found, m[1], m[2]);
  }
  const best = new Map<string, KeyTerm>();
  for (const t of found) {
    const key = t.term.toLowerCase();
    const prev = best.get(key);
    if (!prev || t.weight > prev.weight)
      best.set(key, prev ? { term: prev.term, weight: t.weight } : t);
  }
  // Array.prototype.sort is stable: equal weights keep the page's order.
  return [...best.values()].sort((a, b) => b.weight - a.weight).slice(0, 200);
}

function push(out: KeyTerm[], rawTerm: string | undefined, rawWeight: string | undefined): void {
  const term = clean(rawTerm, 120)?.replace(/^[,;•·|\-–\s]+|[,;•·|\-–\s]+$/g, '');
  const weight = Number(rawWeight);
  if (!term || !/\p{L}/u.test(term) || !Number.isFinite(weight) || weight <= 0 || weight > 1)
    return;
  out.push({ term, weight });
}

// ---------------------------------------------------------------------------------------------
// Citation network

type Column = 'title' | 'authors' | 'year' | 'actions' | 'relation';

const ROW_SELECTOR = 'tr, [role="row"]';

function columnOf(header: string): Column | undefined {
  const h = norm(header);
  if (/title|paper|work/.test(h)) return 'title';
  if (/author/.test(h)) return 'authors';
  if (/year|date|published/.test(h)) return 'year';
  if (/action|link|view/.test(h)) return 'actions';
  if (/type|relation|kind|direction/.test(h)) return 'relation';
  return undefined;
}

const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);

/** The row's cells: `td`/`th`, or elements with a cell role (checked without selector matching). */
function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter(
    (c) => c.tagName === 'TD' || c.tagName === 'TH' || CELL_ROLES.has(c.getAttribute('role') ?? ''),
  );
}

const isHeaderCell = (c: Element): boolean =>
  c.tagName === 'TH' || c.getAttribute('role') === 'columnheader';

/** Words that name the relation, in attribute values, labels, captions and legends. */
function relationOfWords(text: string): Rel | undefined {
  // "Citation network" / "citation graph" name the whole section, not one side of it.
  const s = text
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .replace(/\bcitation (network|graph|map)\b/g, ' ');
  // "cited by" and "citing" name works that cite this paper; "cited" alone names works it cites.
  if (/\b(citations?|citing|cited ?by|citedby|incoming)/.test(s)) return 'citation';
  if (/\b(references?|refs?\b|cited\b|outgoing|bibliography)/.test(s)) return 'reference';
  return undefined;
}

/** A relation stated by the row's data attributes, ARIA label or title (`data-relation="reference"`). */
function relationFromAttributes(row: Element): Rel | undefined {
  for (const attr of Array.from(row.attributes)) {
    const name = attr.name.toLowerCase();
    if (
      !name.startsWith('data-') &&
      name !== 'aria-label' &&
      name !== 'title' &&
      name !== 'aria-description'
    )
      continue;
    if (/color|colour/.test(name)) continue;
    const rel =
      relationOfWords(attr.value) ??
      (name.startsWith('data-') ? relationOfWords(name.slice(5)) : undefined);
    if (rel) return rel;
  }
  return undefined;
}

/** A short badge or cell whose whole text names the relation ("Citation", "Reference", "Cited by"). */
function relationFromLabel(inner: readonly Element[]): Rel | undefined {
  for (const el of inner) {
    if (el.firstElementChild) continue;
    const t = norm(el.textContent);
    if (!t || t.length > 20) continue;
    if (/^(citation|citing( paper)?|cited by|cites this|incoming)$/.test(t)) return 'citation';
    if (/^(reference|cited( paper)?|outgoing|ref)$/.test(t)) return 'reference';
  }
  return undefined;
}

/**
 * A relation stated by the row's surroundings: a table caption, a container whose id, ARIA label or
 * data attributes name it, a heading that starts the container, or a tab panel's tab. Containers
 * are shared by all rows of a table, so each is asked once: the answer from a row's parent upwards
 * is remembered per child on the way up (`aria-labelledby` costs one `getElementById` per container,
 * not one per row).
 */
function contextReader(
  stop: Element | undefined,
  doc: Document,
): (row: Element) => Rel | undefined {
  // `from` (a container's child on the way up from a row) -> the relation found above it, or null.
  const above = new Map<Element, Rel | null>();
  return (row) => {
    const asked: Element[] = [];
    let rel: Rel | null = null;
    let from: Element = row;
    for (
      let p = row.parentElement;
      p && p !== stop && p.tagName !== 'BODY';
      from = p, p = p.parentElement
    ) {
      const known = above.get(from);
      if (known !== undefined) {
        rel = known;
        break;
      }
      asked.push(from);
      const found = containerRelation(p, from, doc);
      if (found) {
        rel = found;
        break;
      }
    }
    // Rows are not remembered (each is asked once); their containers are.
    for (const el of asked) if (el !== row) above.set(el, rel);
    return rel ?? undefined;
  };
}

/** The relation that container `p` states for its child `from` and what follows it. */
function containerRelation(p: Element, from: Element, doc: Document): Rel | undefined {
  // A caption is the table's first child (reading it with querySelector would scan every row).
  const caption =
    p.tagName === 'TABLE' && p.firstElementChild?.tagName === 'CAPTION'
      ? p.firstElementChild
      : null;
  if (caption) {
    const rel = relationOfWords(caption.textContent ?? '');
    if (rel) return rel;
  }
  for (const name of [
    'id',
    'aria-label',
    'data-section',
    'data-type',
    'data-kind',
    'data-relation',
  ]) {
    const v = p.getAttribute(name);
    const rel = v ? relationOfWords(v) : undefined;
    if (rel) return rel;
  }
  const labelledBy = p.getAttribute('aria-labelledby');
  if (labelledBy) {
    const rel = relationOfWords(
      doc.getElementById(labelledBy.split(/\s+/)[0] ?? '')?.textContent ?? '',
    );
    if (rel) return rel;
  }
  // A sub-heading ("Citations (12)", "References") that precedes the rows inside this container.
  let i = 0;
  for (let c = p.firstElementChild; c && i < 20; c = c.nextElementSibling, i++) {
    // `from` is this container's child on the way to the row (`contains` would walk big subtrees).
    if (c === from) break;
    if (/^H[1-6]$/.test(c.tagName) || c.getAttribute('role') === 'heading') {
      const t = norm(c.textContent);
      if (t.length < 40) {
        const rel = relationOfWords(t);
        if (rel) return rel;
      }
    }
  }
  return undefined;
}

/** The colour name of a CSS colour value or class token, as a legend names it ("green", "blue", "gray"). */
function colourName(value: string): string | undefined {
  const v = value.toLowerCase();
  const word =
    /\b(green|emerald|lime|blue|sky|indigo|cyan|gr[ae]y|slate|zinc|neutral|red|orange|purple|teal|yellow)\b/.exec(
      v.replace(/[_-]/g, ' '),
    );
  if (word?.[1]) {
    const w = word[1];
    if (w === 'emerald' || w === 'lime') return 'green';
    if (w === 'sky' || w === 'indigo' || w === 'cyan') return 'blue';
    if (w === 'grey' || w === 'slate' || w === 'zinc' || w === 'neutral' || w === 'gray')
      return 'gray';
    return w;
  }
  let rgb: number[] | undefined;
  const hex = /#([0-9a-f]{6}|[0-9a-f]{3})\b/.exec(v);
  if (hex?.[1]) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    rgb = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  } else {
    const m = /rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(v);
    if (m) rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (!rgb) return undefined;
  const [r = 0, g = 0, b = 0] = rgb.map((x) => x / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.12) return 'gray';
  let hue: number;
  if (max === r) hue = (60 * ((g - b) / (max - min)) + 360) % 360;
  else if (max === g) hue = 60 * ((b - r) / (max - min)) + 120;
  else hue = 60 * ((r - g) / (max - min)) + 240;
  if (hue < 20 || hue >= 330) return 'red';
  if (hue < 45) return 'orange';
  if (hue < 70) return 'yellow';
  if (hue < 165) return 'green';
  if (hue < 260) return 'blue';
  return 'purple';
}

/** Legend entries such as "citations (green), references (blue)": colour name -> relation. */
function parseLegend(text: string): Map<string, Rel> {
  const legend = new Map<string, Rel>();
  for (const m of text.matchAll(
    /\b(citations?|citing papers?|references?|cited papers?)\s*\(\s*([a-z]+)\s*\)/gi,
  )) {
    const rel = relationOfWords(m[1] ?? '');
    const colour = colourName(m[2] ?? '');
    if (rel && colour && !legend.has(colour)) legend.set(colour, rel);
  }
  return legend;
}

/** The relation a row's colour marks (a coloured dot, text colour or colour class), via the legend. */
function relationFromColour(
  row: Element,
  inner: readonly Element[],
  legend: Map<string, Rel>,
): Rel | undefined {
  if (!legend.size) return undefined;
  const els = [row, ...inner.slice(0, 60)];
  for (const el of els) {
    for (const name of ['style', 'class', 'data-color', 'data-colour', 'fill', 'color', 'stroke']) {
      const v = el.getAttribute(name);
      if (!v) continue;
      for (const part of v.split(/[;\s]+/)) {
        const c = colourName(part);
        const rel = c ? legend.get(c) : undefined;
        if (rel) return rel;
      }
    }
  }
  return undefined;
}

function splitAuthors(raw: string | undefined): Author[] {
  if (!raw) return [];
  const out: Author[] = [];
  // The table writes "Given Family" names separated by commas (never "Family, Given").
  for (const part of raw.split(/\s*[,;]\s*|\s+(?:and|&)\s+/).slice(0, 200)) {
    if (/^(et al\.?|\.\.\.|…|\+\s*\d+.*)$/i.test(part.trim())) continue;
    const a = parseName(part);
    if (a) out.push(a);
  }
  return out;
}

interface Row {
  ref: WorkRef;
  rel?: Rel;
}

/** Most descendants of one row looked at (badges, dots, links); real rows have a few dozen. */
const MAX_ROW_ELEMENTS = 300;

/**
 * Up to `limit` descendants of an element, in document order: a walk over the row's own subtree, so
 * that every row costs work in proportion to its own size (no selector compiled per row).
 */
function descendants(root: Element, limit: number): Element[] {
  const out: Element[] = [];
  let el: Element | null = root.firstElementChild;
  while (el && out.length < limit) {
    out.push(el);
    if (el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
    if (!el || el === root) break;
    el = el.nextElementSibling;
  }
  return out;
}

/** The links (with an href) among elements. */
const linksOf = (els: readonly Element[]): Element[] =>
  els.filter((a) => a.tagName === 'A' && a.hasAttribute('href'));

function rowToRef(
  inner: readonly Element[],
  cells: Element[],
  cols: Map<number, Column>,
  base: URL,
): WorkRef | undefined {
  const text = (i: number): string | undefined => clean(cells[i]?.textContent, 2000);
  let title: string | undefined;
  let authors: string | undefined;
  let year: number | undefined;
  let links: Element[] = [];
  cells.forEach((cell, i) => {
    const col = cols.get(i);
    if (col === 'title') title = text(i);
    else if (col === 'authors') authors = text(i);
    else if (col === 'year') {
      const m = /\b(1[5-9]\d\d|20\d\d)\b/.exec(text(i) ?? '');
      if (m?.[1]) year = Number(m[1]);
    } else if (col === 'actions') links = linksOf(descendants(cell, MAX_ROW_ELEMENTS));
  });
  if (!cols.size) {
    // No header row: the longest cell is the title, a cell of a year is the year, the rest authors.
    const texts = cells.map((_, i) => text(i) ?? '');
    texts.forEach((t, i) => {
      if (/^\d{4}$/.test(t)) year = Number(t);
      else if (/^(view|open)\b/i.test(t) || !t)
        links.push(...linksOf(descendants(cells[i]!, MAX_ROW_ELEMENTS)));
    });
    const rest = texts.filter((t) => t && !/^\d{4}$/.test(t) && !/^(view|open)\b/i.test(t));
    title = rest[0];
    authors = rest[1];
  }
  if (!title) return undefined;
  const ref: WorkRef = { title, authors: splitAuthors(authors) };
  if (year) ref.year = year;
  // "View Paper" first, then any link in the row (the title is often a link too).
  const candidates = [...links, ...linksOf(inner)];
  for (const a of candidates) {
    const href = resolveUrl(a.getAttribute('href'), base);
    if (!href) continue;
    ref.url = href;
    const doi = /doi\.org\//i.test(href) ? normalizeDoi(href) : undefined;
    if (doi) ref.doi = doi;
    break;
  }
  return ref;
}

/**
 * Rows of every table or ARIA grid in the section, each with the relation its markup states. Each
 * row is asked, in order: its data attributes, a relation badge, its container (caption, heading,
 * tab), its legend colour, its class. A signal that says the same for every row while another signal
 * tells rows apart is a generic name (`data-testid="citation-row"` on all rows) and is skipped.
 */
function parseNetwork(nodes: Node[], label: Element, doc: Document, base: URL): Row[] {
  const legend = parseLegend(nodesText(nodes, 5000));
  const found: { ref: WorkRef; signals: (Rel | undefined)[] }[] = [];
  const tables = queryIn(
    nodes,
    'table, [role="table"], [role="grid"], [role="treegrid"]',
    50,
  ).filter(
    // Nested grids are read through their outermost table.
    (t, _i, arr) => !arr.some((o) => o !== t && o.contains(t)),
  );
  for (const table of tables) {
    if (found.length >= MAX_ROWS) break;
    const cols = new Map<number, Column>();
    let stop: Element | undefined = table.parentElement ?? undefined;
    while (stop && !stop.contains(label) && stop.tagName !== 'BODY')
      stop = stop.parentElement ?? undefined;
    const context = contextReader(stop, doc);
    const rows = table.querySelectorAll(ROW_SELECTOR);
    // MAX_ROWS counts works read, not header rows: a header row must not take a work's place.
    for (let r = 0; r < rows.length && found.length < MAX_ROWS; r++) {
      const row = rows[r]!;
      const cells = cellsOf(row);
      if (!cells.length) continue;
      if (cells.every(isHeaderCell)) {
        cells.forEach((c, i) => {
          const col = columnOf(c.textContent ?? '');
          if (col) cols.set(i, col);
        });
        continue;
      }
      // The row's own elements, walked once and shared by every signal below.
      const inner = descendants(row, MAX_ROW_ELEMENTS);
      const ref = rowToRef(inner, cells, cols, base);
      if (!ref) continue;
      found.push({
        ref,
        signals: [
          relationFromAttributes(row),
          relationFromLabel(inner),
          context(row),
          relationFromColour(row, inner, legend),
          relationFromClass(row),
        ],
      });
    }
  }
  const SIGNALS = [0, 1, 2, 3, 4];
  // Per signal: the values it gives (undefined included) over all rows, computed once.
  const values = SIGNALS.map((s) => new Set(found.map((f) => f.signals[s])));
  const splits = values.map((v) => [...v].filter(Boolean).length > 1);
  const anySplit = splits.some(Boolean);
  // Same value on every row while another signal tells rows apart: a generic name, skipped.
  const skip = SIGNALS.map((s) => values[s]!.size === 1 && anySplit && !splits[s]);
  return found.map(({ ref, signals }) => {
    for (const s of SIGNALS) {
      const rel = signals[s];
      if (rel && !skip[s]) return { ref, rel };
    }
    return { ref };
  });
}

/** Last resort among markers: a class token naming the relation (`row--reference`, `is-citing`). */
function relationFromClass(row: Element): Rel | undefined {
  const cls = row.getAttribute('class');
  return cls ? relationOfWords(cls) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Title area

/**
 * The title area: the nodes after the page's h1 up to the first section label that follows it
 * (byline, "Published in …", identifiers). Empty when no label follows the title, so that nothing
 * is read from the rest of the page (a citation network lists other works' venues and ids).
 */
function titleAreaNodes(h1: Element, labels: Label[]): Node[] {
  const next = labels.find((l) => precedes(h1, l.el))?.el;
  return next ? sectionNodes(h1, next) : [];
}

/**
 * Whether `a` starts before `b` in document order. linkedom's `compareDocumentPosition` answers
 * "preceding" both ways for nodes in different branches, so the order is read from the two nodes'
 * ancestor chains: at the first ancestor they do not share, which child of the common parent is first.
 */
function precedes(a: Node, b: Node): boolean {
  const chain = (n: Node): Node[] => {
    const out: Node[] = [];
    for (let x: Node | null = n; x && out.length < 1000; x = x.parentNode) out.push(x);
    return out.reverse();
  };
  const ca = chain(a);
  const cb = chain(b);
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  if (i === 0) return false;
  if (i === ca.length) return i < cb.length; // `a` holds `b`: it starts first
  if (i === cb.length) return false;
  const siblings = Array.from(ca[i - 1]!.childNodes);
  return siblings.indexOf(ca[i] as ChildNode) < siblings.indexOf(cb[i] as ChildNode);
}

/** Text nodes of some nodes and their descendants, in document order, at most `limit`. */
function textNodesIn(doc: Document, nodes: Node[], limit = 2000): Text[] {
  const out: Text[] = [];
  for (const n of nodes) {
    if (n.nodeType === 3) out.push(n as Text);
    else if (n.nodeType === 1) {
      const tag = (n as Element).tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE') continue;
      const walker = doc.createTreeWalker(n, 4 /* NodeFilter.SHOW_TEXT */);
      for (let t = walker.nextNode(); t && out.length < limit; t = walker.nextNode())
        out.push(t as Text);
    }
    if (out.length >= limit) break;
  }
  return out;
}

const PUBLISHED_IN = /\bpublished in\b\s*:?\s*/i;
/** Where a venue ends: a separator before a date or year, or a list separator (" · ", " | "). */
const VENUE_END =
  /\s*(?:[,;(]\s*(?:[A-Za-z]{3,9}\.?\s+)?(?:\d{1,2},?\s+)?(?:[A-Za-z]{3,9}\.?\s+)?(?:1[89]\d\d|20\d\d)\b|[,;]\s*(?:vol|volume|issue|no|pp|pages?)\b|\s[·•|–—]\s|\s*[·•|]\s*).*$/i;

/**
 * The venue of a "Published in <venue>, <year>" line: the line is the smallest element around the
 * words "Published in" that also holds a venue (`<span>Published in</span> <a>Human Genetics</a>`).
 */
function publishedIn(texts: Text[]): { venue: string; year?: number } | undefined {
  for (const t of texts) {
    if (!PUBLISHED_IN.test(t.nodeValue ?? '')) continue;
    for (let el = t.parentElement, i = 0; el && i < 3; el = el.parentElement, i++) {
      const line = clean(shortText(el, 300, 60));
      if (!line) break;
      const m = PUBLISHED_IN.exec(line);
      if (!m) break;
      const rest = line.slice(m.index + m[0].length);
      const venue = rest
        .replace(VENUE_END, '')
        .replace(/[\s.,:;]+$/, '')
        .trim();
      if (!venue) continue;
      // A date or a number is not a venue ("Published in 2021"), nor is a link or a long sentence.
      if (!/^\p{L}/u.test(venue) || venue.length > 200 || /https?:|www\./i.test(venue))
        return undefined;
      const year = /\b(1[89]\d\d|20\d\d)\b/.exec(rest.slice(venue.length))?.[1];
      return year ? { venue, year: Number(year) } : { venue };
    }
  }
  return undefined;
}

const ARXIV_IN_TEXT =
  /\barXiv\s*:?\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)\b/i;

/** The arXiv id shown in the title area: "arXiv:2007.13972" in its text, or an arxiv.org link. */
function titleAreaArxiv(texts: Text[], nodes: Node[]): ArxivId | undefined {
  const text = texts.map((t) => t.nodeValue ?? '').join(' ');
  const m = ARXIV_IN_TEXT.exec(text);
  const fromText = m?.[1] ? parseArxivId(`arXiv:${m[1]}`) : undefined;
  if (fromText) return fromText;
  for (const n of nodes) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    const links = el.tagName === 'A' ? [el] : Array.from(el.getElementsByTagName('a')).slice(0, 50);
    for (const a of links) {
      const href = a.getAttribute('href') ?? '';
      if (!/arxiv\.org\/(?:abs|pdf)\//i.test(href)) continue;
      const id = parseArxivId(href.replace(/\.pdf$/i, ''));
      if (id) return id;
    }
  }
  return undefined;
}

/** Venue, year and arXiv id written in the title area, for what the embedded metadata lacks. */
function titleAreaFacts(
  doc: Document,
  h1: Element,
  labels: Label[],
  draft: PaperDraft,
  have: Readonly<PaperDraft>,
): void {
  if (have.venue && have.arxivId) return;
  const nodes = titleAreaNodes(h1, labels);
  if (!nodes.length) return;
  const texts = textNodesIn(doc, nodes);
  if (!have.venue) {
    const pub = publishedIn(texts);
    if (pub) {
      draft.venue = pub.venue;
      if (pub.year && !have.year && !draft.year) draft.year = pub.year;
    }
  }
  if (!have.arxivId) {
    const ax = titleAreaArxiv(texts, nodes);
    if (ax) {
      draft.arxivId = ax.id;
      if (ax.version) draft.arxivVersion = ax.version;
    }
  }
}

/** Title, authors, year, DOI and PDF link from the visible page, for pages with no embedded metadata. */
function titleArea(
  doc: Document,
  labels: Label[],
  network: Node[],
  base: URL,
  draft: PaperDraft,
  have: Readonly<PaperDraft>,
): void {
  const h1 = doc.querySelector('h1');
  if (!have.title) {
    const t = clean(h1?.textContent, 2000);
    if (t) draft.title = t;
  }
  const firstLabel = labels[0]?.el;
  if (!have.authors?.length && h1) {
    // The byline follows the title: the first short element after it that reads as a list of names.
    for (let s = h1.nextElementSibling, i = 0; s && i < 4; s = s.nextElementSibling, i++) {
      if (firstLabel && (s === firstLabel || s.contains(firstLabel))) break;
      const t = clean(s.textContent, 2000) ?? '';
      if (!t || t.length > 1500 || /\d{3}|https?:/.test(t)) continue;
      const authors = splitAuthors(t.replace(/^(by|authors?:?)\s+/i, ''));
      if (
        authors.length &&
        authors.every((a) => a.family || (a.literal && a.literal.length < 40))
      ) {
        draft.authors = authors;
        break;
      }
    }
  }
  if (h1) titleAreaFacts(doc, h1, labels, draft, have);
  if (!have.year && !draft.year && h1?.parentElement) {
    const t = clean(h1.parentElement.textContent, 3000) ?? '';
    const m = /\b(?:published|year|date)\b[^0-9]{0,20}(1[89]\d\d|20\d\d)\b/i.exec(t);
    if (m?.[1]) draft.year = Number(m[1]);
  }
  if (!have.doi) {
    for (const a of Array.from(doc.querySelectorAll('a[href*="doi.org/10."]')).slice(0, 50)) {
      // A DOI link inside the citation network belongs to a listed work, not to this paper.
      if (network.some((n) => n === a || n.contains(a))) continue;
      const doi = normalizeDoi(a.getAttribute('href'));
      if (doi) {
        draft.doi = doi;
        break;
      }
    }
  }
  if (!have.pdfUrl) {
    for (const a of Array.from(doc.querySelectorAll('a[href]')).slice(0, 2000)) {
      if (!/\b(download|view) pdf\b|^pdf$/i.test(clean(a.textContent, 100) ?? '')) continue;
      const href = resolveUrl(a.getAttribute('href'), base);
      if (href) {
        draft.pdfUrl = href;
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Paper Details

/**
 * The "Paper Details" section's labelled fields (`<dt>`/`<dd>`, `<th>`/`<td>`, "Label: value" lines
 * or a label element followed by its value): label (lower case) -> value element.
 */
function detailFields(nodes: Node[]): Map<string, Element> {
  const fields = new Map<string, Element>();
  for (const el of queryIn(nodes, 'dt, th, strong, b, label, span, div, li, p', 400)) {
    if (el.childElementCount > 3) continue;
    const text = clean(el.textContent, 300) ?? '';
    // "Published: 4 April 2022" in one element: the label and its value together.
    const inline = /^([A-Za-z][A-Za-z ()]{1,30}):\s+(\S.*)$/.exec(text);
    if (inline?.[1] && !el.firstElementChild) {
      const key = inline[1].toLowerCase();
      if (!fields.has(key)) fields.set(key, el);
      continue;
    }
    if (text.length > 32 || !/^[A-Za-z][A-Za-z ()]*:?$/.test(text)) continue;
    const value = el.nextElementSibling;
    const key = text.replace(/:$/, '').toLowerCase();
    if (value && !fields.has(key)) fields.set(key, value);
  }
  return fields;
}

/** Fills what the generic metadata lacks from the Paper Details fields. */
function paperDetails(
  nodes: Node[],
  base: URL,
  draft: PaperDraft,
  have: Readonly<PaperDraft>,
): void {
  const fields = detailFields(nodes);
  const value = (el: Element): string =>
    (clean(el.textContent, 2000) ?? '').replace(/^[^:]{1,32}:\s+/, '');
  for (const [key, el] of fields) {
    const v = value(el);
    if (!v) continue;
    if (/^(doi)$/.test(key) && !have.doi && !draft.doi) {
      const doi = normalizeDoi(el.querySelector('a[href*="doi.org/"]')?.getAttribute('href') ?? v);
      if (doi) draft.doi = doi;
    } else if (
      /^(published|publication date|date|year|published on)$/.test(key) &&
      !have.issued &&
      !have.year
    ) {
      const issued = parseDate(v);
      if (issued) {
        draft.issued = issued;
        draft.year = yearOf(issued);
      }
    } else if (/^(journal|venue|published in|conference|source)$/.test(key) && !have.venue) {
      draft.venue = v;
    } else if (/^arxiv( id)?$/.test(key) && !have.arxivId) {
      const ax = parseArxivId(`arXiv:${v}`);
      if (ax) {
        draft.arxivId = ax.id;
        if (ax.version) draft.arxivVersion = ax.version;
      }
    } else if (/^authors?$/.test(key) && !have.authors?.length && !draft.authors?.length) {
      const authors = splitAuthors(v);
      if (authors.length) draft.authors = authors;
    } else if (/^(pdf|pdf url)$/.test(key) && !have.pdfUrl && !draft.pdfUrl) {
      const href = resolveUrl(el.querySelector('a[href]')?.getAttribute('href') ?? v, base);
      if (href) draft.pdfUrl = href;
    }
  }
}

// ---------------------------------------------------------------------------------------------

export function extractSummaryPage(
  doc: Document,
  url: URL,
  base: Readonly<PaperDraft>,
): SiteResult {
  const labels = findLabels(doc);
  const draft: PaperDraft = {};
  const section = (name: string): Node[] | undefined => {
    const i = labels.findIndex((l) => l.name === name);
    return i < 0 ? undefined : sectionNodes(labels[i]!.el, labels[i + 1]?.el);
  };

  // "Summary" is the abstract; "Quick Summary" is a TLDR and never used.
  const summary = section('summary') ?? section('abstract');
  if (summary) {
    const text = dropAbstractLabel(nodesText(summary));
    if (text.length > 40) draft.abstract = text;
  }

  const terms = section('key terms');
  if (terms) {
    const keyTerms = parseKeyTerms(terms);
    if (keyTerms.length) {
      draft.keyTerms = keyTerms;
      draft.keyTermsComputed = false;
    }
  }

  const details = section('paper details');
  if (details) paperDetails(details, url, draft, base);

  const i = labels.findIndex((l) => l.name === 'citation network');
  const nodes = i >= 0 ? sectionNodes(labels[i]!.el, labels[i + 1]?.el) : [];
  // A generic byline guess that is really a section label ("Citation Network" right after the h1).
  const labelNames = new Set(labels.map((l) => l.name));
  const bogus = (base.authors ?? []).some((a) =>
    labelNames.has(norm(a.literal ?? `${a.given ?? ''} ${a.family ?? ''}`)),
  );
  const have: PaperDraft = { ...base, ...draft };
  if (bogus) {
    draft.authors = undefined;
    delete have.authors;
  }
  titleArea(doc, labels, nodes, url, draft, have);
  if (i >= 0) {
    const rows = parseNetwork(nodes, labels[i]!.el, doc, url);
    const paperYear = draft.year ?? base.year;
    const citations: WorkRef[] = [];
    const references: WorkRef[] = [];
    for (const row of rows) {
      let rel = row.rel;
      if (!rel && paperYear && row.ref.year) {
        // Last resort when the markup marks nothing: a work newer than the paper cites it, an older
        // one is cited by it. Same-year works are counted as citations, which is a guess: this layout
        // shows citing works first, and a paper rarely cites work from its own year.
        rel = row.ref.year >= paperYear ? 'citation' : 'reference';
      }
      if (rel === 'reference') references.push(row.ref);
      else if (rel === 'citation') citations.push(row.ref);
    }
    if (citations.length) draft.citations = citations;
    if (references.length) draft.references = references;
  }

  const title = draft.title ?? base.title;
  return title ? { draft, kind: 'paper' } : { draft };
}

export const summaryPage: SiteExtractor = {
  id: 'summary-page',
  // Layout-based: claimed by `detect` on any host, never by URL (its fixtures stand in for test URLs).
  testUrls: [],
  matches: () => false,
  detect: (doc) => mentionsLayout(doc) && hasLayout(findLabels(doc)),
  extract: extractSummaryPage,
};
