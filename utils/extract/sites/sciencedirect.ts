import type { Author, PaperDraft, WorkRef } from '../../paper';
import { findDoi, normalizeDoi } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { parseName } from '../names';
import { blockText, clean, dropAbstractLabel, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';
import {
  byClass,
  childrenByTag,
  dateInText,
  hasCitationMeta,
  namesFromParts,
  onHost,
  splitByline,
  workRef,
  yearInText,
} from './publisher-common';

/**
 * ScienceDirect (Elsevier), article pages `/science/article/[abs/]pii/<PII>` and search results.
 *
 * What the generic sources get wrong or miss here:
 * - authors: the head has no `citation_author` (and never had); the names are only in the visible
 *   author group (`#author-group`, one button or link per author with `.given-name` + `.surname`
 *   spans, in the 2019 and the current layouts) and in the embedded JSON state. The generic byline
 *   reader takes the group's whole text, screen-reader label and affiliation letters included
 *   ("Author links open overlay panelKati FinzelShow more"): replaced here by the spans.
 * - the 2009 layout has no meta at all: title in `.articleTitle`, byline in the `<strong><p>` after
 *   it, journal, volume and cover date in `#artihead`, the DOI as a `doi:` link, the abstract under
 *   an `h3` "Abstract"; a "Related Articles" panel with OTHER papers' titles, authors and abstracts
 *   comes first in the page, so nothing is read from outside the article header.
 * - search results (2009 `table.resultRow`, current `li.ResultItem`) are a listing.
 * - the 2009–2014 layouts keep the article's DOI in their page model, an inline script that sets
 *   `SDM.doi = '10.…'`: read when nothing else gave a DOI. A page of that era saved or loaded only
 *   in part (no header, no meta) still names its article that way, so it is a paper identified by
 *   its DOI, without a title rather than with a guessed one.
 *
 * Test URLs: https://www.sciencedirect.com/science/article/pii/S2352485522001888,
 * https://www.sciencedirect.com/science/article/abs/pii/S0009261497040141,
 * http://www.sciencedirect.com/science/article/pii/S0142961204003357,
 * https://www.sciencedirect.com/search?qs=microfluidics
 */

const MAX_JSON_SCAN = 3_000_000;
/** A search page shows 25–100 results; more is not a real page. */
const MAX_RESULTS = 200;

/** Authors from the visible author group, current and 2019 layouts. */
function groupAuthors(doc: Document): Author[] {
  const group = doc.querySelector('#author-group, .author-group, .AuthorGroups');
  if (!group) return [];
  const entries = group.querySelectorAll(
    'button[data-xocs-content-type="author"], a.author, .author-group > button, .react-xocs-alternative-link',
  );
  const withParts = Array.from(entries).filter((e) => e.querySelector('.surname'));
  // Nested matches (the link inside its button) would give each author twice.
  const top = withParts.filter((e) => !withParts.some((o) => o !== e && o.contains(e)));
  return namesFromParts(top, '.given-name', '.surname');
}

/**
 * The embedded state JSON (`<script type="application/json">`) repeats the article's author group:
 * the FIRST `"authors":{"content":…}` object is this article's (later ones are recommendations).
 */
function jsonAuthors(doc: Document): Author[] {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/json"]')).slice(
    0,
    10,
  )) {
    const text = (s.textContent ?? '').slice(0, MAX_JSON_SCAN);
    const start = text.indexOf('"authors":{"content":');
    if (start < 0) continue;
    // The article's author groups end where its affiliations or the next top-level key begin.
    let end = text.indexOf('"#name":"affiliation"', start);
    if (end < 0 || end - start > 200_000) end = Math.min(text.length, start + 200_000);
    const chunk = text.slice(start, end);
    const out: Author[] = [];
    const re =
      /"#name":"given-name","_":"((?:[^"\\]|\\.){1,200})"\},\{"#name":"surname","_":"((?:[^"\\]|\\.){1,200})"/g;
    for (let m = re.exec(chunk); m && out.length < 3000; m = re.exec(chunk)) {
      const a = parseName(`${unescapeJson(m[2] ?? '')}, ${unescapeJson(m[1] ?? '')}`);
      if (a) out.push(a);
    }
    if (out.length) return out;
  }
  return [];
}

/** Inline scripts read for the page model, and the longest script text read. */
const MAX_MODEL_SCRIPTS = 200;
const MAX_MODEL_TEXT = 200_000;
const MODEL_DOI = /\bSDM\.(?:pm\.)?doi\s*=\s*(['"])(10\.\d{4,9}\/[^'"\s]{1,300})\1/;

/** The DOI the 2009–2014 page model (`SDM.doi = '10.…'`) names, if an inline script sets it. */
function pageModelDoi(doc: Document): string | undefined {
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length && i < MAX_MODEL_SCRIPTS; i++) {
    const s = scripts[i]!;
    if (s.hasAttribute('src')) continue;
    const text = (s.textContent ?? '').slice(0, MAX_MODEL_TEXT);
    if (!text.includes('SDM.')) continue;
    const doi = normalizeDoi(MODEL_DOI.exec(text)?.[2]);
    if (doi) return doi;
  }
  return undefined;
}

function unescapeJson(s: string): string {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s;
  }
}

/** The 2009 layout: everything from the article header, nothing from the Related Articles panel. */
function legacy(doc: Document, base: Readonly<PaperDraft>): PaperDraft {
  const draft: PaperDraft = {};
  const titleEl = doc.querySelector('.articleTitle');
  if (!titleEl) return draft;
  const title = textOf(titleEl, 2000);
  if (title) draft.title = title;
  // The byline is the first bold paragraph after the title; other `<strong>`s are headings.
  for (let el = titleEl.nextElementSibling, k = 0; el && k < 6; el = el.nextElementSibling, k++) {
    if (el.localName !== 'strong' && !el.querySelector('strong')) continue;
    const authors = splitByline(textOf(el, 3000));
    if (authors.length) {
      draft.authors = authors;
      break;
    }
  }
  const head = doc.querySelector('#artihead, .artihead');
  if (head) {
    const venue = textOf(head.querySelector('a b, b'), 300);
    if (venue) draft.venue = venue;
    const text = blockText(head, 2000) ?? '';
    const vol = /Volume\s+(\w+)/i.exec(text);
    if (vol?.[1]) draft.volume = vol[1];
    const iss = /Issues?\s+([\w–-]+)/i.exec(text);
    if (iss?.[1]) draft.issue = iss[1];
    const pages = /Pages?\s+([\w]+(?:\s*[-–]\s*\w+)?)/i.exec(text);
    if (pages?.[1]) draft.pages = pages[1].replace(/\s*-\s*/, '–');
    const issued = dateInText(text) ?? parseDate(String(yearInText(text) ?? ''));
    if (issued) {
      draft.issued = issued;
      draft.year = yearOf(issued);
    }
  }
  const header = doc.querySelector('#articleHeader, .articleHeaderInner') ?? titleEl.parentElement;
  const doiLink = header?.querySelector('a[href*="doi.org"], a[href*="doi"]');
  const doi = normalizeDoi(doiLink?.textContent) ?? findDoi(doiLink?.getAttribute('href'));
  if (doi && !base.doi) draft.doi = doi;
  if (!base.abstract) {
    for (const h of Array.from(doc.querySelectorAll('.articleText h3, #articleBody h3')).slice(
      0,
      20,
    )) {
      if (!/^\s*abstract\s*$/i.test(h.textContent ?? '')) continue;
      const parts: string[] = [];
      for (let el = h.nextElementSibling; el && parts.length < 20; el = el.nextElementSibling) {
        if (/^h[1-6]$/.test(el.localName)) break;
        const t = blockText(el, 10_000);
        if (t) parts.push(t);
      }
      const abs = clean(parts.join(' '));
      if (abs && abs.length > 80) draft.abstract = dropAbstractLabel(abs);
      break;
    }
  }
  draft.type = 'article-journal';
  return draft;
}

function isSearch(url: URL, doc: Document): boolean {
  if (/^\/search\b/.test(url.pathname)) return true;
  if (url.searchParams.get('_ob') === 'ArticleListURL') return true;
  // An article's own address: no need to look through the page for result rows.
  if (/^\/science\/article\//.test(url.pathname)) return false;
  return byClass(doc, 'resultRow', 3).length + byClass(doc, 'ResultItem', 3).length >= 2;
}

function searchResults(doc: Document, url: URL): WorkRef[] {
  const works: WorkRef[] = [];
  // Current layout.
  for (const item of byClass(doc, 'ResultItem', MAX_RESULTS)) {
    const link = item.querySelector('h2 a, a.result-list-title-link');
    const venueLine = textOf(item.querySelector('.srctitle-date-fields, .SubType'), 500);
    const spans = item.querySelectorAll('.Authors .author');
    const authors = Array.from(spans.length ? spans : item.querySelectorAll('ol.Authors li'))
      .map((a) => parseName(a.textContent))
      .filter((a): a is Author => !!a);
    const ref = workRef(textOf(link), authors, {
      year: yearInText(venueLine),
      venue: textOf(item.querySelector('.srctitle-date-fields a, .subtype-srctitle-link'), 300),
      href: link?.getAttribute('href'),
      base: url,
    });
    if (ref) works.push(ref);
  }
  // 2009 layout: a table per result; title link, then "<i>Journal</i>, <i>Volume…</i>, <i>Date</i>", then authors.
  for (const row of byClass(doc, 'resultRow', MAX_RESULTS)) {
    if (row.localName !== 'table') continue;
    // The entry's cell is the one whose own first link wraps the (highlighted) title in a span.
    const cell = Array.from(row.getElementsByTagName('td')).find((td) =>
      childrenByTag(td, 'a').some(
        (a) => a.firstElementChild?.localName === 'span' || a.firstElementChild?.localName === 'b',
      ),
    );
    const link = cell ? childrenByTag(cell, 'a')[0] : undefined;
    if (!cell || !link) continue;
    const italics = childrenByTag(cell, 'i').map((i) => textOf(i) ?? '');
    // The author line is the text node after the second <br>.
    let authorsText: string | undefined;
    let brs = 0;
    for (let n = cell.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1 && (n as Element).localName === 'br') brs++;
      else if (brs === 2 && n.nodeType === 3 && clean((n as Text).data)) {
        authorsText = clean((n as Text).data);
        break;
      } else if (brs > 2) break;
    }
    const ref = workRef(textOf(link), splitByline(authorsText), {
      year: yearInText(italics.slice(1).join(' ')),
      venue: italics[0],
      href: link.getAttribute('href'),
      base: url,
    });
    if (ref) works.push(ref);
  }
  return works;
}

export const sciencedirect: SiteExtractor = {
  id: 'sciencedirect',
  testUrls: [
    'https://www.sciencedirect.com/science/article/pii/S2352485522001888',
    'https://www.sciencedirect.com/science/article/abs/pii/S0009261497040141',
    'http://www.sciencedirect.com/science/article/pii/S0142961204003357',
    'https://www.sciencedirect.com/search?qs=microfluidics',
  ],
  matches: (url) => onHost(url, 'sciencedirect.com'),
  extract(doc, url, base): SiteResult {
    if (isSearch(url, doc)) return { draft: {}, kind: 'listing', works: searchResults(doc, url) };
    const draft: PaperDraft = {};
    // The 2009 layout has no citation meta; the current one has no `.articleTitle`.
    if (!hasCitationMeta(doc) && byClass(doc, 'articleTitle', 1).length)
      Object.assign(draft, legacy(doc, base));
    const authors = groupAuthors(doc);
    if (authors.length) draft.authors = authors;
    else if (!draft.authors) {
      const fromJson = jsonAuthors(doc);
      if (fromJson.length) draft.authors = fromJson;
      // The generic byline reader's guess is the author group's raw text: no names beat wrong ones.
      else if (base.authors?.some((a) => /overlay panel|show more/i.test(JSON.stringify(a))))
        draft.authors = undefined;
    }
    if (!base.doi && !draft.doi) {
      const doi = pageModelDoi(doc);
      if (doi) {
        draft.doi = doi;
        // The page model names one article: a paper, even when nothing else of it is in the page.
        if (!base.title && !draft.title) return { draft, kind: 'paper' };
      }
    }
    return { draft };
  },
};
