import type { Author, IssuedDate, PaperDraft, PaperType } from '../../paper';
import { normalizeDoi, normalizeIsbn, normalizeIssn } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { resolveUrl } from '../meta';
import { parseName } from '../names';
import { blockText, clean, dropAbstractLabel, splitKeywords, stripMarkup, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';
import {
  byClass,
  dateInText,
  namesFromElements,
  onHost,
  titledLinkListing,
  yearInText,
} from './publisher-common';

/**
 * IEEE Xplore (ieeexplore.ieee.org): document pages `/document/<arnumber>/` (current), and the 2009
 * "IEEE Xplore 2.0" AbstractPlus pages `/xpls/abs_all.jsp?arnumber=<n>`.
 *
 * What the generic sources get wrong or miss here:
 * - the current page has no `citation_*` tags and fills its body by script (Angular); everything is
 *   in the `xplGlobal.document.metadata = {…};` JSON the server embeds in a script, which is read
 *   first (its `title` and `abstract` are HTML fragments: stripped as text, never parsed as markup).
 *   The JSON is only trusted when its article number is the URL's, so that a page whose content was
 *   replaced by in-page navigation is read from the rendered DOM instead.
 * - dates are written "Sept.-Oct. 1999" or "26-29 May 2021" (conference dates): the first month
 *   counts; a conference's `chronDate`/publication year is the fallback.
 * - the 2009 layout has no meta at all: title in `.headNavBlueXLarge2`, authors as search links
 *   ("Zukeran, A."), "This paper appears in:", "Publication Date:", "Digital Object Identifier:"
 *   lines, an "Abstract" section header. Its journal name is inverted ("Industry Applications, IEEE
 *   Transactions on"): put back in reading order.
 *
 * Search results (`/search/searchresult.jsp`) and tables of contents (`/xpl/tocresult.jsp`) are
 * listings, read from their title links once the script has filled them.
 *
 * Test URLs: https://ieeexplore.ieee.org/document/793383, https://ieeexplore.ieee.org/document/9607200/,
 * https://ieeexplore.ieee.org/search/searchresult.jsp?queryText=sparse%20attention,
 * http://ieeexplore.ieee.org/xpls/abs_all.jsp?arnumber=793383
 */

/** The embedded JSON is a few hundred KB at most; a bigger script is not read further. */
const MAX_SCRIPT = 2_000_000;

type Json = Record<string, unknown>;

function arnumberOf(url: URL): string | undefined {
  return (
    /\/document\/(\d+)/.exec(url.pathname)?.[1] ?? url.searchParams.get('arnumber') ?? undefined
  );
}

/** The object literal assigned after `marker`, cut by brace matching (strings and escapes respected). */
export function jsonAfter(text: string, marker: string): Json | undefined {
  const at = text.indexOf(marker);
  if (at < 0) return undefined;
  let i = text.indexOf('{', at + marker.length);
  if (i < 0 || i - at - marker.length > 20) return undefined;
  const start = i;
  let depth = 0;
  let inString = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && --depth === 0) {
      try {
        const v: unknown = JSON.parse(text.slice(start, i + 1));
        return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function metadataJson(doc: Document): Json | undefined {
  for (const s of Array.from(doc.getElementsByTagName('script')).slice(0, 300)) {
    if (s.hasAttribute('src')) continue;
    const text = s.textContent ?? '';
    if (!text.includes('xplGlobal.document.metadata')) continue;
    return jsonAfter(text.slice(0, MAX_SCRIPT), 'xplGlobal.document.metadata');
  }
  return undefined;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;

/** "Sept.-Oct. 1999", "Sep/Oct 1999" -> September 1999; "26-29 May 2021" -> May 2021; "2024" -> 2024. */
export function ieeeDate(raw: string | undefined): IssuedDate | undefined {
  const s = clean(raw, 200);
  if (!s) return undefined;
  const span = /^([a-z]{3,9})\.?\s*[-/–]\s*[a-z]{3,9}\.?\s+(\d{4})$/i.exec(s);
  if (span) return parseDate(`${span[1] ?? ''} ${span[2] ?? ''}`);
  // A conference's dates: its first day ("26-29 May 2021", "30 May-5 June 2021").
  const days = /^(\d{1,2})\s*[-–]\s*\d{1,2}\s+([a-z]{3,9})\.?\s+(\d{4})$/i.exec(s);
  if (days) return parseDate(`${days[1] ?? ''} ${days[2] ?? ''} ${days[3] ?? ''}`);
  const months = /^(\d{1,2}\s+[a-z]{3,9})\.?\s*[-–]\s*\d{1,2}\s+[a-z]{3,9}\.?\s+(\d{4})$/i.exec(s);
  if (months) return parseDate(`${months[1] ?? ''} ${months[2] ?? ''}`);
  return parseDate(s) ?? dateInText(s) ?? parseDate(String(yearInText(s) ?? ''));
}

/** "Industry Applications, IEEE Transactions on" -> "IEEE Transactions on Industry Applications". */
export function uninvertVenue(v: string | undefined): string | undefined {
  const s = clean(v, 500);
  if (!s) return undefined;
  const m = /^(.+?),\s+((?:IEEE|IEE|IET|ACM|Proceedings|Journal)\b.*?\b(?:on|of|in|for))$/.exec(s);
  return m ? `${m[2] ?? ''} ${m[1] ?? ''}` : s;
}

function typeOf(j: Json): PaperType | undefined {
  if (j['isConference'] === true) return 'paper-conference';
  if (j['isJournal'] === true || j['isMagazine'] === true || j['isEarlyAccess'] === true)
    return 'article-journal';
  if (j['isBookWithoutChapters'] === true) return 'book';
  if (j['isBook'] === true) return 'chapter';
  if (j['isStandard'] === true) return 'report';
  return undefined;
}

function fromJson(j: Json, url: URL): PaperDraft {
  const d: PaperDraft = {};
  const title = stripMarkup(str(j['title']) ?? str(j['formulaStrippedArticleTitle']), 2000);
  if (title) d.title = title;
  const authors: Author[] = [];
  if (Array.isArray(j['authors'])) {
    for (const a of (j['authors'] as unknown[]).slice(0, 3000)) {
      if (!a || typeof a !== 'object') continue;
      const o = a as Json;
      const first = clean(str(o['firstName']), 200);
      const last = clean(str(o['lastName']), 200);
      const name = first && last ? parseName(`${last}, ${first}`) : parseName(str(o['name']));
      if (name) authors.push(name);
    }
  }
  if (authors.length) d.authors = authors;
  const abs = stripMarkup(str(j['abstract']));
  if (abs && abs.length > 40 && !/^true$/i.test(abs)) d.abstract = dropAbstractLabel(abs);
  const doi = normalizeDoi(str(j['doi']) ?? str(j['doiLink']));
  if (doi) d.doi = doi;
  const venue = clean(str(j['displayPublicationTitle']) ?? str(j['publicationTitle']), 500);
  if (venue) d.venue = stripMarkup(venue, 500) ?? venue;
  const issued =
    ieeeDate(str(j['publicationDate'])) ??
    ieeeDate(str(j['chronOrPublicationDate'])) ??
    ieeeDate(str(j['chronDate'])) ??
    parseDate(str(j['publicationYear']));
  if (issued) {
    d.issued = issued;
    d.year = yearOf(issued);
  }
  const volume = clean(str(j['volume']), 40);
  if (volume) d.volume = volume;
  const issue = clean(str(j['issue']), 40);
  if (issue) d.issue = issue;
  const sp = clean(str(j['startPage']), 40);
  const ep = clean(str(j['endPage']), 40);
  if (sp) d.pages = ep && ep !== sp ? `${sp}–${ep}` : sp;
  const publisher = clean(str(j['publisher']), 200);
  if (publisher) d.publisher = publisher;
  const pdf = resolveUrl(str(j['pdfUrl']) ?? str(j['pdfPath']), url);
  if (pdf) d.pdfUrl = pdf;
  const kws: string[] = [];
  if (Array.isArray(j['keywords'])) {
    // Author keywords are the authors' own; IEEE, INSPEC and MeSH terms are indexers' vocabularies.
    const groups = (j['keywords'] as unknown[]).filter(
      (g): g is Json => !!g && typeof g === 'object',
    );
    const author = groups.filter((g) => /author/i.test(str(g['type']) ?? ''));
    for (const g of author.length
      ? author
      : groups.filter((x) => /ieee/i.test(str(x['type']) ?? ''))) {
      if (Array.isArray(g['kwd']))
        kws.push(...(g['kwd'] as unknown[]).map((k) => str(k) ?? '').filter(Boolean));
    }
  }
  if (kws.length)
    d.keywords = splitKeywords(
      kws.map((k) => k.replace(/;/g, ',')),
      100,
    );
  const ids = (key: string, norm: (s: string) => string | undefined): string[] =>
    Array.isArray(j[key])
      ? (j[key] as unknown[])
          .map((x) =>
            x && typeof x === 'object' ? norm(str((x as Json)['value']) ?? '') : undefined,
          )
          .filter((x): x is string => !!x)
      : [];
  const issn = ids('issn', normalizeIssn);
  if (issn.length) d.issn = [...new Set(issn)];
  const isbn = ids('isbn', normalizeIsbn);
  if (isbn.length) d.isbn = [...new Set(isbn)];
  const type = typeOf(j);
  if (type) d.type = type;
  const n = str(j['articleNumber']);
  if (n) d.url = `https://ieeexplore.ieee.org/document/${n}/`;
  return d;
}

/** The rendered page (after the script ran), for pages whose JSON is missing or stale. */
function fromRendered(doc: Document): PaperDraft {
  const d: PaperDraft = {};
  const title = textOf(doc.querySelector('h1.document-title, .document-title'), 2000);
  if (title) d.title = title;
  const authors = namesFromElements(
    doc.querySelectorAll(
      '.authors-info-container .authors-info > span > a, .authors-info-container .authors-info a span',
    ),
  );
  if (authors.length) d.authors = authors;
  const abs = blockText(
    doc.querySelector('.abstract-text div[xplmathjax], .abstract-text'),
    20_000,
  );
  if (abs && abs.length > 40) d.abstract = dropAbstractLabel(abs);
  const doiEl = doc.querySelector('.stats-document-abstract-doi a, a[href*="doi.org/10.1109"]');
  const doi = normalizeDoi(doiEl?.textContent) ?? normalizeDoi(doiEl?.getAttribute('href'));
  if (doi) d.doi = doi;
  const venue = textOf(doc.querySelector('.stats-document-abstract-publishedIn a'), 500);
  if (venue) d.venue = venue;
  const dateText = textOf(doc.querySelector('.doc-abstract-pubdate, .doc-abstract-confdate'), 200);
  const issued = ieeeDate(dateText?.replace(/^[^:]*:\s*/, ''));
  if (issued) {
    d.issued = issued;
    d.year = yearOf(issued);
  }
  return d;
}

/** The 2009 AbstractPlus layout. */
function fromLegacy(doc: Document): PaperDraft {
  const d: PaperDraft = {};
  const titleEl = doc.querySelector('.headNavBlueXLarge2');
  const title = textOf(titleEl, 2000);
  if (!titleEl || !title) return d;
  d.title = title;
  // Author links point at an author search (`…<IN>au)`); the byline is the paragraph after the title.
  const byline = titleEl.closest('p')?.nextElementSibling ?? doc;
  const authors = namesFromElements(
    Array.from(byline.querySelectorAll('a[href*="searchresult.jsp"]')).filter((a) =>
      /(?:%3CIN%3E|<IN>)au\b/i.test(a.getAttribute('href') ?? ''),
    ),
  );
  if (authors.length) d.authors = authors;
  for (const p of Array.from(
    doc.querySelectorAll('p.bodyCopyBlackLargeSpaced, td.bodyCopyBlackLargeSpaced'),
  ).slice(0, 50)) {
    const text = blockText(p, 5000) ?? '';
    if (/This paper appears in:/i.test(text)) {
      const venue = uninvertVenue(textOf(p.querySelector('a strong, strong, a'), 500));
      if (venue) d.venue = venue;
      const date = /Publication Date:\s*([^\n]+?)(?:\s+Volume:|\s+On page|\s+ISSN|$)/i.exec(text);
      const issued = ieeeDate(date?.[1]);
      if (issued) {
        d.issued = issued;
        d.year = yearOf(issued);
      }
      const vol = /Volume:\s*([\w-]+)/i.exec(text);
      if (vol?.[1]) d.volume = vol[1];
      const iss = /Issue:\s*([\w-]+)/i.exec(text);
      if (iss?.[1]) d.issue = iss[1];
      const pages = /On page\(s\):\s*([\w]+(?:\s*-\s*\w+)?)/i.exec(text);
      if (pages?.[1]) d.pages = pages[1].replace(/\s*-\s*/, '–');
      const doi = normalizeDoi(/Digital Object Identifier:\s*(\S+)/i.exec(text)?.[1]);
      if (doi) d.doi = doi;
      const issn = normalizeIssn(/ISSN:\s*([\dXx-]{8,9})/.exec(text)?.[1]);
      if (issn) d.issn = [issn];
    }
    const header = p.querySelector('.sectionHeaders');
    if (header && /^\s*abstract\s*$/i.test(header.textContent ?? '') && !d.abstract) {
      const abs = dropAbstractLabel(blockText(p, 20_000) ?? '');
      if (abs.length > 40) d.abstract = abs;
    }
  }
  d.type = /conference|proceedings|symposium|workshop/i.test(d.venue ?? '')
    ? 'paper-conference'
    : 'article-journal';
  return d;
}

export const ieee: SiteExtractor = {
  id: 'ieee',
  testUrls: [
    'https://ieeexplore.ieee.org/document/793383',
    'https://ieeexplore.ieee.org/document/9607200/',
    'http://ieeexplore.ieee.org/xpls/abs_all.jsp?arnumber=793383',
    'https://ieeexplore.ieee.org/search/searchresult.jsp?queryText=sparse%20attention',
  ],
  matches: (url) => onHost(url, 'ieeexplore.ieee.org'),
  extract(doc, url, base): SiteResult {
    // Search results and tables of contents, filled by script: one `/document/<n>` title link per entry.
    if (
      /^\/(?:search\/|xpl\/(?:tocresult|conhome|mostRecentIssue|RecentIssue))/.test(url.pathname)
    ) {
      const works = titledLinkListing(
        doc,
        url,
        (h) => /\/document\/\d+/.test(h),
        'a[href*="/author/"]',
      );
      return works.length ? { draft: {}, kind: 'listing', works } : { draft: {} };
    }
    const n = arnumberOf(url);
    const j = metadataJson(doc);
    const jsonFits = j && (!n || str(j['articleNumber']) === n);
    if (j && jsonFits) return { draft: fromJson(j, url), kind: 'paper' };
    if (byClass(doc, 'headNavBlueXLarge2', 1).length) {
      const d = fromLegacy(doc);
      return d.title ? { draft: d, kind: 'paper' } : { draft: {} };
    }
    const d = fromRendered(doc);
    // Without its JSON, a page the script has not filled yet shows only the site's chrome.
    if (!d.title) return { draft: {} };
    if (base.title && base.title !== d.title && j && !jsonFits) {
      // The generic head tags describe the page first loaded, not the one now shown.
      d.abstract ??= undefined;
      d.doi ??= undefined;
    }
    return { draft: d, kind: 'paper' };
  },
};
