import type { PaperDraft } from '../../paper';
import { normalizeDoi, normalizeIssn } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { all, first, readMeta, resolveUrl } from '../meta';
import { clean, pageRange, splitKeywords } from '../text';
import type { MetadataSource } from '../types';

/**
 * PRISM (Publishing Requirements for Industry Standard Metadata) `prism.*` tags: the journal-side
 * facts (journal name, volume, number, pages, DOI, cover date) on Springer Nature and Elsevier pages.
 * Test pages: link.springer.com/article/10.1007/…, nature.com/articles/…
 */
export const prism: MetadataSource = {
  id: 'prism',
  extract(doc, url) {
    const meta = readMeta(doc);
    const d: PaperDraft = {};
    const venue = clean(first(meta, 'prism.publicationname'), 500);
    if (venue) d.venue = venue;
    const title = clean(first(meta, 'prism.title'), 2000);
    if (title) d.title = title;
    const volume = clean(first(meta, 'prism.volume'), 40);
    if (volume) d.volume = volume;
    const issue = clean(first(meta, 'prism.number', 'prism.issueidentifier'), 40);
    if (issue) d.issue = issue;
    const pages = pageRange(first(meta, 'prism.startingpage'), first(meta, 'prism.endingpage'));
    if (pages) d.pages = pages;
    const doi = normalizeDoi(first(meta, 'prism.doi'));
    if (doi) d.doi = doi;
    const issued = parseDate(
      clean(first(meta, 'prism.publicationdate', 'prism.coverdate', 'prism.coverdisplaydate'), 100),
    );
    if (issued) {
      d.issued = issued;
      d.year = yearOf(issued);
    }
    const issn = [...all(meta, 'prism.issn'), ...all(meta, 'prism.eissn')]
      .map((s) => normalizeIssn(s))
      .filter((s): s is string => !!s);
    if (issn.length) d.issn = [...new Set(issn)];
    const publisher = clean(first(meta, 'prism.publisher'), 300);
    if (publisher) d.publisher = publisher;
    const keywords = splitKeywords(all(meta, 'prism.keyword'));
    if (keywords.length) d.keywords = keywords;
    const link = resolveUrl(first(meta, 'prism.url'), url);
    if (link) d.url = link;
    return d;
  },
};
