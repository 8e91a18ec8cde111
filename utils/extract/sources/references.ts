import type { WorkRef } from '../../paper';
import { applyLookup, parseVancouver, refLinks } from '../refs';
import { pageIndex } from '../meta';
import { after, collapse, textOf } from '../text';

/**
 * The reference list the page prints, for papers whose metadata and site extractor list no references
 * (Highwire's `citation_reference`, JSON-LD's `citation`, PMC's reader win): the list under a heading
 * "References" (or "Bibliography", "Literature cited", …), read by its structure rather than one
 * publisher's class names. Each entry gives what its markup and text give:
 * - the citation string itself, split into authors, title and journal only when it reads as a
 *   Vancouver one (refs.ts), and always kept whole (`raw`) with its year;
 * - its Google Scholar lookup link, which carries the fields already split (title, authors, year,
 *   journal, DOI), as PeerJ, Springer and PMC print it;
 * - an element whose class names a title (`references__article-title`, `article-title`, a linked
 *   `title`), but not the journal's (inside a `series` or `source` block), over both;
 * - and the DOI, PubMed and other links it carries (refs.ts `refLinks`).
 * Physics journals print no titles ("F. Rincon, J. Plasma Phys. 85, 205850401 (2019)"): such
 * entries stay raw strings with their DOI and year, which is what the page gives.
 */

/** A heading that opens a reference list ("References", "5. References", "References (42)"). */
const REFERENCES_HEADING =
  /^(?:\d+\.?\s*)?(?:references?|references and notes|notes and references|bibliography|literature cited|works cited|cited literature|literatur|literaturverzeichnis|bibliographie|références|referências|referencias)(?:\s*\(\d+\))?\s*:?$/i;
/** The first word of such a heading, for the rarer headings that hold more than their name. */
const REFERENCES_START =
  /^(?:\d+\.?\s*)?(?:referen|bibliog|literat|works cited|cited literature|notes and ref|référ|referê)/i;
/** Most headings looked at, elements walked from one to its list, and entries read. */
const MAX_HEADINGS = 400;
const MAX_STEPS = 400;
export const MAX_REFERENCES = 500;
/** Longest entry text read: a citation fits; some sites hide the cited abstract in the entry. */
const MAX_ENTRY = 700;
/** Link labels printed after each entry ("… 2019. Article CAS PubMed Google Scholar"). */
const LINK_LABELS =
  /(?:\s*(?:\[?(?:Google Scholar|Crossref|CrossRef|PubMed(?: Central)?|PMC free article|Full Text via CrossRef|View Record in Scopus|Web of Science|MathSciNet|ADS|CAS|Article|Medline|Abstract|Download citation|Find this author on \w+ \w+|Find this article online|PDF \(\d+ ?[KM]B?\)|Cited By in Scopus \(\d+\))\]?)\s*(?:[|,]\s*)?)+$/;
/**
 * A link label in brackets, and everything after it ("… DOI: 10.1021/… [ACS Full Text], [CAS] <the
 * cited abstract>").
 */
const BRACKETED_LINKS =
  /\s*\[\s*(?:ACS Full Text|CAS|Crossref|CrossRef|PubMed|PMC free article|Google Scholar|Web of Science|Medline)\s*\][\s\S]*$/;
/** A leading entry number: "12.", "[12]", "(2).", or "3" alone before a capital. */
const ENTRY_NUMBER = /^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)\.?|\d{1,4}\.|\d{1,3}(?=\s+\p{Lu}))\s*/u;
const YEAR = /\b(?:1[6-9]|20)\d\d\b/;
/**
 * Two blocks glued by `textContent`: a word's full stop, comma or bracket right before a capital
 * ("et al.Increase"), not an abbreviation's ("U.S.", "p.C10X").
 */
const GLUED = /(\p{Ll}{2}[.,;:)\]])(\p{Lu})/gu;
const HEADING_LEVEL = /^h([1-6])$/;

export function visibleReferences(doc: Document, url: URL): WorkRef[] {
  const headings = pageIndex(doc).headings;
  const n = Math.min(headings.length, MAX_HEADINGS);
  for (let i = 0; i < n; i++) {
    const h = headings[i];
    if (!h || !isReferencesHeading(h)) continue;
    const items = listAfter(h);
    if (!items) continue;
    const out: WorkRef[] = [];
    for (const item of items.slice(0, MAX_REFERENCES)) {
      const ref = readReference(item, url);
      if (ref) out.push(ref);
    }
    if (out.length) return out;
  }
  return [];
}

/**
 * A heading that names the reference list. Its links into the page itself are not part of its name:
 * "References <a href="#top">Top</a>" (older PLOS and other journal templates).
 */
function isReferencesHeading(h: Element): boolean {
  const label = h.textContent ?? '';
  if (label.length > 60) return false;
  const text = collapse(label);
  if (REFERENCES_HEADING.test(text)) return true;
  // Only a name that starts like one can be one once its links are left out.
  if (!REFERENCES_START.test(text) || !h.firstElementChild) return false;
  const own = h.querySelectorAll('a[href^="#"]');
  if (!own.length) return false;
  let rest = label;
  for (const a of Array.from(own)) rest = rest.replace(a.textContent ?? '', ' ');
  return REFERENCES_HEADING.test(collapse(rest));
}

/**
 * The entries of the first list after the heading that reads as a reference list, before the next
 * heading of the same or a higher level (the next section): the items of a list (`ol`, `ul`), or a
 * run of blocks (`div`, `p`) that each hold one entry, as ScienceDirect's older pages and others
 * print them. Lists that do not read as references (a section menu) are passed over.
 */
function listAfter(heading: Element): Element[] | undefined {
  const level = Number(HEADING_LEVEL.exec(heading.localName)?.[1] ?? 6);
  const section = heading.parentElement;
  let el = after(heading);
  for (let steps = 0; el && steps < MAX_STEPS; steps++) {
    const tag = el.localName;
    const l = HEADING_LEVEL.exec(tag)?.[1];
    if (l && Number(l) <= level) return undefined;
    if (tag === 'ol' || tag === 'ul') {
      const items = Array.from(el.children).filter((c) => c.localName === 'li');
      if (readsAsReferences(items)) return items;
      el = after(el);
      continue;
    }
    // Blocks are read inside the heading's own section only (its parent), where a list may stand
    // anywhere: a page's dialogs and menus after a collapsed, empty section are blocks too.
    if ((tag === 'div' || tag === 'p') && section?.contains(el) && readsAsEntry(el)) {
      const run = blockRun(el);
      if (readsAsReferences(run, true)) return run;
    }
    el = el.firstElementChild ?? after(el);
  }
  return undefined;
}

/**
 * The block and the blocks of the same tag after it, up to a heading or a block of another kind;
 * blocks without text between them are passed over (`<p><a name="bib2"></a></p>` anchors).
 */
function blockRun(first: Element): Element[] {
  const out = [first];
  for (
    let s = first.nextElementSibling;
    s && out.length < MAX_REFERENCES;
    s = s.nextElementSibling
  ) {
    if (s.localName === first.localName) out.push(s);
    else if (HEADING_LEVEL.test(s.localName) || (s.textContent ?? '').trim()) break;
  }
  return out;
}

/** A citation's length, with a year. */
function readsAsEntry(el: Element): boolean {
  const text = el.textContent ?? '';
  return text.length <= 3 * MAX_ENTRY && text.trim().length >= 30 && YEAR.test(text);
}

/**
 * Two entries or more, most of them a citation's length with a year or a link; with a year, for
 * blocks (`div`, `p`), which are any part of a page where list items are a list's.
 */
function readsAsReferences(items: readonly Element[], blocks = false): boolean {
  if (items.length < 2) return false;
  const sample = items.slice(0, 20);
  let cited = 0;
  for (const li of sample) {
    const text = (li.textContent ?? '').slice(0, 600);
    if (text.trim().length < 30) continue;
    if (YEAR.test(text) || (!blocks && li.querySelector('a[href]'))) cited++;
  }
  return cited * 2 > sample.length;
}

function readReference(li: Element, url: URL): WorkRef | undefined {
  const text = entryText(li);
  if (!text) return undefined;
  const ref = parseVancouver(text);
  applyLookup(ref, refLinks(li, ref, url));
  // A title the markup names wins: PeerJ's lookup link of a chapter looks up its proceedings.
  const title = markedTitle(li);
  if (title) ref.title = title;
  return ref;
}

/**
 * An entry's text: `textContent`, one native call, where walking the entry's nodes would make the
 * browser create an object for each of them on every entry of a long list. The blocks it glues
 * together ("… et al.Increase of …") get their space back after a word's full stop or bracket; the
 * link labels after the citation, an entry number before it, and anything after a bracketed link
 * label ("[CAS]" and the cited abstract some sites hide there) go.
 */
function entryText(li: Element): string | undefined {
  const raw = li.textContent;
  if (!raw) return undefined;
  let text = collapse(raw.length > 3 * MAX_ENTRY ? raw.slice(0, 3 * MAX_ENTRY) : raw);
  const cut = BRACKETED_LINKS.exec(text);
  if (cut) text = text.slice(0, cut.index);
  if (text.length > MAX_ENTRY) text = text.slice(0, MAX_ENTRY);
  // Trailing link labels, looked for in the entry's tail only.
  const tail = Math.max(0, text.length - 160);
  const labels = LINK_LABELS.exec(text.slice(tail));
  if (labels) text = text.slice(0, tail + labels.index);
  text = text.replace(ENTRY_NUMBER, '').replace(GLUED, '$1 $2').trim();
  return text || undefined;
}

/** The text of the entry's element whose class names it as the title, not the journal's. */
function markedTitle(li: Element): string | undefined {
  const first = li.querySelector('[class*="title"]');
  if (!first) return undefined;
  // The first is the title as a rule; the others are looked at when it names the journal.
  const candidates = inJournal(first, li)
    ? Array.from(li.querySelectorAll('[class*="title"]')).slice(1, 5)
    : [first];
  for (const el of candidates) {
    if (inJournal(el, li)) continue;
    const t = textOf(el, 1000)?.replace(/\.$/, '');
    if (t && t.length >= 8) return t;
  }
  return undefined;
}

/** Whether the element is, or sits in, the block that names the journal or the book. */
function inJournal(el: Element, li: Element): boolean {
  for (let e: Element | null = el; e && e !== li; e = e.parentElement)
    if (/series|source|journal|host|container|book/i.test(e.getAttribute('class') ?? ''))
      return true;
  return false;
}
