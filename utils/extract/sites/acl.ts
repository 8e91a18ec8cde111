import type { PaperDraft, WorkRef } from '../../paper';
import { normalizeDoi } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { resolveUrl } from '../meta';
import { blockText, clean, collapse, dropAbstractLabel, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';
import { namesFromElements, workRef } from './publisher-common';

/**
 * ACL Anthology (aclanthology.org; formerly www.aclweb.org/anthology/ and aclanthology.info):
 * paper pages `/<anthology id>/` and the listings of volumes, events, venues and people.
 *
 * Paper pages carry good Highwire tags (title, authors, PDF, DOI, `citation_conference_title` or
 * `citation_journal_title`, `citation_publication_date` as "2020/7"). What they lack, and is read here:
 * - the abstract: no meta tag; it is the `.acl-abstract` card (an `h5` "Abstract" then the text);
 * - the date when the volume has no `citation_publication_date`: the "Month:"/"Year:" rows of the
 *   details list (`<dt>Year:</dt><dd>2020</dd>`);
 * - the type: proceedings papers vs. journal articles (TACL, Computational Linguistics);
 * - the canonical address `https://aclanthology.org/<id>/`.
 * Anthology ids are `2020.acl-main.1` (2020 on) or `P19-1001` (a letter, a two-digit year, a
 * four-digit number); a listing entry's year comes from its id when the page gives no other.
 *
 * Test URLs: https://aclanthology.org/2020.acl-main.1/, https://aclanthology.org/P19-1001/,
 * https://www.aclweb.org/anthology/N19-1423/, https://aclanthology.org/volumes/2020.acl-main/,
 * https://aclanthology.org/events/acl-2020/, https://aclanthology.org/people/c/christopher-d-manning/
 */

const HOST = /(?:^|\.)(?:aclanthology\.org|aclanthology\.info|aclweb\.org)$/i;
const NEW_ID = /^(\d{4})\.[a-z0-9-]+\.\d+$/i;
const OLD_ID = /^([A-Z])(\d{2})-\d{4}$/;

/** The anthology id in a path: `/2020.acl-main.1/`, `/anthology/P19-1001.pdf`. */
export function anthologyId(path: string): string | undefined {
  const seg = path
    .replace(/^\/anthology\//, '/')
    .replace(/\.(?:pdf|bib|xml)$/i, '')
    .split('/')
    .filter(Boolean);
  if (seg.length !== 1) return undefined;
  const id = seg[0] ?? '';
  return NEW_ID.test(id) || OLD_ID.test(id) ? id : undefined;
}

/** The year an anthology id encodes: `2020.acl-main.1` -> 2020, `P19-1001` -> 2019, `J79-1001` -> 1979. */
export function idYear(id: string): number | undefined {
  const n = NEW_ID.exec(id);
  if (n?.[1]) return Number(n[1]);
  const o = OLD_ID.exec(id);
  if (!o?.[2]) return undefined;
  const yy = Number(o[2]);
  return yy >= 60 ? 1900 + yy : 2000 + yy;
}

/** `<dt>Label:</dt><dd>value</dd>` rows of the details list. */
function details(doc: Document): Map<string, Element> {
  const map = new Map<string, Element>();
  for (const dt of Array.from(
    doc.querySelectorAll('.acl-paper-details dt, #main dl dt, dl dt'),
  ).slice(0, 60)) {
    const dd = dt.nextElementSibling;
    const label = collapse(dt.textContent ?? '')
      .replace(/:$/, '')
      .toLowerCase();
    if (dd?.localName === 'dd' && label && !map.has(label)) map.set(label, dd);
  }
  return map;
}

function paper(doc: Document, url: URL, id: string, base: Readonly<PaperDraft>): SiteResult {
  const d: PaperDraft = {};
  const dl = details(doc);
  if (!base.title) {
    const t = textOf(doc.querySelector('h2#title, #title'), 2000);
    if (t) d.title = t;
  }
  if (!base.authors?.length) {
    const authors = namesFromElements(doc.querySelectorAll('p.lead a[href*="/people/"]'));
    if (authors.length) d.authors = authors;
  }
  const absBox = doc.querySelector('.acl-abstract');
  const abs = blockText(absBox, 20_000, (e) => /^h[1-6]$/.test(e.localName));
  if (abs && abs.length > 40) d.abstract = dropAbstractLabel(abs);
  if (!base.issued) {
    const year = textOf(dl.get('year'), 10);
    const month = textOf(dl.get('month'), 20)?.split(/[-–/]/)[0];
    const issued =
      parseDate(month && year ? `${month} ${year}` : year) ?? parseDate(String(idYear(id) ?? ''));
    if (issued) {
      d.issued = issued;
      d.year = yearOf(issued);
    }
  }
  if (!base.doi) {
    const doi = normalizeDoi(textOf(dl.get('doi'), 200));
    if (doi) d.doi = doi;
  }
  if (!base.venue) {
    const venue = textOf(dl.get('volume'), 500);
    if (venue) d.venue = venue;
  }
  if (!base.publisher) {
    const publisher = textOf(dl.get('publisher'), 200);
    if (publisher) d.publisher = publisher;
  }
  if (!base.pages) {
    const pages = textOf(dl.get('pages'), 40);
    if (pages) d.pages = pages.replace(/\s*-+\s*/, '–');
  }
  const journal = doc.querySelector('meta[name="citation_journal_title"]');
  d.type = journal ? 'article-journal' : 'paper-conference';
  if (!base.pdfUrl) {
    const pdf = resolveUrl(
      doc.querySelector('a.btn-primary[href$=".pdf"], a[href$=".pdf"]')?.getAttribute('href'),
      url,
    );
    d.pdfUrl = pdf ?? `https://aclanthology.org/${id}.pdf`;
  }
  d.url = `https://aclanthology.org/${id}/`;
  return { draft: d, kind: 'paper' };
}

/**
 * Volume, event, venue and people pages: one paragraph per paper, its title in `<strong><a>`
 * linking to the paper's id, then the authors as links to `/people/…`.
 */
function listing(doc: Document, url: URL): WorkRef[] {
  const works: WorkRef[] = [];
  const seen = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('strong > a[href]')).slice(0, 5000)) {
    const href = a.getAttribute('href') ?? '';
    const abs = resolveUrl(href, url);
    if (!abs) continue;
    const id = anthologyId(new URL(abs).pathname);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const entry = a.closest('span, p, li, div') ?? a.parentElement;
    const authors = namesFromElements(entry?.querySelectorAll('a[href*="/people/"]') ?? []);
    const ref = workRef(clean(a.textContent, 1000), authors, {
      year: idYear(id),
      href: `/${id}/`,
      base: url,
    });
    if (ref) works.push(ref);
  }
  return works;
}

export const acl: SiteExtractor = {
  id: 'acl',
  testUrls: [
    'https://aclanthology.org/2020.acl-main.1/',
    'https://aclanthology.org/P19-1001/',
    'https://www.aclweb.org/anthology/N19-1423/',
    'https://aclanthology.org/volumes/2020.acl-main/',
    'https://aclanthology.org/events/acl-2020/',
    'https://aclanthology.org/people/c/christopher-d-manning/',
  ],
  matches: (url) => HOST.test(url.hostname),
  extract(doc, url, base): SiteResult {
    const id = anthologyId(url.pathname);
    if (id) return paper(doc, url, id, base);
    if (/^\/(?:anthology\/)?(?:volumes|events|venues|people|sigs)\//.test(url.pathname)) {
      const works = listing(doc, url);
      if (works.length) return { draft: {}, kind: 'listing', works };
    }
    return { draft: {} };
  },
};
