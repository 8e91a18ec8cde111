import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../utils/extract/index';
import { siteExtractors } from '../utils/extract/sites/index';
import { quickCheck } from '../utils/quick-check';
import { parseHtml } from '../tools/parse-html';

function doc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
const at = (u: string) => new URL(u);

describe('quickCheck (the detector content script)', () => {
  it('says maybe for Highwire and PRISM metadata', () => {
    expect(
      quickCheck(doc('<meta name="citation_title" content="X">'), at('https://j.example/a')),
    ).toBe('maybe');
    expect(
      quickCheck(doc('<meta name="prism.doi" content="10.1/x">'), at('https://j.example/a')),
    ).toBe('maybe');
    expect(
      quickCheck(
        doc('<meta name="prism.publicationName" content="J. Example">'),
        at('https://j.example/a'),
      ),
    ).toBe('maybe');
  });

  it("says no for a news site's PRISM sections and channels", () => {
    const news =
      '<meta name="prism.channel" content="cn"><meta name="prism.section" content="politics">' +
      '<meta name="prism.subsection1" content=""><meta name="prism.aggregationType" content="subsection">' +
      '<meta property="og:type" content="article">';
    expect(quickCheck(doc(news), at('https://coastline.example/politics/ferry-vote'))).toBe('no');
  });

  it('says maybe for scholarly JSON-LD but not for a blog post', () => {
    const scholarly =
      '<script type="application/ld+json">{"@type":"ScholarlyArticle","name":"X"}</script>';
    const blog =
      '<script type="application/ld+json">{"@type":"BlogPosting","headline":"X"}</script>';
    expect(quickCheck(doc(scholarly), at('https://j.example/a'))).toBe('maybe');
    expect(quickCheck(doc(blog), at('https://blog.example/a'))).toBe('no');
  });

  it('reads JSON-LD types in every form the extractor does, and an Article that names a DOI', () => {
    const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
    for (const type of [
      'schema:ScholarlyArticle',
      'https://schema.org/Thesis',
      'MedicalScholarlyArticle',
    ])
      expect(quickCheck(doc(ld(`{"@type":"${type}","name":"X"}`)), at('https://r.example/1'))).toBe(
        'maybe',
      );
    const article = '{"@type":"Article","headline":"X","sameAs":"https://doi.org/10.1234/abc"}';
    expect(quickCheck(doc(ld(article)), at('https://r.example/1'))).toBe('maybe');
    // A news article and a report of the news (not a Report) are posts.
    for (const type of ['NewsArticle', 'ReportageNewsArticle'])
      expect(
        quickCheck(
          doc(ld(`{"@type":"${type}","headline":"X","sameAs":"https://doi.org/10.1/x"}`)),
          at('https://news.example/1'),
        ),
      ).toBe('no');
  });

  it('says maybe for a Report, Chapter or Dataset only as the record of a work', () => {
    const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
    const url = at('https://r.example/1');
    for (const type of ['Dataset', 'schema:Report', 'https://schema.org/Chapter']) {
      // A news site's analytics (NBC News) call themselves a Dataset.
      const bare = `{"@type":"${type}","name":"additionalTaxonomy","description":"analytics"}`;
      expect(quickCheck(doc(ld(bare)), url), type).toBe('no');
      const dated = `{"@type":"${type}","name":"X","creator":{"name":"A B"},"datePublished":"2021"}`;
      expect(quickCheck(doc(ld(dated)), url), type).toBe('maybe');
      const doi = `{"@type":"${type}","name":"X","identifier":"https://doi.org/10.5281/zenodo.1"}`;
      expect(quickCheck(doc(ld(doi)), url), type).toBe('maybe');
    }
  });

  it('says maybe on scholarly hosts, including legacy PubMed paths', () => {
    expect(quickCheck(doc(''), at('https://arxiv.org/abs/1706.03762'))).toBe('maybe');
    expect(quickCheck(doc(''), at('https://www.ncbi.nlm.nih.gov/pubmed/12345'))).toBe('maybe');
    expect(quickCheck(doc(''), at('https://www.ncbi.nlm.nih.gov/gene/'))).toBe('no');
  });

  it('says maybe for works marked up as schema.org microdata (a bibliography)', () => {
    const item =
      '<li itemscope itemtype="https://schema.org/ScholarlyArticle"><span itemprop="name">X</span></li>';
    expect(quickCheck(doc(`<ul>${item}${item}</ul>`), at('https://people.example/pubs'))).toBe(
      'maybe',
    );
    // Every type the extractor lists as a work (utils/extract/listing.ts), in any case.
    for (const type of ['Thesis', 'report', 'Chapter', 'MedicalScholarlyArticle'])
      expect(
        quickCheck(
          doc(`<div itemscope itemtype="http://schema.org/${type}"></div>`),
          at('https://people.example/theses'),
        ),
      ).toBe('maybe');
    expect(
      quickCheck(
        doc('<div itemscope itemtype="https://schema.org/Product"></div>'),
        at('https://shop.example/'),
      ),
    ).toBe('no');
  });

  it('says maybe for a record labelled with its title and authors (a conference splash page)', () => {
    const splash =
      '<h1>PoS(LATTICE 2013)001</h1><div><em>Title</em> <strong>Heavy Flavour Physics Review</strong></div>' +
      '<div><em>Conference</em> <strong>LATTICE 2013</strong></div><div><em>Authors</em> <div>A. El-Khadra</div></div>';
    expect(quickCheck(doc(splash), at('https://proceedings.example/187/001'))).toBe('maybe');
    // German repositories: "Titel", "Autor(en)".
    const record =
      '<table><tr><th>Titel</th><td>Gezeitenfenster und Liegeplätze</td></tr>' +
      '<tr><th>Autor(en)</th><td>Okafor, Adaeze</td></tr><tr><th>Erscheinungsjahr</th><td>2019</td></tr></table>';
    expect(quickCheck(doc(record), at('https://repositorium.example/item/1'))).toBe('maybe');
    // A title label alone is any form or table.
    expect(
      quickCheck(doc('<label>Title</label><input><p>Some text.</p>'), at('https://x.example/')),
    ).toBe('no');
  });

  it('tells one COinS span (the page’s work) from a wiki’s dozens', () => {
    const one = '<span class="Z3988" title="ctx_ver=Z39.88-2004"></span>';
    expect(quickCheck(doc(one), at('https://x.example/'))).toBe('maybe');
    expect(quickCheck(doc(one.repeat(12)), at('https://wiki.example/'))).toBe('no');
  });

  it('recognises a paper summary page by its section headings', () => {
    const page = '<h1>T</h1><h2>Summary</h2><p>..</p><h2>Key Terms</h2><h2>Citation Network</h2>';
    expect(quickCheck(doc(page), at('https://summaries.example/p/1'))).toBe('maybe');
    expect(quickCheck(doc('<h1>T</h1><h2>Summary</h2>'), at('https://news.example/'))).toBe('no');
  });

  it('recognises metadata-less records by a DOI near the top or record labels', () => {
    const journal = '<h1>Ribs</h1><p>Taylor and Wedel</p><p>doi:10.4202/app.01105.2023</p>';
    expect(quickCheck(doc(journal), at('https://small-journal.example/a'))).toBe('maybe');
    const record =
      '<table><tr><td>Author</td><td>X</td></tr><tr><td>Document type</td><td>Thesis</td></tr><tr><td>Keywords (EN)</td><td>k</td></tr></table>';
    expect(quickCheck(doc(record), at('https://repo.example/r/1'))).toBe('maybe');
  });

  it('ignores DOIs deep in long pages and reference-list labels', () => {
    const filler = `<p>${'word '.repeat(3000)}</p>`;
    const news = `<h1>News</h1>${filler}<p>doi:10.1038/s41586-020-0001-1</p>`;
    expect(quickCheck(doc(news), at('https://news.example/story'))).toBe('no');
    const wiki = '<ol><li>doi</li><li>PMID</li><li>ISBN</li><li>ISSN</li><li>Published</li></ol>';
    expect(quickCheck(doc(wiki), at('https://wiki.example/t-SNE'))).toBe('no');
  });

  it('never looks at non-web pages', () => {
    expect(
      quickCheck(doc('<meta name="citation_title" content="X">'), at('file:///tmp/x.html')),
    ).toBe('no');
  });
});

describe('quickCheck on summary pages without headings', () => {
  it('recognises labelled div sections', () => {
    const page = new DOMParser().parseFromString(
      '<div class="t">Paper</div><div class="label">Key Terms</div><span>ml (0.2)</span><div class="label">Citation Network</div>',
      'text/html',
    );
    expect(quickCheck(page, new URL('https://summaries.example/p/2'))).toBe('maybe');
  });

  it('recognises section labels that carry a count ("Citation Network (12)")', () => {
    const page = new DOMParser().parseFromString(
      '<div class="t">Paper</div><div class="label">Key Terms (8)</div><span>ml (0.2)</span><div class="label">Citation Network (12)</div>',
      'text/html',
    );
    expect(quickCheck(page, new URL('https://summaries.example/p/3'))).toBe('maybe');
  });
});

describe('quickCheck on pages that declare themselves posts', () => {
  it('does not read the text of a news item or blog post', () => {
    const post = (head: string) =>
      new DOMParser().parseFromString(
        `<head>${head}</head><h1>News</h1><p>doi:10.1038/s41586-020-0001-1</p>`,
        'text/html',
      );
    const url = new URL('https://news.example/story');
    expect(quickCheck(post('<meta property="og:type" content="article">'), url)).toBe('no');
    expect(
      quickCheck(post('<script type="application/ld+json">{"@type":"NewsArticle"}</script>'), url),
    ).toBe('no');
    expect(quickCheck(post(''), url)).toBe('maybe');
  });
});

describe('quickCheck on Dublin Core metadata', () => {
  const url = new URL('https://docs.example/drafts/remote-storage-04');
  const withHead = (head: string, body = '<h1>A title</h1><p>Text.</p>') =>
    doc(`<head>${head}</head><body>${body}</body>`);

  it('says no for an RFC-style draft whose DC tags are not scholarly', () => {
    // Modelled on IETF draft pages: DC identifier is a URN, creators and date, an "Abstract" heading.
    const draft = withHead(
      '<meta name="DC.Identifier" content="urn:ietf:id:example-remote-storage">' +
        '<meta name="DC.Creator" content="Doe, J."><meta name="DC.Date.Issued" content="2014-12-15">' +
        '<meta name="DC.Title" content="remote storage">',
      '<pre>Internet-Draft    remote storage</pre><h2>Abstract</h2><p>This draft defines a protocol.</p>' +
        '<h2>Status of This Memo</h2><p>This Internet-Draft is submitted in full conformance.</p>',
    );
    expect(quickCheck(draft, url)).toBe('no');
    // Dublin Core tags of a CMS theme or a government page say nothing scholarly either.
    const cms = withHead(
      '<meta name="dcterms.title" content="Opening hours"><meta name="dcterms.modified" content="2024-01-01">',
    );
    expect(quickCheck(cms, url)).toBe('no');
    // A news site's DC record: title, creator and the DCMI type "Text.Article" (the extractor reads
    // it as no paper either, tests/extract/core/pipeline.test.ts).
    for (const type of ['Text.Article', 'article']) {
      const news = withHead(
        '<meta name="dc.creator" content="Maria Oduya"><meta name="dc.title" content="Ferry vote">' +
          `<meta name="dc.type" content="${type}"><meta property="og:type" content="article">`,
      );
      expect(quickCheck(news, url)).toBe('no');
    }
  });

  it('says maybe for DC tags that name a DOI, a scholarly type or a citation', () => {
    const publisher = (tags: string) =>
      quickCheck(withHead(tags), new URL('https://pubs.example/a'));
    expect(publisher('<meta name="dc.Identifier" scheme="doi" content="10.1021/x12345">')).toBe(
      'maybe',
    );
    expect(publisher('<meta name="dc.identifier" content="doi:10.1038/nmat2493">')).toBe('maybe');
    expect(publisher('<meta name="DC.Identifier.DOI" content="10.5555/ojs.1">')).toBe('maybe');
    expect(publisher('<meta name="DC.type" content="Thesis (PhD)">')).toBe('maybe');
    expect(publisher('<meta name="dc.type" content="OriginalPaper">')).toBe('maybe');
    expect(publisher('<meta name="dc.type" content="research-article">')).toBe('maybe');
    expect(publisher('<meta name="dc.type" content="Journal Article">')).toBe('maybe');
    expect(publisher('<meta name="DCTERMS.bibliographicCitation" content="J. X 1 (2020)">')).toBe(
      'maybe',
    );
    expect(publisher('<meta name="DC.citation.volume" content="12">')).toBe('maybe');
    // Repository records also carry EPrints or Highwire tags next to DC.
    expect(
      publisher(
        '<meta name="DC.identifier" content="https://r.example/1"><meta name="eprints.type" content="article">',
      ),
    ).toBe('maybe');
  });
});

describe('quickCheck reads the page address from a URL or a Location', () => {
  it('accepts any object with protocol, hostname and pathname', () => {
    const address = { protocol: 'https:', hostname: 'www.nature.com', pathname: '/articles/x' };
    expect(quickCheck(doc(''), address)).toBe('maybe');
    expect(quickCheck(doc(''), { ...address, hostname: 'scholar.google.co.jp' })).toBe('maybe');
    expect(quickCheck(doc(''), { ...address, hostname: 'notnature.com' })).toBe('no');
    expect(
      quickCheck(doc(''), {
        ...address,
        hostname: 'www.ncbi.nlm.nih.gov',
        pathname: '/pmc/articles/PMC1/',
      }),
    ).toBe('maybe');
    expect(
      quickCheck(doc(''), { ...address, hostname: 'www.ncbi.nlm.nih.gov', pathname: '/pmcx' }),
    ).toBe('no');
  });
});

describe('quickCheck record labels', () => {
  it('matches a label followed by a short qualifier, not a sentence that starts like one', () => {
    const url = new URL('https://repo.example/r/2');
    const record = (rows: string[]) =>
      doc(`<table>${rows.map((r) => `<tr><td>${r}</td><td>x</td></tr>`).join('')}</table>`);
    expect(quickCheck(record(['Author(s):', 'Keywords (EN)', 'Publication date:']), url)).toBe(
      'maybe',
    );
    expect(quickCheck(record(['Authorship', 'Keywordsearch', 'Publishers']), url)).toBe('no');
    expect(quickCheck(record(['Abstract. This is a sentence', 'Journal', 'Volume']), url)).toBe(
      'no',
    );
  });

  it('counts two summary-page section labels given as headings, nested or not', () => {
    const page = doc('<h2><span>Abstract</span></h2><p>x</p><h3>Cited by:</h3><p>y</p>');
    expect(quickCheck(page, new URL('https://summaries.example/p/3'))).toBe('maybe');
    const notHeadings = doc('<p>Abstract</p><p>Cited by</p>');
    expect(quickCheck(notHeadings, new URL('https://summaries.example/p/4'))).toBe('no');
  });
});

describe('the detector and the extractor agree', () => {
  // Every committed page the extractor reads as one paper, wherever it is served: the detector must
  // let it through, or the extension never loads the extractor there and shows no panel.
  const dirs = ['tests/fixtures/extract/core', 'tests/fixtures/extract/sites', 'tests/e2e/pages'];
  const pages = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(dir, f)),
  );
  it.each(pages)('%s', (file) => {
    const html = readFileSync(file, 'utf8');
    const url = 'https://unlisted-host.example/record/1';
    if (extractPage(parseHtml(html), url).kind !== 'paper') return;
    expect(quickCheck(parseHtml(html), new URL(url))).toBe('maybe');
  });
});

describe('the detector and the extractor agree on lists of works', () => {
  // A committed page the extractor reads as a listing at an address that says so: the detector must
  // let it through, or the badge never shows how many works the page lists.
  const dir = 'tests/fixtures/extract/core';
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
  const urls = [
    'https://journals.unlisted.example/index.php/jce/issue/view/57',
    'https://library.unlisted.example/find?q=tidal+flats',
  ];
  it.each(pages)('%s', (file) => {
    const html = readFileSync(file, 'utf8');
    for (const url of urls) {
      if (extractPage(parseHtml(html), url).kind !== 'listing') continue;
      expect(quickCheck(parseHtml(html), new URL(url)), url).toBe('maybe');
    }
  });
  it('an issue page of a journal no host rule knows is one of them', () => {
    const html = readFileSync(join(dir, 'journal-issue-toc.html'), 'utf8');
    expect(extractPage(parseHtml(html), urls[0]!).kind).toBe('listing');
  });
  it('a listing address alone, or linked titles alone, are not enough', () => {
    const titles = '<h3><a href="/a/1">One work</a></h3><h3><a href="/a/2">Another work</a></h3>';
    const at = (url: string, body: string) => quickCheck(doc(body), new URL(url));
    expect(at('https://site.example/issue/5', '<h3><a href="/a/1">One work</a></h3>')).toBe('no');
    expect(at('https://site.example/2021/05/post', titles)).toBe('no');
    expect(at('https://site.example/issue/5', titles)).toBe('maybe');
    expect(at('https://site.example/find?query=x', titles)).toBe('maybe');
  });
});

describe('the detector lets through every address a site extractor reads', () => {
  const empty = '<html><head></head><body></body></html>';
  const urls = siteExtractors.flatMap((ex) =>
    ex.testUrls.filter((u) => ex.matches(new URL(u))).map((u) => [ex.id, u] as const),
  );
  it.each(urls)('%s: %s', (_id, u) => {
    expect(quickCheck(parseHtml(empty), new URL(u))).toBe('maybe');
  });

  it('and the same addresses behind a library proxy, as the extractors read them', () => {
    for (const [id, u] of urls) {
      const url = new URL(u);
      const ex = siteExtractors.find((e) => e.id === id)!;
      for (const host of [
        `${url.hostname}.ezproxy.lib.example.edu`,
        `${url.hostname.replace(/\./g, '-')}.proxy.example.edu`,
      ]) {
        const proxied = new URL(u);
        proxied.hostname = host;
        if (!ex.matches(proxied)) continue;
        expect(quickCheck(parseHtml(empty), proxied), proxied.href).toBe('maybe');
      }
    }
  });
});
