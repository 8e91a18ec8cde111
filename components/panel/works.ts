import type { Author, Paper, WorkRef } from '@/utils/paper';
import { authorName, safeHttpUrl } from '@/utils/display';
import { formatEntry } from '@/utils/formats/bibtex-writer';
import { baseCitationKey } from '@/utils/formats/citation-key';

/**
 * Plain helpers over works for the panel: a Paper from a table row, links for identifiers, and the
 * two citation texts the panel copies (a formatted reference and a BibTeX entry). Kept here, small
 * and dependency-free, because the panel script must stay lean; the library's full formats
 * (utils/formats, citation-js) are for the popup's exports.
 */

/** A minimal Paper from what a reference or citation row gives; provenance says it came from a list. */
export function paperFromWorkRef(ref: WorkRef): Paper {
  const title = (ref.title ?? ref.raw ?? '').trim();
  const paper: Paper = {
    title,
    authors: ref.authors,
    keywords: [],
    keyTerms: [],
    references: [],
    citations: [],
    sources: {},
  };
  const set = <K extends keyof Paper>(key: K, value: Paper[K] | undefined) => {
    if (value === undefined || value === '') return;
    paper[key] = value;
    paper.sources[key as Exclude<K, 'sources'>] = 'page';
  };
  set('title', title);
  if (ref.authors.length) paper.sources.authors = 'page';
  set('year', ref.year);
  if (ref.year !== undefined) paper.issued = { date: String(ref.year), precision: 'year' };
  set('venue', ref.venue);
  set('doi', ref.doi);
  set('arxivId', ref.arxivId);
  set('pmid', ref.pmid);
  set('url', safeHttpUrl(ref.url));
  return paper;
}

export interface IdLink {
  kind: 'doi' | 'published-doi' | 'arxiv' | 'pmid' | 'pmcid';
  label: string;
  value: string;
  href?: string;
}

/** The identifiers a paper has, each with its resolver link (http(s) only). */
export function identifierLinks(p: Paper): IdLink[] {
  const links: IdLink[] = [];
  const add = (kind: IdLink['kind'], label: string, value: string | undefined, url: string) => {
    if (value)
      links.push({
        kind,
        label,
        value,
        href: safeHttpUrl(url + encodeURIComponent(value).replace(/%2F/gi, '/')),
      });
  };
  add('doi', 'DOI', p.doi, 'https://doi.org/');
  if (p.publishedDoi !== p.doi)
    add('published-doi', 'Published DOI', p.publishedDoi, 'https://doi.org/');
  add('arxiv', 'arXiv', p.arxivId, 'https://arxiv.org/abs/');
  add('pmid', 'PubMed', p.pmid, 'https://pubmed.ncbi.nlm.nih.gov/');
  add('pmcid', 'PMC', p.pmcid, 'https://www.ncbi.nlm.nih.gov/pmc/articles/');
  return links;
}

/** The best http(s) link for a listed work: its own URL, else its DOI, arXiv or PubMed page. */
export function workLink(w: WorkRef): string | undefined {
  return (
    safeHttpUrl(w.url) ??
    (w.doi ? safeHttpUrl(`https://doi.org/${w.doi}`) : undefined) ??
    (w.arxivId ? safeHttpUrl(`https://arxiv.org/abs/${w.arxivId}`) : undefined) ??
    (w.pmid ? safeHttpUrl(`https://pubmed.ncbi.nlm.nih.gov/${w.pmid}/`) : undefined)
  );
}

function initials(given: string): string {
  return given
    .split(/[\s.]+/)
    .filter(Boolean)
    .map((g) =>
      g
        .split('-')
        .map((part) => `${part.charAt(0).toUpperCase()}.`)
        .join('-'),
    )
    .join(' ');
}

/** "Watson, D. S." or the literal name. */
function apaName(a: Author): string {
  if (a.family) return a.given ? `${a.family}, ${initials(a.given)}` : a.family;
  return authorName(a);
}

function apaAuthors(authors: readonly Author[]): string {
  const names = authors.map(apaName).filter(Boolean);
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  if (names.length > 20) return `${names.slice(0, 19).join(', ')}, … ${names.at(-1)}`;
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
}

const endWith = (s: string, mark = '.') => (/[.?!]$/.test(s) ? s : `${s}${mark}`);

/** An APA-like reference: "Authors (Year). Title. Venue, volume(issue), pages. https://doi.org/…" */
export function formatReference(p: Paper): string {
  const parts: string[] = [];
  const authors = apaAuthors(p.authors);
  const year = p.year ?? (p.issued ? Number(p.issued.date.slice(0, 4)) : undefined);
  const when = `(${year ?? 'n.d.'}).`;
  parts.push(authors ? `${endWith(authors, '')} ${when}` : when);
  if (p.title) parts.push(endWith(p.title.trim()));
  if (p.venue) {
    let venue = p.venue;
    if (p.volume) venue += `, ${p.volume}${p.issue ? `(${p.issue})` : ''}`;
    if (p.pages) venue += `, ${p.pages}`;
    parts.push(endWith(venue));
  }
  const link =
    (p.doi && `https://doi.org/${p.doi}`) ||
    (p.arxivId && `https://arxiv.org/abs/${p.arxivId}`) ||
    safeHttpUrl(p.url);
  if (link) parts.push(link);
  return parts.join(' ');
}

/**
 * One BibTeX entry for the paper, written as the BibTeX export writes it (so a copied entry and an
 * exported one agree); the key follows the library's citation-key pattern.
 */
export function toBibtex(p: Paper, keyPattern?: string): string {
  return formatEntry(p, baseCitationKey(p, keyPattern));
}
