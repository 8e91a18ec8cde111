import type { Author, WorkRef } from '../../paper';
import { parseName } from '../names';
import { clean, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';
import { workRef, yearInText } from './publisher-common';

/**
 * Google Scholar (scholar.google.com and its country domains): search results, "Cited by" and
 * "All versions" (cluster) pages, and author profiles. Scholar never shows one paper, so every
 * Scholar page is a listing when it lists works and `none` otherwise.
 *
 * Each result (current `div.gs_r` / `.gs_ri`, 2009 `h3.r` followed by `span.a`) gives:
 * - the title in `h3.gs_rt` (its link is the work's page; "[CITATION]"/"[PDF]"/"[BOOK]" tags are
 *   labels, not title text), possibly without a link for citation-only entries;
 * - the byline "Y LeCun, Y Bengio, G Hinton - Nature, 2015 - nature.com": authors (initials then
 *   surname, truncated with "…"), then venue and year, then the host; Scholar cuts long venues with
 *   "…" too, so the venue is kept as written.
 * Profiles (`/citations?user=`) list `tr.gsc_a_tr` rows: title link, two grey lines (authors, venue)
 * and the year.
 *
 * Test URLs: https://scholar.google.com/scholar?q=%22deep+learning%22,
 * https://scholar.google.co.jp/scholar?hl=en&cluster=5362332738201102290&num=1,
 * https://scholar.google.com/scholar?cites=5362332738201102290,
 * https://scholar.google.de/citations?user=kukA0LcAAAAJ
 */

const HOST = /^scholar\.google\.(?:com|[a-z]{2,3}|com?\.[a-z]{2})$/i;
const MAX_RESULTS = 500;

/** "Y LeCun, Y Bengio, … - Nature, 2015 - nature.com" -> authors, venue, year. */
export function parseByline(line: string | undefined): {
  authors: Author[];
  venue?: string;
  year?: number;
} {
  const s = clean(line, 2000);
  if (!s) return { authors: [] };
  // Scholar separates the three parts with " - " (a hyphen or en dash between spaces).
  const parts = s.split(/\s+[-–]\s+/);
  const authors: Author[] = [];
  for (const raw of (parts[0] ?? '').split(/\s*,\s*/).slice(0, 100)) {
    const name = raw.replace(/[…]|\.\.\.$/g, '').trim();
    if (!name || name === '…') continue;
    const a = parseName(name);
    // A lone "O" or "RB" is a name Scholar cut short ("…, O …"), not a person.
    if (a && !(a.literal && /^\p{Lu}{1,3}$/u.test(a.literal))) authors.push(a);
  }
  const out: { authors: Author[]; venue?: string; year?: number } = { authors };
  const mid =
    parts.length >= 3
      ? parts[1]
      : parts.length === 2 && !/\.\w{2,}$/.test(parts[1] ?? '')
        ? parts[1]
        : undefined;
  if (mid) {
    const year = yearInText(mid);
    if (year) out.year = year;
    const venue = clean(mid.replace(/,?\s*(?:1[5-9]|20)\d{2}\s*$/, ''), 300);
    if (venue && !/^(?:1[5-9]|20)\d{2}$/.test(venue)) out.venue = venue;
  } else {
    const year = yearInText(parts[1]);
    if (year) out.year = year;
  }
  return out;
}

function titleOf(h3: Element): { title?: string; href?: string | null } {
  const link = h3.querySelector('a[href]');
  // Labels such as [PDF], [HTML], [CITATION], [BOOK] sit in their own span or font element.
  const title = clean(
    Array.from((link ?? h3).childNodes)
      .filter(
        (n) =>
          !(
            n.nodeType === 1 &&
            /^(?:span|font)$/.test((n as Element).localName) &&
            /^\s*\[[A-Z]+\]\s*$/.test(n.textContent ?? '')
          ),
      )
      .map((n) => n.textContent ?? '')
      .join(''),
    1000,
  )?.replace(/^\[[A-Z]+\]\s*/, '');
  return { title, href: link?.getAttribute('href') };
}

function results(doc: Document, url: URL): WorkRef[] {
  const works: WorkRef[] = [];
  // Current layout (2012–): one `.gs_ri` per result.
  for (const ri of Array.from(doc.querySelectorAll('.gs_ri')).slice(0, MAX_RESULTS)) {
    const h3 = ri.querySelector('h3.gs_rt, h3');
    if (!h3) continue;
    const { title, href } = titleOf(h3);
    const by = parseByline(textOf(ri.querySelector('.gs_a'), 2000));
    const ref = workRef(title, by.authors, { year: by.year, venue: by.venue, href, base: url });
    if (ref) works.push(ref);
  }
  if (works.length) return works;
  // 2009 layout: `<h3 class="r">` then, in the following font element, `<span class="a">`.
  for (const h3 of Array.from(doc.querySelectorAll('h3.r')).slice(0, MAX_RESULTS)) {
    let byline: Element | null = null;
    for (
      let el = h3.nextElementSibling, k = 0;
      el && k < 4 && !byline;
      el = el.nextElementSibling, k++
    ) {
      if (el.localName === 'h3' || el.localName === 'p') break;
      byline =
        el.matches('span.a') && (el.textContent ?? '').length > 3 ? el : el.querySelector('span.a');
    }
    const { title, href } = titleOf(h3);
    const by = parseByline(textOf(byline, 2000));
    const ref = workRef(title, by.authors, { year: by.year, venue: by.venue, href, base: url });
    if (ref) works.push(ref);
  }
  return works;
}

function profile(doc: Document, url: URL): WorkRef[] {
  const works: WorkRef[] = [];
  for (const row of Array.from(doc.querySelectorAll('tr.gsc_a_tr')).slice(0, MAX_RESULTS)) {
    const link = row.querySelector('a.gsc_a_at');
    const grey = row.querySelectorAll('.gs_gray');
    const authors = (textOf(grey[0], 2000) ?? '')
      .split(/\s*,\s*/)
      .filter((n) => n && n !== '...' && n !== '…')
      .map((n) => parseName(n))
      .filter((a): a is Author => !!a);
    const year = yearInText(textOf(row.querySelector('.gsc_a_y'), 20));
    const venue = textOf(grey[1], 300)?.replace(/,?\s*(?:1[5-9]|20)\d{2}$/, '');
    const ref = workRef(textOf(link), authors, {
      year,
      venue,
      href: link?.getAttribute('href'),
      base: url,
    });
    if (ref) works.push(ref);
  }
  return works;
}

export const googleScholar: SiteExtractor = {
  id: 'googlescholar',
  testUrls: [
    'https://scholar.google.com/scholar?q=%22deep+learning%22',
    'https://scholar.google.co.jp/scholar?hl=en&cluster=5362332738201102290&num=1',
    'https://scholar.google.com/scholar?cites=5362332738201102290',
    'https://scholar.google.de/citations?user=kukA0LcAAAAJ',
  ],
  matches: (url) => HOST.test(url.hostname),
  extract(doc, url): SiteResult {
    const works = url.pathname.startsWith('/citations') ? profile(doc, url) : results(doc, url);
    return works.length ? { draft: {}, kind: 'listing', works } : { draft: {}, kind: 'none' };
  },
};
