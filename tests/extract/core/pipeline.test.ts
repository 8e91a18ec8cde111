import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractPage, knownFields } from '../../../utils/extract/index';
import { mergeDrafts, pickIssued } from '../../../utils/extract/merge';
import { siteExtractors } from '../../../utils/extract/sites/index';
import { readVisiblePage } from '../../../utils/extract/sources/page';
import type { SiteExtractor } from '../../../utils/extract/types';
import { docs, fixture, linkedomDoc } from './helpers';

const U = 'https://pubs.example.org/doi/abs/10.5555/xyz.1';

describe.each(docs(fixture('highwire-journal.html')))('a journal page on $name', ({ doc }) => {
  const r = extractPage(doc, 'https://quietseas.example/articles/4886');
  it('is a paper with provenance for every field', () => {
    expect(r.kind).toBe('paper');
    expect(r.detected).toBe(true);
    const p = r.paper!;
    expect(p.title).toBe('Reef fish communities are spooked by scuba surveys');
    expect(p.sources.title).toBe('highwire');
    expect(p.sources.authors).toBe('highwire');
    expect(p.url).toBe('https://quietseas.example/articles/4886');
    for (const [field, value] of Object.entries(p)) {
      if (field === 'sources' || field === 'keyTermsComputed' || value === undefined) continue;
      if (Array.isArray(value) && value.length === 0) continue;
      expect(p.sources, field).toHaveProperty(field);
    }
  });
  it('computes key terms when the page has none', () => {
    const p = r.paper!;
    expect(p.keyTermsComputed).toBe(true);
    expect(p.sources.keyTerms).toBe('computed');
    for (const t of p.keyTerms) expect(t.weight).toBeGreaterThan(0);
  });
  it('never takes the og:description teaser as the abstract', () => {
    expect(r.paper?.abstract).toMatch(/^Underwater visual surveys/);
  });
});

describe.each(docs(fixture('jsonld-scholarly.html')))(
  'JSON-LD over Highwire on $name',
  ({ doc }) => {
    const p = extractPage(doc, 'https://link.example/article/10.1007/BF02727953').paper!;
    it('takes the title and the whole author list from JSON-LD', () => {
      expect(p.sources.title).toBe('jsonld');
      expect(p.authors.map((a) => a.family)).toEqual(['Leinaas', 'Myrheim']);
      expect(p.sources.authors).toBe('jsonld');
    });
    it('dates the work by its earliest year, not the 2007 online deposit', () => {
      expect(p.year).toBe(1977);
      expect(p.issued).toEqual({ date: '1977-01', precision: 'month' });
      expect(p.sources.issued).toBe('highwire');
    });
  },
);

describe.each(docs(fixture('aggregator-wrapped.html')))(
  'an aggregator page on $name',
  ({ doc }) => {
    it('gives the abstract without the "PDF | … | Find, read and cite …" wrapper', () => {
      const p = extractPage(doc, 'https://research.example/publication/123').paper!;
      expect(p.abstract).toBe(
        'We compare deep learning models for crop yield prediction on county-level data and show that recurrent models outperform tree ensembles when weather series are long.',
      );
    });
  },
);

describe.each(docs(fixture('aggregator-notice.html')))(
  "an aggregator page without the work's text on $name",
  ({ doc }) => {
    it('has no abstract rather than the notice that the work was published', () => {
      const r = extractPage(doc, 'https://research.example/publication/124');
      expect(r.kind).toBe('paper');
      expect(r.paper?.abstract).toBeUndefined();
      expect(r.paper?.sources.abstract).toBeUndefined();
    });
  },
);

describe.each(docs(fixture('blog-about-paper.html')))(
  'a blog post about a paper on $name',
  ({ doc }) => {
    it('is not a paper, though it shows a title, byline, abstract and DOI', () => {
      expect(extractPage(doc, 'https://blog.example/2024/attention').kind).toBe('none');
    });
    it('would be one without its article tags, with the byline read without "By"', () => {
      for (const m of Array.from(doc.querySelectorAll('meta[property^="article:"]'))) m.remove();
      const r = extractPage(doc, 'https://blog.example/2024/attention');
      expect(r.kind).toBe('paper');
      expect(r.paper?.authors).toEqual([{ given: 'Jane', family: 'Doe' }]);
    });
  },
);

describe.each(docs(fixture('dublincore-dirty.html')))('a Dublin Core page on $name', ({ doc }) => {
  it('is a paper with a visible abstract preferred over meta descriptions', () => {
    const r = extractPage(doc, 'https://pubs.example.org/doi/full/10.1021/jp003647e');
    expect(r.kind).toBe('paper');
    expect(r.paper?.abstract).toMatch(/^The Heisenberg Hamiltonian/);
    expect(r.paper?.sources.abstract).toBe('page');
    expect(r.paper?.authors).toHaveLength(3);
  });
});

describe.each(docs(fixture('labelled-record.html')))(
  'a repository record without meta on $name',
  ({ doc }) => {
    it('is a paper from its labelled fields, without the examiner', () => {
      const r = extractPage(doc, 'http://repository.example/titleinfo/1314397');
      expect(r.kind).toBe('paper');
      expect(r.paper?.authors).toEqual([{ given: 'Robin', family: 'Glattauer' }]);
    });
  },
);

describe.each(docs(fixture('visible-only.html')))(
  'a page with visible metadata only on $name',
  ({ doc }) => {
    it('is a paper; the footer DOI is not its DOI', () => {
      const r = extractPage(doc, 'https://acta.example/article/item/app011052023.html');
      expect(r.kind).toBe('paper');
      expect(r.paper?.doi).toBe('10.5555/app.01105.2023');
    });
  },
);

describe('pages that are not papers', () => {
  it.each([
    ['news-with-citation-meta.html', 'https://news.example/articles/d41586-020-02610-z'],
    ['encyclopedia.html', 'https://en.wikipedia.example/wiki/T-SNE'],
    ['standards-draft.html', 'https://tools.example/html/draft-example-remotestorage-04'],
    ['interstitial.html', 'https://pubs.example.org/doi/abs/10.1021/jp003647e'],
    // JSON-LD that names a scholarly type without describing the page's own work.
    ['jsonld-news-analytics-dataset.html', 'https://news.example/us-news/no-charges-n1252739'],
    ['jsonld-post-about-paper.html', 'https://fieldnotes.example/2024/03/reef-survey'],
    // Dublin Core title, creator and the DCMI type "Text.Article": a news site's article.
    ['news-dublincore-article.html', 'https://coastline.example/local/harbour-ferry-vote'],
  ])('%s is none', (file, url) => {
    for (const { doc } of docs(fixture(file))) {
      const r = extractPage(doc, url);
      expect(r.kind).toBe('none');
      expect(r.detected).toBe(false);
      expect(r.paper).toBeUndefined();
    }
  });
});

describe('Dublin Core types', () => {
  const page = (type: string) =>
    fixture('news-dublincore-article.html').replace('content="Text.Article"', `content="${type}"`);
  const url = 'https://records.example/item/4471';

  it.each([
    'research-article',
    'Research article',
    'OriginalPaper',
    'Journal Article',
    'info:eu-repo/semantics/article',
    'Thesis (PhD)',
    'Preprint',
    'Technical Report',
  ])('a record typed "%s" with its title and creator is a paper', (type) => {
    for (const { doc } of docs(page(type))) expect(extractPage(doc, url).kind).toBe('paper');
  });

  it('any of its types counts, under either name', () => {
    const typed = (tags: string) =>
      fixture('news-dublincore-article.html').replace(
        /<meta name="dc.type"[^>]*>/,
        tags.replaceAll('><', '>\n<'),
      );
    for (const tags of [
      '<meta name="DC.type" content="Text"><meta name="DC.type" content="Journal Article">',
      '<meta name="dcterms.type" content="Text"><meta name="dcterms.type" content="Preprint">',
    ])
      for (const { doc } of docs(typed(tags))) expect(extractPage(doc, url).kind).toBe('paper');
  });

  it.each(['Text.Article', 'Article', 'Text', 'News'])(
    'one typed "%s" is not: every news item is an article',
    (type) => {
      for (const { doc } of docs(page(type))) expect(extractPage(doc, url).kind).toBe('none');
    },
  );
});

describe('JSON-LD types that need a record', () => {
  const html = fixture('jsonld-dataset-record.html');
  it.each(docs(html))('a dataset with its creators, date and DOI is a work on $name', ({ doc }) => {
    const r = extractPage(doc, 'https://data.example/records/123456');
    expect(r.kind).toBe('paper');
    expect(r.paper).toMatchObject({
      type: 'dataset',
      title: 'Ocean temperature profiles, 2020',
      authors: [
        { given: 'Ana', family: 'Costa' },
        { given: 'Min', family: 'Lee' },
      ],
      year: 2021,
      doi: '10.5555/data.123456',
    });
    expect(r.paper?.sources.type).toBe('jsonld');
  });
  it('one with neither a DOI nor its creators and date is not, as a report or chapter is not', () => {
    const bare = (type: string, extra = '') =>
      `<html><head><title>Monthly figures</title><script type="application/ld+json">` +
      `{"@context":"https://schema.org","@type":"${type}","name":"Monthly figures"${extra}}` +
      `</script></head><body><h1>Monthly figures</h1></body></html>`;
    const url = 'https://shop.example/figures';
    for (const type of ['Dataset', 'Report', 'Chapter']) {
      for (const { doc } of docs(bare(type))) expect(extractPage(doc, url).kind, type).toBe('none');
      // Creators without a date, or a date without creators, are not a record either.
      for (const extra of [',"creator":"Ana Costa"', ',"datePublished":"2021"'])
        for (const { doc } of docs(bare(type, extra)))
          expect(extractPage(doc, url).kind, type + extra).toBe('none');
      const record = ',"author":{"@type":"Person","name":"Ana Costa"},"datePublished":"2021-03-01"';
      for (const { doc } of docs(bare(type, record)))
        expect(extractPage(doc, url).kind, type + record).toBe('paper');
    }
  });
  it('a post is one whatever form its type is written in', () => {
    for (const type of ['schema:BlogPosting', 'https://schema.org/BlogPosting']) {
      const html = fixture('jsonld-post-about-paper.html').replace('"BlogPosting"', `"${type}"`);
      for (const { doc } of docs(html))
        expect(extractPage(doc, 'https://fieldnotes.example/2024/03/reef-survey').kind).toBe(
          'none',
        );
    }
  });
  it('a page that is about a work, and is not a post, describes that work', () => {
    const html = fixture('jsonld-post-about-paper.html').replace('"BlogPosting"', '"WebPage"');
    for (const { doc } of docs(html)) {
      const r = extractPage(doc, 'https://summaries.example/reef-survey');
      expect(r.kind).toBe('paper');
      expect(r.paper?.doi).toBe('10.5555/reef.2018');
    }
  });
});

describe.each(docs(fixture('jsonld-self-citation.html')))(
  'a page whose JSON-LD cites the article itself on $name',
  ({ doc }) => {
    const r = extractPage(doc, 'https://quietseas.example/articles/10.5555/fqs.2014.00781/full');
    it('has the references it prints, not its own DOI as one', () => {
      expect(r.paper?.doi).toBe('10.5555/fqs.2014.00781');
      expect(r.paper?.sources.references).toBe('page');
      expect(r.paper?.references.map((w) => [w.title, w.doi])).toEqual([
        ['The timing of conscious vision', '10.5555/jocn.00557'],
        ['Bayesian mediation analysis', '10.5555/a0016972'],
      ]);
      expect(r.paper?.references[1]?.authors).toEqual([
        { given: 'Y.', family: 'Yuan' },
        { given: 'D. P.', family: 'MacKinnon' },
      ]);
    });
  },
);

describe('other sources', () => {
  it('reads bepress and eprints pages', () => {
    for (const { doc } of docs(fixture('bepress.html'))) {
      const r = extractPage(doc, 'https://law.example/review/1');
      expect(r.kind).toBe('paper');
      expect(r.paper?.authors).toEqual([{ given: 'John', family: 'Doe' }]);
    }
    for (const { doc } of docs(fixture('eprints-record.html'))) {
      expect(extractPage(doc, 'https://eprints.example.ac.uk/1/').paper?.type).toBe('thesis');
    }
  });
  it('reads a Dublin Core record that names its authors as contributors (eLife)', () => {
    const head = (authors: string) =>
      '<html><head><meta name="dc.title" content="Parallel circuits in a small chordate">' +
      '<meta name="dc.identifier" content="doi:10.5555/elife.44">' +
      `<meta name="dc.date" content="2019-04-18">${authors}</head><body></body></html>`;
    const contributors =
      '<meta name="dc.contributor" content="Ann B Smith"><meta name="dc.contributor" content="Cezar Borba">';
    for (const { doc } of docs(head(contributors))) {
      const r = extractPage(doc, 'https://journal.example/articles/44');
      expect(r.kind).toBe('paper');
      expect(r.paper?.authors.map((a) => a.family)).toEqual(['Smith', 'Borba']);
      expect(r.paper?.doi).toBe('10.5555/elife.44');
    }
    // Without a DOI (or a scholarly type) contributors are not enough, as creators are not.
    for (const { doc } of docs(head(contributors).replace(/<meta name="dc.identifier"[^>]*>/, '')))
      expect(extractPage(doc, 'https://journal.example/articles/44').kind).toBe('none');
  });
  it('reads a DOI from the page address when the page gives none', () => {
    const html = fixture('dublincore-dirty.html');
    for (const { doc } of docs(html.replace(/<meta name="dc.Identifier" scheme="doi"[^>]*>/, ''))) {
      const r = extractPage(doc, U);
      expect(r.paper?.doi).toBe('10.5555/xyz.1');
      expect(r.paper?.sources.doi).toBe('url');
    }
  });
});

describe('site extractors', () => {
  const fake: SiteExtractor = {
    id: 'fake',
    testUrls: ['https://fake.example/paper/1'],
    matches: (url) => url.hostname === 'fake.example',
    extract: (_doc, _url, base) => ({
      draft: { title: `${base.title ?? ''} (corrected)`, abstract: undefined },
    }),
  };
  const lister: SiteExtractor = {
    id: 'lister',
    testUrls: ['https://list.example/search?q=x'],
    matches: (url) => url.hostname === 'list.example',
    extract: () => ({ draft: {}, kind: 'listing', works: [{ title: 'A', authors: [] }] }),
  };
  afterEach(() => {
    for (const ex of [fake, lister]) {
      const i = siteExtractors.indexOf(ex);
      if (i >= 0) siteExtractors.splice(i, 1);
    }
  });
  it('win over generic sources, record site:<id>, and can remove a field', () => {
    siteExtractors.push(fake);
    const doc = linkedomDoc(fixture('highwire-journal.html'));
    const p = extractPage(doc, 'https://fake.example/paper/1').paper!;
    expect(p.title).toMatch(/\(corrected\)$/);
    expect(p.sources.title).toBe('site:fake');
    expect(p.abstract).toBeUndefined();
    expect(p.sources.abstract).toBeUndefined();
  });
  it('can make a page a listing', () => {
    siteExtractors.push(lister);
    const doc = linkedomDoc('<html><head><title>Search</title></head><body></body></html>');
    expect(extractPage(doc, 'https://list.example/search?q=x')).toEqual({
      kind: 'listing',
      detected: false,
      works: [{ title: 'A', authors: [] }],
    });
  });
  it('a throwing extractor is skipped', () => {
    siteExtractors.push({
      ...fake,
      extract: () => {
        throw new Error('boom');
      },
    } as SiteExtractor);
    const doc = linkedomDoc(fixture('highwire-journal.html'));
    expect(extractPage(doc, 'https://fake.example/paper/1').kind).toBe('paper');
    siteExtractors.pop();
  });
});

describe('merge rules', () => {
  it('takes each field whole from the highest source', () => {
    const m = mergeDrafts([
      { id: 'dc', draft: { title: 'B', authors: [{ family: 'X' }, { family: 'Y' }] } },
      { id: 'highwire', draft: { title: 'A', authors: [{ family: 'Z' }] } },
      { id: 'page', draft: { abstract: 'visible' }, weak: {} },
      { id: 'jsonld', draft: {}, weak: { abstract: 'description' } },
    ]);
    expect(m.draft.title).toBe('A');
    expect(m.draft.authors).toEqual([{ family: 'Z' }]);
    expect(m.draft.abstract).toBe('visible');
    expect(m.sources).toMatchObject({ title: 'highwire', authors: 'highwire', abstract: 'page' });
  });
  it('ignores page and Open Graph dates when metadata has one', () => {
    expect(
      pickIssued([
        { id: 'og', draft: { issued: { date: '1990', precision: 'year' } } },
        { id: 'highwire', draft: { issued: { date: '2020-01-01', precision: 'day' } } },
        { id: 'dc', draft: { issued: { date: '2020-03-27', precision: 'day' } } },
      ]),
    ).toEqual({ issued: { date: '2020-03-27', precision: 'day' }, id: 'dc' });
  });
});

describe('never throws', () => {
  it('on a bad URL or a broken document', () => {
    const doc = linkedomDoc('<p>x</p>');
    expect(extractPage(doc, 'not a url')).toEqual({ kind: 'none', detected: false });
    expect(extractPage({} as Document, 'https://x.example/')).toEqual({
      kind: 'none',
      detected: false,
    });
  });
});

describe('page title', () => {
  it("is the head's <title>, not an SVG icon's", () => {
    const html =
      '<html><head><title>A study of regular things - Repository</title></head><body><svg><title>Search icon</title></svg>' +
      '<h1>A study of regular things</h1><table><tr><td>Title</td><td>A study of regular things</td></tr>' +
      '<tr><td>Authors</td><td>Jane Doe</td></tr><tr><td>Year</td><td>2019</td></tr></table></body></html>';
    for (const { doc } of docs(html)) {
      const r = extractPage(doc, 'https://repo.example/record/1');
      expect(r.kind).toBe('paper');
      expect(r.paper?.title).toBe('A study of regular things');
      expect(r.paper?.year).toBe(2019);
    }
  });
});

describe.each(docs(fixture('highwire-journal.html')))(
  'the same document extracted again after it changed, on $name',
  ({ doc }) => {
    it('reads the page afresh (in-page navigation), not what the first extraction saw', () => {
      const url = 'https://quietseas.example/articles/4886';
      expect(extractPage(doc, url).paper?.title).toBe(
        'Reef fish communities are spooked by scuba surveys',
      );
      // A single-page site replaces the head and the content for the next work.
      for (const m of Array.from(doc.querySelectorAll('meta[name^="citation_"]'))) m.remove();
      const title = doc.createElement('meta');
      title.setAttribute('name', 'citation_title');
      title.setAttribute('content', 'Coral spawning under artificial light');
      const author = doc.createElement('meta');
      author.setAttribute('name', 'citation_author');
      author.setAttribute('content', 'Ada Reef');
      doc.head.append(title, author);
      const again = extractPage(doc, url).paper;
      expect(again?.title).toBe('Coral spawning under artificial light');
      expect(again?.authors).toEqual([{ given: 'Ada', family: 'Reef' }]);
      // And a page that stopped being a paper says so.
      title.remove();
      author.remove();
      for (const el of Array.from(doc.querySelectorAll('h1, script, [class*="bstract"]')))
        el.remove();
      expect(extractPage(doc, url).paper?.title).not.toBe('Coral spawning under artificial light');
    });
  },
);

describe('site extractors that apply by layout', () => {
  it('are asked only where no extractor claims the page by its address', () => {
    const layout = siteExtractors.filter((ex) => ex.detect);
    expect(layout.length).toBeGreaterThan(0);
    const spies = layout.map((ex) => vi.spyOn(ex, 'detect'));
    const doc = linkedomDoc('<html><head><title>x</title></head><body><h1>x</h1></body></html>');
    extractPage(doc, 'https://arxiv.org/abs/1706.03762');
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    extractPage(doc, 'https://papers.example.org/paper/1');
    for (const s of spies) expect(s).toHaveBeenCalled();
    for (const s of spies) s.mockRestore();
  });
});

describe('the visible page', () => {
  const page_ = (metaAbstract: boolean) =>
    `<html><head><title>Reef fish and scuba surveys</title>
    <meta name="citation_title" content="Reef fish and scuba surveys">
    <meta name="citation_author" content="Okafor, Ada"><meta name="citation_publication_date" content="2019/05/02">
    <meta name="citation_doi" content="10.5555/reef.1">
    ${metaAbstract ? `<meta name="citation_abstract" content="${'Surveys by divers undercount wary fish. '.repeat(4)}">` : ''}
    </head><body><div><h1>Reef fish and scuba surveys</h1><p>Ada Okafor and Ben Tamm</p>
    <p>Marine Notes 12, 2018. doi:10.5555/reef.printed</p></div>
    <h2>Abstract</h2><p>${'Divers change what they count: fish flee bubbles and noise. '.repeat(4)}</p></body></html>`;

  it('is asked only for the fields that the sources ranked above it leave out', () => {
    const doc = linkedomDoc(page_(false));
    expect(readVisiblePage(doc, new Set())).toMatchObject({
      title: 'Reef fish and scuba surveys',
      authors: [
        { given: 'Ada', family: 'Okafor' },
        { given: 'Ben', family: 'Tamm' },
      ],
      doi: '10.5555/reef.printed',
      year: 2018,
    });
    expect(readVisiblePage(doc, new Set())).toHaveProperty('abstract');
    const asked = readVisiblePage(doc, new Set(['authors', 'doi', 'issued', 'abstract']));
    // The title heading is always read (the pipeline completes a cut-off title from it).
    expect(asked).toEqual({ title: 'Reef fish and scuba surveys' });
  });

  it('the metadata wins every field either way, and Open Graph dates do not count as metadata', () => {
    const full = extractPage(linkedomDoc(page_(true)), 'https://reefs.example/a/1').paper!;
    expect(full).toMatchObject({ doi: '10.5555/reef.1', year: 2019 });
    expect(full.abstract).toMatch(/^Surveys by divers/);
    const partial = extractPage(linkedomDoc(page_(false)), 'https://reefs.example/a/1').paper!;
    expect(partial.abstract).toMatch(/^Divers change/);
    expect(partial.sources.abstract).toBe('page');
    expect(
      knownFields([
        { id: 'og', draft: { title: 't', issued: { date: '2020', precision: 'year' } } },
        { id: 'highwire', draft: { authors: [{ family: 'Okafor' }], doi: '' } },
      ]),
    ).toEqual(new Set(['title', 'authors']));
  });
});
