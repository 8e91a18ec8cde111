import type { PaperDraft, PaperType } from '../../paper';
import {
  findDoi,
  normalizeDoi,
  normalizeIsbn,
  normalizeIssn,
  normalizePmid,
  parseArxivId,
} from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { all, first, readMeta } from '../meta';
import { parseNames } from '../names';
import { abstractFrom, clean, cleanTitle, splitKeywords } from '../text';
import type { MetadataSource } from '../types';

/**
 * Dublin Core (`DC.*`) and DCMI Terms (`DCTERMS.*`) meta tags: used by publishers on Atypon
 * (ACS, Annual Reviews, ACP), Springer Nature, and by repositories (DSpace, OPUS, EPrints).
 * Plain `DC.*` is read before `DCTERMS.*`: DSpace sites put site-level values in `dcterms.*`
 * ("Digital Collections: …" titles, "Director, Information Services" as creator).
 * Test pages: pubs.acs.org/doi/…, annualreviews.org/doi/…, digitalcollections.anu.edu.au/handle/…
 *
 * Meta names are compared lowercased, so `DC.Title`, `dc.title` and `DC.title` are the same.
 */

/** Publisher's DC types that say what kind of work the page is (read by detection too). */
export function dcType(raw: string | undefined): PaperType | undefined {
  if (!raw) return undefined;
  const t = raw.toLowerCase();
  if (/thesis|dissertation|doctoral|habilitation/.test(t)) return 'thesis';
  if (/report|working ?paper/.test(t)) return 'report';
  if (/conference|proceeding/.test(t)) return 'paper-conference';
  if (/chapter|bookpart|book ?part/.test(t)) return 'chapter';
  if (/preprint/.test(t)) return 'article';
  if (/article|paper|letter|review/.test(t)) return 'article-journal';
  return undefined;
}

export const dublinCore: MetadataSource & { weak(doc: Document): PaperDraft } = {
  id: 'dc',
  extract(doc) {
    const meta = readMeta(doc);
    const d: PaperDraft = {};
    const title = cleanTitle(first(meta, 'dc.title', 'dcterms.title'));
    if (title) d.title = title;

    // Creators are the authors; contributors only when there are no creators (bioRxiv lists its
    // authors as DC.contributor), since elsewhere contributors are editors or referees.
    const creators = all(meta, 'dc.creator', 'dc.creator.personalname', 'dcterms.creator');
    const authors = parseNames(
      creators.length ? creators : all(meta, 'dc.contributor', 'dc.contributor.author'),
    );
    if (authors.length) d.authors = authors;

    const issued = parseDate(
      clean(
        first(
          meta,
          'dc.date.issued',
          'dcterms.issued',
          'dc.date',
          'dcterms.date',
          'dc.date.created',
          'dcterms.created',
        ),
        100,
      ),
    );
    if (issued) {
      d.issued = issued;
      d.year = yearOf(issued);
    }

    for (const id of all(meta, 'dc.identifier', 'dcterms.identifier').slice(0, 50)) {
      const v = clean(id, 500) ?? '';
      // Only identifiers that say they are DOIs (bare, `doi:`, `info:doi/`, a resolver URL): DC
      // identifiers also hold publisher-internal ids and URLs that merely contain "10.x/".
      if (
        !d.doi &&
        /^(?:doi:\s*|info:doi\/|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\//i.test(v)
      ) {
        const doi = normalizeDoi(v);
        if (doi) d.doi = doi;
      } else if (!d.pmid && /^(?:info:pmid\/|pmid:)/i.test(v)) {
        const pmid = normalizePmid(v.replace(/^info:pmid\//i, ''));
        if (pmid) d.pmid = pmid;
      } else if (!d.arxivId && /^arxiv:/i.test(v)) {
        const ax = parseArxivId(v);
        if (ax) d.arxivId = ax.id;
      } else if (/^(?:urn:)?isbn/i.test(v)) {
        const isbn = normalizeIsbn(v.replace(/^urn:isbn:?/i, ''));
        if (isbn) d.isbn = [...(d.isbn ?? []), isbn];
      } else if (/^(?:urn:)?issn/i.test(v)) {
        const issn = normalizeIssn(v);
        if (issn) d.issn = [...(d.issn ?? []), issn];
      }
    }
    // Nature's `dc.source` ends in "| doi:10.1038/…" on legacy pages.
    if (!d.doi) {
      const source = first(meta, 'dc.source');
      if (source && /doi:\s*10\./i.test(source)) d.doi = findDoi(source);
    }

    // dcterms.abstract / dc.description.abstract say they are abstracts; dc.description is often a
    // summary or site blurb, so the merge ranks it below a visible Abstract section.
    const abstract = abstractFrom(
      first(meta, 'dcterms.abstract', 'dc.description.abstract', 'dc.abstract'),
      80,
    );
    if (abstract) d.abstract = abstract;

    const publisher = clean(first(meta, 'dc.publisher', 'dcterms.publisher'), 300);
    if (publisher) d.publisher = publisher;
    const venue = clean(
      first(meta, 'dc.relation.ispartof', 'dcterms.ispartof', 'dc.citation.journaltitle'),
      500,
    );
    if (venue) d.venue = venue;
    const type = dcType(first(meta, 'dc.type', 'dcterms.type'));
    if (type) d.type = type;
    const keywords = splitKeywords(all(meta, 'dc.subject.keywords', 'dcterms.subject.keywords'));
    if (keywords.length) d.keywords = keywords;
    return d;
  },
  /** `dc.description`: the abstract on many sites, a summary or a site blurb on others. */
  weak(doc) {
    const abstract = abstractFrom(
      first(readMeta(doc), 'dc.description', 'dcterms.description'),
      80,
    );
    return abstract ? { abstract } : {};
  },
};
