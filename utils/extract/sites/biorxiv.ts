import type { Author, IssuedDate, PaperDraft } from '../../paper';
import { normalizeDoi } from '../../paper-ids';
import { looksLikePlaceholder, parseDate, yearOf } from '../dates';
import { first, linkHref, readMeta, resolveUrl } from '../meta';
import { parseName } from '../names';
import { clean, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';

/**
 * bioRxiv and medRxiv (the same HighWire platform): preprint pages `/content/10.1101/<id>v<n>`.
 *
 * What the generic tags get wrong here:
 * - `citation_publication_date` is a placeholder, January 1st of the year ("2020/01/01" for a
 *   preprint posted on March 27): the date is the visible "Posted March 27, 2020." (the version
 *   shown), else `DC.Date` / `citation_date`;
 * - "Now published in <journal> doi: …" names the journal article: `publishedDoi`;
 * - pages saved without usable head tags (edge__biorxiv-mercury-normalized: a tool rewrote every
 *   `content=` into `value=`) still show the title, the author list, the DOI line and the posted
 *   date, which are read from the page.
 *
 * Test URLs: https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3,
 * https://www.medrxiv.org/content/10.1101/2020.04.01.20050179v1.full, https://biorxiv.org/content/10.1101/696633v1
 */

const HOST = /(^|\.)(bio|med)rxiv\.org$/i;

/** "Posted March 27, 2020." in the article's side panel (one short text, the version's date). */
function postedDate(doc: Document): IssuedDate | undefined {
  for (const el of Array.from(
    doc.querySelectorAll('.pane-content, .published-date, .posted-date'),
  ).slice(0, 200)) {
    const t = el.textContent ?? '';
    if (t.length > 200) continue;
    const m = /^\s*Posted\s+(?:online\s+)?(.+?)\.?\s*$/i.exec(clean(t, 200) ?? '');
    const d = parseDate(m?.[1]);
    if (d) return d;
  }
  return undefined;
}

/** "Now published in Nature doi: 10.1038/…": the journal version of this preprint. */
function publishedDoi(doc: Document, own: string | undefined): string | undefined {
  for (const el of Array.from(
    doc.querySelectorAll('.pub_jnl, .published-in, [class*="now-published"]'),
  ).slice(0, 10)) {
    const link = el.querySelector('a[href*="doi.org/10."]');
    const doi = normalizeDoi(link?.getAttribute('href') ?? link?.textContent ?? el.textContent);
    if (doi && doi !== own) return doi;
  }
  return undefined;
}

function visibleAuthors(doc: Document): Author[] {
  // The header's author list; the same list repeats in pop-ups and the citation tool further down.
  const list = doc.querySelector('#page-title ~ .highwire-cite-authors, .highwire-cite-authors');
  const out: Author[] = [];
  for (const a of Array.from(list?.querySelectorAll('.highwire-citation-author') ?? []).slice(
    0,
    3000,
  )) {
    const given = textOf(a.querySelector('.nlm-given-names'), 200);
    const family = textOf(a.querySelector('.nlm-surname'), 200);
    const name = family
      ? given
        ? { given, family }
        : { literal: family }
      : parseName(a.textContent);
    if (name) out.push(name);
  }
  return out;
}

function extract(doc: Document, url: URL, base: Readonly<PaperDraft>): SiteResult {
  const draft: PaperDraft = { type: 'article' };
  const meta = readMeta(doc);
  const server = /medrxiv/i.test(url.hostname) ? 'medRxiv' : 'bioRxiv';
  if (!base.venue || !/rxiv/i.test(base.venue)) draft.venue = server;
  if (!base.publisher) draft.publisher = 'Cold Spring Harbor Laboratory';

  if (!base.title) {
    const title = textOf(doc.querySelector('h1#page-title, h1.highwire-cite-title'), 2000);
    if (title) draft.title = title;
  }
  if (!base.authors?.length) {
    const authors = visibleAuthors(doc);
    if (authors.length) draft.authors = authors;
  }

  // The version's posting date beats the January-1st placeholder.
  const issued =
    postedDate(doc) ??
    parseDate(first(meta, 'dc.date', 'citation_date', 'article:published_time')) ??
    undefined;
  if (issued && !looksLikePlaceholder(issued) && issued.date !== base.issued?.date) {
    draft.issued = issued;
    draft.year = yearOf(issued);
  } else if (base.issued && looksLikePlaceholder(base.issued) && !issued) {
    // Only the placeholder: keep its year, drop the invented month and day.
    draft.issued = { date: base.issued.date.slice(0, 4), precision: 'year' };
  }

  let doi = base.doi;
  if (!doi) {
    doi =
      normalizeDoi(textOf(doc.querySelector('.highwire-cite-metadata-doi'), 300)) ??
      doiFromPath(url);
    if (doi) draft.doi = doi;
  }
  const published = publishedDoi(doc, doi);
  if (published) draft.publishedDoi = published;

  if (!base.pdfUrl) {
    const pdf =
      resolveUrl(doc.querySelector('a.article-dl-pdf-link[href]')?.getAttribute('href'), url) ??
      pdfLink(doc, url);
    if (pdf) draft.pdfUrl = pdf;
  }
  if (!base.url) {
    const canonical =
      first(meta, 'citation_public_url', 'og:url') ?? linkHref(doc, 'canonical', url);
    draft.url =
      resolveUrl(canonical, url) ??
      `${url.origin}${url.pathname.replace(/\.(full|abstract)(\.pdf)?$/, '')}`;
  }
  return { draft, kind: 'paper' };
}

function doiFromPath(url: URL): string | undefined {
  // /content/10.1101/2020.03.22.002386v3(.full) — the DOI without the version suffix.
  const m = /\/content\/(10\.1101\/[\d.]+?)(v\d+)?(?:\.[a-z]+)*\/?$/i.exec(url.pathname);
  return m?.[1] ? normalizeDoi(m[1]) : undefined;
}

function pdfLink(doc: Document, url: URL): string | undefined {
  for (const el of Array.from(doc.querySelectorAll('link[type="application/pdf"][href]')).slice(
    0,
    5,
  )) {
    const href = resolveUrl(el.getAttribute('href'), url);
    if (href) return href;
  }
  return undefined;
}

export const biorxiv: SiteExtractor = {
  id: 'biorxiv',
  testUrls: [
    'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3',
    'https://www.medrxiv.org/content/10.1101/2020.04.01.20050179v1.full',
    'https://biorxiv.org/content/10.1101/696633v1',
  ],
  matches: (url) => HOST.test(url.hostname) && /^\/content\/10\.1101\//.test(url.pathname),
  extract,
};
