import type { Author, PageKind, PageResult, Paper, PaperDraft, WorkRef } from '../paper';
import { scholarlySignals, decide } from './detect';
import { computeKeyTerms } from './keyterms';
import { applySite, hasValue, METADATA_DATE_SOURCES, mergeDrafts, type SourceDraft } from './merge';
import { listingHints, listingWorks, microdataWorks } from './listing';
import { forgetPage } from './memo';
import { linkHref, readMeta } from './meta';
import { normalizeDoi } from '../paper-ids';
import { normalizePages, splitTrailingKeywords, unwrapAbstract } from './text';
import { siteExtractors } from './sites/index';
import { coins } from './sources/coins';
import { dublinCore } from './sources/dublincore';
import { eprints } from './sources/eprints';
import { highwire } from './sources/highwire';
import { jsonLd, jsonLdWorks } from './sources/jsonld';
import { openGraph } from './sources/opengraph';
import {
  headingTitle,
  page,
  PAGE_FIELDS,
  readVisiblePage,
  subtitleAfter,
  visiblePrecheck,
  type PageField,
} from './sources/page';
import { prism } from './sources/prism';
import { visibleReferences } from './sources/references';
import type { MetadataSource } from './types';

/**
 * The extraction pipeline: one `Document` and its URL in, one `PageResult` out.
 *
 * 1. every generic source reads the page (meta tags are read once, see meta.ts);
 * 2. merge.ts merges their drafts in the written-down order and records provenance;
 * 3. each site extractor that claims the page (by URL or by layout) corrects the merged draft, and
 *    may override the page kind (listings);
 * 4. detect.ts decides paper / listing / none;
 * 5. a paper gets its defaults, and key terms computed from title and abstract when the page has none.
 *
 * Never throws: a failing source or site extractor is skipped, and any other error gives `none`.
 */

type GenericSource = MetadataSource & { weak?(doc: Document, url: URL): PaperDraft };

/** Generic sources, in merge order (merge.ts sorts by SOURCE_ORDER anyway). */
export const genericSources: readonly GenericSource[] = [
  jsonLd,
  highwire,
  dublinCore,
  prism,
  eprints,
  coins,
  openGraph,
  page,
];

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

const NONE: PageResult = { kind: 'none', detected: false };

export function extractPage(doc: Document, url: string | URL): PageResult {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    return run(doc, u);
  } catch {
    return { ...NONE };
  }
}

function run(doc: Document, url: URL): PageResult {
  // What an earlier extraction read from this document may be stale (in-page navigation).
  forgetPage(doc);
  const meta = readMeta(doc);
  // Host-based extractors claim by address; layout-based ones (the summary page) look at the page
  // only where no host-based one applies: a known site's pages are that site's layout.
  const byHost = siteExtractors.filter((ex) => attempt(() => ex.matches(url)));
  const claims = byHost.length
    ? byHost
    : siteExtractors.filter((ex) => ex.detect && attempt(() => ex.detect?.(doc, url)));
  const signals = scholarlySignals(doc, meta);
  // The visible page is read only where it can matter: pages with scholarly metadata, pages a site
  // extractor claims, and pages whose layout looks like one work. Elsewhere (news, blogs, code
  // hosts) it is skipped, which keeps the common "not a paper" case cheap.
  const readPage =
    signals.strong.length > 0 || claims.length > 0 || attempt(() => visiblePrecheck(doc)) === true;
  const drafts: SourceDraft[] = [];
  for (const source of genericSources) {
    let draft: PaperDraft;
    if (source === page) {
      if (!readPage) continue;
      // The page ranks last among the strong sources: it is asked only for what they left out.
      const have = knownFields(drafts);
      if (PAGE_FIELDS.every((f) => have.has(f))) continue;
      draft = attempt(() => readVisiblePage(doc, have)) ?? {};
      // The page's weak field is an abstract, which loses to any strong one.
      if (have.has('abstract') || hasValue(draft.abstract)) {
        drafts.push({ id: source.id, draft });
        continue;
      }
    } else draft = attempt(() => source.extract(doc, url)) ?? {};
    const weak = source.weak ? attempt(() => source.weak?.(doc, url)) : undefined;
    drafts.push(weak ? { id: source.id, draft, weak } : { id: source.id, draft });
  }
  const merged = mergeDrafts(drafts);
  sanitize(merged.draft, merged.sources);
  complete(doc, url, merged.draft, merged.sources);

  let siteKind: PageKind | undefined;
  let works: WorkRef[] | undefined;
  let recognised = false;
  for (const ex of claims) {
    const result = attempt(() => ex.extract(doc, url, merged.draft));
    if (!result) continue;
    applySite(merged, result.draft ?? {}, `site:${ex.id}`);
    if (result.kind) siteKind = result.kind;
    if (result.works) works = result.works;
    if (hasValue(result.draft?.title)) recognised = true;
  }

  const decision = decide(doc, merged.draft, signals, { kind: siteKind, recognised });
  if (decision.kind === 'listing') return { kind: 'listing', detected: false, works: works ?? [] };
  if (decision.kind !== 'paper') {
    // Not one work: maybe a list of them (search results, a table of contents).
    if (!siteKind) {
      // Works marked up as schema.org items (dblp's microdata, a JSON-LD list), else the repeated
      // blocks of a results page.
      let marked = attempt(() => microdataWorks(doc, url)) ?? [];
      if (!marked.length) marked = attempt(() => jsonLdWorks(doc, url)) ?? [];
      if (marked.length) return { kind: 'listing', detected: false, works: marked };
      if (attempt(() => listingHints(doc, url))) {
        const listed = attempt(() => listingWorks(doc, url)) ?? [];
        if (listed.length) return { kind: 'listing', detected: false, works: listed };
      }
    }
    return { ...NONE };
  }

  const d = merged.draft;
  const sources = merged.sources;
  const paper: Paper = {
    ...d,
    title: d.title ?? '',
    authors: d.authors ?? [],
    keywords: d.keywords ?? [],
    keyTerms: d.keyTerms ?? [],
    references: d.references ?? [],
    citations: d.citations ?? [],
    sources,
  };
  // After the site extractors, which copy page ranges as their pages print them.
  if (paper.pages) paper.pages = normalizePages(paper.pages);
  if (!paper.url) {
    const canonical = linkHref(doc, 'canonical', url);
    const own = url.protocol === 'http:' || url.protocol === 'https:' ? stripHash(url) : undefined;
    if (canonical ?? own) {
      paper.url = canonical ?? own;
      sources.url = canonical ? 'page' : 'url';
    }
  }
  // A work is not among its own references or citations: an entry with the paper's own DOI is the
  // page's "how to cite this" (Frontiers' JSON-LD `citation` holds only the article's DOI).
  if (paper.doi) {
    for (const key of ['references', 'citations'] as const) {
      const works = paper[key];
      const others = works.filter((w) => w.doi !== paper.doi);
      if (others.length === works.length) continue;
      paper[key] = others;
      if (!others.length) delete sources[key];
    }
  }
  // The page's printed reference list, where neither the metadata nor a site extractor gave one.
  if (!paper.references.length) {
    const references = attempt(() => visibleReferences(doc, url));
    if (references?.length) {
      paper.references = references;
      sources.references = 'page';
    }
  }
  if (!paper.keyTerms.length) {
    const terms = attempt(() => computeKeyTerms(paper.title, paper.abstract));
    if (terms?.length) {
      paper.keyTerms = terms;
      paper.keyTermsComputed = true;
      sources.keyTerms = 'computed';
    }
  }
  return { kind: 'paper', detected: true, paper };
}

/**
 * The fields that a source ranked above the page already gives, so that the page's value would lose
 * the merge (merge.ts): any strong value, except a date, which only a metadata source's date beats
 * (the page's and Open Graph's dates compete with each other).
 */
export function knownFields(drafts: readonly SourceDraft[]): Set<PageField> {
  const have = new Set<PageField>();
  for (const f of PAGE_FIELDS)
    if (
      drafts.some(
        (s) => hasValue(s.draft[f]) && (f !== 'issued' || METADATA_DATE_SOURCES.has(s.id)),
      )
    )
      have.add(f);
  return have;
}

/** `/doi/10.…`, `/abstract/10.…`, `doi.org/10.…`: a DOI that names the page itself in its address. */
const DOI_PATH =
  /(?:^https?:\/\/(?:dx\.)?doi\.org|\/(?:doi|abs|abstract|full|fulltext|article|articles|epdf|pdf))\/(10\.\d{4,9}\/[^?#]+)/i;

/** A DOI from the page's canonical address or its own URL, when no metadata gave one. */
export function doiFromAddress(doc: Document, url: URL): string | undefined {
  const meta = readMeta(doc);
  for (const address of [meta.get('og:url')?.[0], linkHref(doc, 'canonical', url), url.href]) {
    const m = address ? DOI_PATH.exec(address) : null;
    if (m?.[1]) {
      let raw = m[1];
      try {
        raw = decodeURIComponent(raw);
      } catch {
        // keep the raw path
      }
      const doi = normalizeDoi(raw);
      if (doi) return doi;
    }
  }
  return undefined;
}

/**
 * Fills what the sources leave out but the page shows plainly: a DOI in the page's own address
 * (Atypon's `/doi/abs/10.…`, APS's `/abstract/10.…`), and a title whose subtitle the metadata cut
 * off when the visible title heading is the metadata title plus ": subtitle".
 */
function complete(
  doc: Document,
  url: URL,
  d: PaperDraft,
  sources: Partial<Record<keyof Paper, string>>,
): void {
  if (!d.doi) {
    const doi = doiFromAddress(doc, url);
    if (doi) {
      d.doi = doi;
      sources.doi = 'url';
    }
  }
  if (d.title) {
    const heading = headingTitle(doc);
    const h = heading?.text;
    if (
      h &&
      h.length > d.title.length + 3 &&
      h.startsWith(d.title) &&
      /^\s*[:.–—-]\s+\S/.test(h.slice(d.title.length))
    ) {
      d.title = h;
      sources.title = 'page';
    } else if (heading && h?.toLowerCase() === d.title.toLowerCase()) {
      const sub = subtitleAfter(heading.el);
      if (sub && !d.title.includes(sub)) {
        d.title = `${d.title}: ${sub}`;
        sources.title = 'page';
      }
    }
  }
}

function stripHash(url: URL): string {
  const u = new URL(url.href);
  u.hash = '';
  return u.href;
}

/**
 * Cross-field checks after the merge: an abstract loses an aggregator's wrapper (text.ts
 * `unwrapAbstract`), and one that is just the title, a citation string or too short to be one is
 * dropped; empty author entries are removed; a title from Open Graph or the
 * `<title>` loses a trailing " | Site name".
 */
function sanitize(d: PaperDraft, sources: Partial<Record<keyof Paper, string>>): void {
  if (d.abstract) {
    const { abstract, keywords } = splitTrailingKeywords(d.abstract);
    if (keywords.length && !d.keywords?.length) {
      d.keywords = keywords;
      if (sources.abstract) sources.keywords = sources.abstract;
    }
    const a = unwrapAbstract(abstract) ?? '';
    const t = (d.title ?? '').toLowerCase();
    if (
      a.length < 80 ||
      (t && a.toLowerCase() === t) ||
      /^(?:cite this|citation:|to cite)/i.test(a)
    ) {
      delete d.abstract;
      delete sources.abstract;
    } else d.abstract = a;
  }
  if (d.authors) {
    d.authors = d.authors.filter((a: Author) => a.family || a.literal || a.given);
    if (!d.authors.length) {
      delete d.authors;
      delete sources.authors;
    }
  }
  if (d.title && (sources.title === 'og' || sources.title === 'page')) {
    const parts = d.title.split(/\s+[|]\s+/);
    if (parts.length > 1 && (parts[0]?.length ?? 0) > 15) d.title = parts[0];
  }
}
