/**
 * The cheap first look the detector content script takes at every page: could this be a paper page
 * (or a listing of papers)? It must be tiny and fast, because it runs on every site the user visits;
 * the full extractor (loaded only when this says yes) makes the real decision. So it errs towards
 * "maybe": a false "maybe" costs one extra script load, a false "no" loses the feature on that page.
 *
 * Pure over the Document and address it is given (no globals), like every extractor.
 *
 * Cost: this code runs once per page, so it is always cold (interpreted, its regular expressions
 * not yet compiled, its DOM wrappers not yet created). So it uses string tests rather than regular
 * expressions, walks the `<meta>` elements once instead of matching attribute selectors against the
 * whole document, and reads the page's text only when no metadata decided and the page does not
 * declare itself a post; even then it reads the first 12,000 characters at most, skips texts too
 * short to be a label before normalising them, and tests a short text only against the record
 * labels that start with its first character.
 */

/** Hosts (and their subdomains) that only serve scholarly records or listings of them. */
const SCHOLARLY_HOSTS = new Set([
  'arxiv.org',
  'pubmed.ncbi.nlm.nih.gov',
  'pmc.ncbi.nlm.nih.gov',
  'plosone.org',
  'springerlink.com',
  'europepmc.org',
  'biorxiv.org',
  'medrxiv.org',
  'semanticscholar.org',
  'openreview.net',
  'aclanthology.org',
  'dl.acm.org',
  'ieeexplore.ieee.org',
  'sciencedirect.com',
  'link.springer.com',
  'nature.com',
  'plos.org',
  'doi.org',
  'ssrn.com',
  'researchgate.net',
  'jstor.org',
  'tandfonline.com',
  'wiley.com',
  'sagepub.com',
  'frontiersin.org',
  'mdpi.com',
  'hal.science',
  'zenodo.org',
  'lingbuzz.net',
  'ling.auf.net',
  'pos.sissa.it',
  // Older and sister hosts the site extractors (utils/extract/sites) also read.
  'aclanthology.info',
  'aclweb.org',
  'plosbiology.org',
  'plosmedicine.org',
  'ploscompbiol.org',
  'plosgenetics.org',
  'plospathogens.org',
  'plosntds.org',
  'pubmed.gov',
  'pubmedcentral.nih.gov',
  'pubmedcentral.gov',
  'springer.com',
]);

/** Meta name prefixes that scholarly platforms use for one work (Highwire, bepress, EPrints). */
const WORK_META = ['citation_', 'bepress_citation_', 'eprints.'];
/**
 * The PRISM fields that cite a work. News sites write PRISM too, for their sections and channels
 * (`prism.section`, `prism.channel`), which say nothing scholarly.
 */
const PRISM_CITATION = new Set([
  'prism.doi',
  'prism.publicationname',
  'prism.issn',
  'prism.eissn',
  'prism.volume',
  'prism.number',
  'prism.startingpage',
]);

/**
 * Dublin Core alone is common on sites that are not scholarly (RFC drafts, government pages, CMS
 * themes), so a DC tag counts only when it says something scholarly: an identifier that is a DOI, a
 * scholarly type, or the parts of a citation.
 */
const DC_SCHOLARLY_TYPES = [
  'article',
  'paper',
  'thesis',
  'dissertation',
  'preprint',
  'journal',
  'proceedings',
  'conference',
  'chapter',
];
/**
 * Types that name only the form of a page, which every news item shares: the DCMI vocabulary's
 * "Text.Article" (a news site's) or a bare "Article". The extractor reads them the same way.
 */
const DC_GENERIC_TYPES = ['article', 'text.article'];
const DC_CITATION = [
  'dc.citation.',
  'dc.source.',
  'dc.identifier.citation',
  'dcterms.bibliographic',
];

/** schema.org types of a work as JSON-LD writes them: "Thesis", "schema:Thesis", ".../Thesis". */
const SCHOLARLY_JSONLD = ['ScholarlyArticle"', 'MedicalScholarlyArticle"', 'Thesis"'];
/**
 * Types that are a work only as a record of one (jsonld.ts `isRecord`): with a DOI, or with authors
 * and a date (a news site's analytics call themselves a "Dataset").
 */
const RECORD_JSONLD = ['Report"', 'Chapter"', 'Dataset"'];
const RECORD_PEOPLE = ['"author"', '"creator"'];
const RECORD_DATES = ['"datePublished"', '"dateCreated"', '"publicationDate"'];
/** A generic Article is a work when it names a DOI or an arXiv id (Semantic Scholar): jsonld.ts. */
const ARTICLE_IDS = ['doi.org/10.', 'doi:10.', 'doi: 10.', '"doi"', 'arxiv'];
const POST_JSONLD = ['"NewsArticle"', '"ReportageNewsArticle"', '"BlogPosting"', '"Article"'];

/** The labels of a record's title and of its authors, as the extractor reads them (page.ts LABELS). */
const TITLE_LABELS = ['title', 'titel', 'titre', 'titolo', 'título', 'dc.title'];
const AUTHOR_LABELS = [
  'authors',
  'author',
  'creators',
  'creator',
  'autoren',
  'autor',
  'auteurs',
  'auteur',
  'autori',
  'autore',
  'autores',
  'dc.contributor.author',
  'dc.creator',
  // People with their roles (library catalogues), of whom the extractor takes the authors.
  'person/institution',
];

/**
 * Short labels of bibliographic records (repository splash pages, small journals), longest first
 * where one starts another. Identifier labels such as "doi" or "ISBN" are left out on purpose: wiki
 * and news reference lists are full of them.
 */
const RECORD_LABELS = [
  'abstract',
  'keywords',
  'keyword',
  'urn',
  'document type',
  'type of publication',
  'publication date',
  'date of publication',
  'published',
  'date',
  'year',
  'cite as',
  'contributors',
  ...AUTHOR_LABELS,
  'journal',
  'volume',
  'publisher',
  'dissertation',
  'thesis',
  ...TITLE_LABELS,
];
/**
 * RECORD_LABELS by their first character code, in the same order: most short texts start with a
 * letter no label starts with, and the rest are tested against a few labels rather than all of them.
 */
const RECORD_LABELS_BY_FIRST = new Map<number, string[]>();
for (const label of RECORD_LABELS) {
  const code = label.charCodeAt(0);
  const list = RECORD_LABELS_BY_FIRST.get(code);
  if (list) list.push(label);
  else RECORD_LABELS_BY_FIRST.set(code, [label]);
}
/** At least one of the labels must be one that only a record of a work carries. */
const CORE_LABELS = new Set([
  'abstract',
  'keywords',
  'keyword',
  'urn',
  'document type',
  'type of publication',
  'cite as',
  'dissertation',
  'thesis',
]);
/** Section labels of paper summary pages (as headings, or for the last two as any label). */
const SECTION_HEADINGS = new Set([
  'abstract',
  'summary',
  'key terms',
  'citation network',
  'cited by',
]);
const DOI_IN_TEXT = /\b(doi:\s*|doi\.org\/)10\.\d{4,9}\//i;

/** How much of the page's text is read, and how far into it a DOI counts as the page's own. */
const TEXT_BUDGET = 12_000;
const DOI_WINDOW = 10_000;

export type QuickVerdict = 'maybe' | 'no';

/** The parts of the page's address the check reads: a `URL`, or the page's own `location`. */
/** Microdata items of the schema.org types of a work (`MedicalScholarlyArticle` included). */
const WORK_ITEMS =
  '[itemtype*="ScholarlyArticle" i],[itemtype*="schema.org/Thesis" i],' +
  '[itemtype*="schema.org/Report" i],[itemtype*="schema.org/Chapter" i]';

export type PageAddress = Pick<URL, 'protocol' | 'hostname' | 'pathname'> & { search?: string };

/**
 * The address of a list of works (search results, an issue's table of contents), in the words the
 * extractor's `listingHints` reads (utils/extract/listing.ts), and the linked titles such a list shows.
 */
const LISTING_PATHS = ['/search', '/result', '/toc', '/issue', '/scholar', '/browse', '/query'];
const LISTING_QUERIES = ['q=', 'query=', 'term=', 'search='];
const LINKED_TITLES = 'h2 a[href],h3 a[href],h4 a[href],[class*="title"] a[href]';

export function quickCheck(doc: Document, url: PageAddress): QuickVerdict {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'no';
  if (scholarlyHost(url.hostname.toLowerCase(), url.pathname)) return 'maybe';
  const head = metaSignals(doc);
  if (head === 'work') return 'maybe';
  // One or two COinS spans describe the page's own work; Wikipedia-style pages carry dozens, one per
  // reference, and are not papers.
  const coins = doc.getElementsByClassName('Z3988');
  if (coins.length > 0 && coins.length <= 2 && coins[0]!.localName === 'span') return 'maybe';
  let declaredPost = head === 'post';
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < 8; i++) {
    const json = (scripts[i]!.textContent ?? '').slice(0, 20_000);
    if (hasType(json, SCHOLARLY_JSONLD)) return 'maybe';
    if (
      hasType(json, RECORD_JSONLD) &&
      (includesAny(json.toLowerCase(), ARTICLE_IDS) ||
        (includesAny(json, RECORD_PEOPLE) && includesAny(json, RECORD_DATES)))
    )
      return 'maybe';
    if (hasType(json, ['Article"']) && includesAny(json.toLowerCase(), ARTICLE_IDS)) return 'maybe';
    declaredPost ||= includesAny(json, POST_JSONLD);
  }
  // Works marked up as schema.org microdata items: bibliographies (dblp, publication lists). The
  // types are the extractor's (utils/extract/listing.ts), in one native query.
  if (doc.querySelector(WORK_ITEMS)) return 'maybe';
  // A list of works on a site no host rule knows (a journal's own issue pages): the extractor
  // decides whether its blocks name works (authors, DOIs); the badge then shows how many.
  if (
    (includesAny(url.pathname.toLowerCase(), LISTING_PATHS) ||
      includesAny((url.search ?? '').toLowerCase(), LISTING_QUERIES)) &&
    doc.querySelectorAll(LINKED_TITLES).length >= 2
  )
    return 'maybe';
  // A page that declares itself a news item or blog post (most pages without scholarly metadata) is
  // not read further: reading the text is the costly part of this check.
  if (declaredPost) return 'no';
  return textSignals(doc) ? 'maybe' : 'no';
}

function scholarlyHost(host: string, path: string): boolean {
  // The host and each of its parent domains: "www.nature.com", "nature.com", "com".
  for (let at = 0; at >= 0; at = host.indexOf('.', at) + 1 || -1) {
    if (SCHOLARLY_HOSTS.has(host.slice(at))) return true;
  }
  if (host.startsWith('scholar.google.') || host.includes('.scholar.google.')) return true;
  // A library proxy rewrites the host, as the site extractors know (publisher-common.ts `onHost`):
  // www.sciencedirect.com.ezproxy.lib.example.edu, www-sciencedirect-com.proxy.example.edu.
  if (host.includes('proxy') || host.includes('idm.oclc')) {
    for (const known of SCHOLARLY_HOSTS)
      if (host.includes(known + '.') || host.includes(known.replaceAll('.', '-') + '.'))
        return true;
  }
  // Older PubMed and PMC pages live under www.ncbi.nlm.nih.gov with these paths.
  return (
    (host === 'ncbi.nlm.nih.gov' || host.endsWith('.ncbi.nlm.nih.gov')) &&
    /^\/(pubmed|pmc)\b/i.test(path)
  );
}

/**
 * One pass over the page's `<meta>` elements: "work" when they describe a scholarly work, "post" when
 * the page declares itself an article in the Open Graph sense (news items, blog posts).
 */
function metaSignals(doc: Document): 'work' | 'post' | undefined {
  const metas = doc.getElementsByTagName('meta');
  let post = false;
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!;
    const name = meta.getAttribute('name')?.toLowerCase();
    if (name) {
      if (startsWithAny(name, WORK_META) || PRISM_CITATION.has(name)) return 'work';
      if ((name.startsWith('dc.') || name.startsWith('dcterms.')) && dublinCoreWork(meta, name))
        return 'work';
    }
    const property = meta.getAttribute('property')?.toLowerCase();
    if (!property) continue;
    if (property.startsWith('citation_')) return 'work';
    if (property === 'og:type') post ||= meta.content.trim().toLowerCase() === 'article';
  }
  return post ? 'post' : undefined;
}

function dublinCoreWork(meta: HTMLMetaElement, name: string): boolean {
  if (startsWithAny(name, DC_CITATION)) return true;
  const field = name.slice(name.indexOf('.') + 1);
  const content = meta.content.trim().toLowerCase();
  if (field.startsWith('identifier')) {
    return (
      field === 'identifier.doi' ||
      meta.getAttribute('scheme')?.toLowerCase() === 'doi' ||
      content.startsWith('10.') ||
      content.startsWith('doi:') ||
      content.includes('doi.org/10.')
    );
  }
  return (
    field === 'type' &&
    includesAny(content, DC_SCHOLARLY_TYPES) &&
    !DC_GENERIC_TYPES.includes(content)
  );
}

/**
 * Pages with no metadata at all (small journals, repository records, summary pages): a DOI written
 * near the top, several short bibliographic labels ("Abstract", "Keywords", "Document type"), or two
 * summary-page section labels. Reads the text nodes in document order, up to TEXT_BUDGET characters.
 */
function textSignals(doc: Document): boolean {
  const root = doc.body;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let read = 0;
  const labels = new Set<string>();
  let core = false;
  let sections = 0;
  let headings = 0;
  for (let node = walker.nextNode(); node && read < TEXT_BUDGET; node = walker.nextNode()) {
    const text = (node as Text).data;
    // Long runs of text in the body may be inline scripts or styles: not the page's text. Short ones
    // are checked only when they matter (below), which spares most nodes a lookup of their parent.
    if (text.length > 200 && !isText(node)) continue;
    read += text.length;
    // A paper's own DOI stands near the top; DOIs deep in a page are a news item's or a wiki's.
    if (read < DOI_WINDOW && text.includes('10.') && DOI_IN_TEXT.test(text) && isText(node))
      return true;
    // A label has at least 3 characters once trimmed (most text nodes between tags have fewer).
    if (text.length >= 48 || text.length < 3) continue;
    const label = normalizedLabel(text);
    if (label.length < 3) continue;
    if (SECTION_HEADINGS.has(label)) {
      // Summary pages: labelled sections, as headings or as plain labelled divs.
      if ((label === 'key terms' || label === 'citation network') && ++sections >= 2) return true;
      if (node.parentElement?.closest('h1,h2,h3,h4,[role="heading"]') && ++headings >= 2)
        return true;
    }
    const record = recordLabel(label);
    if (record && isText(node)) {
      labels.add(record);
      core ||= CORE_LABELS.has(record);
      if (core && labels.size >= 3) return true;
      // A record labelled with its title and its authors (conference splash pages such as PoS's),
      // which the extractor's own look at the visible page reads as a work.
      if (hasAny(labels, TITLE_LABELS) && hasAny(labels, AUTHOR_LABELS)) return true;
    }
  }
  return false;
}

/** Whether a text node is page text rather than the body of a script, style or noscript element. */
function isText(node: Node): boolean {
  const parent = node.parentElement?.localName;
  return parent !== 'script' && parent !== 'style' && parent !== 'noscript';
}

/** "  Keywords (EN): " → "keywords (en)"; a count is not part of a label: "Citations (12)" → "citations". */
function normalizedLabel(text: string): string {
  let label = text.trim();
  if (label.endsWith(':')) label = label.slice(0, -1).trimEnd();
  if (label.endsWith(')')) {
    const open = label.lastIndexOf('(');
    const inside = label.slice(open + 1, -1);
    if (open > 0 && inside.length > 0 && !Number.isNaN(Number(inside)) && !inside.includes(' '))
      label = label.slice(0, open).trimEnd();
  }
  return label.toLowerCase();
}

/**
 * The record label a short text starts with, when it is a label: the label word, then at most 24
 * characters without a full stop ("Keywords (EN)", "Author(s)", "Published online").
 */
function recordLabel(text: string): string | undefined {
  const labels = RECORD_LABELS_BY_FIRST.get(text.charCodeAt(0));
  if (!labels) return undefined;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!text.startsWith(label)) continue;
    const next = text.charCodeAt(label.length);
    const wordChar =
      (next >= 97 && next <= 122) || (next >= 48 && next <= 57) || next === 95; /* a-z 0-9 _ */
    if (wordChar) continue;
    const rest = text.slice(label.length);
    return rest.length <= 24 && !rest.includes('.') ? label : undefined;
  }
  return undefined;
}

// Plain indexed loops: this code runs cold, where callbacks and iterators cost more than the tests.
function startsWithAny(text: string, prefixes: readonly string[]): boolean {
  for (let i = 0; i < prefixes.length; i++) if (text.startsWith(prefixes[i]!)) return true;
  return false;
}

/** Whether the JSON names one of the types (each written with its closing quote) as a whole name. */
function hasType(json: string, types: readonly string[]): boolean {
  for (let i = 0; i < types.length; i++) {
    const type = types[i]!;
    for (let at = json.indexOf(type); at >= 0; at = json.indexOf(type, at + 1)) {
      const before = json.charCodeAt(at - 1);
      if (before === 34 || before === 47 || before === 58 || before === 35)
        return true; /* " / : # */
    }
  }
  return false;
}

function hasAny(set: ReadonlySet<string>, items: readonly string[]): boolean {
  for (let i = 0; i < items.length; i++) if (set.has(items[i]!)) return true;
  return false;
}

function includesAny(text: string, parts: readonly string[]): boolean {
  for (let i = 0; i < parts.length; i++) if (text.includes(parts[i]!)) return true;
  return false;
}
