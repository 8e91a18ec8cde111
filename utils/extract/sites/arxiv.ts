import type { Author, PaperDraft, WorkRef } from '../../paper';
import { normalizeDoi, parseArxivId } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { first, readMeta, resolveUrl } from '../meta';
import { parseName } from '../names';
import { clean, dropAbstractLabel, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';

/**
 * arXiv (arxiv.org, export.arxiv.org): abstract pages `/abs/<id>[vN]`, their HTML renderings
 * `/html/<id>vN`, and listings (`/list/<archive>/…`, `/search/…`).
 *
 * What the generic Highwire tags get wrong or miss here:
 * - the version: `/abs/1706.03762` shows v7 (`og:url`, "this version, v7" in the dateline); the id
 *   is kept without version and the version apart;
 * - DOIs: the page shows the arXiv-issued DataCite DOI `10.48550/arXiv.<id>` (derivable from the id,
 *   not the work's publisher DOI, and not in the head), and sometimes a "Related DOI" / `citation_doi`
 *   naming the journal article, which is the published version (`publishedDoi`), not this record;
 * - pages saved with only their head (edge__arxiv-head-only) or only their body (old layouts without
 *   `citation_*` tags): each is read from what is there.
 *
 * Test URLs: https://arxiv.org/abs/1706.03762, https://arxiv.org/abs/hep-th/9901001v2,
 * https://export.arxiv.org/abs/2101.00001v2, https://arxiv.org/list/cs.CL/recent,
 * https://arxiv.org/search/?query=attention&searchtype=all
 */

const HOST = /(^|\.)arxiv\.org$/i;

function idFromUrl(url: URL): { id: string; version?: string } | undefined {
  const m = /^\/(?:abs|html|pdf|format)\/(.+?)(?:\.pdf)?\/?$/.exec(url.pathname);
  return m?.[1] ? parseArxivId(`arXiv:${decodeURIComponent(m[1])}`) : undefined;
}

/** The version the page shows: the URL's, then the dateline's "this version, vN", then `og:url`. */
function pageVersion(doc: Document, url: URL, id: string): string | undefined {
  const fromUrl = idFromUrl(url);
  if (fromUrl?.version) return fromUrl.version;
  const dateline = clean(doc.querySelector('.dateline')?.textContent, 500) ?? '';
  const m = /this version,\s*(v\d+)/i.exec(dateline);
  if (m?.[1]) return m[1].toLowerCase();
  const og = parseArxivId(first(readMeta(doc), 'og:url'));
  if (og?.id === id && og.version) return og.version;
  // The submission history marks the shown version as bold text without a link.
  const current = Array.from(doc.querySelectorAll('.submission-history strong'))
    .map((s) => (s.querySelector('a') ? undefined : /\[(v\d+)\]/.exec(s.textContent ?? '')?.[1]))
    .filter(Boolean);
  return current[0];
}

/** "Title:", "Authors:", "Abstract:" descriptors prefix the visible fields. */
function withoutDescriptor(el: Element | null): string | undefined {
  const t = textOf(el);
  return t?.replace(/^(title|authors?|abstract)\s*:\s*/i, '');
}

function visibleAuthors(doc: Document): Author[] {
  const out: Author[] = [];
  for (const a of Array.from(doc.querySelectorAll('#abs .authors a, .authors a')).slice(0, 3000)) {
    const name = parseName(a.textContent);
    if (name) out.push(name);
  }
  if (out.length) return out;
  // The HTML rendering (LaTeXML): a person block holds the name, then line breaks, affiliations and
  // e-mail addresses; only the text before the first break or nested block is the name. Several
  // names may share one block ("A, B and C").
  for (const p of Array.from(doc.querySelectorAll('.ltx_authors .ltx_personname')).slice(0, 500)) {
    let text = '';
    for (let c = p.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && /^(BR|SPAN|SUP|DIV)$/.test((c as Element).tagName)) {
        if ((c as Element).tagName !== 'SPAN' || text.trim()) break;
        continue;
      }
      text += c.textContent ?? '';
    }
    for (const part of text.split(/\s*,\s*|\s+and\s+|\s*&\s*/)) {
      const name = parseName(part);
      if (name) out.push(name);
    }
  }
  return out;
}

/** The journal article's DOI the page names: "Related DOI" in the metadata table, or `citation_doi`. */
function relatedDoi(doc: Document): string | undefined {
  const cell = doc.querySelector('td.doi a[href], td.tablecell.doi a[href]');
  const fromTable = normalizeDoi(cell?.getAttribute('href') ?? cell?.textContent);
  if (fromTable && !isArxivDoi(fromTable)) return fromTable;
  const meta = normalizeDoi(first(readMeta(doc), 'citation_doi'));
  return meta && !isArxivDoi(meta) ? meta : undefined;
}

const isArxivDoi = (doi: string): boolean => doi.startsWith('10.48550/');

function extractAbs(doc: Document, url: URL, base: Readonly<PaperDraft>): SiteResult {
  const draft: PaperDraft = { type: 'article' };
  const metaId = parseArxivId(
    first(readMeta(doc), 'citation_arxiv_id')
      ? `arXiv:${first(readMeta(doc), 'citation_arxiv_id') ?? ''}`
      : undefined,
  );
  const id = idFromUrl(url)?.id ?? metaId?.id ?? base.arxivId;
  if (!id) return { draft: {} };
  draft.arxivId = id;
  const version = pageVersion(doc, url, id);
  if (version) draft.arxivVersion = version;

  if (!base.title) {
    const t = withoutDescriptor(doc.querySelector('h1.title, h1.ltx_title'));
    if (t) draft.title = t;
  }
  if (!base.authors?.length) {
    const authors = visibleAuthors(doc);
    if (authors.length) draft.authors = authors;
  }
  if (!base.abstract) {
    // The HTML rendering puts a heading "Abstract" before the paragraphs: read the paragraphs.
    const paras = Array.from(doc.querySelectorAll('.ltx_abstract p')).map((p) => textOf(p) ?? '');
    const abs = paras.length
      ? clean(paras.join(' '))
      : withoutDescriptor(doc.querySelector('blockquote.abstract'));
    if (abs && abs.length > 40) draft.abstract = dropAbstractLabel(abs);
  }
  if (!base.issued) {
    // "[Submitted on 12 Jun 2017 (v1), last revised …]": the first version's date is the work's date.
    const m = /Submitted on\s+(\d{1,2}\s+\w+\s+\d{4})/i.exec(
      textOf(doc.querySelector('.dateline'), 500) ?? '',
    );
    const issued = parseDate(m?.[1]);
    if (issued) {
      draft.issued = issued;
      draft.year = yearOf(issued);
    }
  }

  const related = relatedDoi(doc);
  if (related) draft.publishedDoi = related;
  // The record's DOI is not the journal's, and the DataCite DOI is the id written another way.
  if (base.doi && (base.doi === related || isArxivDoi(base.doi))) draft.doi = undefined;

  draft.url = `https://arxiv.org/abs/${id}`;
  if (!base.pdfUrl) draft.pdfUrl = `https://arxiv.org/pdf/${id}${version ?? ''}`;
  // arXiv is the repository, not a venue; a journal reference names the published version.
  if (base.venue && /^arxiv(\.org)?$/i.test(base.venue)) draft.venue = undefined;
  return { draft, kind: 'paper' };
}

/** Listing pages: `/list/…` (dt/dd pairs) and `/search/…` (`li.arxiv-result`). */
function extractListing(doc: Document, url: URL): SiteResult {
  const works: WorkRef[] = [];
  const push = (
    title: string | undefined,
    authors: Element[],
    href: string | null | undefined,
    year?: number,
  ) => {
    if (!title) return;
    const ref: WorkRef = {
      title,
      authors: authors.map((a) => parseName(a.textContent)).filter((a): a is Author => !!a),
    };
    const link = resolveUrl(href, url);
    if (link) {
      ref.url = link;
      const ax = parseArxivId(link);
      if (ax) ref.arxivId = ax.id;
    }
    if (year) ref.year = year;
    works.push(ref);
  };
  for (const dd of Array.from(doc.querySelectorAll('dl dd')).slice(0, 2000)) {
    const titleEl = dd.querySelector('.list-title');
    if (!titleEl) continue;
    const dt = dd.previousElementSibling;
    const href = dt?.querySelector('a[href*="/abs/"]')?.getAttribute('href');
    push(withoutDescriptor(titleEl), Array.from(dd.querySelectorAll('.list-authors a')), href);
  }
  for (const li of Array.from(doc.querySelectorAll('li.arxiv-result')).slice(0, 2000)) {
    const submitted = /Submitted\s+\d{1,2}\s+\w+,?\s+(\d{4})/.exec(textOf(li, 5000) ?? '');
    push(
      textOf(li.querySelector('p.title')),
      Array.from(li.querySelectorAll('p.authors a')),
      li.querySelector('a[href*="/abs/"]')?.getAttribute('href'),
      submitted?.[1] ? Number(submitted[1]) : undefined,
    );
  }
  return { draft: {}, kind: 'listing', works };
}

export const arxiv: SiteExtractor = {
  id: 'arxiv',
  testUrls: [
    'https://arxiv.org/abs/1706.03762',
    'https://arxiv.org/abs/hep-th/9901001v2',
    'https://export.arxiv.org/abs/2101.00001v2',
    'https://arxiv.org/list/cs.CL/recent',
    'https://arxiv.org/search/?query=attention&searchtype=all',
  ],
  matches: (url) => HOST.test(url.hostname) && /^\/(abs|html|list|search)\//.test(url.pathname),
  extract(doc, url, base) {
    if (/^\/(list|search)\//.test(url.pathname)) return extractListing(doc, url);
    return extractAbs(doc, url, base);
  },
};
