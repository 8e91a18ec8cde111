import type { Author, PaperDraft, WorkRef } from '../../paper';
import { normalizeDoi, normalizePmcid, normalizePmid } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { first, readMeta, resolveUrl } from '../meta';
import { medlineName, parseVancouver, refLinks } from '../refs';
import { clean, splitKeywords, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';

/**
 * PubMed, in its current layout (pubmed.ncbi.nlm.nih.gov, 2020-) and its legacy ones
 * (www.ncbi.nlm.nih.gov/pubmed/<pmid>: the 2009 Entrez "AbstractPlus" report and the 2012-2019
 * `rprt abstract` report).
 *
 * Legacy pages carry no `citation_*` tags at all, and the current one gives authors as "Powell DJ"
 * and the journal as the publisher: everything is read from the visible record, which is the same
 * MEDLINE citation in all three layouts: journal abbreviation, "2015 Mar 12;56:120-131", title,
 * authors, abstract (structured sections keep their labels), author keywords (the `keywords` meta of
 * legacy pages holds MeSH terms, not the authors' keywords), PMID / PMCID / DOI. The current layout
 * also lists the paper's references and the PubMed records that cite it; search results are listings.
 *
 * Test URLs: https://pubmed.ncbi.nlm.nih.gov/25817406/, http://www.ncbi.nlm.nih.gov/pubmed/15940349,
 * https://www.ncbi.nlm.nih.gov/pubmed/?term=cortisol, https://pubmed.ncbi.nlm.nih.gov/?term=cortisol+fatigue
 */

function isPubmed(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (
    /^(www\.)?pubmed\.ncbi\.nlm\.nih\.gov$/.test(host) ||
    host === 'pubmed.gov' ||
    host === 'www.pubmed.gov'
  )
    return true;
  if (!/(^|\.)ncbi\.nlm\.nih\.gov$/.test(host)) return false;
  return (
    /^\/(m\/)?pubmed(\/|$)/.test(url.pathname) ||
    (/^\/sites\/entrez/.test(url.pathname) && /db=pubmed/i.test(url.search))
  );
}

// ---------------------------------------------------------------------------------------------
// The MEDLINE citation line

export interface CitationLine {
  venue?: string;
  issued?: ReturnType<typeof parseDate>;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
}

/**
 * "2015 Mar 12;56:120-131. doi: 10.1016/… [Epub ahead of print]", "2005;52(4):789-96. Epub 2005 Jun 6."
 * (the part after the journal abbreviation).
 */
export function parseCitationLine(text: string): CitationLine {
  const out: CitationLine = {};
  const m =
    /^\s*(\d{4}(?:\s+[A-Z][a-z]{2}(?:-[A-Z][a-z]{2})?)?(?:\s+\d{1,2})?)\s*(?:;\s*([^:;()\s]+)?\s*(?:\(([^)]+)\))?\s*(?::\s*([A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?))?)?/.exec(
      text,
    );
  if (m) {
    const issued = parseDate(m[1]);
    if (issued) out.issued = issued;
    if (m[2]) out.volume = m[2];
    if (m[3]) out.issue = m[3];
    if (m[4]) out.pages = m[4];
  }
  const doi = /doi:\s*(10\.\S+)/i.exec(text);
  const d = normalizeDoi(doi?.[1]);
  if (d) out.doi = d;
  return out;
}

// ---------------------------------------------------------------------------------------------

/** The text blocks of an element, descending through wrapper `div`s and `section`s. */
function blocks(el: Element, out: string[], depth = 0): string[] {
  for (let c = el.firstChild; c && out.length < 200; c = c.nextSibling) {
    if (c.nodeType === 1) {
      const e = c as Element;
      if (/^(SCRIPT|STYLE|BUTTON)$/.test(e.tagName)) continue;
      if (/^(DIV|SECTION)$/.test(e.tagName) && e.firstElementChild && depth < 6) {
        blocks(e, out, depth + 1);
        continue;
      }
    }
    const t = clean(c.textContent, 20_000);
    if (t) out.push(t);
  }
  return out;
}

/** Abstract paragraphs, structured-section labels kept, copyright and keyword lines dropped. */
function abstractOf(root: Element | null): string | undefined {
  if (!root) return undefined;
  const inner =
    root.querySelector('.abstract-content.selected, #eng-abstract, .abstract-content') ?? root;
  const drop = /^(copyright|©|keywords?\s*:|abstract$)/i;
  const t = clean(
    blocks(inner, [])
      .filter((b) => !drop.test(b))
      .join(' '),
  );
  return t && t.length > 40 ? t : undefined;
}

function keywordsOf(doc: Document): string[] | undefined {
  for (const el of Array.from(
    doc.querySelectorAll('#abstract p, .abstract p, .keywords, .keywords-section'),
  ).slice(0, 50)) {
    const t = clean(el.textContent, 5000) ?? '';
    const m = /^keywords?\s*:\s*(.+)$/i.exec(t);
    if (m?.[1]) return splitKeywords([m[1]]);
  }
  return undefined;
}

function namesOf(els: Element[]): Author[] {
  return els.map((a) => medlineName(a.textContent)).filter((a): a is Author => !!a);
}

/** `<dl class="rprtid"><dt>PMID:</dt><dd>…</dd><dt>PMCID:</dt>…` (legacy) as label -> value. */
function rprtIds(doc: Document): Map<string, string> {
  const ids = new Map<string, string>();
  for (const dt of Array.from(doc.querySelectorAll('dl.rprtid dt')).slice(0, 20)) {
    const label = clean(dt.textContent, 40)?.replace(/:$/, '').toLowerCase();
    const value = clean(dt.nextElementSibling?.textContent, 200);
    if (label && value && !ids.has(label)) ids.set(label, value);
  }
  return ids;
}

function pmidFromUrl(url: URL): string | undefined {
  const m = /^\/(?:m\/)?(?:pubmed\/)?(\d{1,9})\/?$/.exec(url.pathname);
  return m?.[1] ? normalizePmid(m[1]) : undefined;
}

function extractRecord(
  doc: Document,
  url: URL,
  base: Readonly<PaperDraft>,
): SiteResult | undefined {
  const current = doc.querySelector(
    '#full-view-heading, main#article-details header, .article-details',
  );
  const legacy = doc.querySelector('.rprt.abstract, .rprt_all .abstract');
  const old = doc.querySelector('dl.AbstractPlusReport, .AbstractPlusReport');
  const root = current ?? legacy ?? old;
  const draft: PaperDraft = { type: 'article-journal' };

  // Title: the record's heading, not the <title> (truncated on 2009 pages: "pigeon breast mu...").
  const title = textOf(
    current?.querySelector('h1.heading-title') ??
      legacy?.querySelector('h1') ??
      old?.querySelector('dd.abstract h2, h2'),
    2000,
  );
  if (title) draft.title = title;

  // Authors: the visible list; full names on the current layout, "Powell DJ" on legacy ones.
  const authorEls = current
    ? Array.from(current.querySelectorAll('.authors-list .authors-list-item .full-name'))
    : Array.from((legacy ?? old)?.querySelectorAll('.auths > a, div.authors > a') ?? []);
  const seen = new Set<string>();
  const authors = namesOf(authorEls).filter((a) => {
    const k = JSON.stringify(a);
    return seen.has(k) ? false : (seen.add(k), true);
  });
  if (authors.length) draft.authors = authors;

  // The citation line: journal abbreviation, then date;volume(issue):pages.
  let journal: string | undefined;
  let line = '';
  if (current) {
    journal = textOf(
      current.querySelector('.journal-actions-trigger, #full-view-journal-trigger'),
      300,
    );
    line = textOf(current.querySelector('.cit'), 500) ?? '';
  } else if (legacy) {
    const cit = legacy.querySelector('.cit');
    const a = cit?.querySelector('a');
    journal = textOf(a, 300);
    line = (textOf(cit, 500) ?? '').slice((textOf(a, 300) ?? '').length);
  } else if (old) {
    // "1: Acta Biochim Pol. 2005;52(4):789-96. Epub 2005 Jun 6." around the journal's link.
    const ti = old.querySelector('.abstitle span[title]');
    journal = textOf(ti, 300);
    const whole = textOf(ti?.parentElement, 500) ?? '';
    const at = journal ? whole.indexOf(journal) : -1;
    line = journal && at >= 0 ? whole.slice(at + journal.length) : '';
  }
  const venue = journal?.replace(/\.$/, '');
  if (venue) draft.venue = venue;
  const cit = parseCitationLine(line);
  if (cit.issued) {
    draft.issued = cit.issued;
    draft.year = yearOf(cit.issued);
  }
  if (cit.volume) draft.volume = cit.volume;
  if (cit.issue) draft.issue = cit.issue;
  if (cit.pages) draft.pages = cit.pages;

  // Identifiers.
  const ids = rprtIds(doc);
  const pmid =
    normalizePmid(
      textOf(
        current?.querySelector(
          '#full-view-identifiers .current-id, .identifier.pubmed .current-id',
        ),
      ),
    ) ??
    normalizePmid(ids.get('pmid')?.split(/\s/)[0]) ??
    normalizePmid(/PMID:\s*(\d+)/.exec(textOf(old?.querySelector('p.pmid')) ?? '')?.[1]) ??
    normalizePmid(base.pmid) ??
    (/^\d+$/.test(first(readMeta(doc), 'ncbi_uidlist') ?? '')
      ? normalizePmid(first(readMeta(doc), 'ncbi_uidlist'))
      : undefined) ??
    pmidFromUrl(url);
  if (pmid) {
    draft.pmid = pmid;
    draft.url = `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
  }
  const pmcid =
    normalizePmcid(
      textOf(current?.querySelector('#full-view-identifiers .identifier.pmc a, .identifier.pmc a')),
    ) ?? normalizePmcid(ids.get('pmcid'));
  if (pmcid) draft.pmcid = pmcid;
  const doi =
    normalizeDoi(
      textOf(current?.querySelector('#full-view-identifiers .identifier.doi a, .identifier.doi a')),
    ) ??
    normalizeDoi(ids.get('doi')) ??
    cit.doi ??
    normalizeDoi(
      /doi:\s*(10\.\S+)/i.exec(textOf(current?.querySelector('.citation-doi')) ?? '')?.[1],
    );
  if (doi) draft.doi = doi;

  // Abstract and the authors' keywords.
  const abstract = abstractOf(
    current
      ? doc.querySelector('#abstract')
      : (legacy?.querySelector('.abstr') ?? old?.querySelector('p.abstract') ?? null),
  );
  if (abstract) draft.abstract = abstract;
  const keywords = keywordsOf(doc);
  if (keywords?.length) draft.keywords = keywords;
  // Without author keywords, the legacy `keywords` meta (MeSH headings) is not kept as keywords;
  // the current layout's `keywords` tag is a search-engine list ("pmid:…, doi:…, names, MeSH").
  else if (!current || (base.keywords ?? []).some((k) => /^(pmid|pmcid|doi)\s*:/i.test(k)))
    draft.keywords = undefined;

  if (!root && !title) return undefined;

  // References and citing records (current layout).
  const references = Array.from(
    doc.querySelectorAll('#references li, .references-list li, ol.references-and-notes-list > li'),
  )
    .slice(0, 2000)
    .map((li) => {
      const own = Array.from(li.childNodes)
        .filter(
          (n) =>
            n.nodeType === 3 ||
            (n.nodeType === 1 && !(n as Element).matches('ul, a, .reference-links')),
        )
        .map((n) => n.textContent ?? '')
        .join(' ');
      const ref = parseVancouver(own.replace(/\s-\s*$/, ''));
      refLinks(li, ref, url);
      return ref;
    })
    .filter((r) => r.raw);
  if (references.length) draft.references = references;
  const citations = docsums(
    doc.querySelectorAll('#citedby .docsum-content, #citedby-articles .docsum-content'),
    url,
  );
  if (citations.length) draft.citations = citations;
  return { draft, kind: 'paper' };
}

/** Search-result and "cited by" entries (`.docsum-content`), and legacy results (`.rslt`). */
function docsums(els: ArrayLike<Element>, base: URL): WorkRef[] {
  const works: WorkRef[] = [];
  for (const el of Array.from(els).slice(0, 2000)) {
    const titleEl = el.querySelector('a.docsum-title, p.title a, .title a');
    const title = textOf(titleEl, 2000);
    if (!title) continue;
    const authorsText = textOf(el.querySelector('.docsum-authors, p.desc'), 5000)?.replace(
      /\.$/,
      '',
    );
    const authors = (authorsText?.split(/\s*,\s*/) ?? [])
      .map((n) => medlineName(n))
      .filter((a): a is Author => !!a);
    const ref: WorkRef = { title, authors };
    const citation = textOf(el.querySelector('.docsum-journal-citation, p.details'), 1000) ?? '';
    const year = /\b((?:19|20)\d\d)\b/.exec(citation);
    if (year?.[1]) ref.year = Number(year[1]);
    const venue = /^([^.]+)\./.exec(citation)?.[1];
    if (venue) ref.venue = venue;
    const doi = /doi:\s*(10\.\S+)/i.exec(citation);
    if (doi?.[1]) {
      const d = normalizeDoi(doi[1]);
      if (d) ref.doi = d;
    }
    const href = resolveUrl(titleEl?.getAttribute('href'), base);
    if (href) {
      ref.url = href;
      const pmid = /\/(\d{1,9})\/?(?:[?#].*)?$/.exec(new URL(href).pathname)?.[1];
      if (pmid) ref.pmid = pmid;
    }
    const pmid = normalizePmid(textOf(el.querySelector('.docsum-pmid')));
    if (pmid) ref.pmid = pmid;
    works.push(ref);
  }
  return works;
}

export const pubmed: SiteExtractor = {
  id: 'pubmed',
  testUrls: [
    'https://pubmed.ncbi.nlm.nih.gov/25817406/',
    'http://www.ncbi.nlm.nih.gov/pubmed/15940349',
    'https://www.ncbi.nlm.nih.gov/pubmed/?term=cortisol',
    'https://pubmed.ncbi.nlm.nih.gov/?term=cortisol+fatigue',
  ],
  matches: isPubmed,
  extract(doc, url, base) {
    // A search-results page lists several records (a single hit may still open as the record).
    const results = doc.querySelectorAll(
      '.search-results article.full-docsum .docsum-content, .search-results .docsum-content, div.rslt',
    );
    const record = doc.querySelector('#full-view-heading, .rprt.abstract, dl.AbstractPlusReport');
    if (!record && results.length) {
      return { draft: {}, kind: 'listing', works: docsums(results, url) };
    }
    return extractRecord(doc, url, base) ?? { draft: {} };
  },
};
