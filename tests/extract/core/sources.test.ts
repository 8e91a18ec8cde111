import { describe, expect, it } from 'vitest';
import { coins, parseContextObject } from '../../../utils/extract/sources/coins';
import { dublinCore } from '../../../utils/extract/sources/dublincore';
import { eprints } from '../../../utils/extract/sources/eprints';
import { highwire, parseCitationReference } from '../../../utils/extract/sources/highwire';
import { jsonLd } from '../../../utils/extract/sources/jsonld';
import { openGraph } from '../../../utils/extract/sources/opengraph';
import {
  fullDescription,
  labelledFields,
  leadParagraphs,
  page,
  visibleAbstract,
} from '../../../utils/extract/sources/page';
import {
  dropAbstractLabel,
  normalizePages,
  splitTrailingKeywords,
  stripMarkup,
} from '../../../utils/extract/text';
import { extractPage } from '../../../utils/extract/index';
import { docs, fixture } from './helpers';

const URL_ = new URL('https://quietseas.example/articles/4886');

describe.each(docs(fixture('highwire-journal.html')))('highwire on $name', ({ doc }) => {
  const d = highwire.extract(doc, URL_);
  it('reads the citation_* fields', () => {
    expect(d.title).toBe('Reef fish communities are spooked by scuba surveys');
    expect(d.authors?.map((a) => a.family)).toEqual(['Emslie', 'Cheal', 'MacNeil']);
    expect(d.venue).toBe('Journal of Quiet Seas');
    expect(d.type).toBe('article-journal');
    expect(d.volume).toBe('6');
    expect(d.issue).toBe('2');
    expect(d.doi).toBe('10.5555/jqs.4886');
    expect(d.issn).toEqual(['0028-0836']);
    expect(d.pdfUrl).toBe('https://quietseas.example/articles/4886.pdf');
  });
  it('skips the January-1st placeholder for a real date in the same year', () => {
    expect(d.issued).toEqual({ date: '2018-05-24', precision: 'day' });
    expect(d.year).toBe(2018);
  });
  it('strips markup and the label from citation_abstract', () => {
    expect(d.abstract).toMatch(/^Underwater visual surveys are widely used/);
  });
  it('drops the journal name from keywords', () => {
    expect(d.keywords).toEqual(['Reef fishes', 'Diver disturbance']);
  });
  it('turns citation_reference into works', () => {
    expect(d.references).toHaveLength(2);
    expect(d.references?.[0]).toMatchObject({
      title: 'Fish flight distances',
      year: 2010,
      venue: 'Coral Reefs',
      doi: '10.5555/cr.2010.1',
    });
    expect(d.references?.[0]?.authors.map((a) => a.family)).toEqual(['Smith', 'Jones']);
    expect(d.references?.[1]).toMatchObject({ year: 2020, doi: '10.5555/nat.579.265' });
    expect(d.references?.[1]?.raw).toMatch(/^Wu, F\./);
  });
});

describe('highwire keywords', () => {
  it('reads citation_keyword, one per tag, as Silverchair journals (OUP) write them', () => {
    const html =
      '<html><head><meta name="citation_title" content="Nutrient composition of wild plants">' +
      '<meta name="citation_keyword" content="wild plants"><meta name="citation_keyword" content="nutrients">' +
      '</head><body></body></html>';
    for (const { doc } of docs(html))
      expect(
        highwire.extract(doc, new URL('https://academic.example/job/article/1')).keywords,
      ).toEqual(['wild plants', 'nutrients']);
  });
});

describe('highwire without citation_title', () => {
  const html = (tags: string) => `<html><head>${tags}<title>x</title></head><body></body></html>`;
  it('still gives what the citation_ tags say (Atypon journals leave the title out)', () => {
    for (const { doc } of docs(
      html('<meta name="citation_journal_title" content="Annals of Internal Medicine">'),
    ))
      expect(highwire.extract(doc, URL_)).toEqual({
        venue: 'Annals of Internal Medicine',
        type: 'article-journal',
      });
  });
  it('takes a bepress record with a title over citation_ tags without one', () => {
    for (const { doc } of docs(
      html(
        '<meta name="citation_journal_title" content="Law Review"><meta name="bepress_citation_title" content="Takings"><meta name="bepress_citation_author" content="Ruiz, Ana">',
      ),
    ))
      expect(highwire.extract(doc, URL_)).toMatchObject({
        title: 'Takings',
        authors: [{ given: 'Ana', family: 'Ruiz' }],
      });
  });
});

describe('citation_reference parsing', () => {
  it('reads one author per tag, and a whole author list in one tag (Nature)', () => {
    const one = parseCitationReference(
      'citation_title=Attention; citation_author=Vaswani, Ashish; citation_author=Shazeer, N',
    );
    expect(one.authors).toEqual([
      { given: 'Ashish', family: 'Vaswani' },
      { given: 'N', family: 'Shazeer' },
    ]);
    const list = parseCitationReference(
      'citation_journal_title=J. Mol. Biol.; citation_title=Correlation; citation_author=D Altschuh, AC Bloomer, A Klug; citation_publication_date=1987',
    );
    expect(list.authors.map((a) => a.family)).toEqual(['Altschuh', 'Bloomer', 'Klug']);
    expect(list.year).toBe(1987);
  });
  it('reads free citation strings', () => {
    expect(parseCitationReference('Smith J. A thing. J Things 1, 2 (1999).')).toMatchObject({
      year: 1999,
    });
  });
});

describe.each(docs(fixture('jsonld-scholarly.html')))('JSON-LD on $name', ({ doc }) => {
  it('finds a ScholarlyArticle as mainEntity of a WebPage', () => {
    const d = jsonLd.extract(doc, URL_);
    expect(d.title).toBe('On the theory of identical particles');
    expect(d.authors?.map((a) => a.family)).toEqual(['Leinaas', 'Myrheim']);
    expect(d.doi).toBe('10.1007/bf02727953');
    expect(d.venue).toBe('Il Nuovo Cimento B (1971-1996)');
    expect(d.volume).toBe('37');
    expect(d.pages).toBe('1–23');
    expect(d.issn).toEqual(['1826-9877']);
    expect(d.publisher).toBe('Società Italiana di Fisica');
    // `description` is only a weak abstract candidate.
    expect(d.abstract).toBeUndefined();
    expect(jsonLd.weak(doc).abstract).toMatch(/^The classical configuration space/);
  });
});

describe.each(docs(fixture('jsonld-graph.html')))('JSON-LD @graph on $name', ({ doc }) => {
  it('prefers a ScholarlyArticle, else an Article that names a DOI', () => {
    const d = jsonLd.extract(doc, URL_);
    expect(d.title).toMatch(/ScholarlyArticle wins/);
  });
});

describe.each(docs(fixture('jsonld-author-string.html')))(
  'JSON-LD with one author string on $name',
  ({ doc }) => {
    it('reads every author of "A, B and C", and the journal nested in issue and volume', () => {
      const d = jsonLd.extract(doc, URL_);
      expect(d.authors).toEqual([
        { given: 'Rosa', family: 'Lind' },
        { given: 'Mark', family: 'Chen' },
        { given: 'Ole', family: 'Berg' },
      ]);
      expect(d.venue).toBe('Journal of Ice');
      expect([d.volume, d.issue, d.doi]).toEqual(['66', '3', '10.5555/joi.2020.33']);
    });
  },
);

describe.each(docs(fixture('dublincore-dirty.html')))('Dublin Core on $name', ({ doc }) => {
  const d = dublinCore.extract(doc, URL_);
  it('cleans footnote marks and "and" from creators; DC before DCTERMS', () => {
    expect(d.authors).toEqual([
      { given: 'Rachida', family: 'Ghailane' },
      { given: 'Jean Paul', family: 'Malrieu' },
      { given: 'Daniel', family: 'Maynau' },
    ]);
    expect(d.title).toBe('Heisenberg Hamiltonian for Poly-ynes. Extraction and Tests');
  });
  it('takes only DOI-shaped identifiers', () => {
    expect(d.doi).toBe('10.1021/jp003647e');
    expect(d.issued).toEqual({ date: '2001-03-09', precision: 'day' });
    expect(d.type).toBe('article-journal');
  });
  it('gives no abstract from a short dc.description', () => {
    expect(d.abstract).toBeUndefined();
    expect(dublinCore.weak(doc)).toEqual({});
  });
});

describe.each(docs(fixture('preprint-server.html')))(
  'a preprint server page on $name',
  ({ doc }) => {
    const ABSTRACT = /^We replicate the classic anchoring effect across 20 laboratories/;
    it('gives the abstract from dc.abstract (Dublin Core)', () => {
      expect(dublinCore.extract(doc, URL_).abstract).toMatch(ABSTRACT);
    });
    it('gives citation_description as a weak abstract (Highwire)', () => {
      expect(highwire.extract(doc, URL_).abstract).toBeUndefined();
      expect(highwire.weak(doc).abstract).toMatch(ABSTRACT);
    });
  },
);

describe.each(docs(fixture('coins-single.html')))('COinS on $name', ({ doc }) => {
  it('reads the one ContextObject of the page', () => {
    const d = coins.extract(doc, URL_);
    expect(d).toMatchObject({
      title: 'Phonon Magnetochiral Effect',
      venue: 'Physical Review Letters',
      doi: '10.1103/physrevlett.122.145901',
      volume: '122',
      type: 'article-journal',
      issued: { date: '2019-04-10', precision: 'day' },
    });
    expect(d.authors?.map((a) => a.family)).toEqual(['Nomura', 'Zhang']);
  });
});

describe('COinS genre', () => {
  it('treats books and web pages as not scholarly', () => {
    expect(
      parseContextObject(
        'rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.genre=book&rft.btitle=X',
      ).scholarly,
    ).toBe(false);
    expect(
      parseContextObject(
        'rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Adc&rft.type=webpage&rft.title=X',
      ).scholarly,
    ).toBe(false);
    expect(
      parseContextObject('rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Adissertation&rft.title=X')
        .draft.type,
    ).toBe('thesis');
  });
});

describe.each(docs(fixture('encyclopedia.html')))('many COinS on $name', ({ doc }) => {
  it('are references, not the page: no draft', () => {
    expect(coins.extract(doc, URL_)).toEqual({});
    expect(jsonLd.extract(doc, URL_)).toEqual({});
  });
});

describe.each(docs(fixture('eprints-record.html')))('EPrints on $name', ({ doc }) => {
  it('reads eprints.* with "Family, Given" creators', () => {
    const d = eprints.extract(doc, URL_);
    expect(d.authors).toEqual([
      { given: 'Jane', family: 'Smith' },
      { given: 'Piet', family: 'van der Berg' },
    ]);
    expect(d).toMatchObject({ type: 'thesis', venue: 'University of Example', year: 2011 });
    expect(d.pdfUrl).toBe('https://eprints.example.ac.uk/1/1/thesis.pdf');
  });
});

describe.each(docs(fixture('highwire-journal.html')))('Open Graph on $name', ({ doc }) => {
  it('never gives an abstract', () => {
    const d = openGraph.extract(doc, URL_);
    expect(d.title).toBe('Reef fish flee | JQS');
    expect(d.abstract).toBeUndefined();
    expect(d.url).toBe('https://quietseas.example/articles/4886');
  });
});

describe.each(docs(fixture('labelled-record.html')))('labelled fields on $name', ({ doc }) => {
  it('reads a repository record table and its abstract', () => {
    const f = labelledFields(doc);
    expect(f.authors).toEqual(['Glattauer, Robin']);
    const d = page.extract(doc, URL_);
    expect(d.title).toBe('Measurement of the decay B -> D l nu in fully reconstructed events');
    expect(d.authors).toEqual([{ given: 'Robin', family: 'Glattauer' }]);
    expect(d.year).toBe(2016);
    expect(d.keywords).toEqual(['B meson physics', 'Belle experiment']);
    expect(d.abstract).toMatch(/^Die Physik subatomarer Teilchen/);
  });
});

describe('people named with their roles', () => {
  it('give the authors among them, inline ("Person/Institution: … [VerfasserIn]") as in lists', () => {
    const html =
      '<html><body><ul><li><strong>Titel:</strong><div>Measurement of the decay of B mesons</div></li>' +
      '<li><strong>Person/Institution:</strong> <a href="/s">Glattauer, Robin [VerfasserIn]</a> ' +
      '<a href="/t">Schwanda, Christoph [BegutachterIn]</a></li></ul></body></html>';
    for (const { doc } of docs(html))
      expect(labelledFields(doc)).toEqual({
        title: 'Measurement of the decay of B mesons',
        authors: ['Glattauer, Robin'],
      });
  });
});

describe('labels written in many ways', () => {
  it('are read however they are spaced, capitalised and ended, and words that are not labels are not', () => {
    const html =
      '<html><body><table>' +
      '<tr><td>  TITLE :</td><td>Wave loads on floating breakwaters</td></tr>' +
      '<tr><td>\u00a0Author(s)\u00a0</td><td>Okonkwo, Chidi</td></tr>' +
      '<tr><td>Date\u200b:</td><td>2018-11-30</td></tr>' +
      // Names of the properties every object has are no labels (the label table is a Map).
      '<tr><td>constructor</td><td>not a keyword</td></tr>' +
      '<tr><td>toString:</td><td>nor this</td></tr>' +
      '<tr><td>Titles of the series</td><td>not a title</td></tr>' +
      '</table></body></html>';
    for (const { doc } of docs(html))
      expect(labelledFields(doc)).toEqual({
        title: 'Wave loads on floating breakwaters',
        authors: ['Okonkwo, Chidi'],
        date: '2018-11-30',
      });
  });
});

describe.each(docs(fixture('repository-full-record.html')))(
  "a repository's full record labelled with Dublin Core names on $name",
  ({ doc }) => {
    it('is a paper with the labelled title, authors (not the advisor), date, abstract and subjects', () => {
      const r = extractPage(doc, 'https://repository.example.edu/handle/12345/678?show=full');
      expect(r.kind).toBe('paper');
      expect(r.paper?.title).toBe('Wave loads on floating breakwaters in shallow water');
      expect(r.paper?.authors).toEqual([
        { given: 'Chidi', family: 'Okonkwo' },
        { given: 'Siri A.', family: 'Lindgren' },
      ]);
      expect(r.paper?.issued).toEqual({ date: '2018-11-30', precision: 'day' });
      expect(r.paper?.abstract).toMatch(/^Floating breakwaters protect small harbours/);
      expect(r.paper?.keywords).toEqual(['Coastal engineering', 'Wave loads']);
      expect(r.paper?.sources.authors).toBe('page');
    });
  },
);

describe.each(docs(fixture('repository-contributors.html')))(
  "a repository's record listing contributors with roles, on $name",
  ({ doc }) => {
    it('is a paper whose authors are its creators, not its committee or sponsor', () => {
      const r = extractPage(doc, 'https://repository.harbour.example.edu/item/hdr:4471/');
      expect(r.kind).toBe('paper');
      expect(r.paper?.title).toBe('Sediment trapping by mussel beds in tidal channels');
      expect(r.paper?.authors).toEqual([{ given: 'Ingrid M.', family: 'Haldane' }]);
      expect(r.paper?.year).toBe(2014);
      expect(r.paper?.abstract).toMatch(/^Mussel beds slow the flow/);
    });
    it('names no author where no contributor has an author role', () => {
      const html = fixture('repository-contributors.html').replace(' (creator)', '');
      for (const { doc: d } of docs(html))
        expect(extractPage(d, 'https://repository.harbour.example.edu/item/1').kind).toBe('none');
    });
  },
);

describe.each(docs(fixture('repository-record-italian.html')))(
  'a record labelled in Italian, on $name',
  ({ doc }) => {
    it('is a paper with its title, its author (whose name parts are two spans) and abstract', () => {
      const r = extractPage(doc, 'https://tesi.istituto.example.it/tesi/dettaglio.php?tid=1');
      expect(r.kind).toBe('paper');
      expect(r.paper?.title).toBe('Misure di dose in mammografia con radiazione di sincrotrone');
      expect(r.paper?.authors).toEqual([{ given: 'Giulia', family: 'Ferraresi' }]);
      expect(r.paper?.abstract).toMatch(/^Il lavoro di tesi/);
      expect(r.paper?.year).toBeUndefined();
    });
  },
);

describe.each(docs(fixture('repository-item-view.html')))(
  "a repository's item view with small headings as labels, on $name",
  ({ doc }) => {
    it('is a paper: the title heading, the authors one per element, the date, the abstract', () => {
      const r = extractPage(doc, 'https://repository.example.edu/handle/1884/5120');
      expect(r.kind).toBe('paper');
      expect(r.paper?.title).toBe('Tidal mixing fronts and the spring bloom on a temperate shelf');
      expect(r.paper?.authors).toEqual([
        { given: 'Marta Lopes', family: 'Ferreira' },
        { given: 'Ken', family: 'Nakamura' },
      ]);
      expect(r.paper?.issued).toEqual({ date: '2019', precision: 'year' });
      expect(r.paper?.abstract).toMatch(/^Fronts between tidally mixed/);
    });
    it('needs more than a title heading with an author and a date', () => {
      // Without its abstract, nothing says the record is a work (a post can have all three).
      const html = fixture('repository-item-view.html').replace(
        /<h5 class="visible-xs">[^]*?<\/div>/,
        '',
      );
      for (const { doc: d } of docs(html))
        expect(extractPage(d, 'https://repository.example.edu/handle/1').kind).toBe('none');
    });
  },
);

describe.each(docs(fixture('encyclopedia-book.html')))(
  "an encyclopaedia's article on a book, on $name",
  ({ doc }) => {
    it('is no paper: an infobox with author and date and a "Summary" section are not a record', () => {
      expect(extractPage(doc, 'https://encyclopedia.example.org/wiki/The_Salt_Road').kind).toBe(
        'none',
      );
    });
  },
);

describe.each(docs(fixture('press-release-labelled.html')))(
  'a press release that labels its author, date and source, on $name',
  ({ doc }) => {
    it('is no paper', () => {
      expect(extractPage(doc, 'https://ministry.example.gov/press/2021/harbour').kind).toBe('none');
    });
  },
);

describe.each(docs(fixture('thesis-record-colon-cells.html')))(
  'a thesis record in rows of label, colon and value, on $name',
  ({ doc }) => {
    it("is a thesis titled by the record's heading, not the site's", () => {
      const r = extractPage(doc, 'https://collaboration.example.org/theses/1234');
      expect(r.kind).toBe('paper');
      expect(r.paper?.title).toBe('Jet quenching in small collision systems');
      expect(r.paper?.authors).toEqual([{ given: 'Amara', family: 'Okafor' }]);
      expect(r.paper?.issued).toEqual({ date: '2018-02-14', precision: 'day' });
      expect(r.paper?.type).toBe('thesis');
    });
  },
);

describe.each(docs(fixture('catalogue-record-german.html')))(
  "a library catalogue's record in German, on $name",
  ({ doc }) => {
    it('is a thesis with its author (not its adviser) and its year', () => {
      const r = extractPage(doc, 'https://catalogue.example.at/primo/fulldisplay?docId=1');
      expect(r.kind).toBe('paper');
      expect(r.paper?.title).toBe('Kornwachstum in dünnen Kupferschichten');
      expect(r.paper?.authors).toEqual([{ given: 'Lena', family: 'Berger' }]);
      expect(r.paper?.year).toBe(2017);
      expect(r.paper?.type).toBe('thesis');
    });
  },
);

describe.each(docs(fixture('visible-only.html')))('visible page on $name', ({ doc }) => {
  it('reads title heading, byline, DOI line and abstract', () => {
    const d = page.extract(doc, URL_);
    expect(d.title).toBe('Novel pneumatic features in the ribs of Brachiosaurus');
    expect(d.authors?.map((a) => a.family)).toEqual(['Taylor', 'Wedel']);
    expect(d.doi).toBe('10.5555/app.01105.2023');
    expect(d.year).toBe(2023);
    expect(d.abstract).toMatch(/^Pneumatic dorsal ribs/);
    expect(d.keywords).toEqual(['Sauropoda', 'Dinosauria', 'pneumaticity']);
  });
  it('finds the abstract section', () => {
    expect(visibleAbstract(doc)).toMatch(/^Pneumatic/);
  });
});

describe.each(docs(fixture('structured-abstract-sections.html')))(
  'an abstract in sections under smaller headings, on $name',
  ({ doc }) => {
    it('reads every section, without their names or the download notice after them', () => {
      const r = extractPage(doc, 'https://vetrecords.example.com/7/311/abstract');
      expect(r.paper?.abstract).toBe(
        'Leptospirosis is carried by rodents and cattle, and dogs that live on farms meet both. ' +
          'We asked whether antibodies in farm dogs track infection in the herds they live with. ' +
          'Of 212 dogs on 64 farms, 41 carried antibodies; a seropositive dog predicted a ' +
          'seropositive herd in 31 of 37 farms. Testing the farm dog is a cheap first screen for ' +
          'leptospirosis in a herd.',
      );
      expect(r.paper?.sources.abstract).toBe('page');
    });
    it('never takes the box that holds the whole article for the abstract', () => {
      const html = fixture('structured-abstract-sections.html').replace(
        /<a name="abstract"><\/a>[^]*<\/table>/,
        '<p>Full text below.</p>',
      );
      for (const { doc: d } of docs(html)) expect(visibleAbstract(d)).toBeUndefined();
    });
  },
);

describe.each(docs(fixture('magazine-h3-title.html')))(
  "an older magazine's article titled by an <h3>, on $name",
  ({ doc }) => {
    it('is a paper: the title, the author block, the DOI link, the date, the abstract', () => {
      const r = extractPage(doc, 'https://www.magazine.example.org/march16/lindqvist.html');
      expect(r.kind).toBe('paper');
      expect(r.paper?.title).toBe('Crowdsourced transcription of ship logbooks');
      expect(r.paper?.authors).toEqual([
        { given: 'Hannah', family: 'Lindqvist' },
        { given: 'Rafael', family: 'Ortega' },
        { given: 'Mei', family: 'Tanaka' },
      ]);
      expect(r.paper?.doi).toBe('10.5555/march2016-lindqvist');
      expect(r.paper?.issued).toEqual({ date: '2016-03-15', precision: 'day' });
      expect(r.paper?.abstract).toMatch(/^Volunteers transcribed/);
    });
    it('takes no author block whose groups give neither an affiliation nor an address', () => {
      const html = fixture('magazine-h3-title.html').replace(
        /<p class="blue">Hannah[^]*?<\/p>/,
        '<p class="blue">Reading Room<br>Open daily<br><br>Map Library<br>Closed on Sundays</p>',
      );
      for (const { doc: d } of docs(html))
        expect(extractPage(d, 'https://www.magazine.example.org/x.html').kind).toBe('none');
    });
  },
);

describe('the end of an abstract under a heading', () => {
  const TEXT =
    'We map the seasonal migration of grey whales along the Pacific coast from acoustic records.';
  it.each([
    [
      'a smaller heading that is not one of its sections',
      '<h3>Keywords</h3><p>whales, acoustics</p>',
    ],
    ['a heading of the same level', '<h2>Introduction</h2><p>Grey whales travel far.</p>'],
    ['a table after its text', '<table><tr><td>Download the PDF</td></tr></table>'],
  ])('is %s', (_, after) => {
    const html = `<html><head><title>T</title></head><body><h1>A title</h1><h2>Abstract</h2><p>${TEXT}</p>${after}</body></html>`;
    for (const { doc } of docs(html)) expect(visibleAbstract(doc)).toBe(TEXT);
  });
});

describe('abstracts in other languages', () => {
  const TEXT =
    'Wir untersuchen die Erosion der Nordseeküste zwischen 1990 und 2020 und zeigen, dass der relative Meeresspiegelanstieg den größten Teil des Rückgangs erklärt.';
  it.each(['抄録', 'Аннотация', 'Streszczenie', 'Samenvatting', '摘要'])(
    'are found under a heading "%s"',
    (heading) => {
      for (const { doc } of docs(
        `<html><head><title>T</title></head><body><h1>Ein Titel</h1><h2>${heading}</h2><p>${TEXT}</p></body></html>`,
      ))
        expect(visibleAbstract(doc)).toBe(TEXT);
    },
  );
  it.each([
    ['摘要：本文研究了北海海岸的侵蚀。', '本文研究了北海海岸的侵蚀。'],
    ['Аннотация. В статье изучается эрозия.', 'В статье изучается эрозия.'],
    ['Abstract We show that', 'We show that'],
    ['ABSTRACT — Results show', 'Results show'],
    // A first word that only looks like the label stays.
    ['Summary statistics are biased when', 'Summary statistics are biased when'],
    ['abstract algebra is a field', 'abstract algebra is a field'],
  ])('lose a leading label: %s', (raw, want) => {
    expect(dropAbstractLabel(raw)).toBe(want);
  });
});

describe('markup in metadata values', () => {
  it.each([
    [
      'Effects of CO<sub>2</sub> on <i>Arabidopsis</i> growth',
      'Effects of CO2 on Arabidopsis growth',
    ],
    ['Effects of CO&lt;sub&gt;2&lt;/sub&gt; on growth', 'Effects of CO2 on growth'],
    // Crossref's JATS abstracts: paragraphs part, inline tags do not.
    [
      '<jats:p>Water H<jats:sub>2</jats:sub>O.</jats:p><jats:p>Second part.</jats:p>',
      'Water H2O. Second part.',
    ],
    ['First line<br>second line', 'First line second line'],
  ])('%s', (raw, want) => {
    expect(stripMarkup(raw)).toBe(want);
  });
});

describe.each(docs(fixture('working-paper-cut-description.html')))(
  'a description cut short ("...") on $name',
  ({ doc }) => {
    it('counts as the whole visible paragraph it was cut from', () => {
      const abstract = page.weak(doc).abstract;
      expect(abstract).toMatch(/^Harbour space is priced as if every berth were equal/);
      expect(abstract).toMatch(/tide windows matter only for the largest vessels\.$/);
    });
  },
);

describe.each(docs(fixture('conference-talk-page.html')))(
  'an abstract under the byline with no heading on $name',
  ({ doc }) => {
    const r = extractPage(doc, 'https://systems.example.org/conference/esss23/presentation/tanaka');
    it('is the paragraphs that open the page under the title, not the notes after them', () => {
      expect(r.paper?.abstract).toBe(
        'Storage servers see traffic that arrives in bursts far shorter than the intervals at which their queues are sized. Static queues either waste memory between bursts or drop requests during them. ' +
          'We present Elastic Queues, which grow and shrink the admission queue of each tenant within a fixed budget, using the arrival rate of the last few milliseconds. On three production traces, Elastic Queues cut tail latency by a third at the same memory use.',
      );
      expect(r.paper?.sources.abstract).toBe('page');
      expect(r.paper?.authors.map((a) => a.family)).toEqual(['Tanaka', 'Ortiz']);
    });
  },
);

describe('lead paragraphs', () => {
  const PROSE =
    'Tidal flats store carbon in layers that storms rework every few years. We dated cores from nine flats and found that half of the stored carbon is younger than a decade. Flats that storms reach less often hold older carbon, and more of it, in deeper layers. ';
  const lead = (body: string) =>
    docs(`<html><body><h1>Carbon on tidal flats</h1>${body}</body></html>`).map(({ name, doc }) => {
      const h = doc.querySelector('h1');
      return [name, h ? leadParagraphs(h) : 'no heading'] as const;
    });
  it('are found past bylines, affiliations and short lines, in nested blocks', () => {
    for (const [, text] of lead(
      `<p>A. Author, <em>Example University</em></p><div><span>Share</span><div><p>${PROSE}</p></div></div>`,
    ))
      expect(text).toBe(PROSE.trim());
  });
  it('are not looked for past a heading (a full text under "Introduction")', () => {
    for (const [, text] of lead(`<h2>Introduction</h2><p>${PROSE}</p>`))
      expect(text).toBeUndefined();
  });
  it("are not a paragraph that cites references by number (a full text's opening)", () => {
    for (const [, text] of lead(
      `<p>${PROSE.replace('decade.', 'decade<sup><a href="#b1">1, </a><a href="#b2">2</a></sup>.')}</p>`,
    ))
      expect(text).toBeUndefined();
  });
  it('are not a list of names with initials, a row of links, or one long sentence', () => {
    const names = Array.from({ length: 12 }, (_, i) => `Paul W. Leu${i}, Ann B. Smith${i}`).join(
      ', ',
    );
    const links = Array.from(
      { length: 12 },
      (_, i) => `<a href="/t/${i}">Related topic number ${i}.</a>`,
    ).join(' ');
    const sentence = 'word '.repeat(80) + 'end.';
    for (const body of [names, links, sentence])
      for (const [, text] of lead(`<p>${body}</p>`)) expect(text).toBeUndefined();
  });
});

describe('fullDescription', () => {
  const cut =
    'Harbour space is priced as if every berth were equal, yet berths differ in depth, tide window and crane reach. Using ten years of contracts we ...';
  const whole =
    'Harbour space is priced as if every berth were equal, yet berths differ in depth, tide window and crane reach. Using ten years of contracts we estimate what each is worth.';
  const parse = (body: string) => docs(`<html><body>${body}</body></html>`);

  it('reads a paragraph, or a div without blocks inside, that starts with the cut text', () => {
    for (const { doc } of parse(`<div><p>Other text.</p><p>${whole}</p></div>`))
      expect(fullDescription(doc, cut)).toBe(whole);
    for (const { doc } of parse(`<section><div class="x">${whole}</div></section>`))
      expect(fullDescription(doc, cut)).toBe(whole);
  });

  it('needs the ellipsis, a long enough start and text that goes on', () => {
    for (const { doc } of parse(`<p>${whole}</p>`)) {
      expect(fullDescription(doc, cut.replace(/ \.\.\.$/, ''))).toBeUndefined();
      expect(fullDescription(doc, 'Harbour space is priced …')).toBeUndefined();
    }
    // The page shows only the same cut text, or something else.
    for (const { doc } of parse(`<p>${cut}</p><p>A different paragraph altogether.</p>`))
      expect(fullDescription(doc, cut)).toBeUndefined();
  });

  it('looks at the first 2,000 paragraphs only (a hostile page of thousands that start alike)', () => {
    const alike = `<p>${cut.slice(0, 80)} but then something else.</p>`;
    for (const { doc } of parse(`${alike.repeat(1990)}<p>${whole}</p>`))
      expect(fullDescription(doc, cut)).toBe(whole);
    for (const { doc } of parse(`${alike.repeat(2000)}<p>${whole}</p>`))
      expect(fullDescription(doc, cut)).toBeUndefined();
  });
});

describe('page ranges', () => {
  it('writes a short last page in full, as PubMed and many journals abbreviate it', () => {
    expect(normalizePages('2567-74')).toBe('2567–2574');
    expect(normalizePages('200-19')).toBe('200–219');
    expect(normalizePages('171 - 8')).toBe('171–178');
    expect(normalizePages('98-102')).toBe('98–102');
    expect(normalizePages('444–445')).toBe('444–445');
    expect(normalizePages('12-12')).toBe('12');
  });

  it('keeps what is not two plain numbers, or cannot be a range, as given', () => {
    expect(normalizePages('e1234')).toBe('e1234');
    expect(normalizePages('S12-S19')).toBe('S12-S19');
    expect(normalizePages('ix-xii')).toBe('ix-xii');
    expect(normalizePages('199-5')).toBe('199–5');
  });

  it('applies to the pages of the extracted paper, whichever source gave them', () => {
    const html =
      '<html><head><meta name="citation_title" content="Facing up to the problem of consciousness">' +
      '<meta name="citation_author" content="Chalmers, David J."><meta name="citation_publication_date" content="1995">' +
      '<meta name="citation_firstpage" content="200"><meta name="citation_lastpage" content="19"></head><body></body></html>';
    for (const { doc } of docs(html))
      expect(extractPage(doc, 'https://philpapers.example/rec/CHAFUT').paper?.pages).toBe(
        '200–219',
      );
  });
});

describe('keywords printed after the abstract', () => {
  const body =
    'Sleep supports memory consolidation, but the evidence in adolescents is mixed and mostly from single nights.';

  it('are split off the abstract, in the languages the abstract label is known in', () => {
    for (const [label, sep] of [
      ['Keywords', ':'],
      ['Key words', ':'],
      ['Index Terms', '—'],
      ['Palabras clave', ':'],
      ['Mots-clés', ' :'],
      ['Schlüsselwörter', ':'],
      ['キーワード', '：'],
    ])
      expect(splitTrailingKeywords(`${body} ${label}${sep} sleep; memory; adolescence`)).toEqual({
        abstract: body,
        keywords: ['sleep', 'memory', 'adolescence'],
      });
  });

  it('stop where other matter starts, which leaves the abstract too', () => {
    expect(
      splitTrailingKeywords(`${body} Keywords: sleep, memory. JEL codes: I12. © 2022 The Authors`),
    ).toEqual({ abstract: body, keywords: ['sleep', 'memory'] });
  });

  it('stay when the word is part of a sentence, or nothing would be left of the abstract', () => {
    const prose = `${body} We rank three keywords: sleep, memory and age.`;
    expect(splitTrailingKeywords(prose)).toEqual({ abstract: prose, keywords: [] });
    const short = 'Short text. Keywords: sleep; memory';
    expect(splitTrailingKeywords(short)).toEqual({ abstract: short, keywords: [] });
  });

  it.each(docs(fixture('abstract-with-keywords.html')))(
    'on a page, become its keywords when its metadata has none ($name)',
    ({ doc }) => {
      const p = extractPage(doc, 'https://revistas.example/article/120').paper;
      expect(p?.abstract).toMatch(/^El cambio climático afecta/);
      expect(p?.abstract).toMatch(/papa y maíz\.$/);
      expect(p?.keywords).toEqual(['cambio climático', 'agricultura', 'Andes']);
      expect(p?.sources.keywords).toBe('page');
    },
  );
});
