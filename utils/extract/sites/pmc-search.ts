import type { WorkRef } from '../../paper';
import { findDoi, normalizePmcid } from '../../paper-ids';
import { yearOf } from '../dates';
import { textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';
import {
  dateInText,
  namesFromElements,
  splitByline,
  workRef,
  yearInText,
} from './publisher-common';

/**
 * PubMed Central search results (`/pmc/?term=…`, the 2009 `pubmedcentral.nih.gov` Entrez pages):
 * a listing. Article pages (`/pmc/articles/PMC…`) belong to the PMC extractor (pmc.ts).
 *
 * Each result carries title, byline ("Cedric Bardy, Jin Yu Huang, and Bogdan Dreher"), journal,
 * dates, DOI and PMCID:
 * - 2009: `div.toc-entry` with `.toc-title`, `.toc-author`, `.toc-cit-jour`, `.toc-cit-date`,
 *   `.toc-pmcid`, and "Full Text" links (`a.toc-link`);
 * - 2012–2023: `div.rprt` with `.title a`, `.desc` (authors), `.details` (journal, date, DOI) and
 *   `dl.rprtid` (PMCID).
 *
 * Test URLs: https://www.ncbi.nlm.nih.gov/pmc/?term=vacuum+rewarming,
 * http://www.pubmedcentral.nih.gov/sites/entrez?db=pmc&term=vacuum+rewarming
 */

const MAX_RESULTS = 500;

function isPmcSearch(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (/^(?:www\.)?ncbi\.nlm\.nih\.gov$/.test(host))
    return /^\/pmc(?!\/articles\/)/.test(url.pathname);
  if (/^(?:www\.)?pubmedcentral\.(?:nih\.)?gov$/.test(host))
    return /^\/sites\/entrez|^\/?$/.test(url.pathname) || url.searchParams.has('term');
  if (host === 'pmc.ncbi.nlm.nih.gov')
    return /^\/search\b/.test(url.pathname) || url.searchParams.has('term');
  return false;
}

function entries2009(doc: Document, url: URL): WorkRef[] {
  const works: WorkRef[] = [];
  for (const entry of Array.from(doc.querySelectorAll('.toc-entry')).slice(0, MAX_RESULTS)) {
    const title = textOf(entry.querySelector('.toc-title'), 1000);
    const authors = splitByline(
      textOf(entry.querySelector('.toc-author'), 3000)?.replace(/,\s*and\s+/g, ', '),
    );
    const dates = Array.from(entry.querySelectorAll('.toc-cit-date')).map((d) => textOf(d) ?? '');
    const year = yearOf(dateInText(dates[0])) ?? yearInText(dates[0]);
    const full = Array.from(entry.querySelectorAll('a.toc-link')).find((a) =>
      /full text/i.test(a.textContent ?? ''),
    );
    const ref = workRef(title, authors, {
      year,
      venue: textOf(entry.querySelector('.toc-cit-jour'), 300)?.replace(/\.$/, ''),
      href: full?.getAttribute('href'),
      base: url,
      doi: findDoi(dates.join(' ')),
    });
    if (!ref) continue;
    const pmcid = normalizePmcid(
      textOf(entry.querySelector('.toc-pmcid'), 60)?.replace(/^PMCID:\s*/i, ''),
    );
    if (pmcid && !ref.url) ref.url = `https://www.ncbi.nlm.nih.gov/pmc/articles/${pmcid}/`;
    works.push(ref);
  }
  return works;
}

function entriesRprt(doc: Document, url: URL): WorkRef[] {
  const works: WorkRef[] = [];
  for (const r of Array.from(doc.querySelectorAll('div.rprt')).slice(0, MAX_RESULTS)) {
    const link = r.querySelector('.title a');
    const desc = textOf(r.querySelector('.desc'), 3000);
    const details = textOf(r.querySelector('.details'), 1000);
    const authors = desc ? splitByline(desc) : namesFromElements([]);
    const ref = workRef(textOf(link), authors, {
      year: yearInText(details),
      venue: details?.split('.')[0],
      href: link?.getAttribute('href'),
      base: url,
      doi: findDoi(details),
    });
    if (ref) works.push(ref);
  }
  return works;
}

export const pmcSearch: SiteExtractor = {
  id: 'pmc-search',
  testUrls: [
    'https://www.ncbi.nlm.nih.gov/pmc/?term=vacuum+rewarming',
    'http://www.pubmedcentral.nih.gov/sites/entrez?db=pmc&term=vacuum+rewarming',
  ],
  matches: isPmcSearch,
  extract(doc, url): SiteResult {
    const works = entries2009(doc, url);
    const all = works.length ? works : entriesRprt(doc, url);
    return all.length ? { draft: {}, kind: 'listing', works: all } : { draft: {} };
  },
};
