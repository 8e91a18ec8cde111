import type { SiteExtractor } from '../types';

/**
 * Every site extractor, registered once. Order matters only when two extractors could claim the same
 * page; a test checks that each extractor's test URLs are claimed by it alone.
 */
export const siteExtractors: SiteExtractor[] = [];
