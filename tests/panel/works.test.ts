import { describe, expect, it } from 'vitest';
import {
  formatReference,
  identifierLinks,
  paperFromWorkRef,
  toBibtex,
  workLink,
} from '@/components/panel/works';
import { serialize } from '@/utils/formats/bibtex-writer';
import type { Paper } from '@/utils/paper';

const base: Paper = {
  title: 'Attention Is All You Need',
  authors: [
    { given: 'Ashish', family: 'Vaswani' },
    { given: 'Noam', family: 'Shazeer' },
    { literal: 'Google Brain' },
  ],
  year: 2017,
  venue: 'Advances in Neural Information Processing Systems',
  volume: '30',
  pages: '5998-6008',
  arxivId: '1706.03762',
  keywords: [],
  keyTerms: [],
  references: [],
  citations: [],
  sources: {},
};

describe('formatted reference', () => {
  it('is APA-like: authors (year). Title. Venue, volume, pages. link', () => {
    expect(formatReference(base)).toBe(
      'Vaswani, A., Shazeer, N., & Google Brain (2017). Attention Is All You Need. Advances in Neural Information Processing Systems, 30, 5998-6008. https://arxiv.org/abs/1706.03762',
    );
  });
  it('prefers the DOI link and says n.d. without a year', () => {
    const p = {
      ...base,
      year: undefined,
      doi: '10.1/x',
      authors: [{ given: 'Jean-Paul', family: 'Sartre' }],
    };
    expect(formatReference(p)).toBe(
      'Sartre, J.-P. (n.d.). Attention Is All You Need. Advances in Neural Information Processing Systems, 30, 5998-6008. https://doi.org/10.1/x',
    );
  });
});

describe('BibTeX', () => {
  it('writes one entry with escaped fields and arXiv eprint fields', () => {
    const paper: Paper = {
      ...base,
      title: 'Costs & {Benefits} of 100% $wins$_now',
      type: 'paper-conference',
      doi: '10.1000/a_b',
    };
    const bib = toBibtex(paper);
    expect(bib).toMatch(/^@inproceedings\{vaswani2017costs,\n/);
    expect(bib).toContain(
      'title = {Costs \\& {\\textbraceleft{}Benefits\\textbraceright{}} of 100\\% \\$wins\\$\\_now}',
    );
    // A DOI is a verbatim field: no LaTeX escapes inside it.
    expect(bib).toContain('doi = {10.1000/a_b}');
    // The copied entry is the one the BibTeX export writes.
    expect(bib).toBe(serialize([{ paper }]));
    expect(bib).toContain('author = {Vaswani, Ashish and Shazeer, Noam and {Google Brain}}');
    expect(bib).toContain('booktitle = {Advances in Neural Information Processing Systems}');
    expect(bib).toContain('pages = {5998--6008}');
    expect(bib).toContain('eprint = {1706.03762}');
    expect(bib.trimEnd().endsWith('}')).toBe(true);
    // Braces balance, so the entry parses.
    const unescaped = bib.replace(/\\[{}]/g, '');
    expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
  });
  it('follows the citation-key pattern', () => {
    expect(toBibtex(base, '{author}{year}')).toMatch(/^@article\{vaswani2017,/);
  });
});

describe('identifier links', () => {
  it('links DOI, arXiv, PubMed and PMC to their resolvers', () => {
    const links = identifierLinks({ ...base, doi: '10.1000/a<b>', pmid: '123', pmcid: 'PMC456' });
    expect(links.map((l) => [l.kind, l.href])).toEqual([
      ['doi', 'https://doi.org/10.1000/a%3Cb%3E'],
      ['arxiv', 'https://arxiv.org/abs/1706.03762'],
      ['pmid', 'https://pubmed.ncbi.nlm.nih.gov/123'],
      ['pmcid', 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC456'],
    ]);
  });
});

describe('a Paper from a listed work', () => {
  it('keeps what the row gives, marks it as from the page, and drops unsafe links', () => {
    const p = paperFromWorkRef({
      title: 'Why should I trust you?',
      authors: [{ given: 'Marco Tulio', family: 'Ribeiro' }],
      year: 2016,
      doi: '10.1145/2939672.2939778',
      url: 'javascript:alert(1)',
    });
    expect(p).toMatchObject({
      title: 'Why should I trust you?',
      year: 2016,
      issued: { date: '2016', precision: 'year' },
      doi: '10.1145/2939672.2939778',
      keywords: [],
      references: [],
      citations: [],
    });
    expect(p.url).toBeUndefined();
    expect(p.sources).toMatchObject({ title: 'page', authors: 'page', year: 'page', doi: 'page' });
    expect(paperFromWorkRef({ raw: ' Smith J. A raw citation. 2001. ', authors: [] }).title).toBe(
      'Smith J. A raw citation. 2001.',
    );
  });
  it('links a work by URL, else DOI, arXiv or PubMed, only over http(s)', () => {
    expect(workLink({ authors: [], url: 'https://x.org/a', doi: '10.1/b' })).toBe(
      'https://x.org/a',
    );
    expect(workLink({ authors: [], url: 'javascript:1', doi: '10.1/b' })).toBe(
      'https://doi.org/10.1/b',
    );
    expect(workLink({ authors: [], pmid: '9' })).toBe('https://pubmed.ncbi.nlm.nih.gov/9/');
    expect(workLink({ authors: [] })).toBeUndefined();
  });
});
