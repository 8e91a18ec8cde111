import type { IssuedDate, PaperDraft, PaperType, WorkRef } from '../../paper';
import {
  normalizeDoi,
  normalizeIsbn,
  normalizeIssn,
  normalizePmcid,
  normalizePmid,
  parseArxivId,
} from '../../paper-ids';
import { looksLikePlaceholder, parseDate, yearOf } from '../dates';
import { all, first, hasPrefix, readMeta, resolveUrl, type MetaMap } from '../meta';
import { parseNameList, parseNames } from '../names';
import { abstractFrom, clean, cleanTitle, pageRange, splitKeywords } from '../text';
import type { MetadataSource } from '../types';

/**
 * Highwire Press `citation_*` tags, the tags Google Scholar asks publishers for
 * (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing) and the most widespread
 * scholarly metadata on the web; also bepress's `bepress_citation_*` copy of the same vocabulary.
 * Test pages: any journal article (PLOS, PeerJ, Springer, APS), arXiv, bioRxiv, HAL, OPUS, DSpace.
 */

/** The date tags in the order that best gives the work's publication date. */
const DATE_TAGS = ['publication_date', 'date', 'cover_date', 'online_date', 'year'];

export function highwireDraft(meta: MetaMap, url: URL, prefix: string): PaperDraft {
  const get = (name: string): string | undefined => first(meta, prefix + name);
  const getAll = (name: string): readonly string[] => all(meta, prefix + name);
  const d: PaperDraft = {};

  const title = cleanTitle(get('title'));
  if (title) d.title = title;

  // `citation_author` one per tag; some platforms (DSpace, old PMC) use `citation_authors` with `;`.
  const authors = getAll('author').length
    ? parseNames(getAll('author'))
    : getAll('authors').flatMap((v) => parseNameList(v));
  if (authors.length) d.authors = authors;

  const issued = pickDate(DATE_TAGS.map((t) => parseDate(clean(get(t), 100))));
  if (issued) {
    d.issued = issued;
    d.year = yearOf(issued);
  }

  const journal = clean(get('journal_title'), 500);
  const conference = clean(get('conference_title') ?? get('conference'), 500);
  const thesisInst = clean(get('dissertation_institution'), 500);
  const reportInst = clean(get('technical_report_institution'), 500);
  const venue = journal ?? conference ?? thesisInst ?? reportInst ?? clean(get('book_title'), 500);
  if (venue) d.venue = venue;
  const type = articleType(!!journal, !!conference, !!thesisInst, !!reportInst, !!get('arxiv_id'));
  if (type) d.type = type;

  const volume = clean(get('volume'), 40);
  if (volume) d.volume = volume;
  const issue = clean(get('issue'), 40);
  if (issue) d.issue = issue;
  const pages = pageRange(get('firstpage'), get('lastpage'));
  if (pages) d.pages = pages;
  const publisher = clean(get('publisher'), 300);
  if (publisher) d.publisher = publisher;

  const doi = normalizeDoi(get('doi'));
  if (doi) d.doi = doi;
  const arxiv = parseArxivId(get('arxiv_id') ? `arXiv:${get('arxiv_id') ?? ''}` : undefined);
  if (arxiv) {
    d.arxivId = arxiv.id;
    if (arxiv.version) d.arxivVersion = arxiv.version;
  }
  const pmid = normalizePmid(get('pmid'));
  if (pmid) d.pmid = pmid;
  const pmcid = normalizePmcid(get('pmcid'));
  if (pmcid) d.pmcid = pmcid;
  const issn = getAll('issn')
    .map((s) => normalizeIssn(s))
    .filter((s): s is string => !!s);
  if (issn.length) d.issn = [...new Set(issn)];
  const isbn = getAll('isbn')
    .map((s) => normalizeIsbn(s))
    .filter((s): s is string => !!s);
  if (isbn.length) d.isbn = [...new Set(isbn)];

  const abstract = abstractFrom(get('abstract'), 40);
  if (abstract) d.abstract = abstract;

  // `citation_keywords` (one list, or one per tag), or `citation_keyword` per tag (Silverchair: OUP).
  const keywords = splitKeywords(all(meta, prefix + 'keywords', prefix + 'keyword')).filter(
    (k) => !isNotAKeyword(k, venue),
  );
  if (keywords.length) d.keywords = keywords;

  const pdf = resolveUrl(get('pdf_url'), url);
  if (pdf) d.pdfUrl = pdf;
  const landing = resolveUrl(
    get('abstract_html_url') ?? get('public_url') ?? get('fulltext_html_url'),
    url,
  );
  if (landing) d.url = landing;

  const refs = getAll('reference');
  if (refs.length) d.references = refs.slice(0, 2000).map(parseCitationReference);
  return d;
}

/** Prefers the first date, unless it is a placeholder (January 1st) and a later tag has a real one. */
function pickDate(dates: (IssuedDate | undefined)[]): IssuedDate | undefined {
  const found = dates.filter((x): x is IssuedDate => !!x);
  const top = found[0];
  if (!top || !looksLikePlaceholder(top)) return top;
  return (
    found.find((x) => !looksLikePlaceholder(x) && x.date.slice(0, 4) === top.date.slice(0, 4)) ??
    top
  );
}

function articleType(
  journal: boolean,
  conference: boolean,
  thesis: boolean,
  report: boolean,
  arxiv: boolean,
): PaperType | undefined {
  if (thesis) return 'thesis';
  if (report) return 'report';
  if (conference) return 'paper-conference';
  if (journal) return 'article-journal';
  if (arxiv) return 'article';
  return undefined;
}

/** DSpace puts the item type in `citation_keywords` ("Thesis (PhD)"); PLOS puts the journal name. */
function isNotAKeyword(k: string, venue: string | undefined): boolean {
  return (
    /^(thesis|dissertation|article|preprint|report)\b/i.test(k) ||
    (!!venue && k.toLowerCase() === venue.toLowerCase())
  );
}

/**
 * One `citation_reference` value: either Highwire's structured form
 * (`citation_title=…; citation_author=…; citation_publication_date=2020; citation_doi=…`) or a free
 * citation string ("Wu, F. et al. A new coronavirus … Nature 579, 265–269 (2020).").
 */
/** Where the next `citation_…=` field of a structured reference starts. */
const STRUCTURED_PART = /;\s*(?=citation_\w+\s*=)/;
/** A structured reference's field name, up to its "=" and the whitespace after it. */
const STRUCTURED_KEY = /^\s*citation_(\w+)\s*=/;

export function parseCitationReference(raw: string): WorkRef {
  const text = clean(raw, 3000) ?? '';
  if (/(?:^|;)\s*citation_\w+\s*=/.test(text)) {
    const ref: WorkRef = { authors: [] };
    for (const part of text.split(STRUCTURED_PART)) {
      const m = STRUCTURED_KEY.exec(part);
      if (!m?.[1]) continue;
      const key = m[1].toLowerCase();
      // What follows the "=", without the whitespace around it and one final ";" (a lazy regular
      // expression for the same tries every end position of the value).
      let value = part.slice(m[0].length).trim();
      if (value.endsWith(';')) value = value.slice(0, -1).trimEnd();
      if (!value) continue;
      if (key === 'title' && !ref.title) ref.title = value;
      else if (key === 'author' || key === 'authors') {
        // One name per tag, or (Nature) the whole list in one: "D Altschuh, AM Lesk, A Klug".
        for (const a of parseNameList(value)) if (ref.authors.length < 100) ref.authors.push(a);
      } else if (
        (key === 'publication_date' || key === 'date' || key === 'year') &&
        ref.year === undefined
      ) {
        const y = yearOf(parseDate(value));
        if (y) ref.year = y;
      } else if (
        (key === 'journal_title' || key === 'conference_title' || key === 'book_title') &&
        !ref.venue
      )
        ref.venue = value;
      else if (key === 'doi') {
        const doi = normalizeDoi(value);
        if (doi) ref.doi = doi;
      } else if (key === 'pmid') {
        const pmid = normalizePmid(value);
        if (pmid) ref.pmid = pmid;
      } else if (key === 'arxiv_id') {
        const ax = parseArxivId(`arXiv:${value}`);
        if (ax) ref.arxivId = ax.id;
      }
    }
    return ref;
  }
  const ref: WorkRef = { authors: [], raw: text };
  const doi = /\b10\.\d{4,9}\//.test(text) ? normalizeDoi(text) : undefined;
  if (doi) ref.doi = doi;
  const year = /\((\d{4})[a-z]?\)/.exec(text) ?? /\b(19\d\d|20\d\d)\b/.exec(text);
  if (year?.[1]) ref.year = Number(year[1]);
  return ref;
}

export const highwire: MetadataSource & { weak(doc: Document): PaperDraft } = {
  id: 'highwire',
  extract(doc, url) {
    const meta = readMeta(doc);
    // Most pages carry neither vocabulary: one look at the names saves some fifty lookups each.
    const d = hasPrefix(meta, 'citation_') ? highwireDraft(meta, url, 'citation_') : {};
    // bepress (Digital Commons) repositories use the same names with their own prefix. What the
    // citation_ tags say counts even without a citation_title (Atypon's journals can leave it out).
    if (!d.title && hasPrefix(meta, 'bepress_citation_')) {
      const b = highwireDraft(meta, url, 'bepress_citation_');
      if (b.title) return b;
    }
    return d;
  },
  /**
   * `citation_description`, which some preprint servers (OSF) write instead of `citation_abstract`:
   * not a tag Google Scholar defines, so it may be any blurb, and a visible abstract wins.
   */
  weak(doc) {
    const meta = readMeta(doc);
    const abstract = abstractFrom(
      first(meta, 'citation_description', 'bepress_citation_description'),
      80,
    );
    return abstract ? { abstract } : {};
  },
};
