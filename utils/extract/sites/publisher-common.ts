import type { Author, WorkRef } from '../../paper';
import { findDoi, normalizeDoi, parseArxivId } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { first, readMeta, resolveUrl } from '../meta';
import { parseName } from '../names';
import { clean, textOf } from '../text';

/**
 * Small helpers shared by the publisher and listing extractors (ACL, ACM, IEEE, Springer/Nature,
 * ScienceDirect, PLOS, Google Scholar and the listing pages): host tests that also accept a
 * library proxy's rewritten host, names from given/family spans, dates found in running text, and
 * `WorkRef`s for listings. Everything reads only the elements it is handed.
 */

/**
 * True when `url` is on `domain` or a subdomain, also behind an EZproxy-style library proxy that
 * rewrites the host (`www.sciencedirect.com.ezproxy.lib.example.edu`,
 * `www-sciencedirect-com.ezproxy.example.edu`), as the 2009 pages in the corpus were saved.
 */
export function onHost(url: URL, domain: string): boolean {
  const h = url.hostname.toLowerCase();
  if (h === domain || h.endsWith(`.${domain}`)) return true;
  if (
    h.includes(`${domain}.`) &&
    /(?:^|\.)(?:ezproxy|proxy|idm\.oclc|libproxy)/.test(h.slice(h.indexOf(domain) + domain.length))
  )
    return true;
  const dashed = domain.replace(/\./g, '-');
  return h.startsWith(`${dashed}.`) || h.includes(`-${dashed}.`) || h.includes(`.${dashed}.`);
}

/**
 * True when the page's head has a `citation_title` (read from the cached meta index, not by a
 * selector query: a document-wide query costs milliseconds in linkedom).
 */
export function hasCitationMeta(doc: Document): boolean {
  return !!first(readMeta(doc), 'citation_title');
}

/** Elements with a class, by the cheap live-collection lookup every DOM implements. */
export function byClass(root: Document | Element, cls: string, max = 5000): Element[] {
  // Copied once: indexing a live collection re-walks the tree in some DOMs (linkedom).
  return Array.from(root.getElementsByClassName(cls)).slice(0, max);
}

/** Child elements of `el` with a tag name (no selector compilation). */
export function childrenByTag(el: Element, tag: string): Element[] {
  return Array.from(el.children).filter((c) => c.localName === tag);
}

/** At most this many authors are read from a visible byline. */
const MAX_AUTHORS = 3000;

/**
 * Authors from byline entries that mark the two name parts (`.given-name` + `.surname`, RDFa
 * `givenName` + `familyName`…). An entry with only a whole-name element falls back to parsing it.
 */
export function namesFromParts(
  entries: Iterable<Element>,
  given: string,
  family: string,
  whole?: string,
): Author[] {
  const out: Author[] = [];
  for (const entry of entries) {
    if (out.length >= MAX_AUTHORS) break;
    const g = clean(entry.querySelector(given)?.textContent, 200);
    const f = clean(entry.querySelector(family)?.textContent, 200);
    if (f) {
      const a = parseName(g ? `${f}, ${g}` : f);
      if (a) out.push(g ? { given: a.given ?? g, family: a.family ?? f } : a);
      continue;
    }
    const w = whole ? entry.querySelector(whole) : entry;
    const a = parseName(textOf(w, 300));
    if (a) out.push(a);
  }
  return out;
}

/** Authors, one per element (links or spans of a byline), footnote marks cleaned by `parseName`. */
export function namesFromElements(els: Iterable<Element>): Author[] {
  const out: Author[] = [];
  const seen = new Set<string>();
  for (const el of els) {
    if (out.length >= MAX_AUTHORS) break;
    const a = parseName(textOf(el, 300));
    if (!a) continue;
    const key = JSON.stringify(a);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/**
 * A comma/“and” separated byline ("Tao Xu, Joyce Jin and Thomas Boland") split into names; every
 * part must look like a name (2–6 words, no digits) or the line is not a byline.
 */
export function splitByline(text: string | undefined): Author[] {
  if (!text) return [];
  const parts = text
    .replace(/\s+(?:and|&)\s+/gi, ', ')
    .split(/\s*[,;]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length || parts.length > 500) return [];
  const out: Author[] = [];
  for (const p of parts) {
    const words = p.split(/\s+/);
    if (words.length < 2 || words.length > 6 || /\d/.test(p)) return [];
    const a = parseName(p);
    if (!a) return [];
    out.push(a);
  }
  return out;
}

const MONTH_DATE =
  /\b(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2},)?\s+(?:1[5-9]|20)\d{2}\b/i;

/** The first "January 2005" / "12 March 2009" / "March 12, 2009" written in a text, parsed. */
export function dateInText(text: string | undefined): ReturnType<typeof parseDate> {
  if (!text) return undefined;
  const m = MONTH_DATE.exec(text);
  return m ? parseDate(m[0]) : undefined;
}

/** A four-digit year from 1500 to next year written in a text (the last one, as in "…, 2009"). */
export function yearInText(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const max = new Date().getUTCFullYear() + 1;
  const ys = (text.match(/(?<!\d)(?:1[5-9]\d{2}|20\d{2})(?!\d)/g) ?? [])
    .map(Number)
    .filter((y) => y <= max);
  return ys.length ? ys[ys.length - 1] : undefined;
}

/** A `WorkRef` for a listing entry; identifiers read from its link when the link carries one. */
export function workRef(
  title: string | undefined,
  authors: Author[],
  extras: {
    year?: number;
    venue?: string;
    href?: string | null;
    base: URL;
    doi?: string;
    raw?: string;
  },
): WorkRef | undefined {
  const t = clean(title, 1000)?.replace(/^\[(?:pdf|html|book|citation|b|c)\]\s*/i, '');
  if (!t || t.length < 3) return undefined;
  const ref: WorkRef = { title: t, authors };
  if (extras.year) ref.year = extras.year;
  const venue = clean(extras.venue, 300);
  if (venue) ref.venue = venue;
  const url = resolveUrl(extras.href ?? undefined, extras.base);
  if (url && /^https?:/i.test(url)) ref.url = url;
  const doi = normalizeDoi(extras.doi) ?? (url ? findDoi(safeDecode(url)) : undefined);
  if (doi) ref.doi = doi;
  const ax = url && /arxiv\.org\/(?:abs|pdf)\//i.test(url) ? parseArxivId(url) : undefined;
  if (ax) ref.arxivId = ax.id;
  const raw = clean(extras.raw, 2000);
  if (raw) ref.raw = raw;
  return ref;
}

/** `decodeURIComponent` that returns its input on malformed escapes instead of throwing. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export { yearOf };

/**
 * A search-results page read by structure: every link to a work (`isWorkLink`) that is the title of
 * an entry (inside a heading, `<dt>` or an element marked as a title) starts one entry; the entry is
 * the closest list item, article or result container; its authors are the links or elements
 * `authorSelector` picks in it, or its first byline-looking line; its year the first date in it.
 * Used for publisher search pages that are filled by script (IEEE Xplore, Springer Link, PLOS).
 */
export function titledLinkListing(
  doc: Document,
  url: URL,
  isWorkLink: (href: string) => boolean,
  authorSelector: string,
  max = 200,
): WorkRef[] {
  const works: WorkRef[] = [];
  const seen = new Set<string>();
  for (const a of Array.from(doc.getElementsByTagName('a')).slice(0, 20_000)) {
    if (works.length >= max) break;
    const href = a.getAttribute('href');
    if (!href || !isWorkLink(href)) continue;
    const titled = a.closest('h1, h2, h3, h4, h5, dt, [class*="title"]');
    if (!titled) continue;
    const abs = resolveUrl(href, url);
    if (!abs || seen.has(abs)) continue;
    seen.add(abs);
    const entry =
      titled.closest('li, article, xpl-results-item, [class*="result-item"], [class*="result"]') ??
      titled.parentElement;
    // A <dt> title's details are in the following <dd>.
    const details = titled.localName === 'dt' ? titled.nextElementSibling : entry;
    const authorEls = details
      ? Array.from(details.querySelectorAll(authorSelector)).slice(0, 500)
      : [];
    const byEl =
      authorEls.length === 1 && /[,;]/.test(authorEls[0]?.textContent ?? '')
        ? splitByline(textOf(authorEls[0], 3000))
        : namesFromElements(authorEls);
    const text = spacedText(details, 3000);
    const year =
      yearOf(dateInText(text)) ??
      yearInText(/(?:year|published|date)[^0-9]{0,20}(\d{4})/i.exec(text)?.[1]);
    const ref = workRef(textOf(a, 1000), byEl, { year, href, base: url });
    if (ref) works.push(ref);
  }
  return works;
}

/** The text of an element with its text nodes joined by spaces (inline spans glue words otherwise). */
export function spacedText(el: Element | null | undefined, max = 5000): string {
  if (!el) return '';
  const parts: string[] = [];
  let len = 0;
  const walk = (n: Node, depth: number): void => {
    for (let c = n.firstChild; c && len < max && depth < 100; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = (c as Text).data;
        parts.push(t);
        len += t.length;
      } else if (c.nodeType === 1 && !/^(?:script|style|template)$/.test((c as Element).localName))
        walk(c, depth + 1);
    }
  };
  walk(el, 0);
  return clean(parts.join(' '), max) ?? '';
}
