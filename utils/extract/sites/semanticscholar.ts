import type { Author, PaperDraft, WorkRef } from '../../paper';
import { normalizeDoi } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { first, readMeta, resolveUrl } from '../meta';
import { parseName } from '../names';
import { clean, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';

/**
 * Semantic Scholar paper pages (`/paper/<slug>/<id>`, `/arxiv/<id>`) and search results (`/search`).
 * The pages are rendered by script; the content script runs this once the content is there, and
 * the saved pages in the corpus are the rendered HTML.
 *
 * What the generic result gets wrong here:
 * - `description` / `og:description` is the site's machine-written TLDR when the paper has one,
 *   not the abstract (semanticscholar__meow); the page shows it in the abstract's place, marked with
 *   a "TLDR" pill. Then the page has no abstract, and none is returned;
 * - the abstract, when shown, is truncated with "Expand": the description holds the whole text;
 * - no DOI tag: the DOI is in the "DOI:" line under the title, or only in `citation_pdf_url`
 *   (`https://doi.org/…`, semanticscholar__crosswalk) and the publisher link;
 * - `citation_author` abbreviates given names ("E. Prato-Previde"): the BibTeX block on the page has
 *   them in full, used when it lists the same people;
 * - `citation_publication_date` is the year only; the page shows the day ("1 December 2020");
 * - `og:title` carries "[PDF] … | Semantic Scholar";
 * - the Citations and References cards list citing and cited papers.
 *
 * Test URLs: https://www.semanticscholar.org/paper/What%E2%80%99s-in-a-Meow-A-Study-on-Human-Classification-of-Prato-Previde-Cannas/d1de4343d4076843583ca5826f345be6cb5cd75c,
 * https://www.semanticscholar.org/arxiv/1706.03762, https://www.semanticscholar.org/search?q=attention
 */

const HOST = /(^|\.)semanticscholar\.org$/i;

/** The abstract region and whether it holds a TLDR instead of an abstract. */
function abstractRegion(doc: Document): { text?: string; tldr: boolean } {
  let tldr = false;
  const regions = Array.from(
    doc.querySelectorAll(
      '[data-test-id="abstract-text"], [data-test-id="no-highlight-abstract-text"], .paper-detail-page__tldr-abstract, .abstract__text, [data-test-id="paper-abstract"]',
    ),
  ).slice(0, 10);
  for (const el of regions) {
    if (el.closest('.cl-paper-row, #citing-papers, #cited-papers')) continue;
    const box = el.closest('.tldr-abstract-replacement') ?? el;
    // A "TLDR" pill or label in the region marks the site's summary, not the authors' abstract.
    const labels = Array.from(
      box.querySelectorAll('button, .cl-button__label, [class*="pill"], strong, b'),
    ).map((b) => clean(b.textContent, 40));
    if (labels.includes('TLDR') || /tldr/i.test(el.getAttribute('data-test-id') ?? '')) {
      tldr = true;
      continue;
    }
    const text = visibleText(el);
    if (text && text.length > 40) return { text, tldr };
  }
  return { tldr };
}

/** Text without the truncator's "Expand"/"Collapse" buttons and trailing ellipsis. */
function visibleText(el: Element): string | undefined {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    else if (n.nodeType === 1 && !/^(BUTTON|SCRIPT|STYLE)$/.test((n as Element).tagName))
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(el);
  return clean(parts.join(' '))?.replace(/\s*(?:…|\.\.\.)\s*(?:expand|more)?$/i, '');
}

/** `author={A and B and C}` of the page's BibTeX block. */
function bibtexAuthors(doc: Document): Author[] {
  const bib = textOf(doc.querySelector('pre.bibtex-citation, .bibtex-citation'), 20_000) ?? '';
  const m = /\bauthor\s*=\s*\{([^}]*)\}/i.exec(bib);
  if (!m?.[1]) return [];
  return m[1]
    .split(/\s+and\s+/)
    .map((n) => parseName(n))
    .filter((a): a is Author => !!a);
}

const familyKey = (a: Author): string =>
  (a.family ?? a.literal ?? '')
    .normalize('NFKD')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();

function paperRows(container: Element | null, base: URL): WorkRef[] {
  const out: WorkRef[] = [];
  for (const row of Array.from(container?.querySelectorAll('.cl-paper-row') ?? []).slice(0, 2000)) {
    const titleEl = row.querySelector('.cl-paper-title, [data-test-id="title-link"], h3');
    const title = textOf(titleEl, 2000);
    if (!title) continue;
    const authors = Array.from(
      row.querySelectorAll('.cl-paper-authors a, [data-test-id="author-list"] a'),
    )
      .map((a) => parseName(a.textContent))
      .filter((a): a is Author => !!a);
    const ref: WorkRef = { title, authors };
    const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(
      textOf(row.querySelector('.cl-paper-pubdates'), 100) ?? '',
    );
    if (year?.[1]) ref.year = Number(year[1]);
    const venue = textOf(row.querySelector('.cl-paper-venue'), 300);
    if (venue && !venue.endsWith('…')) ref.venue = venue;
    const link = titleEl?.closest('a[href]') ?? row.querySelector('a[href*="/paper/"]');
    const href = resolveUrl(link?.getAttribute('href'), base);
    if (href) ref.url = href;
    const doi = normalizeDoi(row.querySelector('a[href*="doi.org/10."]')?.getAttribute('href'));
    if (doi) ref.doi = doi;
    out.push(ref);
  }
  return out;
}

function extractPaper(doc: Document, url: URL, base: Readonly<PaperDraft>): SiteResult {
  const draft: PaperDraft = {};
  const meta = readMeta(doc);

  const h1 = textOf(doc.querySelector('h1[data-test-id="paper-detail-title"], h1'), 2000);
  if (h1 && (!base.title || /\|\s*Semantic Scholar$|^\[PDF\]\s/.test(base.title))) draft.title = h1;

  // Abstract: the visible one (completed from the description when truncated), never the TLDR.
  const region = abstractRegion(doc);
  const description = clean(first(meta, 'description', 'og:description', 'twitter:description'));
  if (region.text) {
    const head = region.text.slice(0, 60);
    draft.abstract =
      description && description.startsWith(head) && description.length > region.text.length
        ? description
        : region.text;
  } else if (region.tldr && base.abstract) {
    draft.abstract = undefined;
  } else if (base.abstract && description && base.abstract === description && hasTldrSection(doc)) {
    draft.abstract = undefined;
  }

  if (!base.doi) {
    const doi =
      normalizeDoi(textOf(doc.querySelector('[data-test-id="paper-doi"] a, a.doi__link'), 300)) ??
      normalizeDoi(
        /doi\.org\/10\./i.test(first(meta, 'citation_pdf_url') ?? '')
          ? first(meta, 'citation_pdf_url')
          : undefined,
      ) ??
      normalizeDoi(
        doc
          .querySelector('a[data-heap-link-type="publisher"][href*="doi.org/10."]')
          ?.getAttribute('href'),
      );
    if (doi) draft.doi = doi;
  }

  const shown = parseDate(textOf(doc.querySelector('[data-test-id="paper-year"]'), 100));
  if (shown && (!base.year || yearOf(shown) === base.year)) {
    const better = !base.issued || (shown.precision === 'day' && base.issued.precision !== 'day');
    if (better) {
      draft.issued = shown;
      draft.year = yearOf(shown);
    }
  }

  const full = bibtexAuthors(doc);
  const have = base.authors ?? [];
  if (
    full.length &&
    (!have.length ||
      (full.length === have.length && full.every((a, i) => familyKey(a) === familyKey(have[i]!))))
  ) {
    draft.authors = full;
  } else if (!have.length) {
    const visible = Array.from(doc.querySelectorAll('.author-list a.author-list__author-name'))
      .map((a) => parseName(a.textContent))
      .filter((a): a is Author => !!a);
    if (visible.length) draft.authors = visible;
  }

  const citations = paperRows(doc.querySelector('#citing-papers, [data-test-id="cited-by"]'), url);
  if (citations.length) draft.citations = citations;
  const references = paperRows(doc.querySelector('#cited-papers, [data-test-id="reference"]'), url);
  if (references.length) draft.references = references;
  return { draft, kind: 'paper' };
}

/** The current page layout shows a separate TLDR block. */
function hasTldrSection(doc: Document): boolean {
  return !!doc.querySelector('[data-test-id="tldr"], [data-test-id="tldr-text"], .tldr__text');
}

export const semanticScholar: SiteExtractor = {
  id: 'semanticscholar',
  testUrls: [
    'https://www.semanticscholar.org/paper/What%E2%80%99s-in-a-Meow-A-Study-on-Human-Classification-of-Prato-Previde-Cannas/d1de4343d4076843583ca5826f345be6cb5cd75c',
    'https://www.semanticscholar.org/arxiv/1706.03762',
    'https://www.semanticscholar.org/search?q=attention',
  ],
  matches: (url) => HOST.test(url.hostname) && /^\/(paper|arxiv|search)(\/|$)/.test(url.pathname),
  extract(doc, url, base) {
    if (url.pathname.startsWith('/search')) {
      const works = paperRows(doc.querySelector('.result-page, main, body'), url);
      return { draft: {}, kind: 'listing', works };
    }
    return extractPaper(doc, url, base);
  },
};
