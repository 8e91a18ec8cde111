import type { PageKind, PaperDraft } from '../paper';
import { all, first, readMeta, type MetaMap } from './meta';
import { isPost, jsonLdNodes, pageWork } from './sources/jsonld';
import { pageContextObject } from './sources/coins';
import { headingTitle, labelledFields, namedAbstract, visibleAbstract } from './sources/page';

/**
 * Is this page one scholarly work, a list of works, or neither?
 *
 * A page is a paper when it carries a STRONG scholarly signal about itself:
 * - Highwire/bepress `citation_title` with one more citation fact (author, DOI, journal, date, PDF);
 * - a JSON-LD ScholarlyArticle or Thesis (a Report, Chapter or Dataset with its authors and date, or a
 *   DOI), or an Article naming a DOI, describing the page itself (not a list's member, not what a
 *   post is about);
 * - EPrints `eprints.title` with creators;
 * - Dublin Core title + creator (or contributor) with a DOI identifier or a scholarly `dc.type`
 *   (Atypon's "research-article"), or PRISM's journal name with a DOI;
 * - one COinS span describing a scholarly work with a DOI;
 * - a repository record laid out as labelled fields (Title + Author(s) + a date, DOI or venue);
 * - a visible title, an Abstract section and a DOI printed beside the title;
 * - a site extractor that recognised the page and found a title.
 * Things that are NOT enough on their own, because news, blogs, encyclopaedias and standards carry
 * them: Dublin Core without a DOI (IETF drafts), many COinS (Wikipedia's references),
 * `og:type=article`, JSON-LD NewsArticle/Article, DOIs in the text.
 * And a page whose own type says it is news (`dc.type`/`prism.section` "News", Nature's news items
 * with full citation metadata) is not a paper, whatever else it carries.
 */

const NEWS_TYPE =
  /^(?:news|news ?feature|news ?explainer|news ?in ?brief|news ?article|blog|blog ?post(?:ing)?|podcast|career ?(?:column|feature)|obituary|newsarticle|reportagenewsarticle)$/i;

/**
 * A Dublin Core type that names a scholarly work: a paper, thesis, dissertation, preprint or report,
 * or an article of a scholarly kind (Atypon's "research-article", Springer's "OriginalPaper",
 * OpenAIRE's "info:eu-repo/semantics/article", "Journal Article"). A bare "Article", or the DCMI
 * vocabulary's "Text.Article" (a news site's), says only that the page is an article, as every news
 * item is.
 */
const SCHOLARLY_DC_TYPE =
  /paper|thesis|dissertation|preprint|report|semantics\/article|(?:research|review|journal|scholarly|scientific|original|conference|peer[\s-]?reviewed)[\s-]*article|article[\s-]*\(?journal/i;

export interface Signals {
  strong: string[];
  news: boolean;
}

export function scholarlySignals(doc: Document, meta: MetaMap = readMeta(doc)): Signals {
  const strong: string[] = [];
  const has = (...names: string[]): boolean => names.some((n) => !!first(meta, n));
  for (const p of ['citation_', 'bepress_citation_']) {
    if (
      has(p + 'title') &&
      has(
        p + 'author',
        p + 'authors',
        p + 'doi',
        p + 'journal_title',
        p + 'publication_date',
        p + 'date',
        p + 'pdf_url',
        p + 'arxiv_id',
        p + 'dissertation_institution',
        p + 'conference_title',
      )
    )
      strong.push('highwire');
  }
  if (has('eprints.title') && has('eprints.creators_name')) strong.push('eprints');
  const dcDoi = (meta.get('dc.identifier') ?? []).some((v) =>
    /^(?:doi:\s*|info:doi\/|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\//i.test(v.trim()),
  );
  // Any of its types: a record may name the DCMI type first ("Text") and its kind of work after it.
  const dcScholarlyType = all(meta, 'dc.type', 'dcterms.type').some((t) =>
    SCHOLARLY_DC_TYPE.test(t),
  );
  if (
    has('dc.title', 'dcterms.title') &&
    // Authors as creators, or as contributors where there are no creators (eLife, bioRxiv): the
    // same names the Dublin Core source reads.
    has('dc.creator', 'dcterms.creator', 'dc.contributor', 'dc.contributor.author') &&
    (dcDoi || dcScholarlyType || has('citation_journal_title'))
  )
    strong.push('dc');
  if (
    has('prism.publicationname') &&
    (has('prism.doi') || dcDoi) &&
    has('dc.title', 'citation_title', 'prism.title')
  )
    strong.push('prism');
  const ld = pageWork(doc);
  if (ld) strong.push('jsonld');
  const co = strong.length ? undefined : pageContextObject(doc);
  if (co?.scholarly && co.draft.title && co.draft.doi) strong.push('coins');

  const types = [
    first(meta, 'dc.type'),
    first(meta, 'prism.section'),
    first(meta, 'citation_article_type'),
  ];
  const news = !ld && types.some((t) => !!t && NEWS_TYPE.test(t.trim()));
  return { strong, news };
}

/**
 * The page says it is a post: a blog or news article. Its Open Graph `article:` tags (publication
 * time, author, section: what blog and news platforms write, and no journal in the corpus does), or a
 * JSON-LD node of a news or blog type. Scholarly metadata outweighs this (`scholarlySignals`); the
 * visible page alone does not: a post that quotes a paper's abstract and DOI is about that paper.
 */
export function declaresPost(doc: Document, meta: MetaMap = readMeta(doc)): boolean {
  if (POST_TAGS.some((n) => meta.has(n))) return true;
  return jsonLdNodes(doc).some(isPost);
}

const POST_TAGS = ['article:published_time', 'article:author', 'article:section'];

/** Evidence from the visible page alone, for pages without any scholarly metadata. */
export function visibleEvidence(doc: Document, draft: PaperDraft): string | undefined {
  if (declaresPost(doc)) return undefined;
  const f = labelledFields(doc);
  // A record's title and authors, with its date, DOI, journal or abstract.
  if (f.title && f.authors?.length && (f.date || f.doi || f.venue || f.abstract)) return 'fields';
  // A record titled by the heading that the <title> repeats (a repository's item view): labelled
  // authors and date, with a DOI, an abstract or the kind of work (not a "Source", which a press
  // release labels too). Its abstract must be one by name: an encyclopaedia's article on a book has
  // an infobox (Author, Publication date) and often a section "Summary".
  if (
    f.authors?.length &&
    f.date &&
    headingTitle(doc) &&
    (f.doi || f.abstract || f.type || namedAbstract(doc))
  )
    return 'record';
  // A title heading with a byline, a DOI printed beside it, and a visible abstract.
  if (headingTitle(doc) && draft.authors?.length && draft.doi && visibleAbstract(doc))
    return 'visible';
  return undefined;
}

export interface Decision {
  kind: PageKind;
  why: string[];
}

/**
 * The page kind from the signals, the merged draft and what site extractors said. A paper needs a
 * title; a site extractor's explicit `kind` wins over everything.
 */
export function decide(
  doc: Document,
  draft: PaperDraft,
  signals: Signals,
  site: { kind?: PageKind; recognised: boolean },
): Decision {
  if (site.kind) return { kind: site.kind, why: ['site'] };
  if (!draft.title) return { kind: 'none', why: ['no title'] };
  if (signals.news) return { kind: 'none', why: ['news type'] };
  if (signals.strong.length) return { kind: 'paper', why: signals.strong };
  if (site.recognised) return { kind: 'paper', why: ['site'] };
  const visible = visibleEvidence(doc, draft);
  if (visible) return { kind: 'paper', why: [visible] };
  return { kind: 'none', why: [] };
}
