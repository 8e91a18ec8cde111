import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../tools/parse-html';
import { acl } from '../../../utils/extract/sites/acl';
import { acm } from '../../../utils/extract/sites/acm';
import { googleScholar } from '../../../utils/extract/sites/googlescholar';
import { ieee } from '../../../utils/extract/sites/ieee';
import { plos } from '../../../utils/extract/sites/plos';
import { pmcSearch } from '../../../utils/extract/sites/pmc-search';
import { sciencedirect } from '../../../utils/extract/sites/sciencedirect';
import { springer } from '../../../utils/extract/sites/springer';
import { onHost } from '../../../utils/extract/sites/publisher-common';
import type { SiteExtractor } from '../../../utils/extract/types';

/** The publisher and listing extractors never throw and stay fast on empty, hostile and odd pages. */
const EXTRACTORS: SiteExtractor[] = [
  acl,
  acm,
  googleScholar,
  ieee,
  plos,
  pmcSearch,
  sciencedirect,
  springer,
];

const deep = '<div>'.repeat(3000) + 'x' + '</div>'.repeat(3000);
const PAGES: Record<string, string> = {
  empty: '',
  text: 'just text',
  brokenJson:
    '<script>xplGlobal.document.metadata={"title":"A","authors":[{"name":1},null,"x"],"abstract":{"a":1};</script>' +
    '<script type="application/json">{"authors":{"content":[{"#name":"given-name","_":"\\u00'.repeat(
      50,
    ) +
    '</script>',
  scriptish:
    '<h1 class="headNavBlueXLarge2"><script>alert(1)</script>{{x}}</h1><p class="AuthorGroup">' +
    '<sup>1</sup>'.repeat(500) +
    '</p>',
  manyRows:
    '<table>' +
    '<tr><td><table class="resultRow"><tr><td><a href="%E0%A4%A"><span>t</span></a></td></tr></table></td></tr>'.repeat(
      400,
    ) +
    '</table>' +
    '<div class="gs_ri"><h3 class="gs_rt">[PDF]</h3></div>'.repeat(300) +
    '<h4><span class="atl"></span></h4><p class="aug">, , and ,</p>'.repeat(300),
  deep,
};
const URLS = [
  'https://ieeexplore.ieee.org/document/1/',
  'https://www.sciencedirect.com/search?qs=%E0%A4%A',
  'https://dl.acm.org/doi/%E0%A4%A',
  'https://aclanthology.org/volumes/x/',
  'https://scholar.google.com/scholar?q=x',
  'https://www.nature.com/search?q=x',
  'https://www.ncbi.nlm.nih.gov/pmc/?term=x',
  'https://journals.plos.org/plosone/article?id=x',
];

describe('publisher and listing extractors on hostile pages', () => {
  for (const [name, html] of Object.entries(PAGES)) {
    it(`never throw: ${name}`, () => {
      const doc = parseHtml(html);
      const start = performance.now();
      for (const ex of EXTRACTORS) {
        for (const u of URLS) {
          const url = new URL(u);
          expect(() => ex.matches(url)).not.toThrow();
          const result = ex.extract(doc, url, { title: 'x', keywords: ['PLoS'], authors: [] });
          expect(result).toBeTypeOf('object');
          expect(result.draft).toBeTypeOf('object');
        }
      }
      expect(performance.now() - start).toBeLessThan(20_000);
    });
  }
});

describe('onHost', () => {
  it('accepts subdomains and library-proxy hosts, not look-alikes', () => {
    expect(onHost(new URL('https://www.sciencedirect.com/x'), 'sciencedirect.com')).toBe(true);
    expect(
      onHost(new URL('http://www.sciencedirect.com.ezproxy.lib.utexas.edu/x'), 'sciencedirect.com'),
    ).toBe(true);
    expect(
      onHost(new URL('https://www-sciencedirect-com.ezproxy.example.edu/x'), 'sciencedirect.com'),
    ).toBe(true);
    expect(onHost(new URL('https://notsciencedirect.com/x'), 'sciencedirect.com')).toBe(false);
    expect(onHost(new URL('https://sciencedirect.com.evil.example/x'), 'sciencedirect.com')).toBe(
      false,
    );
  });
});
