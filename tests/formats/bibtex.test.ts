import { escapeLatex, formatName, parse, serialize, splitEntries } from '@/utils/formats/bibtex';
import { biblio, fixture, item, makePaper } from './helpers';

describe('BibTeX: writing', () => {
  it('writes a readable entry with a stable key, the type, ids and arXiv eprint fields', () => {
    const out = serialize([item()]);
    expect(out).toMatch(/^@inproceedings\{vaswani2017attention,\n/);
    expect(out).toContain('  author = {Vaswani, Ashish and Shazeer, Noam}');
    expect(out).toContain('  booktitle = {Advances in Neural Information Processing Systems}');
    expect(out).toContain('  pages = {5998--6008}');
    expect(out).toContain('  month = jun');
    expect(out).toContain('  doi = {10.5555/3295222.3295349}');
    expect(out).toContain('  eprint = {1706.03762}');
    expect(out).toContain('  archivePrefix = {arXiv}');
    expect(out).toContain('  keywords = {transformers, attention}');
  });

  it('maps each paper type to its BibTeX entry type and venue field', () => {
    const types = [
      ['article-journal', '@article', 'journal'],
      ['paper-conference', '@inproceedings', 'booktitle'],
      ['thesis', '@phdthesis', 'school'],
      ['report', '@techreport', 'institution'],
      ['chapter', '@incollection', 'booktitle'],
    ] as const;
    for (const [type, entry, venue] of types) {
      const out = serialize([item({ type, venue: 'V' })]);
      expect(out.startsWith(entry)).toBe(true);
      expect(out).toContain(`  ${venue} = {V}`);
    }
    const preprint = serialize([item({ type: 'article', venue: 'arXiv' })]);
    expect(preprint).toMatch(/^@misc\{/);
    expect(preprint).not.toContain('howpublished');
    expect(preprint).toContain('archivePrefix = {arXiv}');
  });

  it('escapes every LaTeX-active character and keeps non-ASCII as UTF-8', () => {
    expect(escapeLatex('50% & $5 #1 a_b {x} ~ ^ \\ <b>')).toBe(
      '50\\% \\& \\$5 \\#1 a\\_b \\textbraceleft{}x\\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textless{}b\\textgreater{}',
    );
    expect(escapeLatex('Gödel, Escher, 王小明 — “quotes”')).toBe(
      'Gödel, Escher, 王小明 — “quotes”',
    );
    expect(escapeLatex('line\nbreak\u0000')).toBe('line break');
  });

  it('protects acronyms and mixed-case words in titles', () => {
    const out = serialize([item({ title: 'BERT and ImageNet for mRNA in Deep nets' })]);
    expect(out).toContain('title = {{BERT} and {ImageNet} for {mRNA} in Deep nets}');
  });

  it('writes names: particles, suffixes, organisations, CJK, and names with commas', () => {
    expect(formatName({ family: 'van der Berg', given: 'Jan' })).toBe('van der Berg, Jan');
    expect(formatName({ family: 'King Jr.', given: 'Martin Luther' })).toBe(
      'King, Jr., Martin Luther',
    );
    expect(formatName({ literal: 'World Health Organization' })).toBe(
      '{World Health Organization}',
    );
    expect(formatName({ literal: 'Johnson and Johnson' })).toBe('{Johnson and Johnson}');
    expect(formatName({ family: '王', given: '小明' })).toBe('王, 小明');
    expect(formatName({ family: 'Da Vinci' })).toBe('{Da Vinci}');
  });

  it('keeps DOIs and URLs verbatim, encoding only what would break the value', () => {
    const out = serialize([
      item({ doi: '10.1002/(sici)1097-4636_x', url: 'https://x.org/a_b%20c?q=1#frag}' }),
    ]);
    expect(out).toContain('doi = {10.1002/(sici)1097-4636_x}');
    expect(out).toContain('url = {https://x.org/a_b%20c?q=1#frag%7D}');
  });
});

describe('BibTeX: reading', () => {
  it('reads a reference manager export: macros, accents, ids, notes, and reports the broken entry', () => {
    const { items, errors } = parse(fixture('zotero.bib'));
    expect(errors).toEqual([
      {
        index: 2,
        entry: expect.stringContaining('@article{broken2020'),
        reason: expect.stringMatching(/braces are not closed/),
      },
    ]);
    expect(items).toHaveLength(4);
    const [vaswani, goedel, bert, who] = items.map((i) => i.paper);
    expect(vaswani?.title).toBe('Attention is All you Need');
    expect(vaswani?.type).toBe('paper-conference');
    expect(vaswani?.venue).toBe('Advances in Neural Information Processing Systems');
    expect(vaswani?.authors[6]).toEqual({ family: 'Kaiser', given: 'Łukasz' });
    expect(vaswani?.pages).toBe('5998-6008');
    expect(vaswani?.keywords).toEqual(['transformers', 'attention']);
    expect(items[0]?.notes).toBe('Read for the reading group.');
    expect(goedel?.title).toBe(
      'Über formal unentscheidbare Sätze der Principia Mathematica und verwandter Systeme I',
    );
    expect(goedel?.authors).toEqual([{ family: 'Gödel', given: 'Kurt' }]);
    expect(goedel?.venue).toBe('Monatshefte für Mathematik und Physik');
    expect(goedel?.doi).toBe('10.1007/bf01700692');
    expect(goedel?.year).toBe(1931);
    expect(bert?.arxivId).toBe('1810.04805');
    expect(bert?.type).toBe('article');
    expect(bert?.title).toBe(
      'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    );
    expect(who?.authors).toEqual([
      { literal: 'World Health Organization' },
      { family: 'van der Berg', given: 'Jan' },
      { family: 'de la Fuente', given: 'José' },
      { family: 'King Jr.', given: 'Martin Luther' },
    ]);
    expect(who?.venue).toBe('Nature Medicine');
    expect(who?.issued).toEqual({ date: '2020-03', precision: 'month' });
    expect(who?.pmid).toBe('32123456');
    expect(who?.abstract).toBe('We report 50% of cases & more.');
    expect(who?.sources.title).toBe('import:bibtex');
  });

  it('reports a syntax error per entry and still reads the others', () => {
    const { items, errors } = parse(
      '@article{a, title = {Good one}, year = 2001}\n@misc{b, title = {Z} year}\n@book{c, title={Also good}}',
    );
    expect(items.map((i) => i.paper.title)).toEqual(['Good one', 'Also good']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ index: 1, entry: '@misc{b, title = {Z} year}' });
    expect(errors[0]?.reason).toMatch(/^syntax error/);
  });

  it('reports entries without a title', () => {
    const { items, errors } = parse('@article{a, author = {X, Y}}');
    expect(items).toHaveLength(0);
    expect(errors[0]?.reason).toMatch(/no title/);
  });

  it('cuts a file into entries the way BibTeX does (comments, parentheses, junk between entries)', () => {
    const chunks = splitEntries(
      'junk @ here\n@comment{x}\n@article(a, title = {x (y)})\ntext\n@string{s = "v"}\n@misc{b, title={\\{}}',
    );
    expect(chunks.map((c) => [c.type, c.broken])).toEqual([
      ['article', undefined],
      ['string', undefined],
      ['misc', undefined],
    ]);
  });
});

describe('BibTeX: round trip', () => {
  it('writes and reads back the bibliographic fields', () => {
    const paper = makePaper({ type: 'article-journal', venue: 'Journal of Things' });
    const [back] = parse(serialize([{ paper }])).items;
    // BibTeX has no field for the arXiv version or the PDF link.
    const { arxivVersion: _v, pdfUrl: _p, ...expected } = biblio(paper);
    expect(biblio(back!.paper)).toEqual(expected);
  });

  it('survives hostile titles and tricky names', () => {
    const titles = [
      'Math $O(n^2)$ & 100% of {braces} ~ # _ \\ ^ done',
      'Unbalanced { brace',
      'Closing } first',
      '<script>alert(1)</script> & <b>bold</b>',
      '@article{inner, title={x}} looks like an entry',
      'Ünïcödé — “quotes” and 日本語',
    ];
    const authors = [
      { family: 'van der Berg', given: 'Jan' },
      { family: 'de la Fuente', given: 'José' },
      { family: 'King Jr.', given: 'Martin Luther' },
      { family: '王', given: '小明' },
      { literal: 'World Health Organization' },
      { literal: 'Johnson and Johnson, Inc.' },
      { family: "O'Brien", given: 'Seán' },
    ];
    const items = titles.map((title) => item({ title, authors, type: 'article-journal' }));
    const { items: back, errors } = parse(serialize(items));
    expect(errors).toEqual([]);
    expect(back.map((i) => i.paper.title)).toEqual(
      // HTML-like tags are read as CSL markup and dropped: the text stays.
      titles.map((t) =>
        t.replace('<script>alert(1)</script> & <b>bold</b>', '<script>alert(1)</script> & bold'),
      ),
    );
    for (const b of back) expect(b.paper.authors).toEqual(authors);
  });
});

describe('BibTeX: files from other tools', () => {
  const { items, errors } = parse(fixture('other-tools.bib'));
  const byTitle = (t: string) => items.find((i) => i.paper.title.startsWith(t))?.paper;

  it('reads every entry', () => {
    expect(errors).toEqual([]);
    expect(items).toHaveLength(6);
  });

  it('reads DBLP: "First Last" names, braced hyphens, eprinttype', () => {
    expect(byTitle('Attention')).toMatchObject({
      type: 'paper-conference',
      authors: [
        { given: 'Ashish', family: 'Vaswani' },
        { given: 'Noam', family: 'Shazeer' },
        { given: 'Łukasz', family: 'Kaiser' },
      ],
      pages: '5998-6008',
      year: 2017,
    });
    expect(byTitle('Attention')?.venue).toMatch(/^Advances in Neural .* CA, USA$/);
    expect(byTitle('BERT')).toMatchObject({
      title: 'BERT: Pre-training of Deep Bidirectional Transformers',
      authors: [
        { given: 'Jacob', family: 'Devlin' },
        { given: 'Ming-Wei', family: 'Chang' },
      ],
      arxivId: '1810.04805',
      arxivVersion: 'v2',
    });
  });

  it('reads biblatex fields: journaltitle, date, DOI as a URL, pmcid, isbn, issn', () => {
    expect(byTitle('Single-cell')).toMatchObject({
      title: 'Single-cell RNA-seq of E. coli',
      venue: 'Nature Methods',
      issued: { date: '2021-03-15', precision: 'day' },
      doi: '10.1038/s41592-021-01234-5',
      pmcid: 'PMC7654321',
      isbn: ['9780262035613'],
      issn: ['1548-7091'],
      keywords: ['single-cell', 'transcriptomics'],
      authors: [
        { family: 'Smith', given: 'Anna' },
        { family: 'Müller', given: 'Jörg' },
      ],
    });
  });

  it('reads theses and reports with their institution', () => {
    expect(byTitle('A Thesis')).toMatchObject({
      type: 'thesis',
      publisher: 'Massachusetts Institute of Technology',
    });
    expect(byTitle('Report 12')).toMatchObject({
      type: 'report',
      authors: [{ literal: 'National Aeronautics and Space Administration' }],
      publisher: 'NASA',
    });
  });
});

describe('BibTeX: theses and reports', () => {
  it('writes the publisher of a thesis as its school, and reads it back', () => {
    const paper = makePaper({ type: 'thesis', venue: undefined, publisher: 'MIT' });
    const out = serialize([{ paper }]);
    expect(out).toMatch(/^@phdthesis\{/);
    expect(out).toContain('  school = {MIT}');
    expect(out).not.toContain('publisher');
    expect(parse(out).items[0]?.paper).toMatchObject({ type: 'thesis', publisher: 'MIT' });
  });
});

describe('BibTeX: crossref and nested macros', () => {
  it('fills an entry from its crossref parent and does not import the proceedings as a paper', () => {
    const { items, errors } = parse(String.raw`
@string{topic = "Things"}
@string{conf = "Conference on " # topic}
@inproceedings{child, author = {Doe, Jane}, title = {A Paper}, pages = {1--9}, crossref = {procs}}
@proceedings{procs, title = {Proceedings of the 5th Workshop}, year = 2019, publisher = {ACM}, editor = {Roe, R.}}
@inproceedings{other, title = {B}, booktitle = conf, year = 2020}
`);
    expect(errors).toEqual([]);
    expect(items.map((i) => i.paper.title)).toEqual(['A Paper', 'B']);
    expect(items[0]?.paper).toMatchObject({
      venue: 'Proceedings of the 5th Workshop',
      year: 2019,
      publisher: 'ACM',
      pages: '1-9',
      authors: [{ family: 'Doe', given: 'Jane' }],
    });
    // A macro defined with another macro.
    expect(items[1]?.paper.venue).toBe('Conference on Things');
  });
});

describe('BibTeX: abstracts', () => {
  it('keeps an abstract paragraph that looks like an entry from being read as one', () => {
    // Braces are escaped anyway; `(` is BibTeX's other entry delimiter.
    const abstract = 'First paragraph.\n\n@misc(evil, title = "Injected")\n\nLast.';
    const { items, errors } = parse(serialize([item({ abstract }), item({ title: 'Second' })]));
    expect(errors).toEqual([]);
    expect(items.map((i) => i.paper.title)).toEqual(['Attention Is All You Need', 'Second']);
    expect(items[0]?.paper.abstract).toBe('First paragraph. @misc(evil, title = "Injected") Last.');
  });
});
