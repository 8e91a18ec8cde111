/**
 * The cheap first look the detector content script takes at every page: could this be a paper page
 * (or a listing of papers)? It must be tiny and fast, because it runs on every site the user visits;
 * the full extractor (loaded only when this says yes) makes the real decision. So it errs towards
 * "maybe": a false "maybe" costs one extra script load, a false "no" loses the feature on that page.
 *
 * Pure over the Document and URL it is given (no globals), like every extractor.
 */

/** Hosts that only serve scholarly records or listings of them. */
const SCHOLARLY_HOSTS =
  /(^|\.)(arxiv\.org|pubmed\.ncbi\.nlm\.nih\.gov|pmc\.ncbi\.nlm\.nih\.gov|plosone\.org|springerlink\.com|europepmc\.org|biorxiv\.org|medrxiv\.org|semanticscholar\.org|openreview\.net|aclanthology\.org|dl\.acm\.org|ieeexplore\.ieee\.org|sciencedirect\.com|link\.springer\.com|nature\.com|plos\.org|scholar\.google\.[a-z.]+|doi\.org|ssrn\.com|researchgate\.net|jstor\.org|tandfonline\.com|wiley\.com|sagepub\.com|frontiersin\.org|mdpi\.com|hal\.science|zenodo\.org)$/i;

/** Meta names that scholarly platforms use for one work. */
const META =
  'meta[name^="citation_" i],meta[name^="bepress_citation_" i],meta[name^="prism." i],meta[name^="eprints." i],meta[name^="dc.identifier" i],meta[name^="dcterms." i],meta[property^="citation_" i]';

const SCHOLARLY_JSONLD =
  /"(Scholarly|MedicalScholarly)Article"|"Thesis"|"Report"|"Chapter"|"Dataset"/;

const POST_JSONLD = /"(NewsArticle|ReportageNewsArticle|BlogPosting|Article)"/;

const SECTION_LABEL = /^\s*(abstract|summary|key terms|citation network|cited by)\s*:?\s*$/i;

/** Older PubMed and PMC pages live under www.ncbi.nlm.nih.gov with these paths. */
const NCBI_PATH = /^\/(pubmed|pmc)\b/i;

/**
 * Short labels of bibliographic records (repository splash pages, small journals). Identifier labels
 * such as "doi" or "ISBN" are left out on purpose: wiki and news reference lists are full of them.
 */
const RECORD_LABEL =
  /^\s*(abstract|keywords?|urn|document type|type of publication|publication date|date of publication|published|cite as|author\(s\)|authors?|journal|volume|publisher|dissertation|thesis)\b[^.]{0,24}:?\s*$/i;
/** At least one of the labels must be one that only a record of a work carries. */
const CORE_LABEL =
  /^(abstract|keywords?|urn|document type|type of publication|cite as|dissertation|thesis)$/i;
const DOI_IN_TEXT = /\b(doi:\s*|doi\.org\/)10\.\d{4,9}\//i;

export type QuickVerdict = 'maybe' | 'no';

export function quickCheck(doc: Document, url: URL): QuickVerdict {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'no';
  if (SCHOLARLY_HOSTS.test(url.hostname)) return 'maybe';
  if (/(^|\.)ncbi\.nlm\.nih\.gov$/i.test(url.hostname) && NCBI_PATH.test(url.pathname))
    return 'maybe';
  if (doc.querySelector(META)) return 'maybe';
  // One or two COinS spans describe the page's own work; Wikipedia-style pages carry dozens, one per
  // reference, and are not papers.
  const coins = doc.querySelectorAll('span.Z3988').length;
  if (coins > 0 && coins <= 2) return 'maybe';
  let declaredPost = false;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(
    0,
    8,
  )) {
    const json = (script.textContent ?? '').slice(0, 20_000);
    if (SCHOLARLY_JSONLD.test(json)) return 'maybe';
    declaredPost ||= POST_JSONLD.test(json);
  }
  // Layout-only pages (paper summary pages): at least two scholarly section headings.
  let headings = 0;
  for (const h of Array.from(doc.querySelectorAll('h1,h2,h3,h4,[role="heading"]')).slice(0, 200)) {
    const text = h.textContent ?? '';
    if (text.length < 40 && SECTION_LABEL.test(text) && ++headings >= 2) return 'maybe';
  }
  // A page that declares itself a news item or blog post (most pages without scholarly metadata) is
  // not read further: the text walk is the costly part of this check.
  declaredPost ||= doc.querySelector('meta[property="og:type"][content="article" i]') !== null;
  if (declaredPost) return 'no';
  return textSignals(doc) ? 'maybe' : 'no';
}

/**
 * Pages with no metadata at all (small journals, repository records): a DOI written near the top, or
 * several short bibliographic labels ("Abstract", "Keywords", "Document type"). Reads at most the
 * first 20,000 characters of text so that the cost stays bounded on huge pages.
 */
function textSignals(doc: Document): boolean {
  const root = doc.body;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let read = 0;
  const labels = new Set<string>();
  let core = false;
  let sections = 0;
  for (let node = walker.nextNode(); node && read < 20_000; node = walker.nextNode()) {
    const parent = node.parentElement?.localName;
    if (parent === 'script' || parent === 'style' || parent === 'noscript') continue;
    const text = node.nodeValue ?? '';
    read += text.length;
    // Summary pages whose sections are labelled divs rather than headings.
    if (
      text.length < 40 &&
      /^\s*(key terms|citation network)\s*:?\s*$/i.test(text) &&
      ++sections >= 2
    )
      return true;
    const label = text.length < 48 ? RECORD_LABEL.exec(text)?.[1]?.toLowerCase() : undefined;
    if (label) {
      labels.add(label);
      core ||= CORE_LABEL.test(label);
      if (core && labels.size >= 3) return true;
    }
    // A paper's own DOI stands near the top; DOIs deep in a page are a news item's or a wiki's sources.
    if (read < 10_000 && DOI_IN_TEXT.test(text)) return true;
  }
  return false;
}
