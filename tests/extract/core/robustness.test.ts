import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import type { PageResult } from '../../../utils/paper';
import { docs, linkedomDoc } from './helpers';

/**
 * Extraction never throws into the page and always returns a valid result, on random and hostile
 * HTML, in bounded time. Pages are parsed by linkedom (and happy-dom for the smaller ones).
 */

/** encodeURIComponent that tolerates lone surrogates (hostile strings contain them). */
function enc(s: string): string {
  return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
}

function assertValid(r: PageResult): void {
  expect(['paper', 'listing', 'none']).toContain(r.kind);
  expect(r.detected).toBe(r.kind === 'paper');
  if (r.kind === 'paper') {
    const p = r.paper!;
    expect(typeof p.title).toBe('string');
    expect(p.title.length).toBeGreaterThan(0);
    for (const key of ['authors', 'keywords', 'keyTerms', 'references', 'citations'] as const)
      expect(Array.isArray(p[key])).toBe(true);
    for (const a of p.authors) expect(a.family ?? a.literal ?? a.given).toBeTruthy();
    for (const t of p.keyTerms) expect(t.weight > 0 && t.weight <= 1).toBe(true);
    if (p.year !== undefined) expect(Number.isInteger(p.year)).toBe(true);
    for (const u of [p.url, p.pdfUrl]) if (u) expect(u).toMatch(/^https?:\/\//);
    if (p.doi) expect(p.doi).toMatch(/^10\.\d{4,9}\/\S+$/);
  } else expect(r.paper).toBeUndefined();
  // Plain data: survives structured cloning (messages, IndexedDB).
  expect(structuredClone(r)).toEqual(r);
}

const META_NAMES = [
  'citation_title',
  'citation_author',
  'citation_doi',
  'citation_publication_date',
  'citation_abstract',
  'citation_reference',
  'dc.title',
  'dc.creator',
  'dc.identifier',
  'dc.type',
  'prism.doi',
  'eprints.creators_name',
  'og:title',
  'description',
];

const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '\u0000\ufffd\ud800',
    '10.1234/abc</title>',
    'arXiv:1706.03762v7',
    '&amp;lt;p&amp;gt;&#x0;&#99999999;',
    '2020/01/01',
    '†‡*§¶ and ,',
    '{"@type":"ScholarlyArticle"',
  ),
);

const fragment: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...META_NAMES), hostileText)
    .map(([n, v]) => `<meta name="${n}" content="${v.replace(/"/g, '&quot;')}">`),
  hostileText.map((t) => `<script type="application/ld+json">${t}</script>`),
  fc
    .tuple(hostileText, hostileText)
    .map(
      ([a, b]) =>
        `<script type="application/ld+json">{"@type":"ScholarlyArticle","headline":${JSON.stringify(a)},"author":[${JSON.stringify(b)}],"sameAs":"https://doi.org/10.1/${enc(b)}"}</script>`,
    ),
  hostileText.map(
    (t) => `<span class="Z3988" title="rft.atitle=${enc(t)}&rft_id=info:doi/${t}"></span>`,
  ),
  fc
    .tuple(fc.constantFrom('h1', 'h2', 'h3', 'p', 'div', 'td', 'dt', 'em'), hostileText)
    .map(([tag, t]) => `<${tag}>${t}</${tag}>`),
  fc.constantFrom(
    '<h2>Abstract</h2>',
    '<table><tr><td>Title</td><td>',
    '<dt>Authors</dt><dd>A. B and C. D</dd>',
    '</div></table>',
    '<p id="abstract">',
  ),
  hostileText,
);

const page = fc
  .array(fragment, { maxLength: 40 })
  .map(
    (parts) =>
      `<html><head>${parts.join('')}</head><body>${parts.reverse().join('')}</body></html>`,
  );

describe('property: any page gives a valid result', () => {
  it('on linkedom and happy-dom', () => {
    fc.assert(
      fc.property(page, fc.webUrl(), (html, url) => {
        for (const { doc } of docs(html)) assertValid(extractPage(doc, url));
      }),
      { numRuns: 150 },
    );
  }, 120_000);
  it('with any URL string', () => {
    fc.assert(
      fc.property(fc.string(), (url) => {
        assertValid(
          extractPage(
            linkedomDoc(
              '<html><head><meta name="citation_title" content="T"><meta name="citation_author" content="A B"></head></html>',
            ),
            url,
          ),
        );
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

function timed(html: string): { ms: number; result: PageResult } {
  const doc = linkedomDoc(html);
  const t = performance.now();
  const result = extractPage(doc, 'https://hostile.example/page');
  return { ms: performance.now() - t, result };
}

describe('hostile pages finish in bounded time', () => {
  // Generous bounds: the point is "bounded", not a benchmark, on a shared 2-core machine.
  const LIMIT_MS = 3000;

  it('tens of thousands of meta tags', () => {
    const metas = Array.from(
      { length: 30_000 },
      (_, i) => `<meta name="citation_author" content="Author${i} Name">`,
    ).join('');
    const { ms, result } = timed(
      `<html><head><meta name="citation_title" content="Many authors">${metas}</head><body></body></html>`,
    );
    assertValid(result);
    expect(result.kind).toBe('paper');
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a megabyte page of text and markup', () => {
    const para =
      '<p>Lorem ipsum dolor sit amet, doi:10.1234/x consectetur <b>adipiscing</b> elit.</p>'.repeat(
        12_000,
      );
    const { ms, result } = timed(
      `<html><head><title>Big</title></head><body><h1>Big</h1><h2>Abstract</h2>${para}</body></html>`,
    );
    assertValid(result);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('thousands of schema.org work items, side by side or nested', () => {
    const item =
      '<div itemscope itemtype="http://schema.org/ScholarlyArticle"><span itemprop="name">A work</span>';
    const flat = timed(`<html><body>${`${item}</div>`.repeat(5000)}</body></html>`);
    assertValid(flat.result);
    expect(flat.result.works?.length).toBe(200);
    expect(flat.ms).toBeLessThan(LIMIT_MS);
    const nested = timed(`<html><body>${item.repeat(2000)}${'</div>'.repeat(2000)}</body></html>`);
    assertValid(nested.result);
    expect(nested.result.kind).toBe('none');
    expect(nested.ms).toBeLessThan(LIMIT_MS);
  });

  it('deep nesting', () => {
    const depth = 3000;
    const html = `<html><head><meta name="citation_title" content="Deep"><meta name="citation_author" content="A B"></head><body>${'<div>'.repeat(depth)}<h2>Abstract</h2><p>${'x '.repeat(100)}</p>${'</div>'.repeat(depth)}</body></html>`;
    const { ms, result } = timed(html);
    assertValid(result);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('huge attribute values, JSON-LD and broken encodings', () => {
    const big = 'x'.repeat(2_000_000);
    const html = `<html><head><meta name="citation_title" content="${big}"><meta name="citation_author" content="\ud800\u0000 Ghost">
      <script type="application/ld+json">${'['.repeat(10_000)}</script>
      <script type="application/ld+json">{"@type":"ScholarlyArticle","headline":"${'y'.repeat(500_000)}","author":${JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ name: `P ${i}` })))}}</script>
      </head><body>\ufffd\ufffd<h1>\u0000</h1></body></html>`;
    const { ms, result } = timed(html);
    assertValid(result);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('script-looking strings stay text', () => {
    const html = `<html><head><meta name="citation_title" content="&lt;script&gt;alert(1)&lt;/script&gt;Real title"><meta name="citation_author" content="&lt;img src=x onerror=alert(1)&gt; Jane Doe"><meta name="citation_pdf_url" content="javascript:alert(1)"></head><body></body></html>`;
    const { result } = timed(html);
    assertValid(result);
    expect(result.paper?.title).toBe('Real title');
    expect(result.paper?.pdfUrl).toBeUndefined();
  });
});

describe("names every object has (constructor, valueOf) are page text, not the extractor's tables", () => {
  const OWN = ['constructor', 'valueOf', 'toString', 'hasOwnProperty', '__proto__'];

  it('as a JSON-LD type, a label, a month, an entity', () => {
    for (const name of OWN) {
      const ld = JSON.stringify({ '@type': name, name: 'A work of some kind', author: 'Jane Doe' });
      const html =
        `<html><head><title>A work of some kind</title><script type="application/ld+json">${ld}</script>` +
        `<meta name="dc.title" content="|[${name}]| title"><meta name="dc.date" content="${name} 2020">` +
        `</head><body><h1>A work of some kind</h1><table><tr><td>${name}</td><td>v</td></tr></table>` +
        '</body></html>';
      for (const { doc } of docs(html)) {
        const r = extractPage(doc, 'https://example.org/work');
        assertValid(r);
        // No type of JSON-LD makes it a paper, and nothing of Object.prototype leaks into a field.
        expect(r.kind).toBe('none');
      }
    }
  });

  it('in the helpers that look words up', async () => {
    const { parseDate } = await import('../../../utils/extract/dates');
    const { decodeEntities, decodeBarEntities } = await import('../../../utils/extract/text');
    for (const name of OWN) {
      expect(parseDate(`${name} 2020`)).toEqual({ date: '2020', precision: 'year' });
      expect(decodeBarEntities(`|[${name}]|`)).toBe(`|[${name}]|`);
      expect(decodeEntities(`&${name.toLowerCase()};`)).toBe(`&${name.toLowerCase()};`);
    }
  });
});
