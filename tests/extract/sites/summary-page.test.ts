import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { MAX_ROWS, summaryPage } from '../../../utils/extract/sites/summary-page';
import { parseHtml } from '../../../tools/parse-html';
import { parsers } from './helpers';

const URL_ = new URL('https://papers.example.org/paper/interpretable-ml-genomics');
const titles = (refs: { title?: string }[] | undefined): (string | undefined)[] =>
  (refs ?? []).map((r) => r.title);

describe.each(['linkedom', 'happy-dom'])('summary page (%s)', (dom) => {
  const load = (name: string): Document => parsers(name).find(([n]) => n === dom)![1];

  it('headings, list items, data-relation rows: Summary is the abstract, not the Quick Summary', () => {
    const doc = load('summary-page-headings.html');
    expect(summaryPage.detect!(doc, URL_)).toBe(true);
    const base = { title: 'Interpretable machine learning for genomics', year: 2022 };
    const { draft, kind } = summaryPage.extract(doc, URL_, base);
    expect(kind).toBe('paper');
    expect(draft.abstract).toMatch(/^High-throughput technologies/);
    expect(draft.abstract).toMatch(/intelligible to end users\.$/);
    expect(draft.abstract).not.toMatch(/Show less|This paper introduces/);
    expect(draft.keyTerms).toEqual([
      { term: 'ml', weight: 0.204 },
      { term: 'machine learning', weight: 0.155 },
      { term: 'machine', weight: 0.148 },
      { term: 'medicine', weight: 0.14 },
      { term: 'research', weight: 0.138 },
    ]);
    expect(draft.keyTermsComputed).toBe(false);
    expect(titles(draft.citations)).toEqual([
      'Artificial intelligence in variant calling: a review',
      'Tabular deep learning: a comparative study applied to multi-task genome-wide prediction',
    ]);
    expect(draft.citations?.[0]).toEqual({
      title: 'Artificial intelligence in variant calling: a review',
      authors: [
        { given: 'Omar', family: 'Abdelwahab' },
        { given: 'D.', family: 'Torkamaneh' },
      ],
      year: 2025,
      url: 'https://www.example.org/paper/aivc',
    });
    // A javascript: link is not a link.
    expect(draft.citations?.[1]?.url).toBeUndefined();
    expect(draft.references).toHaveLength(1);
    expect(draft.references?.[0]).toMatchObject({ year: 2014, doi: '10.1007/s10115-013-0679-x' });
    expect(draft.pdfUrl).toBe('https://papers.example.org/pdf/watson2022.pdf');
    // The generic metadata already has the title: the site extractor does not repeat it.
    expect(draft.title).toBeUndefined();
  });

  it('labelled divs, inline chips, an ARIA grid, rows marked by legend-coloured dots', () => {
    const doc = load('summary-page-grid.html');
    expect(summaryPage.detect!(doc, URL_)).toBe(true);
    const { draft } = summaryPage.extract(doc, URL_, {});
    expect(draft.title).toBe('Interpretable machine learning for genomics');
    expect(draft.authors).toEqual([{ given: 'David S.', family: 'Watson' }]);
    expect(draft.year).toBe(2022);
    expect(draft.doi).toBe('10.1007/s00439-021-02387-9');
    // Paper Details: an inline "Label: value" line and a label element followed by its value.
    expect(draft.venue).toBe('Human Genetics');
    expect(draft).toMatchObject({ arxivId: '2007.00001', arxivVersion: 'v2' });
    expect(draft.abstract).toMatch(/^High-throughput technologies/);
    expect(draft.keyTerms?.map((t) => t.term)).toEqual(['ml', 'machine learning', 'interpretable']);
    expect(titles(draft.citations)).toEqual([
      'A genotype-phenotype transformer to assess and explain polygenic risk',
      'The Explanatory Role of Machine Learning in Molecular Biology',
    ]);
    expect(draft.citations?.[0]?.authors).toHaveLength(3);
    expect(draft.citations?.[0]?.url).toBe('https://papers.example.org/paper/g2pt');
    expect(titles(draft.references)).toEqual(['Random forests']);
  });

  it('separate Citations / References sub-sections behind tab buttons; term and weight in separate spans', () => {
    const doc = load('summary-page-sections.html');
    expect(summaryPage.detect!(doc, URL_)).toBe(true);
    const { draft } = summaryPage.extract(doc, URL_, {
      title: 'Interpretable machine learning for genomics',
    });
    expect(draft.keyTerms).toEqual([
      { term: 'ml', weight: 0.204 },
      { term: 'continued', weight: 0.135 },
      { term: 'throughput', weight: 0.134 },
    ]);
    expect(titles(draft.citations)).toEqual([
      'Shapley Values with Uncertain Value Functions',
      'Review on Interpretable Machine Learning in Smart Grid',
    ]);
    expect(titles(draft.references)).toEqual([
      'Peeking inside the black-box: a survey on explainable artificial intelligence',
    ]);
  });

  it('unmarked rows fall back to comparing years with the paper', () => {
    const doc = load('summary-page-unmarked.html');
    expect(summaryPage.detect!(doc, URL_)).toBe(true);
    const { draft } = summaryPage.extract(doc, URL_, {
      title: 'Interpretable machine learning for genomics',
      year: 2022,
    });
    expect(titles(draft.citations)).toEqual([
      'Interpretable and explainable machine learning: A methods-centric overview with concrete examples',
    ]);
    expect(titles(draft.references)).toEqual(['Deep learning']);
  });

  it('React markup: role="heading" divs, comment-split texts, a count in its own element, controls named like labels', () => {
    const doc = load('summary-page-react.html');
    expect(summaryPage.detect!(doc, URL_)).toBe(true);
    const { draft } = summaryPage.extract(doc, URL_, {});
    expect(draft.abstract).toMatch(/^High-throughput technologies/);
    expect(draft.keyTerms).toEqual([
      { term: 'ml', weight: 0.204 },
      { term: 'genomics', weight: 0.151 },
    ]);
    // "Citation Network <span>(3)</span>": the label is the heading, its count a child element.
    expect(titles(draft.citations)).toEqual([
      'Shapley Values with Uncertain Value Functions',
      'Review on Interpretable Machine Learning in Smart Grid',
    ]);
    expect(titles(draft.references)).toEqual(['Random forests']);
  });

  it('title area: a "Published in <venue> · <date>" line and an arXiv id, none read from the network', () => {
    const doc = load('summary-page-title-area.html');
    expect(summaryPage.detect!(doc, URL_)).toBe(true);
    const { draft } = summaryPage.extract(doc, URL_, {});
    expect(draft).toMatchObject({
      venue: 'Human Genetics',
      year: 2021,
      arxivId: '2007.13972',
      arxivVersion: 'v2',
      doi: '10.1007/s00439-021-02387-9',
    });
    expect(draft.authors).toEqual([{ given: 'David S.', family: 'Watson' }]);
  });

  it('title area: the embedded metadata keeps its venue and arXiv id', () => {
    const doc = load('summary-page-title-area.html');
    const base = { venue: 'Hum Genet', arxivId: '2007.00001' };
    const { draft } = summaryPage.extract(doc, URL_, base);
    expect(draft.venue).toBeUndefined();
    expect(draft.arxivId).toBeUndefined();
  });

  it.each([
    'summary-page-headings.html',
    'summary-page-sections.html',
    'summary-page-unmarked.html',
    'summary-page-react.html',
  ])('title area: no venue or arXiv id invented on %s', (name) => {
    const { draft } = summaryPage.extract(load(name), URL_, {});
    expect(draft.venue).toBeUndefined();
    expect(draft.arxivId).toBeUndefined();
  });

  it('a glossary with a "Key Terms" heading is not this layout', () => {
    const doc = load('summary-page-glossary-negative.html');
    expect(summaryPage.detect!(doc, URL_)).toBe(false);
  });
});

describe('summary page detection cost', () => {
  /** Watches every `textContent` read on the document's elements (the getter on their prototype). */
  const textReads = (doc: Document) => {
    let owner: object | null = doc.body;
    while (owner && !Object.getOwnPropertyDescriptor(owner, 'textContent'))
      owner = Object.getPrototypeOf(owner) as object | null;
    return vi.spyOn(owner as Element, 'textContent', 'get');
  };

  it("on a page without the layout, detect reads the page's text once and no element's text", () => {
    const paras =
      '<p>A paragraph of an ordinary article, long enough not to be a label at all.</p>'.repeat(
        200,
      );
    const html = `<html><body><h1>News</h1><h2>Summary</h2>${paras}<h2>Comments (3)</h2></body></html>`;
    // linkedom: its textContent does not call the getter of each child (happy-dom's does), so the
    // spy counts only the reads detect makes.
    const doc = parseHtml(html);
    const read = textReads(doc);
    expect(summaryPage.detect!(doc, new URL('https://news.example.org/story'))).toBe(false);
    expect(read.mock.contexts).toEqual([doc.body]);
    read.mockRestore();
  });

  it("skips the body's own scripts (news pages keep their data there), one read per other child", () => {
    const data = `<script type="application/json">${JSON.stringify({ note: 'key terms '.repeat(500) })}</script>`;
    const html = `<html><body><header><h1>News</h1></header><main><p>An article.</p></main>${data}<footer>Footer</footer></body></html>`;
    const doc = parseHtml(html);
    const read = textReads(doc);
    expect(summaryPage.detect!(doc, new URL('https://news.example.org/story'))).toBe(false);
    expect(read.mock.contexts.map((e) => (e as Element).localName)).toEqual([
      'header',
      'main',
      'footer',
    ]);
    read.mockRestore();
  });

  it('the layout beside body-level scripts is still found', () => {
    const html = readFileSync(
      join(__dirname, '../../fixtures/extract/sites/summary-page-grid.html'),
      'utf8',
    ).replace('<body>', '<body><script>window.__DATA__ = {"a": 1};</script>');
    const doc = parseHtml(html);
    expect(doc.body.firstElementChild?.localName).toBe('script');
    expect(summaryPage.detect!(doc, URL_)).toBe(true);
  });

  it('a body of hundreds of children with a script among them is read whole, in one call', () => {
    const html = `<html><body>${'<p>An ordinary paragraph.</p>'.repeat(300)}<script>var x = 1;</script></body></html>`;
    const doc = parseHtml(html);
    const read = textReads(doc);
    expect(summaryPage.detect!(doc, new URL('https://news.example.org/story'))).toBe(false);
    expect(read.mock.contexts).toEqual([doc.body]);
    read.mockRestore();
  });
});

describe('summary page through the whole pipeline', () => {
  const run = (name: string) =>
    extractPage(parsers(name)[0]![1], 'https://papers.example.org/paper/1');

  it('a page with no embedded metadata is recognised as a paper, its fields from the layout', () => {
    const r = run('summary-page-grid.html');
    expect(r.kind).toBe('paper');
    expect(r.paper).toMatchObject({
      title: 'Interpretable machine learning for genomics',
      year: 2022,
      doi: '10.1007/s00439-021-02387-9',
      keyTermsComputed: false,
    });
    expect(r.paper?.abstract).toMatch(/^High-throughput/);
    expect(r.paper?.keyTerms[0]).toEqual({ term: 'ml', weight: 0.204 });
    expect(r.paper?.citations).toHaveLength(2);
    expect(r.paper?.references).toHaveLength(1);
    expect(r.paper?.sources.keyTerms).toBe('site:summary-page');
  });

  it('the Summary wins over og:description, which holds the Quick Summary', () => {
    const r = run('summary-page-headings.html');
    expect(r.paper?.abstract).toMatch(/^High-throughput/);
    expect(r.paper?.sources.abstract).toBe('site:summary-page');
  });

  it('a section label right after the title is not taken as the byline', () => {
    const r = run('summary-page-unmarked.html');
    expect(r.paper?.authors).toEqual([]);
  });

  it('the e2e summary page: venue and arXiv id from the title area, not from a listed work', () => {
    const html = readFileSync(join(__dirname, '../../e2e/pages/summary-page.html'), 'utf8');
    const r = extractPage(new DOMParser().parseFromString(html, 'text/html'), URL_);
    expect(r.paper).toMatchObject({
      venue: 'Human Genetics',
      year: 2021,
      arxivId: '2007.13972',
      doi: '10.1007/s00439-021-02387-9',
    });
    expect(r.paper?.sources.venue).toBe('site:summary-page');
  });

  it('a glossary page is not a paper', () => {
    expect(run('summary-page-glossary-negative.html').kind).toBe('none');
  });
});

describe('summary page on hostile markup', () => {
  it('thousands of labels, terms and rows stay bounded and do not throw', () => {
    const labels = '<span>Summary</span>'.repeat(1500);
    const terms = '<li>t (0.5)</li>'.repeat(1500);
    const rows =
      '<tr><td>x</td><td>A B</td><td>2020</td><td><a href="javascript:alert(1)">View Paper</a></td></tr>'.repeat(
        1500,
      );
    const html = `<html><body><div>${labels}</div><h2>Key Terms</h2><ul>${terms}</ul><h2>Citation Network</h2><table>${rows}</table></body></html>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const url = new URL('https://example.org/');
    const t = performance.now();
    expect(summaryPage.detect!(doc, url)).toBe(true);
    const { draft } = summaryPage.extract(doc, url, { year: 2021 });
    expect(performance.now() - t).toBeLessThan(30_000);
    expect(draft.keyTerms).toEqual([{ term: 't', weight: 0.5 }]);
    expect((draft.citations?.length ?? 0) + (draft.references?.length ?? 0)).toBeLessThanOrEqual(
      1000,
    );
    // Rows older than the paper, no markers: references; a javascript: link is no link.
    expect(draft.references?.[0]?.url).toBeUndefined();
    // A generous limit: the machines running the suite are shared; a quadratic walk takes minutes.
  }, 60_000);

  /** A summary page whose citation network has `n` rows, in a tab panel labelled by its tab. */
  const networkPage = (n: number): Document => {
    let rows = '';
    for (let i = 0; i < n; i++)
      rows += `<tr><td><span class="dot" style="background:${i % 3 ? '#22c55e' : '#3b82f6'}"></span>Paper ${i}</td><td>Ann Author, Bob Writer</td><td>${1990 + (i % 30)}</td><td><a href="/paper/${i}">View Paper</a></td></tr>`;
    const html = `<html><body><h1>A paper</h1><h2>Citation Network</h2>
      <p>Current paper (gray), citations (green), references (blue)</p>
      <div role="tablist"><button role="tab" id="tab-all">All papers</button></div>
      <div role="tabpanel" aria-labelledby="tab-all"><table>
      <thead><tr><th>Title</th><th>Authors</th><th>Year</th><th>Actions</th></tr></thead>
      <tbody>${rows}</tbody></table></div><h2>Comments (0)</h2></body></html>`;
    return new DOMParser().parseFromString(html, 'text/html');
  };
  const url = new URL('https://example.org/paper/1');
  const works = (doc: Document): string[] => {
    expect(summaryPage.detect!(doc, url)).toBe(true);
    const { draft } = summaryPage.extract(doc, url, { title: 'A paper', year: 2010 });
    return titles([...(draft.citations ?? []), ...(draft.references ?? [])]).map(String);
  };

  it('2,000 rows: the first MAX_ROWS works are read, and the header row does not take a place', () => {
    const read = works(networkPage(2000));
    expect(read).toHaveLength(MAX_ROWS);
    expect(new Set(read)).toEqual(
      new Set(Array.from({ length: MAX_ROWS }, (_, i) => `Paper ${i}`)),
    );
  }, 60_000);

  it('a table of exactly MAX_ROWS works under a header row: none is dropped', () => {
    expect(works(networkPage(MAX_ROWS))).toContain(`Paper ${MAX_ROWS - 1}`);
  }, 60_000);

  it('work grows linearly with rows: twice the rows, at most about twice the DOM calls', () => {
    const count = (n: number): number => {
      const doc = networkPage(n);
      const spies = [
        vi.spyOn(Element.prototype, 'querySelectorAll'),
        vi.spyOn(Element.prototype, 'getElementsByTagName'),
        vi.spyOn(Element.prototype, 'getAttribute'),
        vi.spyOn(Element.prototype, 'textContent', 'get'),
        vi.spyOn(Document.prototype, 'getElementById'),
      ];
      works(doc);
      const calls = spies.reduce((sum, s) => sum + s.mock.calls.length, 0);
      for (const s of spies) s.mockRestore();
      return calls;
    };
    const small = count(250);
    const big = count(500);
    expect(big).toBeLessThan(small * 2.1);
  }, 60_000);
});
