import type { Author, PaperDraft, PaperType, WorkRef } from '../../paper';
import {
  findDoi,
  normalizeDoi,
  normalizeIsbn,
  normalizeIssn,
  normalizePmid,
  parseArxivId,
} from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { pageIndex, resolveUrl } from '../meta';
import { perPage } from '../memo';
import { parseName, parseNameList } from '../names';
import { abstractFrom, clean, cleanTitle, splitKeywords } from '../text';
import type { MetadataSource } from '../types';

/**
 * schema.org JSON-LD (`<script type="application/ld+json">`): ScholarlyArticle and its kin, found at
 * the top level, in `@graph`, in arrays or as a page's `mainEntity`. A plain `Article` counts only when
 * it names a DOI (Semantic Scholar's pages), since news sites, blogs and Wikipedia use `Article` too.
 * Test pages: link.springer.com/article/… (ScholarlyArticle as mainEntity of a WebPage),
 * www.semanticscholar.org/paper/… (Article in @graph).
 *
 * Only a node that describes the page itself is its work: not the members of a list (`itemListElement`,
 * `hasPart`: a table of contents, read as a listing instead), nor what a blog or news post is `about`.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { [key: string]: Json };

const MAX_SCRIPTS = 20;
const MAX_SCRIPT_CHARS = 2_000_000;
const MAX_NODES = 5000;

/**
 * Types that are one scholarly work, with the CSL type they map to (a Map: a page's type such as
 * "constructor" names a property of every object, not a work).
 */
const SCHOLARLY = new Map<string, PaperType>(
  Object.entries({
    scholarlyarticle: 'article-journal',
    medicalscholarlyarticle: 'article-journal',
    thesis: 'thesis',
    report: 'report',
    chapter: 'chapter',
    dataset: 'dataset',
  }),
);

/**
 * The types that are a scholarly work by name alone. A report, a chapter or a dataset must also read
 * as a record of one (`isRecord`): news sites label their analytics "Dataset" (NBC News: a node named
 * "additionalTaxonomy"), and shops and agencies publish reports.
 */
const SCHOLARLY_BY_NAME = new Set(['scholarlyarticle', 'medicalscholarlyarticle', 'thesis']);

/** The JSON-LD types of a blog or news post (as `types` gives them). */
const POST_TYPES = new Set(
  [
    'BlogPosting',
    'NewsArticle',
    'ReportageNewsArticle',
    'LiveBlogPosting',
    'SocialMediaPosting',
    'DiscussionForumPosting',
    'OpinionNewsArticle',
    'AnalysisNewsArticle',
  ].map((t) => t.toLowerCase()),
);

/** A node whose type is a blog or news post's, written as any form of the name ("schema:…"). */
export function isPost(node: Node): boolean {
  return types(node).some((t) => POST_TYPES.has(t));
}

function types(node: Node): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^.*[/#:]/, '').toLowerCase());
}

const isNode = (v: Json | undefined): v is Node =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * How a node was reached from the top of its script: `page` for the page's own nodes (the top level,
 * `@graph`, `mainEntity`, and what a page that is not a post is `about`), `other` for the nodes that
 * are not (the members of a list or of a work's parts, what a post is about, and everything inside
 * those). Only a `page` node can be the page's work.
 */
type Reach = 'page' | 'other';

/** Properties whose values are the page's own nodes when their holder is one. */
const PAGE_KEYS = ['@graph', 'mainEntity', 'mainEntityOfPage'];
/** Properties whose values are members or parts, never the page's own work. */
const MEMBER_KEYS = ['hasPart', 'itemListElement', 'item'];

interface LdGraph {
  nodes: Node[];
  reach: Map<Node, Reach>;
}

/** Every object node in the JSON-LD scripts of the page, breadth-first, capped; parsed once per page. */
const ldGraph = perPage((doc: Document): LdGraph => {
  const nodes: Node[] = [];
  const reach = new Map<Node, Reach>();
  for (const s of pageIndex(doc).ldScripts.slice(0, MAX_SCRIPTS)) {
    const text = s.textContent ?? '';
    if (!text || text.length > MAX_SCRIPT_CHARS) continue;
    let data: Json;
    try {
      // Some sites wrap JSON-LD in HTML comments or CDATA markers.
      data = JSON.parse(
        text
          .replace(/^\s*(?:<!--|\/\*<!\[CDATA\[\*\/)/, '')
          .replace(/(?:-->|\/\*\]\]>\*\/)\s*$/, ''),
      ) as Json;
    } catch {
      continue;
    }
    const queue: [Json, Reach][] = [[data, 'page']];
    for (let i = 0; i < queue.length && nodes.length < MAX_NODES; i++) {
      const [v, r] = queue[i] as [Json, Reach];
      if (Array.isArray(v)) {
        for (const x of v.slice(0, 500)) queue.push([x, r]);
        continue;
      }
      if (!isNode(v)) continue;
      nodes.push(v);
      reach.set(v, r);
      const push = (key: string, to: Reach) => {
        const child = v[key];
        if (child && typeof child === 'object') queue.push([child, to]);
      };
      for (const key of PAGE_KEYS) push(key, r);
      push('about', isPost(v) ? 'other' : r);
      for (const key of MEMBER_KEYS) push(key, 'other');
    }
  }
  return { nodes, reach };
});

/** Every object node in the JSON-LD scripts of the page (see `ldGraph`). */
export function jsonLdNodes(doc: Document): Node[] {
  return ldGraph(doc).nodes;
}

const str = (v: Json | undefined): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

function strs(v: Json | undefined): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => strs(x));
  if (isNode(v)) {
    const inner =
      str(v['@value']) ?? str(v['value']) ?? str(v['url']) ?? str(v['@id']) ?? str(v['name']);
    return inner ? [inner] : [];
  }
  const s = str(v);
  return s ? [s] : [];
}

function nameOf(v: Json | undefined): string | undefined {
  if (isNode(v)) return str(v['name']);
  if (Array.isArray(v)) return nameOf(v[0]);
  return str(v);
}

function person(v: Json): Author | undefined {
  if (typeof v === 'string') return parseName(v);
  if (!isNode(v)) return undefined;
  const given = clean(str(v['givenName']), 200);
  const family = clean(str(v['familyName']), 200);
  if (family) return given ? { given, family } : { family };
  const name = str(v['name']);
  if (!name) return undefined;
  return types(v).includes('organization')
    ? { literal: clean(name, 300) ?? name }
    : parseName(name);
}

/** DOI, arXiv, PMID from `identifier`, `sameAs`, `@id`, `url` (strings, PropertyValues, arrays). */
function identifiers(node: Node, d: PaperDraft): void {
  for (const key of ['identifier', 'sameAs', '@id', 'url']) {
    const v = node[key];
    const list: Json[] = Array.isArray(v) ? v : [v ?? null];
    for (const item of list.slice(0, 50)) {
      let value: string | undefined;
      let prop = '';
      if (isNode(item)) {
        prop = (str(item['propertyID']) ?? str(item['name']) ?? '').toLowerCase();
        value = str(item['value']) ?? str(item['@value']) ?? str(item['url']);
      } else value = str(item);
      if (!value) continue;
      if (!d.doi && (prop === 'doi' || /(?:^|doi\.org\/|doi:\s*)10\.\d{4,9}\//i.test(value))) {
        const doi = normalizeDoi(value);
        if (doi) d.doi = doi;
      } else if (!d.arxivId && (prop === 'arxiv' || /arxiv/i.test(value))) {
        const ax = parseArxivId(prop === 'arxiv' ? `arXiv:${value}` : value);
        if (ax) d.arxivId = ax.id;
      } else if (!d.pmid && (prop === 'pmid' || /pubmed/i.test(value))) {
        const pmid = normalizePmid(value);
        if (pmid) d.pmid = pmid;
      } else if (!d.isbn && prop === 'isbn') {
        const isbn = normalizeIsbn(value);
        if (isbn) d.isbn = [isbn];
      }
    }
  }
}

function ref(v: Json): WorkRef | undefined {
  if (typeof v === 'string') {
    const raw = clean(v, 3000);
    if (!raw) return undefined;
    // A citation string, or only a DOI or its address (Frontiers: "https://doi.org/10.3389/…").
    const doi = findDoi(raw);
    return doi ? { authors: [], raw, doi } : { authors: [], raw };
  }
  if (!isNode(v)) return undefined;
  const r: WorkRef = { authors: [] };
  const title = clean(str(v['name']) ?? str(v['headline']), 1000);
  if (title) r.title = title;
  const authors = v['author'];
  for (const a of (Array.isArray(authors) ? authors : authors ? [authors] : []).slice(0, 100)) {
    const p = person(a);
    if (p) r.authors.push(p);
  }
  const y = yearOf(parseDate(str(v['datePublished'])));
  if (y) r.year = y;
  const d: PaperDraft = {};
  identifiers(v, d);
  if (d.doi) r.doi = d.doi;
  if (d.pmid) r.pmid = d.pmid;
  if (d.arxivId) r.arxivId = d.arxivId;
  return r.title || r.doi ? r : undefined;
}

/** The node describing the page's work, if any (once per page). */
export const pageWork = perPage((doc: Document) => {
  const { nodes, reach } = ldGraph(doc);
  return scholarlyNode(nodes.filter((n) => reach.get(n) === 'page'));
});

function scholarlyNode(nodes: readonly Node[]): { node: Node; type?: PaperType } | undefined {
  for (const node of nodes) {
    const type = workType(node);
    if (type) return { node, type };
  }
  // A generic Article that names a DOI is a paper record (Semantic Scholar).
  for (const node of nodes) {
    if (!types(node).includes('article')) continue;
    const d: PaperDraft = {};
    identifiers(node, d);
    if (d.doi || d.arxivId) return { node };
  }
  return undefined;
}

/** The CSL type of a node that is a scholarly work (see `SCHOLARLY_BY_NAME`), else undefined. */
function workType(node: Node): PaperType | undefined {
  for (const t of types(node)) {
    const type = SCHOLARLY.get(t);
    if (type && (SCHOLARLY_BY_NAME.has(t) || isRecord(node))) return type;
  }
  return undefined;
}

/**
 * A node that reads as the record of one work: it names a DOI, or it names its authors (or creators)
 * and its date of publication or creation.
 */
function isRecord(node: Node): boolean {
  const d: PaperDraft = {};
  identifiers(node, d);
  if (d.doi) return true;
  const people = node['author'] ?? node['creator'];
  const dated = node['datePublished'] ?? node['dateCreated'] ?? node['publicationDate'];
  return !!people && !!dated;
}

/**
 * The works a page lists as JSON-LD members (`itemListElement`, `hasPart`) of a scholarly type: a
 * table of contents or a bibliography, read as a listing when there are at least two.
 */
export function jsonLdWorks(doc: Document, url: URL): WorkRef[] {
  const { nodes, reach } = ldGraph(doc);
  const works: WorkRef[] = [];
  for (const node of nodes) {
    if (reach.get(node) !== 'other' || !workType(node)) continue;
    const work = ref(node);
    if (!work?.title) continue;
    const href = resolveUrl(str(node['url']) ?? str(node['@id']), url);
    if (href) work.url = href;
    else if (work.doi) work.url = `https://doi.org/${work.doi}`;
    works.push(work);
    if (works.length >= MAX_LISTED) break;
  }
  return works.length >= 2 ? works : [];
}

/** Most works read from a JSON-LD list. */
const MAX_LISTED = 2000;

export function jsonLdDraft(node: Node, type: PaperType | undefined, url: URL): PaperDraft {
  const d: PaperDraft = {};
  if (type) d.type = type;
  const title = cleanTitle(str(node['headline']) ?? str(node['name']));
  if (title) d.title = title;
  const rawAuthors = node['author'] ?? node['creator'];
  const authors: Author[] = [];
  for (const a of (Array.isArray(rawAuthors) ? rawAuthors : rawAuthors ? [rawAuthors] : []).slice(
    0,
    3000,
  )) {
    // One string may name them all ("A, B and C"); a Person node names one.
    if (typeof a === 'string') authors.push(...parseNameList(a));
    else {
      const p = person(a);
      if (p) authors.push(p);
    }
  }
  if (authors.length) d.authors = authors;
  const issued = parseDate(
    clean(
      str(node['datePublished']) ?? str(node['dateCreated']) ?? str(node['publicationDate']),
      100,
    ),
  );
  if (issued) {
    d.issued = issued;
    d.year = yearOf(issued);
  }
  // isPartOf may be the Periodical, or an issue/volume nested inside one another.
  let part: Json | undefined = node['isPartOf'];
  for (let depth = 0; depth < 4 && isNode(part); depth++) {
    const t = types(part);
    const n = str(part['name']);
    if (t.includes('publicationissue')) d.issue ??= str(part['issueNumber']);
    if (t.includes('publicationvolume')) d.volume ??= str(part['volumeNumber']);
    d.volume ??= str(part['volumeNumber']);
    if (n && !d.venue) d.venue = clean(n, 500);
    const issn = strs(part['issn'])
      .map((s) => normalizeIssn(s))
      .filter((s): s is string => !!s);
    if (issn.length && !d.issn) d.issn = issn;
    part = part['isPartOf'];
  }
  if (!d.venue) {
    const pub = clean(str(node['publication']) ?? nameOf(node['sourceOrganization']), 500);
    if (pub) d.venue = pub;
  }
  const start = str(node['pageStart']);
  const end = str(node['pageEnd']);
  const pages =
    str(node['pagination']) ?? (start && end && start !== end ? `${start}–${end}` : start);
  if (pages) d.pages = pages;
  const publisher = clean(nameOf(node['publisher']), 300);
  if (publisher) d.publisher = publisher;
  identifiers(node, d);
  const abstract = abstractFrom(str(node['abstract']), 80);
  if (abstract) d.abstract = abstract;
  const kw = node['keywords'];
  const keywords = splitKeywords(Array.isArray(kw) ? strs(kw) : strs(kw));
  if (keywords.length) d.keywords = keywords;
  for (const key of ['encoding', 'associatedMedia', 'distribution']) {
    const media = node[key];
    for (const m of Array.isArray(media) ? media : media ? [media] : []) {
      if (!isNode(m)) continue;
      const format = (str(m['encodingFormat']) ?? str(m['fileFormat']) ?? '').toLowerCase();
      const href = str(m['contentUrl']) ?? str(m['url']);
      if (format.includes('pdf') && href && !d.pdfUrl) d.pdfUrl = resolveUrl(href, url);
    }
  }
  const cites = node['citation'];
  const refs = (Array.isArray(cites) ? cites : cites ? [cites] : [])
    .slice(0, 2000)
    .map(ref)
    .filter((r): r is WorkRef => !!r);
  if (refs.length) d.references = refs;
  for (const k of Object.keys(d) as (keyof PaperDraft)[]) if (d[k] === undefined) delete d[k];
  return d;
}

export const jsonLd: MetadataSource & { weak(doc: Document): PaperDraft } = {
  id: 'jsonld',
  extract(doc, url) {
    const found = pageWork(doc);
    return found ? jsonLdDraft(found.node, found.type, url) : {};
  },
  /** `description`: Springer's is the abstract, other sites' a teaser. */
  weak(doc) {
    const found = pageWork(doc);
    const abstract = found ? abstractFrom(str(found.node['description']), 80) : undefined;
    return abstract ? { abstract } : {};
  },
};
