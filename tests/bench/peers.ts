/**
 * The two peer tools the benchmark compares Papershelf with, configured as their users would, and the
 * mapping of their output to the scored fields (title, authors, year, doi, arxiv_id, abstract).
 *
 * - Wikimedia's `html-metadata` 3 (the library behind Wikipedia's Citoid): `loadFromString(html)`,
 *   its string API, which is `parseAll(cheerio.load(html))` and returns one object per standard
 *   (highwirePress, bePress, eprints, dublinCore, prism, coins, jsonLd, openGraph, twitter, general,
 *   schemaOrg). It leaves the choice between them to its user; `mapHtmlMetadata` below makes that choice
 *   the way a citation tool would, scholarly standards first (see the order there).
 * - `metascraper` 5.49 with the rules a user installs for this job (author, date, description, title,
 *   url), one instance, called with `{ html, url }`. It gives one author string (split with
 *   `splitAuthorList` when it lists several people), a title, a date (the package's default `date`
 *   rule, which prefers a modified date) and a description; it has no DOI or
 *   arXiv rule, so those are "nothing" (absent-correct where the page has none, missing elsewhere).
 *
 * Neither peer says whether a page is a paper. A peer is counted as "detecting" a paper when its
 * output has a title plus an author or a DOI from scholarly metadata: for html-metadata, from
 * Highwire/bepress/eprints/Dublin Core/PRISM/COinS/JSON-LD ScholarlyArticle (not Open Graph or the
 * <title>); metascraper has no scholarly source at all, so for it the test is title plus author from
 * whatever rule it used — the only reading under which it can detect anything.
 */
import { createRequire } from 'node:module';
import createMetascraper from 'metascraper';
import metascraperAuthor from 'metascraper-author';
import metascraperDate from 'metascraper-date';
import metascraperDescription from 'metascraper-description';
import metascraperTitle from 'metascraper-title';
import metascraperUrl from 'metascraper-url';
import { yearOf, type Extracted, type NameLike } from './score.ts';

// html-metadata ships no type declarations; this is the part of its API the benchmark uses.
type MetaValue = string | string[] | undefined;
type MetaRecord = Record<string, MetaValue>;
interface CoinsEntry {
  rft?: Record<string, string | string[]>;
  rft_id?: string;
  [key: string]: unknown;
}
export interface HtmlMetadataResult {
  highwirePress?: MetaRecord;
  bePress?: MetaRecord;
  eprints?: MetaRecord;
  dublinCore?: MetaRecord;
  prism?: MetaRecord;
  coins?: CoinsEntry[];
  jsonLd?: unknown;
  openGraph?: Record<string, unknown>;
  twitter?: Record<string, unknown>;
  general?: Record<string, unknown>;
  [key: string]: unknown;
}
interface HtmlMetadataModule {
  loadFromString(html: string): Promise<HtmlMetadataResult>;
  version: string;
}

const require = createRequire(import.meta.url);
const htmlMetadata = require('html-metadata') as HtmlMetadataModule;

export const HTML_METADATA_VERSION = htmlMetadata.version;
export const METASCRAPER_VERSION = (require('metascraper/package.json') as { version: string })
  .version;

// ---------------------------------------------------------------------------------------------
// small helpers over html-metadata's loosely typed output

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x);
      if (s) return s;
    }
  }
  if (typeof v === 'number') return String(v);
  return undefined;
}

function strs(v: unknown): string[] {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.flatMap(strs);
  return [];
}

/**
 * One string that lists several people ("A. Smith, B. Jones, and C. Li", "Smith J; Jones B"), as some
 * pages put in `citation_authors`, `DC.creator` or `meta name=author`, split into names; a single
 * "Family, Given" stays one name. A user turning either peer's output into a reference would do
 * this, so both peers get it.
 */
export function splitAuthorList(s: string): string[] {
  const text = s.replace(/\s+/g, ' ').trim();
  let parts: string[];
  if (text.includes(';')) parts = text.split(';');
  else if (text.includes(',')) {
    parts = text.split(/\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/);
    const named = parts.map((p) => p.trim()).filter((p) => p && !/^et al\.?$/i.test(p));
    // "Pinto, Ricardo" is one person in "Family, Given" form: only split when every part is a name.
    if (!named.every((p) => p.includes(' '))) return [text];
    parts = named;
  } else parts = text.split(/\s+(?:and|&)\s+/);
  return parts.map((p) => p.trim()).filter((p) => p && !/^et al\.?$/i.test(p));
}

/** A list of names where the page may have given one string for all of them. */
function nameList(names: string[]): string[] {
  return names.length === 1 ? splitAuthorList(names[0] as string) : names;
}

function firstOf(...vals: (string | undefined)[]): string | undefined {
  return vals.find((v) => v !== undefined && v !== '');
}

/** Order-preserving dedupe: pages that carry both `DC.creator` and `DCTERMS.creator` list everyone twice. */
function unique(names: string[]): string[] {
  return [...new Set(names)];
}

const DOI_RE = /\b(10\.\d{4,9}\/[^\s"<>]+)/;
const ARXIV_RE = /arxiv[:/]\s*((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?)/i;

function doiIn(v: unknown): string | undefined {
  for (const s of strs(v)) {
    const m = DOI_RE.exec(s);
    if (m) return (m[1] as string).replace(/[.,;]+$/, '');
  }
  return undefined;
}

function arxivIn(v: unknown): string | undefined {
  for (const s of strs(v)) {
    const m = ARXIV_RE.exec(s);
    if (m) return m[1];
  }
  return undefined;
}

const SCHOLARLY_TYPES =
  /^(ScholarlyArticle|MedicalScholarlyArticle|Article|TechArticle|Thesis|Report|Chapter|Book|Dataset|CreativeWork|PublicationIssue)$/;
const SCHOLARLY_STRICT = /^(ScholarlyArticle|MedicalScholarlyArticle|Thesis|Report|Chapter)$/;

type JsonObject = Record<string, unknown>;

/** All JSON-LD nodes (arrays and `@graph` flattened) whose `@type` matches. */
function jsonLdNodes(data: unknown, typeRe: RegExp, out: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(data)) {
    for (const d of data) jsonLdNodes(d, typeRe, out);
  } else if (data && typeof data === 'object') {
    const node = data as JsonObject;
    const types = strs(node['@type']);
    if (types.some((t) => typeRe.test(t))) out.push(node);
    if (node['@graph']) jsonLdNodes(node['@graph'], typeRe, out);
  }
  return out;
}

function jsonLdNames(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(jsonLdNames);
  if (v && typeof v === 'object') {
    const o = v as JsonObject;
    const name = str(o.name);
    if (name) return [name];
    const given = str(o.givenName);
    const family = str(o.familyName);
    if (family) return [given ? `${given} ${family}` : family];
  }
  return [];
}

function coinsRft(meta: HtmlMetadataResult): Record<string, string | string[]> | undefined {
  // The first COinS span describes the page's work when there is one; later ones are usually
  // references. A user of the library would take the first.
  return meta.coins?.[0]?.rft;
}

function coinsAuthors(rft: Record<string, string | string[]> | undefined): string[] {
  if (!rft) return [];
  const au = strs(rft.au);
  if (au.length) return au;
  const last = str(rft.aulast);
  if (!last) return [];
  const first = str(rft.aufirst) ?? str(rft.auinit);
  return [first ? `${last}, ${first}` : last];
}

/**
 * html-metadata's result mapped to the scored fields. Order per field (scholarly standards first, as
 * Zotero and Citoid rank them; Open Graph, Twitter and the <title>/description only as the last
 * fallback, where a user building a citation would still take them):
 * - title: citation_title > bepress title > eprints title > DC title > COinS atitle/title >
 *   JSON-LD scholarly headline/name > og:title > twitter:title > <title>.
 * - authors: citation_author (each tag one author; else citation_authors split on ";") > bepress
 *   author > eprints creators_name > DC creator > COinS au (or aulast+aufirst) > JSON-LD scholarly
 *   author > meta name=author; duplicates dropped, and a lone string that lists several people split
 *   (`splitAuthorList`).
 * - year: the first year in citation_publication_date > citation_date > citation_year >
 *   citation_online_date > bepress date > eprints date > DC date/issued/created > PRISM
 *   publicationDate/coverDate > COinS date > JSON-LD datePublished > article:published_time.
 * - doi: citation_doi > bepress doi > PRISM doi > DC identifier > eprints id_number > COinS
 *   rft_id info:doi/ > JSON-LD identifier/sameAs: the first string that contains a DOI.
 * - arxiv_id: citation_arxiv_id > DC identifier "arXiv:…" > COinS rft_id arXiv.
 * - abstract: citation_abstract > bepress abstract > eprints abstract > DC abstract/description >
 *   JSON-LD scholarly abstract/description > og:description > twitter:description > meta description.
 */
export function mapHtmlMetadata(meta: HtmlMetadataResult): Extracted {
  const hw = meta.highwirePress ?? {};
  const bp = meta.bePress ?? {};
  const ep = meta.eprints ?? {};
  const dc = meta.dublinCore ?? {};
  const prism = meta.prism ?? {};
  const rft = coinsRft(meta);
  const coinsId = str(meta.coins?.[0]?.rft_id);
  const ld = jsonLdNodes(meta.jsonLd, SCHOLARLY_TYPES);
  const ldStrict = jsonLdNodes(meta.jsonLd, SCHOLARLY_STRICT);
  const og = meta.openGraph ?? {};
  const tw = meta.twitter ?? {};
  const general = meta.general ?? {};

  const scholarlyTitle = firstOf(
    str(hw.title),
    str(bp.title),
    str(ep.title),
    str(dc.title),
    str(rft?.atitle),
    str(rft?.title),
    str(rft?.btitle),
    ...ldStrict.map((n) => str(n.headline) ?? str(n.name)),
  );
  const title = firstOf(
    scholarlyTitle,
    ...ld.map((n) => str(n.headline) ?? str(n.name)),
    str(og.title),
    str(tw.title),
    str(general.title),
  );

  const hwAuthors = strs(hw.author);
  let scholarlyAuthors: string[] = hwAuthors.length
    ? hwAuthors
    : strs(hw.authors).flatMap((s) => s.split(';').map((x) => x.trim()));
  for (const next of [
    () => strs(bp.author),
    () => strs(ep.creators_name),
    () => strs(dc.creator),
    () => coinsAuthors(rft),
    () => ldStrict.flatMap((n) => jsonLdNames(n.author ?? n.creator)),
  ]) {
    if (scholarlyAuthors.length) break;
    scholarlyAuthors = next();
  }
  scholarlyAuthors = nameList(unique(scholarlyAuthors.filter(Boolean)));
  let authors: NameLike[] = scholarlyAuthors;
  if (!authors.length) authors = unique(ld.flatMap((n) => jsonLdNames(n.author)));
  if (!authors.length) authors = nameList(strs(general.author).slice(0, 1));

  const date = firstOf(
    str(hw.publication_date),
    str(hw.date),
    str(hw.year),
    str(hw.online_date),
    str(bp.date),
    str(ep.date),
    str(dc.date),
    str(dc.issued),
    str(dc.created),
    str(prism.publicationDate),
    str(prism.coverDate),
    str(rft?.date),
    ...ld.map((n) => str(n.datePublished)),
    str(og.published_time),
  );

  const doi = firstOf(
    doiIn(hw.doi),
    doiIn(bp.doi),
    doiIn(prism.doi),
    doiIn(dc.identifier),
    doiIn(ep.id_number),
    doiIn(coinsId),
    doiIn(rft?.doi),
    ...ld.map((n) => doiIn(n.identifier) ?? doiIn(n.sameAs)),
  );

  const arxivId = firstOf(str(hw.arxiv_id), arxivIn(dc.identifier), arxivIn(coinsId));

  const abstract = firstOf(
    str(hw.abstract),
    str(bp.abstract),
    str(ep.abstract),
    str(dc.abstract),
    str(dc.description),
    ...ld.map((n) => str(n.abstract) ?? str(n.description)),
    str(og.description),
    str(tw.description),
    str(general.description),
  );

  return {
    title,
    authors,
    year: yearOf(date),
    doi,
    arxivId,
    abstract,
    detected: Boolean(scholarlyTitle && (scholarlyAuthors.length > 0 || doi)),
  };
}

/** Whole HTML-to-JSON with html-metadata: cheerio load + parseAll, as `loadFromString` does. */
export async function runHtmlMetadata(html: string): Promise<HtmlMetadataResult> {
  try {
    return await htmlMetadata.loadFromString(html);
  } catch (e) {
    // parseAll rejects with "No metadata found in page" when every standard is empty: that is an
    // answer ("nothing"), not a failure of the tool.
    if (e instanceof Error && /No metadata found/.test(e.message)) return {};
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// metascraper

export type MetascraperResult = createMetascraper.Metadata;

const metascraper = createMetascraper([
  metascraperAuthor(),
  metascraperDate(),
  metascraperDescription(),
  metascraperTitle(),
  metascraperUrl(),
]);

export function runMetascraper(html: string, url: string): Promise<MetascraperResult> {
  return metascraper({ html, url });
}

/**
 * metascraper's result mapped to the scored fields: title -> title; author (one string) -> a
 * one-name author list, or several when the string lists several people; the year of
 * `date`; description -> abstract; no DOI or arXiv id.
 */
export function mapMetascraper(meta: MetascraperResult): Extracted {
  const title = str(meta.title);
  const author = str(meta.author);
  return {
    title,
    authors: author ? splitAuthorList(author) : [],
    year: yearOf(str(meta.date)),
    abstract: str(meta.description),
    detected: Boolean(title && author),
  };
}
