import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { pageIndex } from '../../../utils/extract/meta';
import { forgetPage } from '../../../utils/extract/memo';
import { docs } from './helpers';

/**
 * The page index tells elements apart by prototype (meta.ts `prototypeKinds`): it must find exactly
 * the elements a walk reading every tag name finds, in every DOM the extractor runs on.
 */

const PAGE =
  '<html><head><meta name="citation_title" content="A"><link rel="canonical" href="/a">' +
  '<script type="application/ld+json">{}</script><script>var x;</script><title>Page</title></head>' +
  '<body><section><h1>One</h1><i>not a label</i><div><h3>Three</h3></div></section>' +
  '<table><tr><th>Title</th><td>A</td></tr></table><dl><dt>DOI</dt><dd>10.1/x</dd></dl>' +
  '<p><em>e</em> <strong>s</strong> <b>b</b> <label>l</label> <span class="Z3988" title="x"></span>' +
  '<span>plain</span> <a href="/b">link</a> <x-widget>custom</x-widget></p>' +
  '<svg><title>Icon</title><a href="/c"><text>t</text></a></svg><math><mi>x</mi></math>' +
  '<meta itemprop="datePublished" content="2020"><h6>Six</h6></body></html>';

const describeIndex = (doc: Document) => {
  forgetPage(doc);
  const i = pageIndex(doc);
  const tags = (els: ArrayLike<Element>) => Array.from(els, (e) => e.localName);
  return {
    meta: [...i.meta.keys()],
    links: tags(i.links),
    ldScripts: i.ldScripts.length,
    title: i.title?.textContent,
    headings: tags(i.headings),
    labels: tags(i.labels),
    coins: i.coins.length,
  };
};

const EXPECTED = {
  meta: ['citation_title', 'datepublished'],
  links: ['link'],
  ldScripts: 1,
  title: 'Page',
  headings: ['h1', 'h3', 'h6'],
  labels: ['th', 'td', 'dt', 'em', 'strong', 'b', 'label'],
  coins: 1,
};

const allDocs = (html: string) => [
  ...docs(html),
  { name: 'jsdom', doc: new JSDOM(html).window.document },
];

describe.each(allDocs(PAGE))('page index on $name', ({ doc }) => {
  it('finds every wanted element and nothing else (not SVG or MathML look-alikes)', () => {
    expect(describeIndex(doc)).toEqual(EXPECTED);
  });

  it('finds the same when the document cannot create elements (tag names read instead)', () => {
    const own = doc as Document & { createElementNS: unknown };
    own.createElementNS = () => {
      throw new Error('not here');
    };
    try {
      expect(describeIndex(doc)).toEqual(EXPECTED);
    } finally {
      delete (own as { createElementNS?: unknown }).createElementNS;
    }
  });
});

describe('page index and prototypes', () => {
  it("an SVG icon's <title> is never the page's title, even when the page has none", () => {
    for (const { doc } of allDocs(
      '<html><body><svg><title>Search</title></svg><h1>T</h1></body></html>',
    ))
      expect(describeIndex(doc).title).toBeUndefined();
  });

  it('passes over SVG and MathML subtrees, and reads on after them at any depth', () => {
    // HTML inside an SVG foreignObject or a MathML mtext is part of the drawing or the formula.
    const html =
      '<html><body><div><p><svg><foreignObject><b>Title</b><h2>In a drawing</h2></foreignObject>' +
      '<svg><title>Inner</title></svg></svg></p></div><h1>After the drawing</h1>' +
      '<section><math><mtext><strong>x</strong></mtext></math></section>' +
      '<div><div><svg></svg></div></div><dl><dt>DOI</dt></dl>' +
      '<p><svg><g><path/></g></svg></p></body></html>';
    for (const { name, doc } of allDocs(html))
      expect({ name, ...describeIndex(doc) }).toMatchObject({
        name,
        headings: ['h1'],
        labels: ['dt'],
      });
  });

  it("passes over the page's navigation and drop-down lists, and reads on after them", () => {
    // A menu's headings and bold runs, and a breadcrumb's microdata, are the site's, not the work's.
    const html =
      '<html><body><header><nav><h2>Sections</h2><b>Journals</b><ol itemscope>' +
      '<li itemprop="itemListElement"><meta itemprop="position" content="1"></li></ol></nav>' +
      '<h1>The work</h1></header><form><select><option>Title</option></select>' +
      '<label>Search</label></form><main><nav><div><h3>Contents</h3></div></nav>' +
      '<h2>Abstract</h2><table><tr><th>DOI</th></tr></table></main></body></html>';
    for (const { name, doc } of allDocs(html))
      expect({ name, ...describeIndex(doc) }).toMatchObject({
        name,
        meta: [],
        headings: ['h1', 'h2'],
        labels: ['label', 'th'],
      });
  });

  it('a customized built-in cell (<td is="…">) is still a label cell', () => {
    const dom = new JSDOM('<html><body></body></html>');
    const { window } = dom;
    class Cell extends window.HTMLTableCellElement {}
    window.customElements.define('x-cell', Cell, { extends: 'td' });
    const d = window.document;
    const row = d.body.appendChild(d.createElement('table')).appendChild(d.createElement('tr'));
    const cell = row.appendChild(d.createElement('td', { is: 'x-cell' }));
    cell.textContent = 'Title';
    row.appendChild(d.createElement('td')).textContent = 'A study';
    expect(Object.getPrototypeOf(cell)).toBe(Cell.prototype);
    expect(describeIndex(window.document).labels).toEqual(['td', 'td']);
  });

  it('reads the prototypes once per realm, and every realm (window) for itself', () => {
    const { window } = new JSDOM(PAGE);
    expect(describeIndex(window.document)).toEqual(EXPECTED);
    // Another document of the same realm: one element created (to know the realm), not one per tag.
    const again = new window.DOMParser().parseFromString(PAGE, 'text/html');
    const create = vi.spyOn(again, 'createElementNS');
    expect(describeIndex(again)).toEqual(EXPECTED);
    expect(create).toHaveBeenCalledTimes(1);
    // A new window has prototypes of its own: the first realm's map says nothing about them.
    expect(describeIndex(new JSDOM(PAGE).window.document)).toEqual(EXPECTED);
  });
});
