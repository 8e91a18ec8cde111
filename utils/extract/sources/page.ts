import type { PaperDraft, PaperType } from '../../paper';
import { findDoi, normalizeDoi } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { parseNameList } from '../names';
import { perPage } from '../memo';
import { first, pageIndex, readMeta } from '../meta';
import {
  ABSTRACT_WORDS,
  abstractFrom,
  after,
  blockText,
  clean,
  collapse,
  dropAbstractLabel,
  SKIP,
  splitKeywords,
  stripMarkup,
  textOf,
} from '../text';
import type { MetadataSource } from '../types';
import { dcType } from './dublincore';

/**
 * The visible page: what a reader sees when the head carries no metadata (legacy layouts,
 * repository splash pages, trimmed pages). Read by structure, not by one site's class names:
 * - a heading "Abstract"/"Summary" and the text after it, or an element whose id/class is `abstract`;
 * - labelled fields, as repositories lay them out: `Title | …`, `Author(s) | …`, `DOI | …` in table
 *   rows, definition lists, or label/value element pairs;
 * - the `<h1>` (or `<title>`) as the title, and a `doi:` written next to the title.
 * Lowest in the merge order. Test pages: repositum.tuwien.ac.at/obvutwhs/content/titleinfo/…,
 * pos.sissa.it/…, app.pan.pl/article/item/…
 */

const MAX_HEADINGS = 400;
const MAX_LABELS = 3000;
const ABSTRACT_HEADING = new RegExp(
  `^(?:${ABSTRACT_WORDS})(?:\\s*\\([^)]{1,20}\\))?(?:\\s+top)?\\s*[:：.]?$`,
  'iu',
);
const NOT_ABSTRACT =
  /popular summary|lay summary|author summary|plain language|tl;?dr|highlights|graphical abstract|visual abstract/i;

/** Label (lowercased, without colon) -> draft field. */
const LABELS: Record<
  string,
  'title' | 'authors' | 'date' | 'doi' | 'abstract' | 'keywords' | 'venue' | 'thesis' | 'type'
> = {
  title: 'title',
  'main title': 'title',
  titel: 'title',
  author: 'authors',
  authors: 'authors',
  'author(s)': 'authors',
  creator: 'authors',
  creators: 'authors',
  autor: 'authors',
  autoren: 'authors',
  'autor(en)': 'authors',
  // Repository records in French, Italian, Spanish and Portuguese.
  titre: 'title',
  titolo: 'title',
  título: 'title',
  auteur: 'authors',
  auteurs: 'authors',
  'auteur(s)': 'authors',
  autore: 'authors',
  autori: 'authors',
  'autore/i': 'authors',
  autores: 'authors',
  'autor(es)': 'authors',
  'date de publication': 'date',
  'data di pubblicazione': 'date',
  'fecha de publicación': 'date',
  'data de publicação': 'date',
  'mots-clés': 'keywords',
  'mots clés': 'keywords',
  'parole chiave': 'keywords',
  'palabras clave': 'keywords',
  'palavras-chave': 'keywords',
  résumé: 'abstract',
  riassunto: 'abstract',
  resumen: 'abstract',
  resumo: 'abstract',
  // People with their roles ("Jiang, Zhijun (creator)", "Stein, Derek (Director)", "Glattauer,
  // Robin [VerfasserIn]"): only the authors among them (`authorsByRole`).
  contributors: 'authors',
  contributor: 'authors',
  'person/institution': 'authors',
  'copyright date': 'date',
  year: 'date',
  date: 'date',
  published: 'date',
  'publication date': 'date',
  'date of publication': 'date',
  'date of publication (online)': 'date',
  'date issued': 'date',
  'issue date': 'date',
  'year of publication': 'date',
  erscheinungsjahr: 'date',
  // Library catalogues (Primo, Aleph) in German, French, Italian, Spanish and Portuguese.
  jahr: 'date',
  'jahr/datierung': 'date',
  erscheinungsdatum: 'date',
  année: 'date',
  'année de publication': 'date',
  anno: 'date',
  'anno di pubblicazione': 'date',
  año: 'date',
  'año de publicación': 'date',
  ano: 'date',
  'ano de publicação': 'date',
  doi: 'doi',
  abstract: 'abstract',
  keywords: 'keywords',
  'key words': 'keywords',
  'keywords (en)': 'keywords',
  'keywords (de)': 'keywords',
  'subject keywords': 'keywords',
  schlagwörter: 'keywords',
  journal: 'venue',
  conference: 'venue',
  source: 'venue',
  'published in': 'venue',
  // A repository's full record (DSpace's "Show full item record"): rows labelled with the Dublin
  // Core element names themselves.
  'dc.title': 'title',
  'dc.contributor.author': 'authors',
  'dc.creator': 'authors',
  'dc.date.issued': 'date',
  'dc.identifier.doi': 'doi',
  'dc.description.abstract': 'abstract',
  'dc.subject': 'keywords',
  // The kind of work: a thesis by the label itself ("Thesis Type: Ph.D."), else by the value
  // ("Document type: Journal article"), read as Dublin Core types are (`dcType`).
  'thesis type': 'thesis',
  'type of thesis': 'thesis',
  thesis: 'thesis',
  dissertation: 'thesis',
  hochschulschrift: 'thesis',
  'document type': 'type',
  'type of document': 'type',
  'publication type': 'type',
  'type of publication': 'type',
  'item type': 'type',
  'resource type': 'type',
  dokumenttyp: 'type',
  publikationstyp: 'type',
  'type de document': 'type',
  'tipo de documento': 'type',
  'tipo di documento': 'type',
};
const LABEL_FIELDS = new Map(Object.entries(LABELS));

const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const asciiLower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
/** Each label's first and last character (ASCII ones), as `first * 128 + last`. */
const LABEL_ENDS = new Set(
  [...LABEL_FIELDS.keys()].map((k) => k.charCodeAt(0) * 128 + k.charCodeAt(k.length - 1)),
);

/**
 * Whether a short text may be a label, told by its first and last characters (after the spaces
 * around it and a final colon) before it is normalised and looked up: most bold runs and table
 * cells of a page are not labels, and normalising each one costs more than reading it. Exact for
 * ASCII ends; a text that starts or ends with any other character is left to the lookup.
 */
function mayBeLabel(raw: string): boolean {
  let i = 0;
  let j = raw.length - 1;
  while (i <= j && isAsciiSpace(raw.charCodeAt(i))) i++;
  while (j >= i && isAsciiSpace(raw.charCodeAt(j))) j--;
  if (j >= i && raw.charCodeAt(j) === 58 /* : */) {
    j--;
    while (j >= i && isAsciiSpace(raw.charCodeAt(j))) j--;
  }
  if (j < i) return false;
  const a = raw.charCodeAt(i);
  const b = raw.charCodeAt(j);
  if (a >= 128 || b >= 128) return true;
  return LABEL_ENDS.has(asciiLower(a) * 128 + asciiLower(b));
}

export interface LabelledFields {
  title?: string;
  authors?: string[];
  date?: string;
  doi?: string;
  abstract?: string;
  keywords?: string[];
  venue?: string;
  type?: PaperType;
}

/**
 * The value element that belongs to a label element: its next element sibling, or its parent's;
 * past a cell that holds only the colon (`<td>Author</td><td>:</td><td>…</td>`).
 */
function valueOf(label: Element): Element | null {
  const next =
    label.nextElementSibling ??
    (label.parentElement?.children.length === 1 ? label.parentElement.nextElementSibling : null);
  return next && !next.firstElementChild && next.textContent?.trim() === ':'
    ? next.nextElementSibling
    : next;
}

/** Headings small enough to be a field's label (`<h5>Author</h5>` in DSpace's item view). */
const LABEL_HEADING = /^h[3-6]$/;

/**
 * Label/value pairs: `<td>Title</td><td>…</td>`, `<dt>DOI</dt><dd>…</dd>`, `<em>Title</em><strong>…</strong>`,
 * and a small heading over its value (`<div><h5>Date</h5>2016</div>`). A heading "Abstract" is left
 * to `visibleAbstract`, which reads the whole section under it.
 */
export const labelledFields = perPage((doc: Document): LabelledFields => {
  const out: LabelledFields = {};
  const { labels, headings } = pageIndex(doc);
  const n = Math.min(labels.length, MAX_LABELS);
  const total = n + Math.min(headings.length, MAX_HEADINGS);
  for (let i = 0; i < total; i++) {
    const heading = i >= n;
    const el = heading ? headings[i - n] : labels[i];
    if (!el || (heading && !LABEL_HEADING.test(el.localName))) continue;
    // A label is a short leaf: skip cells that hold markup trees (layout tables) before reading text.
    const inner = el.firstElementChild;
    if (inner) {
      if (inner.firstElementChild) continue;
      // A long first text node makes a long text: skipped without building it (most cells and
      // bold runs of an article are not labels).
      const head = el.firstChild;
      if (head?.nodeType === 3 && (head as Text).length > 40) continue;
    }
    // A leaf's text is its own text node, usually one: read at once.
    const raw = el.textContent ?? '';
    if (raw.length > 40 || !mayBeLabel(raw)) continue;
    const label = collapse(raw).replace(/\s*:$/, '').toLowerCase();
    // A Map, not the object: a cell reading "constructor" names no field.
    const field = LABEL_FIELDS.get(label);
    if (!field || (heading && field === 'abstract')) continue;
    let valueEl = valueOf(el);
    let value: string | undefined;
    const inline = !/^(?:td|th|dt)$/.test(el.localName);
    if (inline && el.parentElement) {
      // "<strong>Key words:</strong> a, b, c": the value is the text after the label in its parent.
      const whole = blockText(el.parentElement, 5000) ?? '';
      const head = collapse(raw);
      if (whole.startsWith(head) && whole.length > head.length + 1) {
        value = whole.slice(head.length).replace(/^\s*:?\s*/, '');
        valueEl = el.parentElement;
      }
    }
    if (!valueEl || /^(?:th|dt)$/.test(valueEl.localName)) continue;
    value ??= blockText(valueEl, 5000);
    if (!value || value.toLowerCase() === label) continue;
    if (field === 'title') out.title ??= value;
    else if (field === 'authors' && BY_ROLE.has(label)) {
      const names = authorsByRole(el, valueEl, value);
      if (names.length) (out.authors ??= []).push(...names);
    } else if (field === 'authors') {
      // One name per link or list item when the value is marked up that way; under a heading, one
      // per element after it.
      const items =
        valueEl !== el.parentElement
          ? Array.from(valueEl.querySelectorAll('a,li,span'))
          : heading
            ? itemsAfter(el)
            : [];
      const names = items
        .slice(0, 500)
        .filter((x) => x.children.length === 0)
        .map((x) => clean(x.textContent ?? '', 200) ?? '')
        .filter((x) => x && !/^(?:\/|;|,|and)$/i.test(x));
      // Items of one word each are the parts of a name (given and family name spans), not names.
      const parts = names.length > 1 && names.every((x) => !/[\s,]/.test(x));
      (out.authors ??= []).push(...(names.length && !parts ? names : [value]));
    } else if (field === 'date') out.date ??= value;
    else if (field === 'doi') out.doi ??= value;
    else if (field === 'abstract') out.abstract ??= value;
    else if (field === 'venue') out.venue ??= value;
    else if (field === 'thesis') out.type ??= 'thesis';
    else if (field === 'type') out.type ??= dcType(value);
    else (out.keywords ??= []).push(...value.split(/\s*[/;]\s*|,\s+/));
  }
  return out;
});

/** The elements after a label heading in its container: each one, or its links, spans or items. */
function itemsAfter(label: Element): Element[] {
  const out: Element[] = [];
  for (let s = label.nextElementSibling; s && out.length < 500; s = s.nextElementSibling) {
    if (s.children.length === 0) out.push(s);
    else out.push(...Array.from(s.querySelectorAll('a,li,span')).slice(0, 500));
  }
  return out;
}

/** Labels of people named with their roles, of whom only the authors are taken (`authorsByRole`). */
const BY_ROLE = new Set(['contributors', 'contributor', 'person/institution']);
/** A contributor's role after the name: "(creator)", "(Director)", "[author]". */
const ROLE = /\s*[([]([^()[\]]{2,30})[)\]]\s*$/;
const AUTHOR_ROLE = /^(?:author|creator|auteur|autore|autor|verfasser)/i;

/**
 * The authors among the people a record names with their roles: the values of the label (a
 * definition list's `dd`s up to the next `dt`; else its value, one person per role), keeping those
 * whose role is author or creator. People named without roles may be advisers and readers: none
 * is taken.
 */
function authorsByRole(label: Element, first: Element, value: string): string[] {
  const people: string[] = [];
  if (label.localName === 'dt') {
    for (let s: Element | null = first; s?.localName === 'dd' && people.length < 200;) {
      people.push(blockText(s, 300) ?? '');
      s = s.nextElementSibling;
    }
  } else people.push(...value.split(/;\s*|(?<=[)\]])\s*,?\s+/));
  const out: string[] = [];
  for (const person of people) {
    const role = ROLE.exec(person);
    if (role?.[1] && AUTHOR_ROLE.test(role[1].trim())) out.push(person.slice(0, role.index));
  }
  return out;
}

/**
 * The text after a heading: its following siblings up to the next heading; if the heading is alone
 * in its container (a heading cell in a table row), the container's following siblings.
 */
function textAfter(h: Element): string | undefined {
  const parts: string[] = [];
  let len = 0;
  let anchor: Element = h;
  for (let up = 0; up < 3 && !anchor.nextElementSibling && anchor.parentElement; up++)
    anchor = anchor.parentElement;
  const level = headingLevel(h);
  let sib = anchor.nextElementSibling;
  for (let k = 0; sib && k < 50 && len < 10_000; k++, sib = sib.nextElementSibling) {
    const sub = headingLevel(sib);
    if (sub) {
      // A structured abstract's own sections ("Background", "Results") are smaller headings under
      // it: read on past them, without them. Any other heading ends the abstract.
      if (sub > level && STRUCTURED_SECTION.test(collapse(sib.textContent ?? '').slice(0, 60)))
        continue;
      break;
    }
    // Abstracts hold no tables: one after the text is the page's next block (a download notice).
    if (parts.length && sib.localName === 'table') break;
    const t = blockText(sib, 10_000, notAbstractText);
    if (t) {
      parts.push(t);
      len += t.length;
    }
  }
  const text = clean(parts.join(' '));
  return text && text.length > 80 ? text : undefined;
}

/** 1–6 for `h1`–`h6`, 0 for any other element; a heading written as `role="heading"` counts as 1. */
function headingLevel(el: Element): number {
  const tag = el.localName;
  if (tag.length === 2 && tag.charCodeAt(0) === 104 /* h */) {
    const n = tag.charCodeAt(1) - 48;
    if (n >= 1 && n <= 6) return n;
  }
  return el.getAttribute('role') === 'heading' ? 1 : 0;
}

/** The sections of a structured abstract, as its sub-headings name them. */
const STRUCTURED_SECTION =
  /^(?:background|objectives?|aims?|purpose|introduction|context|rationale|methods?|methodology|design|setting|participants|patients|interventions?|(?:main )?outcome measures?|measurements|results?|findings|conclusions?|interpretation|significance|implications)\s*:?$/i;

/** The first heading "Abstract"/"Summary" (h1–h6) with text under it: its label and that text. */
const abstractSection = perPage((doc: Document): { label: string; text: string } | undefined => {
  const headings = pageIndex(doc).headings;
  const n = Math.min(headings.length, MAX_HEADINGS);
  for (let i = 0; i < n; i++) {
    const h = headings[i];
    const raw = h?.textContent ?? '';
    if (!h || raw.length > 40) continue;
    const label = collapse(raw);
    if (!ABSTRACT_HEADING.test(label)) continue;
    const text = textAfter(h);
    if (text) return { label, text };
  }
  return undefined;
});

/**
 * Whether the page's abstract stands under a heading that names it an abstract ("Abstract",
 * "Résumé"), not a "Summary", which an encyclopaedia's article on a book also has.
 */
export function namedAbstract(doc: Document): boolean {
  const section = abstractSection(doc);
  return !!section && !/summary/i.test(section.label);
}

/** The text under a heading "Abstract"/"Summary", or of an element whose id/class says abstract. */
export const visibleAbstract = perPage(findVisibleAbstract);

function findVisibleAbstract(doc: Document): string | undefined {
  const section = abstractSection(doc);
  if (section) return section.text;
  // Rarer layouts, looked up only now, in one query: headings written as `<div role="heading">`
  // (repository pages), and containers whose id or class names the abstract.
  const rare = Array.from(
    doc.querySelectorAll('[role="heading"],[id*="bstract"],[class*="bstract"]'),
  ).slice(0, 60);
  for (const h of rare) {
    if (h.getAttribute('role') !== 'heading') continue;
    if (!ABSTRACT_HEADING.test(collapse(h.textContent ?? '').slice(0, 60))) continue;
    const t = textAfter(h);
    if (t) return t;
  }
  const boxes = rare.filter((e) => e.getAttribute('role') !== 'heading').slice(0, 20);
  for (const box of boxes) {
    const cls = `${box.getAttribute('id') ?? ''} ${box.getAttribute('class') ?? ''}`;
    // Only containers named for the abstract itself ("abstract", "abstract-content", "abstractSection"),
    // not links, toggles or other abstracts (graphical, visual).
    if (!/(?:^|[\s_-])abstract(?:$|[\s_-]|[A-Z]|content|text|section|body)/i.test(cls)) continue;
    if (
      NOT_ABSTRACT.test(cls) ||
      /graphical|visual|short|teaser|link|nav|toggle|button|title|heading|label/i.test(cls) ||
      // A box that holds the work's title is the whole article's, named for the page it is on.
      box.getElementsByTagName('h1').length > 0
    )
      continue;
    let t = blockText(box, 10_000, notAbstractText);
    // Broken markup (`<p id="abstract"><p>text</p></p>`) leaves the container empty before its text.
    if (!t && box.localName === 'p') t = blockText(box.nextElementSibling, 10_000, notAbstractText);
    if (t && t.length > 80) return dropAbstractLabel(t);
  }
  return undefined;
}

/**
 * What is left out of an abstract's text: sub-headings of a structured abstract, unless they are
 * run-in labels ending in a colon ("BACKGROUND:"), and embedded visual/graphical abstracts.
 */
function notAbstractText(e: Element): boolean {
  if (/^h[1-6]$/.test(e.localName)) return !/:\s*$/.test(e.textContent ?? '');
  const cls = e.getAttribute('class');
  return !!cls && /visual-abstract|graphical|figure|toggle|tooltip/i.test(cls);
}

/** `<title>` without a trailing " - Site" / " | Site" part. */
function docTitle(doc: Document): string | undefined {
  const t = stripMarkup(pageIndex(doc).title?.textContent, 1000);
  if (!t) return undefined;
  const parts = t.split(/\s+[|–—-]\s+|\s+::\s+/);
  return parts.length > 1 && (parts[0]?.length ?? 0) > 15 ? parts[0] : t;
}

/**
 * An `<h1>` (or `<h2>` when no `<h1>` is) that the `<title>` repeats: the work's title. Of several,
 * the longest: a site's name is often an `<h1>` too, and the `<title>` repeats it ("Title | Site").
 */
export const headingTitle = perPage(findHeadingTitle);

function findHeadingTitle(doc: Document): { text: string; el: Element } | undefined {
  const index = pageIndex(doc);
  // <title> is raw text: sites that put <em> in it show the tags literally.
  const title = (stripMarkup(index.title?.textContent, 2000) ?? '').toLowerCase();
  if (!title) return undefined;
  for (const level of ['h1', 'h2']) {
    let seen = 0;
    let best: { text: string; el: Element } | undefined;
    for (const el of index.headings) {
      if (el.localName !== level || seen++ >= 10) continue;
      const text = textOf(el, 1000);
      if (!text || text.length < 10 || (best && text.length <= best.text.length)) continue;
      if (title.includes(text.toLowerCase().slice(0, 60))) best = { text, el };
    }
    if (best) return best;
  }
  // Older journals set the title in an <h3> (D-Lib Magazine): only one that is the whole <title>.
  let seen = 0;
  for (const el of index.headings) {
    if (el.localName !== 'h3' || seen++ >= 10) continue;
    const text = textOf(el, 1000);
    if (text && text.length >= 10 && text.toLowerCase() === title.trim()) return { text, el };
  }
  return undefined;
}

/** A subtitle printed right after the title heading (`<div class="citation__subtitle">`). */
export function subtitleAfter(el: Element): string | undefined {
  for (const sib of [el.nextElementSibling, el.parentElement?.nextElementSibling]) {
    if (sib && /subtitle/i.test(sib.getAttribute('class') ?? '')) return textOf(sib, 500);
  }
  return undefined;
}

/** One person's name as bylines print it: 2–5 capitalised words (particles allowed), no digits. */
const BYLINE_NAME =
  /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:de|da|del|van|von|der|den|la|le|di|du|dos|ter)\s+)*\p{Lu}[\p{L}.'’-]*){1,4}$/u;

const BYLINE_BY = /^(?:written\s+)?by\s+/i;

/** A byline right after the title: "A. Smith, B. Jones and C. Brown" (names only, 1–50 of them). */
export function bylineAfter(el: Element): string | undefined {
  let sib = el.nextElementSibling;
  for (let k = 0; sib && k < 2; k++, sib = sib.nextElementSibling) {
    // "By A. Smith and B. Jones": the names without the word that introduces them.
    const t = textOf(sib, 2000)?.replace(BYLINE_BY, '');
    if (!t) continue;
    const parts = t.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/);
    if (parts.length <= 50 && parts.every((p) => BYLINE_NAME.test(p))) return t;
    // An author block is a few lines (not the article that follows a title with no byline).
    return t.length <= MAX_AUTHOR_BLOCK ? authorBlock(sib) : undefined;
  }
  return undefined;
}

/** Longest text read as an author block: thirty authors with their affiliations. */
const MAX_AUTHOR_BLOCK = 1500;

/** An e-mail address as author blocks print it, plain or against harvesters ("name [at] host"). */
const EMAIL = /^\S+\s*(?:@|\[at\]|\(at\))\s*\S+$/i;

/**
 * Authors printed one per group of lines under the title, each "Name, Affiliation" with the
 * affiliation's and an e-mail address's lines after it, the groups parted by blank lines (D-Lib
 * Magazine). The names, joined as a byline; undefined unless every group opens that way and has
 * an affiliation or an address.
 */
function authorBlock(el: Element): string | undefined {
  const lines: string[] = [''];
  for (let c = el.firstChild, n = 0; c && n < 400; c = c.nextSibling, n++) {
    if (c.nodeType === 1 && (c as Element).localName === 'br') lines.push('');
    else lines[lines.length - 1] += c.textContent ?? '';
  }
  const groups: string[][] = [[]];
  for (const raw of lines) {
    const line = collapse(raw);
    if (line) groups[groups.length - 1]?.push(line);
    else if (groups[groups.length - 1]?.length) groups.push([]);
  }
  const names: string[] = [];
  for (const g of groups) {
    if (!g.length) continue;
    const [head = '', ...rest] = g;
    const comma = head.indexOf(',');
    const name = comma > 0 ? head.slice(0, comma) : head;
    if (!BYLINE_NAME.test(name) || (comma < 0 && !rest.some((l) => EMAIL.test(l))))
      return undefined;
    names.push(name);
  }
  return names.length && names.length <= 30 ? names.join(', ') : undefined;
}

/** The text block around the title (its parent), where journal lines print "doi:10.…" and a year. */
function titleBlock(el: Element): string | undefined {
  return blockText(el.parentElement, 3000);
}

/** The one year a short text names (none if it names several). */
function oneYear(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const years = new Set(text.slice(0, 3000).match(/\b(?:1[89]\d\d|20\d\d)\b/g) ?? []);
  return years.size === 1 ? [...years][0] : undefined;
}

function hasMetadataTitle(doc: Document): boolean {
  const meta = readMeta(doc);
  return (
    ['citation_title', 'bepress_citation_title', 'dc.title', 'eprints.title'].some((n) =>
      meta.has(n),
    ) || pageIndex(doc).ldScripts.length > 0
  );
}

function hasMetadataAbstract(doc: Document): boolean {
  const meta = readMeta(doc);
  return [
    'citation_abstract',
    'dcterms.abstract',
    'dc.description.abstract',
    'eprints.abstract',
  ].some((n) => meta.has(n));
}

function hasMetadataDate(doc: Document): boolean {
  const meta = readMeta(doc);
  for (const key of meta.keys())
    if (/date|issued|created/.test(key) && !/modified|access/.test(key)) return true;
  return false;
}

/**
 * Cheap look at whether the visible page could describe one work at all (a labelled record with
 * title and authors, or a title heading with a byline under it). Pages without any scholarly
 * metadata that fail it are not read further.
 */
export function visiblePrecheck(doc: Document): boolean {
  const f = labelledFields(doc);
  if (f.title && f.authors?.length) return true;
  const h = headingTitle(doc);
  return !!h && (!!(f.authors?.length && f.date) || !!bylineAfter(h.el));
}

/**
 * The fields of a work that the visible page can give when the metadata leaves them out. Its labelled
 * fields (venue, keywords) are read only when the metadata has no title and date, and its one weak
 * field (the meta description) loses to any strong abstract.
 */
export const PAGE_FIELDS = ['title', 'authors', 'doi', 'issued', 'abstract'] as const;
export type PageField = (typeof PAGE_FIELDS)[number];

/**
 * The work as the visible page shows it. `have` names the fields that a source ranked above the page
 * already gives (index.ts): the page's own value would lose the merge, so it is not looked for.
 * The title heading is always found (the pipeline completes a cut-off title from it).
 */
export function readVisiblePage(doc: Document, have: ReadonlySet<PageField>): PaperDraft {
  const d: PaperDraft = {};
  // Labelled fields are the metadata of pages that have no metadata tags: only read them then.
  const fields = hasMetadataTitle(doc) && hasMetadataDate(doc) ? {} : labelledFields(doc);
  const heading = headingTitle(doc);
  // A repository's Title field may append the statement of responsibility ("… / von Dr. X").
  const title = fields.title?.replace(/\s+\/\s+[^/]{2,80}$/, '') ?? heading?.text;
  if (title) d.title = title;
  const byline = fields.authors?.length
    ? fields.authors
    : heading && !have.has('authors')
      ? [bylineAfter(heading.el) ?? '']
      : [];
  const authors = byline.flatMap((a) => parseNameList(a));
  if (authors.length) d.authors = authors;
  // The block around the title gives a DOI and, beside it, a year: read when either is missing.
  const block =
    heading && !(have.has('doi') && have.has('issued')) ? titleBlock(heading.el) : undefined;
  // "doi:10.4202/…" printed in the block around the title (the journal line under the title).
  const blockDoi = block && /\bdoi(?::|\.org\/)?\s*10\./i.test(block) ? findDoi(block) : undefined;
  const doi = normalizeDoi(fields.doi) ?? blockDoi;
  if (doi) d.doi = doi;
  // A labelled date as written ("Feb. 14, 2018"), else the date or year it ends with.
  const issued =
    parseDate(fields.date) ??
    parseDate(
      fields.date?.replace(/^.*?(\d{4}(?:[-/]\d{1,2}(?:[-/]\d{1,2})?)?)\s*$/, '$1') ??
        // A proceedings name carries its year ("LATTICE 2013").
        oneYear(fields.venue),
    ) ??
    // A date the page marks up as schema.org microdata (`<meta itemprop="datePublished">`).
    (have.has('issued') ? undefined : parseDate(first(readMeta(doc), 'datepublished'))) ??
    // The one year of the journal line under the title.
    parseDate(blockDoi ? oneYear(block) : undefined);
  if (issued) {
    d.issued = issued;
    d.year = yearOf(issued);
  }
  // A visible abstract is only looked for when the metadata has no abstract (which would win).
  const abstract =
    fields.abstract ??
    (have.has('abstract') || hasMetadataAbstract(doc)
      ? undefined
      : (visibleAbstract(doc) ?? (heading ? leadParagraphs(heading.el) : undefined)));
  if (abstract && abstract.length > 80) d.abstract = dropAbstractLabel(abstract);
  const keywords = splitKeywords(fields.keywords ?? []);
  if (keywords.length) d.keywords = keywords;
  if (fields.venue) d.venue = fields.venue;
  if (fields.type) d.type = fields.type;
  if (!d.title) {
    const t = docTitle(doc);
    if (t) d.title = t;
  }
  return d;
}

/** Most elements looked at after the title heading for its lead paragraphs. */
const MAX_LEAD_STEPS = 300;
/** Subtrees passed over on the way: nothing in them is the page's prose. */
const NOT_PROSE = new Set([...SKIP, 'nav', 'form', 'figure', 'table', 'ul', 'ol']);
/** The end of a sentence: a word (not an initial, as in "Paul W. Leu") and a full stop. */
const SENTENCE_END = /(?:\p{Ll}{2}|[)\]%\d])[.!?](?:\s|$)/gu;

/** A link that cites a reference by its number: "1", "[12]", "3, ", "4–6". */
const CITATION_MARK = /^\s*\[?\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]?[,;]?\s*$/;

/**
 * A paragraph's text when it reads as part of an abstract: several sentences, not a row of links;
 * `cites` when it cites a reference by number, as a full text's opening paragraph does ("… mass
 * deployed¹⁻³") and an abstract does not.
 */
function prose(p: Element): string | 'cites' | undefined {
  let linked = 0;
  for (const a of Array.from(p.getElementsByTagName('a')).slice(0, 100)) {
    const t = a.textContent ?? '';
    if (CITATION_MARK.test(t)) return 'cites';
    linked += t.length;
  }
  const text = blockText(p, 10_000);
  if (!text || text.length < 80 || (text.match(SENTENCE_END)?.length ?? 0) < 2) return undefined;
  return linked * 2 < text.length ? text : undefined;
}

/**
 * The paragraphs that open the page under its title where no heading or class says "Abstract"
 * (USENIX's and NBER's paper pages print the abstract right under the byline): the first run of
 * paragraphs side by side after the title heading that reads as an abstract (each of several
 * sentences, mostly not links; 250 characters or more together). Bylines, affiliations, share
 * buttons and citation lines are too short to count; a heading met first (a full text's
 * "Introduction") or a paragraph that cites references by number ends the search. Asked only when
 * neither the metadata nor the page's labels give an abstract.
 */
export function leadParagraphs(heading: Element): string | undefined {
  let el = after(heading);
  for (let steps = 0; el && steps < MAX_LEAD_STEPS; steps++) {
    const tag = el.localName;
    if (/^h[1-6]$/.test(tag) || el.getAttribute('role') === 'heading') return undefined;
    if (NOT_PROSE.has(tag)) {
      el = after(el);
      continue;
    }
    if (tag !== 'p') {
      el = el.firstElementChild ?? after(el);
      continue;
    }
    // A run of paragraphs side by side, together as long as an abstract.
    const parts: string[] = [];
    let len = 0;
    for (
      let p: Element | null = el;
      p?.localName === 'p' && len < 10_000;
      p = p.nextElementSibling
    ) {
      const t = prose(p);
      if (t === 'cites') return undefined;
      if (!t) break;
      parts.push(t);
      len += t.length;
    }
    if (len >= 250) return parts.join(' ');
    el = after(el);
  }
  return undefined;
}

/** A description cut short by the site: its text up to an ellipsis ("… a simple model..."). */
const CUT_SHORT = /^([\s\S]*\S)\s*(?:\.\.\.|…)$/;
/** Most elements compared with a cut-off description, of each kind looked at. */
const MAX_CONTINUATIONS = 2000;

/**
 * The visible text that a cut-off meta description was cut from: sites that show the abstract
 * without a heading or class that says so (NBER's working papers, many CMS pages) often repeat its
 * first 160–300 characters, ending in "...", as the description. The paragraph (else a `div`, `dd`
 * or `section` without block children) whose text starts with the description's is the whole text.
 * Looked for only when the description ends in an ellipsis.
 */
export function fullDescription(doc: Document, description: string): string | undefined {
  const m = CUT_SHORT.exec(description.trim());
  const head = m?.[1] ? clean(m[1]) : undefined;
  if (!head || head.length < 100) return undefined;
  const probe = head.slice(0, 60);
  for (const tags of ['p', 'div, dd, section, blockquote']) {
    const els = doc.querySelectorAll(tags);
    for (let i = 0; i < els.length && i < MAX_CONTINUATIONS; i++) {
      const el = els[i]!;
      if (tags !== 'p' && el.querySelector('p, div, section, dd, li, table')) continue;
      const start = clean(el.textContent, 200) ?? '';
      if (!start.startsWith(probe)) continue;
      // The whole text goes on after the cut (a page that shows the cut text itself is no help).
      const full = blockText(el, 10_000);
      const shown = full ? collapse(full) : '';
      if (shown.startsWith(head) && !/^\s*(?:\.\.\.|…)?$/.test(shown.slice(head.length)))
        return full;
    }
  }
  return undefined;
}

export const page: MetadataSource & { weak(doc: Document): PaperDraft } = {
  id: 'page',
  extract: (doc) => readVisiblePage(doc, new Set()),
  /**
   * `<meta name="description">`, the weakest abstract: some publishers put the abstract there
   * (nature.com 2014), others a teaser or a TLDR, so only a long one counts and anything visible wins.
   * A description cut short ("...") counts as the visible text it was cut from, when there is one.
   */
  weak(doc) {
    const description = readMeta(doc).get('description')?.[0];
    const full = description ? fullDescription(doc, stripMarkup(description) ?? '') : undefined;
    const abstract = abstractFrom(full ?? description, 249);
    return abstract ? { abstract } : {};
  },
};
