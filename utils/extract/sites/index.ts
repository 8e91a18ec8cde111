import type { SiteExtractor } from '../types';
import { arxiv } from './arxiv';
import { biorxiv } from './biorxiv';
import { pmc } from './pmc';
import { pubmed } from './pubmed';
import { summaryPage } from './summary-page';
import { sciencedirect } from './sciencedirect';
import { ieee } from './ieee';
import { springer } from './springer';
import { googleScholar } from './googlescholar';
import { semanticScholar } from './semanticscholar';
import { pmcSearch } from './pmc-search';
import { openReview } from './openreview';
import { acl } from './acl';
import { acm } from './acm';
import { plos } from './plos';
import { lingbuzz } from './lingbuzz';
import { pos } from './pos';

/**
 * Every site extractor, registered once. Order matters only when two extractors could claim the same
 * page; a test checks that each extractor's test URLs are claimed by it alone.
 */
export const siteExtractors: SiteExtractor[] = [
  arxiv,
  pubmed,
  pmc,
  biorxiv,
  sciencedirect,
  ieee,
  springer,
  googleScholar,
  semanticScholar,
  pmcSearch,
  openReview,
  acl,
  acm,
  plos,
  lingbuzz,
  pos,
  // Layout-based (no host): claimed by its `detect` on any site.
  summaryPage,
];
