import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { listingHints, listingWorks } from '../../../utils/extract/listing';
import { docs, fixture, linkedomDoc } from './helpers';

describe.each(docs(fixture('listing-results.html')))(
  'a search results page on $name',
  ({ doc }) => {
    const r = extractPage(doc, 'https://scholar.example/search?q=graphene');
    it('is a listing with the works it shows', () => {
      expect(r.kind).toBe('listing');
      expect(r.detected).toBe(false);
      expect(r.paper).toBeUndefined();
      expect(r.works?.map((w) => w.title)).toEqual([
        'The rise of graphene',
        'Electric field effect in atomically thin carbon films',
        'Graphene',
      ]);
    });
    it('reads authors, year, links and DOIs of each work', () => {
      const [first, second, third] = r.works ?? [];
      expect(first?.authors.map((a) => a.family)).toEqual(['Geim', 'Novoselov']);
      expect(first?.year).toBe(2007);
      expect(first?.url).toBe('https://scholar.example/paper/1');
      expect(second?.year).toBe(2004);
      expect(third?.doi).toBe('10.5555/x.3');
    });
  },
);

describe.each(docs(fixture('journal-issue-toc.html')))(
  "a journal issue's table of contents on $name",
  ({ doc }) => {
    const r = extractPage(doc, 'https://journals.example.edu/index.php/jce/issue/view/57');
    it('lists each article with its link and its authors, one line per block under it', () => {
      expect(r.kind).toBe('listing');
      expect(r.works?.map((w) => [w.title, w.url?.replace(/^.*\/view\//, '')])).toEqual([
        ['Seagrass recovery after dredging in shallow lagoons', '401'],
        ['Tidal flats as carbon stores: a ten-year record', '402'],
        ['Salt marsh birds and the timing of spring tides', '403'],
      ]);
      expect(r.works?.map((w) => w.authors.map((a) => a.family))).toEqual([
        ['Lopes', 'de Vries'],
        ['Sato'],
        ['Price', 'Adeyemi', 'Holm'],
      ]);
    });
  },
);

describe('listing hints', () => {
  it('come from the address or the title', () => {
    const doc = linkedomDoc(
      '<html><head><title>Table of contents : Example Journal</title></head></html>',
    );
    expect(listingHints(doc, new URL('https://journal.example/issue/5'))).toBe(true);
    expect(listingHints(doc, new URL('https://journal.example/x'))).toBe(true);
    const plain = linkedomDoc('<html><head><title>My blog</title></head></html>');
    expect(listingHints(plain, new URL('https://blog.example/2020/post'))).toBe(false);
  });
  it('a blog post whose title says "search" is not a listing of its related posts', () => {
    for (const { doc } of docs(fixture('blog-search-tutorial.html'))) {
      const url = 'https://devnotes.example/2021/full-text-search';
      expect(listingHints(doc, new URL(url))).toBe(true);
      expect(extractPage(doc, url).kind).toBe('none');
    }
  });
  it('titles that link into the page itself are not works', () => {
    const block = (id: string, href: string) =>
      `<div class="item"><h3><a href="${href}">Section about ${id} things</a></h3>` +
      `<div class="by">Ann Smith, Bob Jones - Some Journal, 2020</div></div>`;
    const page = (hrefs: string[]) =>
      linkedomDoc(
        `<html><head><title>Contents</title></head><body>${hrefs
          .map((h, i) => block(String(i), h))
          .join('')}</body></html>`,
      );
    const url = new URL('https://notes.example/guide?x=1#top');
    const inPage = ['#a', 'https://notes.example/guide?x=1#b', '?x=1#c'];
    expect(listingWorks(page(inPage), url)).toEqual([]);
    const away = [
      '/paper/1',
      'https://notes.example/guide?x=2#b',
      'https://other.example/guide?x=1',
    ];
    expect(listingWorks(page(away), url).map((w) => w.url)).toEqual([
      'https://notes.example/paper/1',
      'https://notes.example/guide?x=2#b',
      'https://other.example/guide?x=1',
    ]);
  });
  it('needs at least half of the works to name authors or a DOI', () => {
    const item = (i: number, line: string) =>
      `<div class="result"><h3 class="t"><a href="/w/${i}">Work number ${i} of the list</a></h3><div>${line}</div></div>`;
    const page = (lines: string[]) =>
      linkedomDoc(
        `<html><head><title>Search results</title></head><body>${lines
          .map((l, i) => item(i, l))
          .join('')}</body></html>`,
      );
    const url = new URL('https://lib.example/search?q=x');
    const dated = 'May 20, 2019 · 8 min read';
    expect(listingWorks(page([dated, dated, dated]), url)).toEqual([]);
    expect(listingWorks(page(['Ann Smith - Nature, 2019', dated, dated]), url)).toEqual([]);
    const works = listingWorks(page(['Ann Smith - Nature, 2019', 'doi:10.5555/abc.1', dated]), url);
    expect(works.map((w) => [w.authors.length, w.doi])).toEqual([
      [1, undefined],
      [0, '10.5555/abc.1'],
      [0, undefined],
    ]);
  });
  it('a blog post is not a listing', () => {
    const r = extractPage(
      linkedomDoc(fixture('encyclopedia.html')),
      'https://en.wikipedia.example/wiki/T-SNE',
    );
    expect(r.kind).toBe('none');
  });
});

describe.each(docs(fixture('bibliography-microdata.html')))(
  'a bibliography marked up as schema.org items on $name',
  ({ doc }) => {
    const r = extractPage(doc, 'https://people.example.edu/~jqr/publications');
    it('is a listing of its works, though neither its address nor its title says so', () => {
      expect(r.kind).toBe('listing');
      expect(r.works?.map((w) => w.title)).toEqual([
        'Learning sparse graphs from few samples',
        'Fast spectral clustering',
        'A note on graph sparsifiers',
      ]);
    });
    it("reads each work's own authors, year, venue, DOI and link", () => {
      const [first, second, third] = r.works ?? [];
      expect(first?.authors).toEqual([
        { given: 'Jane Q.', family: 'Researcher' },
        { given: 'Bob', family: 'Smith' },
      ]);
      expect([first?.year, first?.venue, first?.doi]).toEqual([
        2023,
        'J. Mach. Learn. Res.',
        '10.5555/jmlr.2023.1',
      ]);
      // Its links to authors and to the journal are not its link; its DOI is.
      expect(first?.url).toBe('https://doi.org/10.5555/jmlr.2023.1');
      expect([second?.year, second?.venue, second?.url]).toEqual([
        2022,
        'ICML',
        'https://proceedings.example/v1/r22.html',
      ]);
      expect(third?.authors.map((a) => a.family)).toEqual(['Ng', 'Researcher']);
      expect(third?.year).toBe(2021);
    });
  },
);

describe.each(docs(fixture('jsonld-issue-list.html')))(
  'a table of contents listed in JSON-LD on $name',
  ({ doc }) => {
    const r = extractPage(doc, 'https://quietseas.example/issues/12/3');
    it('is a listing of its works, not a paper about the first one', () => {
      expect(r.kind).toBe('listing');
      expect(r.works).toEqual([
        {
          title: 'Reef fish communities are spooked by scuba surveys',
          authors: [
            { given: 'Ana', family: 'Costa' },
            { given: 'Min', family: 'Lee' },
          ],
          year: 2018,
          doi: '10.5555/reef.2018',
          url: 'https://quietseas.example/articles/4886',
        },
        {
          title: 'Tidal pools as nurseries',
          authors: [{ given: 'Jo', family: 'Park' }],
          year: 2018,
          url: 'https://quietseas.example/articles/4890',
        },
      ]);
    });
    it('lists only members that are works as the page itself would be (not bare datasets)', () => {
      const item = (name: string, extra: string) =>
        `{"@type":"ListItem","item":{"@type":"Dataset","name":"${name}","url":"/d/${name.length}"${extra}}}`;
      const page = (extra: string) =>
        '<html><head><title>Data catalogue</title><script type="application/ld+json">' +
        `{"@type":"ItemList","itemListElement":[${item('Monthly sales', extra)},${item('Weekly visits', extra)}]}` +
        '</script></head><body><h1>Data catalogue</h1></body></html>';
      const url = 'https://data.example/catalogue?q=sales';
      for (const { doc } of docs(page(''))) expect(extractPage(doc, url).kind).toBe('none');
      const record = ',"creator":"Ana Costa","datePublished":"2021-03-01"';
      for (const { doc } of docs(page(record))) expect(extractPage(doc, url).kind).toBe('listing');
    });
  },
);

describe('one schema.org work item', () => {
  it('is not a listing (an article page marked up as one item)', () => {
    const doc = linkedomDoc(
      '<html><head><title>A page</title></head><body><div itemscope itemtype="http://schema.org/ScholarlyArticle"><h1 itemprop="headline">Only one work here</h1></div></body></html>',
    );
    expect(extractPage(doc, 'https://site.example/a').kind).toBe('none');
  });
});
