import type { PaperDraft } from '../../paper';
import { normalizeDoi, normalizeIsbn, normalizeIssn } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { all, first, readMeta, resolveUrl } from '../meta';
import { parseNames } from '../names';
import { abstractFrom, clean, cleanTitle, splitKeywords } from '../text';
import type { MetadataSource } from '../types';
import { dcType } from './dublincore';

/**
 * EPrints repository software's `eprints.*` tags (institutional repositories: eprints.*.ac.uk,
 * many university archives). Creators are written "Family, Given".
 * Test pages: any EPrints 3 abstract page, e.g. eprints.whiterose.ac.uk/<id>/
 */
export const eprints: MetadataSource = {
  id: 'eprints',
  extract(doc, url) {
    const meta = readMeta(doc);
    const d: PaperDraft = {};
    const title = cleanTitle(first(meta, 'eprints.title'));
    if (title) d.title = title;
    const authors = parseNames(all(meta, 'eprints.creators_name'));
    if (authors.length) d.authors = authors;
    const issued = parseDate(clean(first(meta, 'eprints.date'), 100));
    if (issued) {
      d.issued = issued;
      d.year = yearOf(issued);
    }
    const type = dcType(first(meta, 'eprints.type', 'eprints.thesis_type'));
    if (type) d.type = type;
    const venue = clean(
      first(
        meta,
        'eprints.publication',
        'eprints.event_title',
        'eprints.book_title',
        'eprints.institution',
      ),
      500,
    );
    if (venue) d.venue = venue;
    const volume = clean(first(meta, 'eprints.volume'), 40);
    if (volume) d.volume = volume;
    const issue = clean(first(meta, 'eprints.number'), 40);
    if (issue) d.issue = issue;
    const pages = clean(first(meta, 'eprints.pagerange'), 40);
    if (pages) d.pages = pages;
    const publisher = clean(first(meta, 'eprints.publisher'), 300);
    if (publisher) d.publisher = publisher;
    const doi = normalizeDoi(first(meta, 'eprints.doi', 'eprints.id_number'));
    if (doi) d.doi = doi;
    const issn = normalizeIssn(first(meta, 'eprints.issn'));
    if (issn) d.issn = [issn];
    const isbn = normalizeIsbn(first(meta, 'eprints.isbn'));
    if (isbn) d.isbn = [isbn];
    const abstract = abstractFrom(first(meta, 'eprints.abstract'), 40);
    if (abstract) d.abstract = abstract;
    const keywords = splitKeywords(all(meta, 'eprints.keywords'));
    if (keywords.length) d.keywords = keywords;
    const pdf = resolveUrl(first(meta, 'eprints.document_url'), url);
    if (pdf && /\.pdf(?:$|\?)/i.test(pdf)) d.pdfUrl = pdf;
    return d;
  },
};
