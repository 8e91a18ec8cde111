import type { PaperDraft } from '../../paper';
import { parseDate, yearOf } from '../dates';
import { first, linkHref, readMeta, resolveUrl } from '../meta';
import { clean, cleanTitle } from '../text';
import type { MetadataSource } from '../types';

/**
 * Open Graph (`og:*`, `article:*`) and Twitter card tags: social-sharing metadata every site has.
 * A fallback only (lowest of the meta sources): titles carry site suffixes, descriptions are
 * teasers, TLDRs (Semantic Scholar) or "popular summaries" (APS), so they never supply an abstract.
 * Test pages: any site.
 */
export const openGraph: MetadataSource = {
  id: 'og',
  extract(doc, url) {
    const meta = readMeta(doc);
    const d: PaperDraft = {};
    const title = cleanTitle(first(meta, 'og:title', 'twitter:title'));
    if (title) d.title = title;
    const issued = parseDate(
      clean(first(meta, 'article:published_time', 'og:published_time'), 100),
    );
    if (issued) {
      d.issued = issued;
      d.year = yearOf(issued);
    }
    const link = resolveUrl(first(meta, 'og:url'), url) ?? linkHref(doc, 'canonical', url);
    if (link) d.url = link;
    return d;
  },
};
