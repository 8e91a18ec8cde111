import type { PaperDraft, WorkRef } from '../../paper';
import { normalizeDoi, normalizePmcid, normalizePmid } from '../../paper-ids';
import { first, readMeta } from '../meta';
import { textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';
import { applyLookup, parseVancouver, refLinks } from '../refs';

/**
 * PubMed Central: the current article pages (pmc.ncbi.nlm.nih.gov/articles/PMC…, 2024-), the
 * 2010-2024 ones (www.ncbi.nlm.nih.gov/pmc/articles/PMC…) and the 2009 renderer
 * (www.pubmedcentral.nih.gov/articlerender.fcgi?artid=…).
 *
 * The Highwire tags are good here (title, authors, date, journal, DOI, PMID, PDF) but no page
 * states its own PMCID in a tag: it comes from the URL (`PMC3531190`, or `artid=2151964`), else the
 * "PMCID: PMC…" line of the front matter. The page also prints the full reference list, which
 * becomes `references`; each entry's Google Scholar lookup link carries the reference's fields
 * already split (title, authors, year, journal, DOI, PMID), and its DOI / PubMed links the ids.
 *
 * Test URLs: https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/,
 * https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3531190/,
 * http://www.pubmedcentral.nih.gov/articlerender.fcgi?artid=2151964&rendertype=abstract
 */

function isPmc(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (host === 'pmc.ncbi.nlm.nih.gov') return /^\/articles\//.test(url.pathname);
  if (/^(www\.)?ncbi\.nlm\.nih\.gov$/.test(host)) return /^\/pmc\/articles\//.test(url.pathname);
  if (/^(www\.)?pubmedcentral\.(nih\.)?gov$/.test(host))
    return /^\/(articlerender|picrender|pagerender)\.fcgi/.test(url.pathname);
  return false;
}

function pmcidFromUrl(url: URL): string | undefined {
  const m = /\/(PMC\d{1,9})(?:\/|$)/i.exec(url.pathname);
  if (m?.[1]) return normalizePmcid(m[1]);
  const artid = url.searchParams.get('artid');
  return artid && /^\d+$/.test(artid) ? normalizePmcid(`PMC${artid}`) : undefined;
}

function pmcidFromPage(doc: Document): string | undefined {
  for (const el of Array.from(
    doc.querySelectorAll(
      '.fm-citation-pmcid, .fm-citation-ids, .pmc-header, section.pmc-layout__citation, .article-citation, ul.d-buttons',
    ),
  ).slice(0, 20)) {
    const m = /PMCID:\s*(PMC\d+)/i.exec(textOf(el, 2000) ?? '');
    if (m?.[1]) return normalizePmcid(m[1]);
  }
  return undefined;
}

function references(doc: Document, url: URL): WorkRef[] {
  const items = Array.from(
    doc.querySelectorAll(
      'section.ref-list li, div.ref-list li, #reference-list li, .ref-list-sec li, ul.back-ref-list > li',
    ),
  ).slice(0, 3000);
  const out: WorkRef[] = [];
  for (const li of items) {
    // Nested lists (a reference's own link list) are read with their item.
    if (
      li.parentElement?.closest('li') &&
      items.includes(li.parentElement.closest('li') as Element)
    )
      continue;
    const citeEl =
      li.querySelector('cite') ??
      Array.from(li.querySelectorAll('.citation')).find((c) => textOf(c));
    const raw = textOf(citeEl ?? li, 3000)?.replace(/^\d+\.\s*/, '');
    if (!raw) continue;
    const ref = parseVancouver(
      raw.replace(/\s*\[(?:DOI|PubMed|PMC free article|Google Scholar)\][\s\S]*$/, ''),
    );
    applyLookup(ref, li.querySelector('a[href*="scholar_lookup"]')?.getAttribute('href'));
    refLinks(li, ref, url);
    out.push(ref);
  }
  return out;
}

function extract(doc: Document, url: URL, base: Readonly<PaperDraft>): SiteResult {
  const draft: PaperDraft = {};
  const pmcid =
    pmcidFromUrl(url) ??
    normalizePmcid(first(readMeta(doc), 'citation_pmcid')) ??
    pmcidFromPage(doc);
  if (pmcid) {
    draft.pmcid = pmcid;
    draft.url = `https://pmc.ncbi.nlm.nih.gov/articles/${pmcid}/`;
  }
  if (!base.pmid) {
    const link = doc.querySelector(
      'a[href*="pubmed.ncbi.nlm.nih.gov/"][data-ga-action="PMID"], .pmc-header a[href*="pubmed"]',
    );
    const pmid = normalizePmid(link?.getAttribute('href'));
    if (pmid) draft.pmid = pmid;
  }
  if (!base.doi) {
    const doi = normalizeDoi(first(readMeta(doc), 'dc.identifier', 'citation_doi'));
    if (doi) draft.doi = doi;
  }
  const refs = references(doc, url);
  if (refs.length && !(base.references && base.references.length >= refs.length))
    draft.references = refs;
  return { draft, kind: 'paper' };
}

export const pmc: SiteExtractor = {
  id: 'pmc',
  testUrls: [
    'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/',
    'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3531190/',
    'http://www.pubmedcentral.nih.gov/articlerender.fcgi?artid=2151964&rendertype=abstract',
  ],
  matches: isPmc,
  extract,
};
