import type { PaperDraft } from '../../paper';
import { findDoi } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { first, readMeta } from '../meta';
import { blockText, clean, dropAbstractLabel, splitKeywords, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';
import {
  byClass,
  hasCitationMeta,
  onHost,
  splitByline,
  titledLinkListing,
} from './publisher-common';

/**
 * PLOS (journals.plos.org, and the 2009–2015 per-journal hosts plosone.org, ploscompbiol.org, …).
 *
 * What the generic sources get wrong or miss here:
 * - keywords: PLOS articles have no author keywords. Their "Subject Areas" (the visible
 *   `#subjectList` and, on current pages, `<meta name="keywords">`) are terms of the PLOS thesaurus
 *   assigned by a classifier: they are the article's only keywords and are kept as such (Zotero does
 *   the same), but never the journal-level boilerplate older pages put in `keywords`
 *   ("PLoS, Public Library of Science, Open Access…") or `citation_keywords` ("plos computational
 *   biology").
 * - the abstract: `description` is the journal's tagline on 2015 pages and `twitter:description` the
 *   Author Summary; the generic merge already prefers the visible Abstract section, nothing to do.
 * - the 2009 layout has no `citation_*` meta: title in the article's `<h1>`, byline in `p.authors`
 *   with affiliation and corresponding-author marks in `<sup>`, the abstract in `div.abstract`, and a
 *   "Citation:" line (venue, volume, issue, e-number, DOI) and "Published:" date in `.articleinfo`.
 *
 * Search results, subject browsing and issue pages are listings.
 *
 * Test URLs: https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001,
 * https://journals.plos.org/plosone/search?q=rats,
 * http://www.plosone.org/article/info:doi/10.1371/journal.pone.0006256,
 * http://www.ploscompbiol.org/article/info%3Adoi%2F10.1371%2Fjournal.pcbi.1003604
 */

const HOST =
  /(?:^|\.)(?:plos\.org|plos(?:one|biology|medicine|compbiol|genetics|pathogens|ntds)\.org)$/i;
const BOILERPLATE = /public library of science|^plos\b|open[- ]access|peer[- ]review/i;

function subjectAreas(doc: Document): string[] {
  const list = doc.getElementById('subjectList');
  const visible = Array.from(list?.getElementsByTagName('a') ?? [])
    .filter((a) => a.classList.contains('taxo-term') || a.parentElement?.localName === 'li')
    .slice(0, 100)
    .map((a) => textOf(a, 200) ?? '')
    .filter(Boolean);
  if (visible.length) return [...new Set(visible)];
  if (!hasCitationMeta(doc)) return [];
  const meta = first(readMeta(doc), 'keywords');
  const terms = meta ? splitKeywords([meta]) : [];
  return terms.some((t) => BOILERPLATE.test(t)) ? [] : terms;
}

/** Text of an element without its `<sup>` marks, with a space where a mark separated two names. */
function withoutSup(el: Element): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push((c as Text).data);
      else if (c.nodeType === 1) {
        if ((c as Element).localName === 'sup') parts.push(' ');
        else walk(c);
      }
    }
  };
  walk(el);
  return clean(parts.join('')) ?? '';
}

function legacy(doc: Document): PaperDraft {
  const d: PaperDraft = {};
  const container = doc.querySelector('#researchArticle, #articleContainer, .article') ?? doc.body;
  const title = textOf(container?.querySelector('h1'), 2000);
  if (!container || !title) return d;
  d.title = title;
  const byline = container.querySelector('p.authors');
  if (byline) {
    const authors = splitByline(withoutSup(byline));
    if (authors.length) d.authors = authors;
  }
  const abs = container.querySelector('div.abstract, .abstract');
  if (abs) {
    // The section heading reads "Abstract Top" (a back-to-top link inside it).
    const text = blockText(abs, 20_000, (e) => /^h[1-6]$/.test(e.localName));
    if (text && text.length > 40) d.abstract = dropAbstractLabel(text);
  }
  const info = container.querySelector('.articleinfo');
  const infoText = blockText(info, 5000) ?? '';
  // "Citation: Kobayashi M, … (2009) Title. PLoS ONE 4(7): e6256. doi:10.1371/…"
  const cit = /Citation:\s*(.*?)(?:\s+Editor:|\s+Received:|$)/i.exec(infoText)?.[1] ?? '';
  const afterTitle = cit.includes(title)
    ? cit.slice(cit.indexOf(title) + title.length).replace(/^[.?!]\s*/, '')
    : '';
  const v = /^(.+?)\s+(\d+)\((\d+)\):\s*(e\d+)/.exec(afterTitle);
  if (v) {
    d.venue = v[1];
    d.volume = v[2];
    d.issue = v[3];
    d.pages = v[4];
  }
  const doi = findDoi(cit);
  if (doi) d.doi = doi;
  const published =
    /Published:\s*([A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})/.exec(infoText);
  const issued = parseDate(published?.[1]);
  if (issued) {
    d.issued = issued;
    d.year = yearOf(issued);
  }
  d.type = 'article-journal';
  d.publisher = 'Public Library of Science';
  return d;
}

export const plos: SiteExtractor = {
  id: 'plos',
  testUrls: [
    'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001',
    'https://journals.plos.org/plosone/search?q=rats',
    'http://www.plosone.org/article/info:doi/10.1371/journal.pone.0006256',
    'http://www.ploscompbiol.org/article/info%3Adoi%2F10.1371%2Fjournal.pcbi.1003604',
  ],
  matches: (url) => HOST.test(url.hostname) || onHost(url, 'journals.plos.org'),
  extract(doc, url, base): SiteResult {
    if (/\/search\b|\/browse\b|\/issue\b/.test(url.pathname)) {
      const works = titledLinkListing(
        doc,
        url,
        (h) => /article\?id=10\.1371|\/article\/info(?::|%3A)doi/i.test(h),
        '.search-results-authors, p.authors',
      );
      return works.length ? { draft: {}, kind: 'listing', works } : { draft: {} };
    }
    const draft: PaperDraft = {};
    if (!hasCitationMeta(doc) && byClass(doc, 'authors', 5).some((e) => e.localName === 'p')) {
      Object.assign(draft, legacy(doc));
    }
    const subjects = subjectAreas(doc);
    if (subjects.length) draft.keywords = subjects;
    else if (base.keywords?.some((k) => BOILERPLATE.test(k))) draft.keywords = undefined;
    return draft.title ? { draft, kind: 'paper' } : { draft };
  },
};
