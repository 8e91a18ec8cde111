import type { Author, WorkRef } from '../paper';
import { findDoi } from '../paper-ids';
import { resolveUrl } from './meta';
import { parseName } from './names';
import { blockText, collapse, textOf } from './text';

/**
 * Listing pages: search results and tables of contents show several works, each as a repeated block
 * with a title (usually a heading or an element whose class says "title"), a link, and a line of
 * authors, venue and year. Read by that repetition, not by one site's class names, so that Google
 * Scholar (`h3.gs_rt`, legacy `h3.r`), Nature's tables of contents (`.atl`), PMC's result lists
 * (`.toc-title`) and unseen sites are handled alike. Site extractors can still do better for a site.
 */

/** The address or the page title says "search results" or "table of contents". */
export function listingHints(doc: Document, url: URL): boolean {
  const path = `${url.pathname}${url.search}`.toLowerCase();
  if (
    /\/(search|results?|toc|issues?|scholar|browse|query)\b|[?&](q|query|term|search|as_q|cluster)=/.test(
      path,
    )
  )
    return true;
  const title = (doc.querySelector('title')?.textContent ?? '').slice(0, 300);
  return /search results|table of contents|\bresults\b|google scholar|\bcontents\b|\bsearch\b/i.test(
    title,
  );
}

/** schema.org types of a work, as microdata writes them (`itemtype="https://schema.org/…"`). */
const WORK_ITEMTYPE =
  /^https?:\/\/schema\.org\/(?:ScholarlyArticle|MedicalScholarlyArticle|Thesis|Report|Chapter)$/i;
const MAX_ITEMS = 2000;

/**
 * The works a page marks up as schema.org microdata items (`itemscope itemtype=".../ScholarlyArticle"`),
 * as bibliographies such as dblp's and some tables of contents do: a listing when there are at least
 * two, none nested in another. Each gives its `name`, `author`s, `datePublished`, `isPartOf` and links.
 */
export function microdataWorks(doc: Document, url: URL): WorkRef[] {
  const items = Array.from(doc.querySelectorAll('[itemscope][itemtype]'))
    .slice(0, MAX_ITEMS)
    .filter((el) => WORK_ITEMTYPE.test((el.getAttribute('itemtype') ?? '').trim()));
  // In document order an item nested in another comes after it and inside the last top-level one.
  const top: Element[] = [];
  for (const el of items) if (!top.at(-1)?.contains(el)) top.push(el);
  if (top.length < 2) return [];
  const works: WorkRef[] = [];
  for (const item of top.slice(0, MAX_WORKS)) {
    const own = (prop: string): Element[] =>
      Array.from(item.querySelectorAll(`[itemprop~="${prop}"]`)).filter(
        (e) => ownerItem(e) === item,
      );
    const title = textOf(own('name')[0] ?? own('headline')[0], 500)?.replace(/\.$/, '');
    if (!title) continue;
    const work: WorkRef = { title, authors: [] };
    for (const a of own('author').slice(0, 200)) {
      const name = a.querySelector('[itemprop~="name"]') ?? a;
      const person = parseName(textOf(name, 200));
      if (person) work.authors.push(person);
    }
    const date = own('datePublished')[0];
    const year = /\b(?:1[89]\d\d|20\d\d)\b/.exec(
      date?.getAttribute('content') ?? textOf(date, 50) ?? '',
    );
    if (year) work.year = Number(year[0]);
    const venue = own('isPartOf')[0];
    const venueName = venue && textOf(venue.querySelector('[itemprop~="name"]') ?? venue, 300);
    if (venueName) work.venue = venueName;
    for (const a of Array.from(item.querySelectorAll('a[href]')).slice(0, 50)) {
      const href = resolveUrl(a.getAttribute('href'), url);
      if (!href) continue;
      const doi = /^https?:\/\/(?:dx\.)?doi\.org\//i.test(href) ? findDoi(href) : undefined;
      if (doi && !work.doi) work.doi = doi;
      else if (!work.url && !isPartLink(a)) work.url = href;
    }
    if (!work.url && work.doi) work.url = `https://doi.org/${work.doi}`;
    works.push(work);
  }
  return works.length >= 2 ? works : [];
}

/** A link to an author or to the venue, not to the work. */
function isPartLink(a: Element): boolean {
  const part = '[itemprop~="author"],[itemprop~="isPartOf"]';
  return !!(a.closest(part) ?? a.querySelector(part));
}

/** The item an `itemprop` belongs to: its nearest ancestor with `itemscope`. */
function ownerItem(el: Element): Element | null {
  return el.parentElement?.closest('[itemscope]') ?? null;
}

const MAX_CANDIDATES = 3000;
const MAX_WORKS = 200;
const TITLE_CLASS = /title|(?:^|[\s_-])(?:atl|rt)(?:$|[\s_-])/i;

const BLOCK_LINES = /^(?:div|p)$/;

/**
 * Names from an item's "A Author, B Author - Venue, 2009 - host" line, when it reads as names: each
 * of two to five words ("AK Geim", "Jan de Vries"), so that a one-word line ("PDF") is none.
 */
function namesFrom(line: string): Author[] {
  const head = line.split(/\s+[-–—]\s+/)[0] ?? '';
  const parts = head
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map((p) => p.replace(/[…]|\.\.\.$/g, '').trim())
    .filter(Boolean);
  if (!parts.length || parts.length > 60) return [];
  const ok = parts.every((p) => {
    const words = p.split(' ').length;
    return /^[\p{Lu}][\p{L}.'’ -]{0,60}$/u.test(p) && words >= 2 && words <= 5;
  });
  if (!ok) return [];
  return parts.map((p) => parseName(p)).filter((a): a is Author => !!a);
}

/**
 * The address a title element links to (its own link, the link around it, or the first in its
 * block), when that is another page: a link into the page itself (a heading's permalink, a table of
 * contents' `#section`) does not lead to a work.
 */
function workLink(el: Element | null | undefined, url: URL): string | undefined {
  const link =
    el?.querySelector('a[href]') ??
    el?.closest('a[href]') ??
    el?.parentElement?.querySelector('a[href]');
  const href = resolveUrl(link?.getAttribute('href'), url);
  if (!href) return undefined;
  const hash = href.indexOf('#');
  const page = url.href.split('#')[0];
  return hash >= 0 && href.slice(0, hash) === page ? undefined : href;
}

export function listingWorks(doc: Document, url: URL): WorkRef[] {
  const candidates = Array.from(
    doc.querySelectorAll('h2,h3,h4,[class*="title"],[class~="atl"],[class~="r"]'),
  ).slice(0, MAX_CANDIDATES);
  const groups = new Map<string, Element[]>();
  for (const el of candidates) {
    if (el.closest('head,nav,header,footer,select')) continue;
    const text = textOf(el, 500);
    // Short titles ("Deep learning") count when they are links.
    const min = el.querySelector('a[href]') || el.closest('a[href]') ? 6 : 15;
    if (!text || text.length < min || text.length > 400) continue;
    const key = `${el.localName}.${el.getAttribute('class') ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(el);
    groups.set(key, list);
  }
  let best: Element[] | undefined;
  let bestScore = 0;
  for (const [key, els] of groups) {
    // Titles link to their work (or sit in a block that does); prefer groups named as titles.
    const linked = els.filter((e) => workLink(e, url)).length;
    if (!linked) continue;
    const score = linked + (TITLE_CLASS.test(key.split('.').slice(1).join('.')) ? 0.5 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = els;
    }
  }
  if (!best) return [];
  const works: WorkRef[] = [];
  for (const el of best.slice(0, MAX_WORKS)) {
    const title = collapse(
      (textOf(el, 500) ?? '').replace(/^\s*\[(?:pdf|html|citation|book|b|c)\]\s*/i, ''),
    );
    if (!title) continue;
    const work: WorkRef = { title, authors: [] };
    const href = workLink(el, url);
    if (href) work.url = href;
    // The lines after the title: authors, venue, year, DOI.
    const block = el.nextElementSibling ? el : (el.parentElement ?? el);
    const lines: string[] = [];
    let sib = block.nextElementSibling;
    for (let k = 0; sib && k < 3; k++, sib = sib.nextElementSibling) {
      if (
        sib.localName === block.localName &&
        sib.getAttribute('class') === block.getAttribute('class')
      )
        break;
      // A block of blocks (`<div class="meta"><div class="authors">…</div><div class="pages">…`)
      // is one line per block.
      const parts = sib.firstElementChild && BLOCK_LINES.test(sib.firstElementChild.localName);
      for (const line of parts ? Array.from(sib.children).slice(0, 5) : [sib]) {
        const t = blockText(line, 600);
        if (t) lines.push(t);
      }
    }
    for (const line of lines) {
      const authors = namesFrom(line);
      if (authors.length) {
        work.authors = authors;
        break;
      }
    }
    const text = lines.join(' ');
    const years = new Set(text.match(/\b(?:1[89]\d\d|20\d\d)\b/g) ?? []);
    if (years.size >= 1) work.year = Number([...years][0]);
    const doi = /\bdoi\b/i.test(text) ? findDoi(text) : undefined;
    if (doi) work.doi = doi;
    works.push(work);
  }
  // Works are known by their authors or DOI; a blog's related posts or a news site's stories, whose
  // blocks repeat just as well, name neither.
  const identified = works.filter((w) => w.authors.length || w.doi).length;
  return identified * 2 >= works.length ? works : [];
}
