import type { PaperDraft, WorkRef } from '../../paper';
import { findDoi, normalizeDoi, normalizeIssn } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { parseName } from '../names';
import { blockText, clean, collapse, dropAbstractLabel, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';
import {
  byClass,
  dateInText,
  hasCitationMeta,
  namesFromElements,
  onHost,
  splitByline,
  titledLinkListing,
  workRef,
  yearInText,
} from './publisher-common';

/**
 * Springer Link (link.springer.com, the 2009 www.springerlink.com) and nature.com (Springer Nature):
 * article and chapter pages, and nature.com's search results and tables of contents.
 *
 * What the generic sources get wrong or miss here:
 * - keywords: `dc.subject` holds Springer's subject classification ("Physics, general", "Polymer
 *   Sciences") and nature.com's subject taxonomy, not the authors' keywords; those are the visible
 *   list headed "Keywords" (`.c-article-subject-list`, 2019 `.KeywordGroup .Keyword`). A list headed
 *   "Subjects" is taxonomy and is not taken.
 * - the 2009 SpringerLink layout has no meta (its `<title>` is "SpringerLink - Journal Article"):
 *   title in `.Heading1`, byline in `p.AuthorGroup` with affiliation numbers in `<sup>`, journal,
 *   issue ("Volume 9, Numbers 1-2 / February, 1996"), DOI and pages in a `labelName`/`labelValue`
 *   table, the abstract in `.Abstract` after its `.AbstractHeading`.
 * - dates: `dc.date`/`prism.publicationDate` can be the online deposit of a digitised back issue
 *   (2007 for a 1977 article); the merge already keeps the earliest year, nothing to do here.
 * - Springer Link search results (filled by script) and nature.com search results and tables of contents (2009: `h2.atl`/`h4 .atl` + `p.aug`; current:
 *   `article.c-card`) are listings.
 *
 * Test URLs: https://link.springer.com/article/10.1007/BF02727953,
 * https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13,
 * http://www.springerlink.com/content/p64768w654438463/,
 * https://www.nature.com/articles/s41586-021-03819-2,
 * http://www.nature.com/nmat/journal/vaop/ncurrent/abs/nmat2493.html,
 * https://www.nature.com/search?q=protein+folding, https://www.nature.com/nature/volumes/596/issues/7873,
 * http://www.nature.com/nature/journal/v460/n7254/index.html,
 * https://link.springer.com/search?query=identical+particles
 */

const HOSTS = ['link.springer.com', 'springerlink.com', 'nature.com', 'springer.com'];

/** Author keywords: a subject list whose heading says "Keywords", or the 2019 keyword group. */
function authorKeywords(doc: Document): string[] | undefined {
  const out: string[] = [];
  for (const list of byClass(doc, 'c-article-subject-list', 5)) {
    const heading = collapse(list.previousElementSibling?.textContent ?? '').toLowerCase();
    const viaTrack = list.querySelector('[data-track-action="view keyword"]');
    if (!/keyword/.test(heading) && !viaTrack) continue;
    for (const li of Array.from(list.querySelectorAll('li')).slice(0, 100)) {
      const k = textOf(li, 200);
      if (k) out.push(k);
    }
  }
  for (const k of [...byClass(doc, 'Keyword', 100), ...byClass(doc, 'c-keywords__item', 100)]) {
    const t = textOf(k, 200);
    if (t) out.push(t);
  }
  return out.length ? [...new Set(out)] : undefined;
}

/** A 2009 SpringerLink label table: `<td class="labelName">Journal</td><td class="labelValue">…`. */
function labelTable(doc: Document): Map<string, Element> {
  const map = new Map<string, Element>();
  for (const td of Array.from(doc.querySelectorAll('td.labelName')).slice(0, 100)) {
    const value = td.nextElementSibling;
    const label = collapse(td.textContent ?? '').toLowerCase();
    if (value && label && !map.has(label)) map.set(label, value);
  }
  return map;
}

/** Text of an element leaving out `<sup>` (affiliation numbers) and `<a>`-less footnote marks. */
function textWithoutSup(el: Element): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push((c as Text).data);
      else if (c.nodeType === 1 && (c as Element).localName !== 'sup') walk(c);
    }
  };
  walk(el);
  return clean(parts.join('')) ?? '';
}

function legacySpringer(doc: Document): PaperDraft {
  const d: PaperDraft = {};
  const title = textOf(doc.querySelector('.Heading1'), 2000);
  if (!title) return d;
  d.title = title;
  const byline = doc.querySelector('p.AuthorGroup, .AuthorGroup');
  if (byline) {
    const authors = splitByline(textWithoutSup(byline));
    if (authors.length) d.authors = authors;
    else {
      const one = parseName(textWithoutSup(byline));
      if (one) d.authors = [one];
    }
  }
  const labels = labelTable(doc);
  const journal = textOf(labels.get('journal'), 500);
  if (journal) {
    d.venue = journal;
    d.type = 'article-journal';
  }
  const book = textOf(labels.get('book') ?? labels.get('book series'), 500);
  if (!journal && book) {
    d.venue = book;
    d.type = 'chapter';
  }
  const publisher = textOf(labels.get('publisher'), 200);
  if (publisher) d.publisher = publisher;
  const issue = textOf(labels.get('issue'), 300) ?? '';
  const vol = /Volume\s+(\w+)/i.exec(issue);
  if (vol?.[1]) d.volume = vol[1];
  const num = /Numbers?\s+([\w-]+)/i.exec(issue);
  if (num?.[1]) d.issue = num[1];
  // "Volume 9, Numbers 1-2 / February, 1996": the cover date follows the slash.
  const cover = issue.split('/').pop()?.replace(',', '');
  const issued = dateInText(cover) ?? parseDate(String(yearInText(cover) ?? ''));
  if (issued) {
    d.issued = issued;
    d.year = yearOf(issued);
  }
  const doi = normalizeDoi(textOf(labels.get('doi'), 300));
  if (doi) d.doi = doi;
  const pages = textOf(labels.get('pages'), 40);
  if (pages) d.pages = pages.replace(/\s*-\s*/, '–');
  const issns = (textOf(labels.get('issn'), 200) ?? '').match(/\d{4}-\d{3}[\dXx]/g) ?? [];
  const issn = issns.map((s) => normalizeIssn(s)).filter((s): s is string => !!s);
  if (issn.length) d.issn = issn;
  const abs = doc.querySelector('.Abstract');
  if (abs) {
    const text = blockText(abs, 20_000, (e) => e.classList.contains('AbstractHeading'));
    if (text && text.length > 80) d.abstract = dropAbstractLabel(text);
  }
  return d;
}

function isNatureListing(url: URL, doc: Document): boolean {
  if (!onHost(url, 'nature.com')) return false;
  const p = url.pathname;
  if (
    /^\/search\b|\/(?:volumes\/\d+\/issues\/|journal\/v\d+\/n[\w-]+\/index\.html|subjects\/|research-articles|news-and-comment)/.test(
      p,
    )
  )
    return true;
  // Saved pages whose address is lost: many titled entries and no article of their own.
  if (hasCitationMeta(doc)) return false;
  return byClass(doc, 'atl', 3).length + byClass(doc, 'c-card', 3).length >= 3;
}

function natureListing(doc: Document, url: URL): WorkRef[] {
  const works: WorkRef[] = [];
  // Current layout: one card per article.
  for (const card of Array.from(
    doc.querySelectorAll('article.c-card, li.app-article-list-row__item'),
  ).slice(0, 500)) {
    if (card.localName === 'li' && card.querySelector('article.c-card')) continue;
    const link = card.querySelector('.c-card__title a, h3 a, h2 a');
    const authors = namesFromElements(
      card.querySelectorAll(
        '[data-test="author-list"] li, .c-author-list li, [itemprop="creator"] [itemprop="name"]',
      ),
    );
    const time = card.querySelector('time');
    const year = yearInText(time?.getAttribute('datetime') ?? time?.textContent ?? undefined);
    const href = link?.getAttribute('href');
    // nature.com article addresses are the DOI suffix: /articles/s41586-021-03819-2 is 10.1038/s41586-021-03819-2.
    const suffix = /^(?:https?:\/\/(?:www\.)?nature\.com)?\/articles\/([a-z0-9][\w.-]+)$/i.exec(
      href ?? '',
    )?.[1];
    const ref = workRef(textOf(link), authors, {
      doi: suffix ? `10.1038/${suffix}` : undefined,
      year,
      venue: textOf(card.querySelector('[data-test="journal-title"], .c-meta__item--journal'), 300),
      href,
      base: url,
    });
    if (ref) works.push(ref);
  }
  if (works.length) return works;
  // 2009 layout: search results `<li><h2 class="atl"><a>…</a></h2><p class="aug">…</p><p class="journal">…`
  // and tables of contents `<h4><span class="atl">…</span></h4><p class="aug">…</p><p class="doi">…<p class="links">`.
  for (const atl of byClass(doc, 'atl', 1000)) {
    const head = atl.localName === 'span' ? (atl.parentElement ?? atl) : atl;
    let aug: Element | undefined;
    let journal: Element | undefined;
    let doiEl: Element | undefined;
    let links: Element | undefined;
    for (let el = head.nextElementSibling, k = 0; el && k < 6; el = el.nextElementSibling, k++) {
      if (/^h[1-6]$/.test(el.localName) || el.localName === 'hr') break;
      if (el.classList.contains('aug')) aug = el;
      else if (el.classList.contains('journal')) journal = el;
      else if (el.classList.contains('doi')) doiEl = el;
      else if (el.classList.contains('links')) links = el;
    }
    const link = atl.getElementsByTagName('a')[0] ?? links?.getElementsByTagName('a')[0];
    const authorText = textOf(aug, 3000)?.replace(/,?\s*et al\.?$/i, '');
    const journalText = textOf(journal, 500);
    const ref = workRef(textOf(atl), authorText ? splitByline(authorText) : [], {
      year: yearOf(dateInText(journalText)) ?? yearInText(journalText),
      venue: textOf(journal?.querySelector('.journalname'), 300),
      href: link?.getAttribute('href'),
      base: url,
      doi: findDoi(textOf(doiEl) ?? journalText),
    });
    if (ref) works.push(ref);
  }
  return works;
}

export const springer: SiteExtractor = {
  id: 'springer',
  testUrls: [
    'https://link.springer.com/article/10.1007/BF02727953',
    'https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13',
    'http://www.springerlink.com/content/p64768w654438463/',
    'https://www.nature.com/articles/s41586-021-03819-2',
    'http://www.nature.com/nmat/journal/vaop/ncurrent/abs/nmat2493.html',
    'https://www.nature.com/search?q=protein+folding',
    'https://www.nature.com/nature/volumes/596/issues/7873',
    'http://www.nature.com/nature/journal/v460/n7254/index.html',
    'https://link.springer.com/search?query=identical+particles',
  ],
  matches: (url) => HOSTS.some((h) => onHost(url, h)),
  extract(doc, url, base): SiteResult {
    if (isNatureListing(url, doc))
      return { draft: {}, kind: 'listing', works: natureListing(doc, url) };
    if (onHost(url, 'link.springer.com') && /^\/search\b/.test(url.pathname)) {
      const works = titledLinkListing(
        doc,
        url,
        (h) => /\/(?:article|chapter|book|referenceworkentry)\/10\./.test(h),
        '[data-test="authors"], [data-test="author-list"] span, .c-author-list span, .authors a, a[href*="dc.creator"]',
      );
      return works.length ? { draft: {}, kind: 'listing', works } : { draft: {} };
    }
    const draft: PaperDraft = {};
    if (!hasCitationMeta(doc) && byClass(doc, 'Heading1', 1).length) {
      Object.assign(draft, legacySpringer(doc));
    }
    const keywords = authorKeywords(doc);
    if (keywords) draft.keywords = keywords;
    // Subject classifications are not the authors' keywords: none beats the taxonomy.
    else if (base.keywords?.length) draft.keywords = undefined;
    if (draft.title) return { draft, kind: 'paper' };
    return { draft };
  },
};
