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
  it('split author names a site joined without "&", and drop "et al"', () => {
    const fields = scholarLookup(
      'http://scholar.google.com/scholar_lookup?hl=en&publication_year=2013&author=SK+Peasahauthor=E+Azziz-Baumgartnerauthor=et+al&title=Influenza+cost',
    );
    expect(fields?.authors?.map((a) => a.family)).toEqual(['Peasah', 'Azziz-Baumgartner']);
    expect(fields?.title).toBe('Influenza cost');
    expect(fields?.year).toBe(2013);
    expect(scholarLookup('https://scholar.google.com/scholar_lookup')).toBeUndefined();
  });
});
