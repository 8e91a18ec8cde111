import type { Author, IssuedDate, Paper } from '@/utils/paper';
import { normalizeDoi, normalizePmcid, normalizePmid, parseArxivId } from '@/utils/paper-ids';
import type { LibraryRecord, PaperVersion, RecordKeys } from './schema';

/**
 * "Is this the same work?" The library keeps one record per work: two papers are the same work when
 * they share a DOI, an arXiv id (any version), a PMID or PMCID, a canonical URL, or the same
 * normalised title with the same first author's family name and the same year.
 *
 * A preprint and its published article are the same work too. They are linked through the ids one
 * page gives for both: an arXiv page names its id (whose DataCite DOI is `10.48550/arXiv.<id>`) and
 * often the journal DOI; a bioRxiv/medRxiv page (`10.1101/…`) names the journal article it became
 * (`Paper.publishedDoi`). Each becomes a `PaperVersion` of the one record.
 *
 * Everything here is pure: the library turns these keys into IndexedDB index lookups.
 */

/** What findSaved and dedupe need to know about a work: a `Paper`, a `WorkRef`, or less. */
export interface WorkLike {
  doi?: string;
  arxivId?: string;
  pmid?: string;
  pmcid?: string;
  url?: string;
  title?: string;
  authors?: Author[];
  /** When the caller has only the first author's family name. */
  firstAuthorFamily?: string;
  year?: number;
  issued?: IssuedDate;
  /** The journal DOI a preprint page names (see `Paper.publishedDoi`). */
  publishedDoi?: string;
}

const ARXIV_DOI_PREFIX = '10.48550/arxiv.';

/** DOI prefixes of preprint servers: a DOI under one of these names a preprint, not the article. */
const PREPRINT_DOI = [
  /^10\.48550\/arxiv\./, // arXiv (DataCite)
  /^10\.1101\//, // bioRxiv, medRxiv
  /^10\.21203\/rs\./, // Research Square
  /^10\.20944\/preprints/, // Preprints.org
  /^10\.31219\/osf\.io\//, // OSF Preprints
  /^10\.31234\/osf\.io\//, // PsyArXiv
  /^10\.31235\/osf\.io\//, // SocArXiv
  /^10\.2139\/ssrn\./, // SSRN
  /^10\.26434\/chemrxiv/, // ChemRxiv
  /^10\.22541\/au\./, // Authorea
];

export function isPreprintDoi(doi: string): boolean {
  return PREPRINT_DOI.some((re) => re.test(doi));
}

/** The arXiv DataCite DOI of an arXiv id (without version). */
export function arxivDoi(arxivId: string): string {
  return `${ARXIV_DOI_PREFIX}${arxivId.toLowerCase()}`;
}

/** An arXiv id (no version), lowercase so that `math.GT/0309136` and `math.gt/0309136` meet. */
export function arxivKey(input: string | undefined): string | undefined {
  const parsed = parseArxivId(input);
  return parsed ? parsed.id.toLowerCase() : undefined;
}

/**
 * A title reduced to what survives formatting differences: Unicode-decomposed without accents,
 * lowercase, inline markup and punctuation dropped, single spaces. `undefined` when nothing is left.
 */
export function titleKey(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const key = title
    .slice(0, 2000)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/<[^>]{0,40}>/g, ' ')
    .replace(/&(?:[a-z]+|#\d+);/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, 300)
    .trim();
  return key || undefined;
}

/** The family name of an author, reduced like a title and without spaces (`van der Berg` → `vanderberg`). */
export function familyKey(author: Author | undefined): string | undefined {
  if (!author) return undefined;
  let family = author.family;
  if (!family && author.literal) {
    const literal = author.literal.trim();
    // "Family, Given" or "Given Family".
    family = literal.includes(',') ? literal.split(',')[0] : literal.split(/\s+/).pop();
  }
  return compact(family);
}

function compact(s: string | undefined): string | undefined {
  const key = titleKey(s)?.replace(/ /g, '');
  return key || undefined;
}

/** Titles too short or generic to identify a work together with an author and a year. */
function identifyingTitle(key: string): boolean {
  return key.split(' ').length >= 3 || key.length >= 20;
}

const TRACKING_PARAM = /^(utm_.*|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid)$/i;

/**
 * A URL reduced to what identifies the page: no scheme (http and https are one page), host without
 * `www.`, no fragment, no trailing slash, no tracking parameters, remaining parameters sorted. Site
 * roots (no path, no query) identify no work and give `undefined`, as do non-http(s) URLs.
 */
export function canonicalUrlKey(url: string | undefined): string | undefined {
  if (!url || url.length > 4096) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const port = u.port ? `:${u.port}` : '';
  const path = u.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING_PARAM.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  if (!path && !query) return undefined;
  return `${host}${port}${path}${query}`;
}

/** Identifiers a URL names on its own: a DOI resolver or `/doi/` landing page, arXiv, PubMed, PMC. */
export function idsFromUrl(url: string | undefined): {
  doi?: string;
  arxivId?: string;
  pmid?: string;
  pmcid?: string;
} {
  if (!url) return {};
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return {};
  }
  const host = u.hostname.toLowerCase();
  if (
    /(^|\.)doi\.org$/.test(host) ||
    /\/doi\/(?:abs\/|full\/|pdf\/|epdf\/)?10\./.test(u.pathname)
  ) {
    const doi = normalizeDoi(u.pathname);
    return doi ? { doi } : {};
  }
  if (/(^|\.)arxiv\.org$/.test(host) && /^\/(abs|pdf|html)\//.test(u.pathname)) {
    const arxivId = arxivKey(`arxiv:${u.pathname.replace(/^\/(abs|pdf|html)\//, '')}`);
    return arxivId ? { arxivId } : {};
  }
  if (
    host === 'pubmed.ncbi.nlm.nih.gov' ||
    (host === 'www.ncbi.nlm.nih.gov' && /^\/pubmed\//.test(u.pathname))
  ) {
    const pmid = normalizePmid(url);
    return pmid ? { pmid } : {};
  }
  if (/(^|\.)ncbi\.nlm\.nih\.gov$/.test(host) && /\/PMC\d+/i.test(u.pathname)) {
    const pmcid = normalizePmcid(u.pathname);
    return pmcid ? { pmcid } : {};
  }
  return {};
}

function yearOf(work: WorkLike): number | undefined {
  if (work.year !== undefined && Number.isInteger(work.year)) return work.year;
  const y = work.issued ? Number(work.issued.date.slice(0, 4)) : NaN;
  return Number.isInteger(y) ? y : undefined;
}

/** The identity keys of one work, each list normalised and unique. */
export function workKeys(work: WorkLike, extraUrls: readonly string[] = []): RecordKeys {
  const keys: RecordKeys = {
    dois: [],
    arxivIds: [],
    pmids: [],
    pmcids: [],
    urls: [],
    titleKeys: [],
    workKeys: [],
  };
  const addDoi = (raw: string | undefined) => {
    const doi = normalizeDoi(raw);
    if (!doi) return;
    if (doi.startsWith(ARXIV_DOI_PREFIX)) addArxiv(doi);
    else push(keys.dois, doi);
  };
  const addArxiv = (raw: string | undefined) => push(keys.arxivIds, arxivKey(raw));

  addDoi(work.doi);
  addDoi(work.publishedDoi);
  addArxiv(work.arxivId);
  push(keys.pmids, normalizePmid(work.pmid));
  push(keys.pmcids, normalizePmcid(work.pmcid));
  for (const url of [work.url, ...extraUrls]) {
    const fromUrl = idsFromUrl(url);
    addDoi(fromUrl.doi);
    addArxiv(fromUrl.arxivId);
    push(keys.pmids, fromUrl.pmid);
    push(keys.pmcids, fromUrl.pmcid);
    push(keys.urls, canonicalUrlKey(url));
  }
  const title = titleKey(work.title);
  push(keys.titleKeys, title);
  const family = work.firstAuthorFamily
    ? compact(work.firstAuthorFamily)
    : familyKey(work.authors?.[0]);
  const year = yearOf(work);
  if (title && family && year !== undefined && identifyingTitle(title)) {
    push(keys.workKeys, `${title}|${family}|${year}`);
  }
  return keys;
}

function push(list: string[], value: string | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

/** The union of several key sets. */
export function unionKeys(...sets: RecordKeys[]): RecordKeys {
  const out = workKeys({});
  for (const s of sets) {
    for (const field of Object.keys(out) as (keyof RecordKeys)[]) {
      for (const v of s[field]) push(out[field], v);
    }
  }
  return out;
}

/** The keys a stored record is indexed under: its paper, every version, every page it came from. */
export function recordKeys(
  record: Pick<LibraryRecord, 'paper' | 'versions' | 'pageUrls'>,
): RecordKeys {
  return unionKeys(
    workKeys(record.paper, record.pageUrls),
    ...record.versions.map((v) =>
      workKeys({
        doi: v.doi,
        arxivId: v.arxivId,
        pmid: v.pmid,
        pmcid: v.pmcid,
        url: v.url,
        // A version's title identifies it with the record's first author.
        title: v.title,
        authors: record.paper.authors.slice(0, 1),
        year: v.year,
      }),
    ),
  );
}

/**
 * True when two key sets certainly name different works: both have arXiv ids and none is shared, or
 * both have PMIDs and none is shared. Vetoes the weak matches (URL, title + author + year); DOIs are
 * not used here because a preprint and its article legitimately have different DOIs.
 */
export function certainlyDifferent(a: RecordKeys, b: RecordKeys): boolean {
  const disjoint = (x: string[], y: string[]) =>
    x.length > 0 && y.length > 0 && !x.some((v) => y.includes(v));
  return disjoint(a.arxivIds, b.arxivIds) || disjoint(a.pmids, b.pmids);
}

/** True when two works are the same by the rules above. */
export function sameWork(a: RecordKeys, b: RecordKeys): boolean {
  const shared = (x: string[], y: string[]) => x.some((v) => y.includes(v));
  if (shared(a.dois, b.dois) || shared(a.arxivIds, b.arxivIds)) return true;
  if (shared(a.pmids, b.pmids) || shared(a.pmcids, b.pmcids)) return true;
  if (certainlyDifferent(a, b)) return false;
  if (shared(a.workKeys, b.workKeys)) return true;
  // One URL can show several works over time (single-page apps, "paper of the day" pages): a URL
  // match does not hold against different titles or different DOIs.
  const disjoint = (x: string[], y: string[]) => x.length > 0 && y.length > 0 && !shared(x, y);
  if (disjoint(a.titleKeys, b.titleKeys) || disjoint(a.dois, b.dois)) return false;
  return shared(a.urls, b.urls);
}

/**
 * The versions one saved page describes. An arXiv page is the preprint (id, version, DataCite DOI)
 * and, when it names a journal DOI, points at the published version; a preprint-server DOI with a
 * `publishedDoi` likewise. Anything else is one version, published unless typed as a preprint.
 * The first version is the one the page itself shows.
 */
export function versionsOf(paper: Paper, now: number): PaperVersion[] {
  const doi = normalizeDoi(paper.doi);
  const arxivId =
    arxivKey(paper.arxivId) ??
    (doi?.startsWith(ARXIV_DOI_PREFIX) ? arxivKey(doi) : undefined) ??
    idsFromUrl(paper.url).arxivId;
  const publishedDoi = normalizeDoi(paper.publishedDoi);
  const year = yearOf(paper);
  const shown = {
    title: paper.title || undefined,
    year,
    url: paper.url,
    seenAt: now,
  };
  const versions: PaperVersion[] = [];
  const journalDoi = [doi, publishedDoi].find((d) => d && !isPreprintDoi(d));
  if (arxivId) {
    versions.push(
      clean({
        kind: 'preprint',
        arxivId,
        arxivVersion: normalizeArxivVersion(
          paper.arxivVersion ?? parseArxivId(paper.arxivId)?.version,
        ),
        doi: arxivDoi(arxivId),
        ...shown,
      }),
    );
    if (journalDoi) {
      // The journal reference an arXiv page gives is the published version's venue, not arXiv's.
      const venue = paper.venue && !/arxiv/i.test(paper.venue) ? paper.venue : undefined;
      versions.push(clean({ kind: 'published', doi: journalDoi, venue, seenAt: now }));
    }
    return versions;
  }
  if (doi && isPreprintDoi(doi)) {
    versions.push(clean({ kind: 'preprint', doi, venue: paper.venue, ...shown }));
    if (journalDoi) versions.push(clean({ kind: 'published', doi: journalDoi, seenAt: now }));
    return versions;
  }
  versions.push(
    clean({
      kind: paper.type === 'article' && !doi && !paper.pmid ? 'preprint' : 'published',
      doi,
      pmid: normalizePmid(paper.pmid),
      pmcid: normalizePmcid(paper.pmcid),
      venue: paper.venue,
      ...shown,
    }),
  );
  if (publishedDoi && publishedDoi !== doi) {
    versions.push(clean({ kind: 'published', doi: publishedDoi, seenAt: now }));
  }
  return versions;
}

function normalizeArxivVersion(v: string | undefined): string | undefined {
  const m = v ? /^v?(\d{1,4})$/i.exec(v.trim()) : null;
  return m ? `v${Number(m[1])}` : undefined;
}

/** Drops undefined and empty-string fields so that records compare and serialise cleanly. */
function clean<T extends object>(o: T): T {
  const out = {} as T;
  for (const [k, v] of Object.entries(o) as [keyof T, T[keyof T]][]) {
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

/** Which index each key list feeds, and whether a match on it is enough alone (strong). */
export const KEY_LISTS = [
  { list: 'dois', index: 'doi', strong: true },
  { list: 'arxivIds', index: 'arxivId', strong: true },
  { list: 'pmids', index: 'pmid', strong: true },
  { list: 'pmcids', index: 'pmcid', strong: true },
  { list: 'urls', index: 'url', strong: false },
  { list: 'workKeys', index: 'workKey', strong: false },
] as const;

/** Every key of a set as one `index:value` string, strong keys first. */
export function flatKeys(keys: RecordKeys): { key: string; strong: boolean }[] {
  return KEY_LISTS.flatMap(({ list, index, strong }) =>
    keys[list].map((v) => ({ key: `${index}:${v}`, strong })),
  );
}
