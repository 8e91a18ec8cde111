import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { parseVancouver, scholarLookup } from '../../../utils/extract/refs';
import { MAX_REFERENCES, visibleReferences } from '../../../utils/extract/sources/references';
import { docs, fixture, linkedomDoc } from './helpers';

const URL_ = 'https://journals.example.edu/jce/article/402';

describe.each(docs(fixture('reference-list.html')))(
  'the reference list a paper page prints, on $name',
  ({ doc }) => {
    const r = extractPage(doc, URL_);
    const refs = r.paper?.references ?? [];
    it('becomes the references when the metadata lists none, past a section menu', () => {
      expect(r.paper?.sources.references).toBe('page');
      expect(refs.map((x) => x.title ?? x.raw)).toEqual([
        'Carbon burial in salt marshes',
        'Seagrass recovery after dredging in shallow lagoons',
        'F. Rincon, J. Plasma Phys. 85, 205850401 (2019).',
        'Salt marsh birds and the timing of spring tides',
      ]);
    });
    it('reads a Vancouver entry into authors, title, journal, year, and its DOI link', () => {
      expect(refs[0]).toMatchObject({
        authors: [
          { given: 'AB', family: 'Smith' },
          { given: 'CD', family: 'Jones' },
        ],
        venue: 'J Coast Res',
        year: 2019,
        doi: '10.5555/jcr.2019.1',
        url: 'https://doi.org/10.5555/jcr.2019.1',
      });
    });
    it('takes the authors of its Google Scholar lookup, the title its markup names, the PMID of its PubMed link', () => {
      expect(refs[1]?.authors.map((a) => a.family)).toEqual(['Lopes', 'de Vries']);
      expect(refs[1]).toMatchObject({ year: 2020, pmid: '31234567', venue: 'Estuaries' });
    });
    it('keeps an entry without a title as its string, with its year and DOI', () => {
      expect(refs[2]).toMatchObject({ authors: [], year: 2019, doi: '10.1017/s0022377819000539' });
      expect(refs[2]?.title).toBeUndefined();
    });
    it('leaves out the entry number and the link labels, and links no search or service', () => {
      expect(refs[3]?.raw).toBe(
        'Price O, Adeyemi R. Salt marsh birds and the timing of spring tides. Ibis. 2018;160:77-90.',
      );
      expect(refs[3]?.url).toBeUndefined();
    });
  },
);

describe.each(docs(fixture('reference-blocks.html')))(
  'a reference list printed as blocks, on $name',
  ({ doc }) => {
    const r = extractPage(doc, 'https://tissue.example.com/science/article/pii/S1');
    const refs = r.paper?.references ?? [];
    it('is read one entry per block, under a heading with a link back to the top', () => {
      expect(r.paper?.sources.references).toBe('page');
      expect(refs).toHaveLength(4);
    });
    it('splits names written initials first, the title and the journal', () => {
      expect(refs[0]).toMatchObject({
        authors: [
          { given: 'J.R.', family: 'Fuchs' },
          { given: 'B.A.', family: 'Nasseri' },
          { given: 'J.P.', family: 'Vacanti' },
        ],
        title: 'Tissue engineering: a 21st century solution to surgical reconstruction',
        venue: 'Ann Thorac Surg',
        year: 2001,
      });
      expect(refs[2]?.authors.map((a) => a.family)).toEqual(['Cabrita', 'da Silva', 'Cabral']);
    });
    it('drops the link labels after an entry, and finds a DOI inside a redirect link', () => {
      expect(refs[0]?.raw).toBe(
        'J.R. Fuchs, B.A. Nasseri and J.P. Vacanti, Tissue engineering: a 21st century solution to surgical reconstruction. Ann Thorac Surg 72 (2001), pp. 577–591.',
      );
      expect(refs[1]?.doi).toBe('10.1126/science.1069210');
    });
    it('keeps an entry that is no citation of a title as its string', () => {
      expect(refs[3]).toMatchObject({
        raw: 'J. Ortega, personal communication (2008).',
        year: 2008,
      });
      expect(refs[3]?.title).toBeUndefined();
    });
  },
);

describe('visible references', () => {
  const page = (body: string, head = '') =>
    linkedomDoc(
      `<html><head><title>A paper</title>${head}</head><body><h1>A paper</h1>${body}</body></html>`,
    );
  const entries = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `<li>Author ${i} A. A cited work number ${i}. J Ex. ${1990 + (i % 30)};1:1-2.</li>`,
    ).join('');
  const base = new URL(URL_);

  it('lose to the references the metadata lists', () => {
    const html = fixture('reference-list.html').replace(
      '</head>',
      '<meta name="citation_reference" content="citation_title=Listed in the metadata; citation_publication_date=2001"></head>',
    );
    for (const { doc } of docs(html)) {
      const r = extractPage(doc, URL_);
      expect(r.paper?.sources.references).toBe('highwire');
      expect(r.paper?.references.map((x) => x.title)).toEqual(['Listed in the metadata']);
    }
  });
  it('are read under the heading only, up to the next section', () => {
    expect(visibleReferences(page(`<h2>Methods</h2><ol>${entries(3)}</ol>`), base)).toEqual([]);
    expect(
      visibleReferences(page(`<h2>References</h2><h2>Notes</h2><ol>${entries(3)}</ol>`), base),
    ).toEqual([]);
    expect(
      visibleReferences(page(`<h3>Literature cited</h3><div><ol>${entries(3)}</ol></div>`), base),
    ).toHaveLength(3);
  });
  it("are read from paragraphs and blocks of the heading's own section only, with years", () => {
    const para = (i: number) =>
      `<p>Author${i} A. (${2000 + i}). A cited work number ${i}. Journal of Examples ${i}, 1-2.</p>`;
    expect(
      visibleReferences(
        page(`<h2>References</h2><div class="refs">${para(1)}${para(2)}${para(3)}</div>`),
        base,
      ).map((x) => x.year),
    ).toEqual([2001, 2002, 2003]);
    // After an empty, collapsed section: the blocks that follow belong to other parts of the page.
    const dialog =
      '<div><div>Log in through your institution to read <a href="/a">Log in</a></div><div>Buy this article for a day of reading <a href="/b">Buy</a></div></div>';
    expect(
      visibleReferences(page(`<section><h4>References</h4></section>${dialog}`), base),
    ).toEqual([]);
    // In the section, blocks that give no year are no citations.
    expect(
      visibleReferences(page(`<section><h4>References</h4>${dialog}</section>`), base),
    ).toEqual([]);
  });
  it('link PubMed by Entrez ids, and undo links escaped twice', () => {
    const entry =
      '<li>Smith AB, Jones CD. Carbon burial in salt marshes. J Coast Res. 2019;12:34-56. <a href="http://www.ncbi.nlm.nih.gov/entrez/query.fcgi?cmd=Retrieve&amp;amp;db=PubMed&amp;amp;list_uids=16980212">PubMed</a></li>';
    const [ref] = visibleReferences(page(`<h2>References</h2><ol>${entry}${entry}</ol>`), base);
    expect(ref?.pmid).toBe('16980212');
    expect(ref?.url).toBe(
      'http://www.ncbi.nlm.nih.gov/entrez/query.fcgi?cmd=Retrieve&db=PubMed&list_uids=16980212',
    );
  });
  it('are not a list of short items without years or links', () => {
    const menu = '<ul><li>Introduction</li><li>Results</li><li>Discussion</li></ul>';
    expect(visibleReferences(page(`<h2>References</h2>${menu}`), base)).toEqual([]);
  });
  it('are at most MAX_REFERENCES on a hostile page', () => {
    const refs = visibleReferences(page(`<h2>References</h2><ol>${entries(600)}</ol>`), base);
    expect(refs).toHaveLength(MAX_REFERENCES);
  });
  it('lose a bare entry number before the citation', () => {
    const refs = visibleReferences(
      page(
        '<h2>References</h2><ol><li>1 Network motifs U Alon (2007) Nat Rev Genet 8:450.</li><li>2 Another cited work on tidal flats (2001).</li></ol>',
      ),
      base,
    );
    expect(refs.map((x) => x.raw)).toEqual([
      'Network motifs U Alon (2007) Nat Rev Genet 8:450.',
      'Another cited work on tidal flats (2001).',
    ]);
  });
});

describe('reference strings and lookup links', () => {
  it('read "Authors. Year. Title. Journal" with the year where the title would stand', () => {
    const ref = parseVancouver(
      'Archambault E, Amyot D. 2013. Proportion of open access papers. European Commission, Brussels.',
    );
    expect(ref.title).toBe('Proportion of open access papers');
    expect(ref.year).toBe(2013);
    expect(ref.authors.map((a) => a.family)).toEqual(['Archambault', 'Amyot']);
  });
  it('read names written initials first, and the title and journal of a physics entry', () => {
    const aps = parseVancouver(
      'A. W. Baggaley, C. F. Barenghi, A. Shukurov, and K. Subramanian, Reconnecting Flux-Rope Dynamo, Phys. Rev. E 80, 055301(R) (2009).',
    );
    expect(aps.authors.map((a) => a.family)).toEqual([
      'Baggaley',
      'Barenghi',
      'Shukurov',
      'Subramanian',
    ]);
    expect(aps).toMatchObject({ title: 'Reconnecting Flux-Rope Dynamo', venue: 'Phys. Rev. E' });
    expect(
      parseVancouver(
        'P. Tzeferacos et al., Laboratory evidence of dynamo, Nat. Commun. 9, 591 (2018).',
      ),
    ).toMatchObject({
      authors: [{ family: 'Tzeferacos' }],
      title: 'Laboratory evidence of dynamo',
    });
    expect(
      parseVancouver('A. A. Schekochihin, MHD Turbulence: A Biased Review, arXiv:2010.00699.'),
    ).toMatchObject({ title: 'MHD Turbulence: A Biased Review', arxivId: '2010.00699' });
  });
  it('leave a physics entry without a title, or with a name they cannot read, as its string', () => {
    const bare = parseVancouver('F. Rincon, J. Plasma Phys. 85, 205850401 (2019).');
    expect(bare.authors).toEqual([]);
    expect(bare.title).toBeUndefined();
    const unread = parseVancouver(
      'R. Santos-Lima, E. M. de Gouveia Dal Pino, and G. Kowal, Magnetic Field Amplification, Astrophys. J. 781, 84 (2014).',
    );
    expect(unread.authors).toEqual([]);
    expect(unread.title).toBeUndefined();
    expect(
      parseVancouver(
        'A. N. Kolmogorov, The Local Structure of Turbulence, Dokl. Akad. Nauk SSSR 30, 301 (1941) [Proc. R. Soc. A 434, 9 (1991)].',
      ).title,
    ).toBeUndefined();
  });
  it('split author names a site joined without "&", and drop "et al"', () => {
    const fields = scholarLookup(
      'http://scholar.google.com/scholar_lookup?hl=en&publication_year=2013&author=SK+Peasahauthor=E+Azziz-Baumgartnerauthor=et+al&title=Influenza+cost',
    );
    expect(fields?.authors?.map((a) => a.family)).toEqual(['Peasah', 'Azziz-Baumgartner']);
    expect(fields?.title).toBe('Influenza cost');
    expect(fields?.year).toBe(2013);
    expect(scholarLookup('https://scholar.google.com/scholar_lookup')).toBeUndefined();
  });
  it('read a lookup without a title or an issue as a book, its "journal" as its title', () => {
    // Frontiers: "Baguley T. (2012). Serious Stats. Basingstoke: Palgrave Macmillan."
    expect(
      scholarLookup(
        'http://scholar.google.com/scholar_lookup?author=T..%2BBaguley&publication_year=2012&journal=Serious+Stats%3A+A+Guide+to+Advanced+Statistics.',
      ),
    ).toEqual({
      title: 'Serious Stats: A Guide to Advanced Statistics',
      authors: [{ given: 'T.', family: 'Baguley' }],
      year: 2012,
    });
    // An article listed without its title keeps its journal as the journal (Springer's physics lists).
    for (const issue of ['volume=136&pages=248-248', 'pages=157-164', 'issue=6']) {
      const fields = scholarLookup(
        `http://scholar.google.com/scholar_lookup?&title=&journal=Phys.%20Rev.&${issue}&publication_year=1964`,
      );
      expect(fields?.venue).toBe('Phys. Rev');
      expect(fields).not.toHaveProperty('title');
    }
  });
  it('read values encoded twice, and names with their initials first', () => {
    // Frontiers: a space is "%2B", and a name's initials end with one stop too many.
    expect(
      scholarLookup(
        'http://scholar.google.com/scholar_lookup?author=C.%2BP.%2BG..%2BAllen&author=P..%2BSumner&publication_year=2014&title=The%2Btiming%2Bof%2Bvision.&journal=J.+Cogn.+Neurosci.',
      ),
    ).toEqual({
      title: 'The timing of vision',
      authors: [
        { given: 'C. P. G.', family: 'Allen' },
        { given: 'P.', family: 'Sumner' },
      ],
      year: 2014,
      venue: 'J. Cogn. Neurosci',
    });
    // "M. D." before a name are initials, not a degree; a "+" beside another is the title's own.
    expect(
      scholarLookup(
        'https://scholar.google.com/scholar_lookup?title=C%2B%2B&author=M.+D.+Girardeau&author=AB+van+der+Berg&author=de+Gennes+PG',
      ),
    ).toEqual({
      title: 'C++',
      authors: [
        { given: 'M. D.', family: 'Girardeau' },
        { given: 'AB', family: 'van der Berg' },
        { given: 'PG', family: 'de Gennes' },
      ],
    });
  });
});
