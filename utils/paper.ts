/**
 * The one `Paper` type used everywhere: extraction produces it, the library stores it, the panel and
 * popup show it, the formats write it. Its shape follows CSL-JSON (names split into given/family,
 * dates with their precision) with Papershelf's own names for identifiers and provenance.
 *
 * Everything here is plain data that survives structured cloning (messages, IndexedDB).
 */

/** A person: given and family parts where known, or one literal name (organisations, mononyms). */
export interface Author {
  given?: string;
  family?: string;
  literal?: string;
}

export type DatePrecision = 'year' | 'month' | 'day';

/** A date as precise as the page gives it: `date` is ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export interface IssuedDate {
  date: string;
  precision: DatePrecision;
}

/** A weighted key term. `weight` is in (0, 1]; higher is more central. */
export interface KeyTerm {
  term: string;
  weight: number;
}

/** CSL item types Papershelf distinguishes. */
export type PaperType =
  | 'article-journal'
  | 'article' // preprint / repository item
  | 'paper-conference'
  | 'thesis'
  | 'report'
  | 'chapter'
  | 'book'
  | 'dataset';

/** A work mentioned by a page: a reference, a citing work, or an entry of a listing. */
export interface WorkRef {
  title?: string;
  authors: Author[];
  year?: number;
  venue?: string;
  doi?: string;
  arxivId?: string;
  pmid?: string;
  /** An http(s) link the page gives for this work. */
  url?: string;
  /** The unparsed citation string, when the page gives one. */
  raw?: string;
}

/**
 * Where a field's value came from: a generic source (`jsonld`, `highwire`, `dc`, `prism`, `eprints`,
 * `coins`, `og`, `page`), a site extractor (`site:arxiv`, …), or `computed` (e.g. key terms).
 */
export type SourceId = string;

export interface Paper {
  type?: PaperType;
  title: string;
  authors: Author[];
  issued?: IssuedDate;
  year?: number;
  /** Journal, proceedings or repository name. */
  venue?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  publisher?: string;
  /** Normalised: lowercase, no resolver prefix, no trailing punctuation. */
  doi?: string;
  /**
   * On a preprint's page (arXiv, bioRxiv, medRxiv…): the DOI of the published journal article the
   * page links to ("Now published in…", arXiv's related DOI), normalised like `doi`. The library keeps
   * the preprint and the article as two versions of one work.
   */
  publishedDoi?: string;
  /** Without version, e.g. `1706.03762` or `hep-th/9901001`. */
  arxivId?: string;
  /** e.g. `v7`, kept apart from the id. */
  arxivVersion?: string;
  pmid?: string;
  /** With its `PMC` prefix, e.g. `PMC3531190`. */
  pmcid?: string;
  isbn?: string[];
  issn?: string[];
  /** Plain text. */
  abstract?: string;
  keywords: string[];
  /** Ordered by weight, highest first; one entry per term. */
  keyTerms: KeyTerm[];
  /** True when the key terms were computed locally rather than given by the page. */
  keyTermsComputed?: boolean;
  pdfUrl?: string;
  /** The canonical URL of the work's page. */
  url?: string;
  /** Works this paper cites. */
  references: WorkRef[];
  /** Works that cite this paper. */
  citations: WorkRef[];
  /** For each field that has a value, where it came from. */
  sources: Partial<Record<PaperField, SourceId>>;
}

export type PaperField = Exclude<keyof Paper, 'sources'>;

/** What one source or extractor found: any subset of a paper's fields. */
export type PaperDraft = Partial<Omit<Paper, 'sources'>>;

export type PageKind = 'paper' | 'listing' | 'none';

/** The result of looking at one page. */
export interface PageResult {
  kind: PageKind;
  /** True when the page shows one scholarly work (`kind === 'paper'`). */
  detected: boolean;
  /** Present when `kind === 'paper'`. */
  paper?: Paper;
  /** Present when `kind === 'listing'`: the works listed. */
  works?: WorkRef[];
}
