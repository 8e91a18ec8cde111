import type { PageKind, PaperDraft, WorkRef } from '../paper';

/**
 * The interface every metadata source and site extractor shares (one source, one file).
 * Extractors read only the `doc` and `url` they are given: no globals, so the same code runs in the
 * page, in a test DOM and in the command-line tool.
 */

/** A generic embedded-metadata source (JSON-LD, Highwire, Dublin Core, …). */
export interface MetadataSource {
  /** Recorded as the provenance of every field it supplies, e.g. `highwire`. */
  id: string;
  extract(doc: Document, url: URL): PaperDraft;
}

/** What a site extractor returns: corrections on top of the generic result. */
export interface SiteResult {
  /** Fields this site knows better than the generic merge; they win. */
  draft: PaperDraft;
  /** Overrides the generic page kind (e.g. a site's search page is a `listing`). */
  kind?: PageKind;
  /** For listings: the works listed. */
  works?: WorkRef[];
}

/** A site-specific extractor for pages whose embedded metadata is missing or wrong. */
export interface SiteExtractor {
  /** Provenance is recorded as `site:<id>`. */
  id: string;
  /** URLs this extractor must claim (checked by a test: no other extractor claims them). */
  testUrls: string[];
  /** Cheap URL test. */
  matches(url: URL): boolean;
  /**
   * Optional cheap structural test for extractors that apply by page layout rather than host; asked
   * only on pages that no extractor claims by address.
   */
  detect?(doc: Document, url: URL): boolean;
  /** `base` is the merged generic result for this page, to be corrected rather than re-parsed. */
  extract(doc: Document, url: URL, base: Readonly<PaperDraft>): SiteResult;
}
