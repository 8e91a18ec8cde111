import { parse, serialize } from '@/utils/formats/ris';
import { FormatError } from '@/utils/formats/types';
import { biblio, fixture, item, makePaper } from './helpers';

describe('RIS: writing', () => {
  it('writes one tag per line, CRLF, from TY to ER, with notes as N1', () => {
    const out = serialize([
      item({ type: 'article-journal' }, { notes: 'First line\nsecond line', tags: ['t'] }),
    ]);
    const lines = out.split('\r\n');
    expect(lines[0]).toBe('TY  - JOUR');
    expect(lines).toContain('AU  - Vaswani, Ashish');
    expect(lines).toContain('TI  - Attention Is All You Need');
    expect(lines).toContain('PY  - 2017');
    expect(lines).toContain('DA  - 2017/06/12/');
    expect(lines).toContain('T2  - Advances in Neural Information Processing Systems');
    expect(lines).toContain('JO  - Advances in Neural Information Processing Systems');
    expect(lines).toContain('SP  - 5998');
    expect(lines).toContain('EP  - 6008');
    expect(lines).toContain('DO  - 10.5555/3295222.3295349');
    expect(lines).toContain('AN  - arXiv:1706.03762');
    expect(lines).toContain('KW  - attention');
    expect(lines).toContain('N1  - First line');
    expect(lines).toContain('N1  - second line');
    expect(lines.at(-2)).toBe('ER  - ');
    expect(out.endsWith('\r\n')).toBe(true);
  });

  it('never lets a line break in a value start a bogus tag', () => {
    const out = serialize([item({ title: 'Title\nER  - \nTY  - JOUR', abstract: 'a\r\nb' })]);
    expect(out.split('\r\n').filter((l) => l.startsWith('ER  -'))).toHaveLength(1);
    expect(parse(out).items[0]?.paper.title).toBe('Title ER - TY - JOUR');
  });
});

describe('RIS: reading', () => {
  it('reads the tag variants publishers write, and reports a record without a title', () => {
    const { items, errors } = parse(fixture('endnote.ris'));
    expect(errors).toEqual([
      {
        index: 2,
        entry: expect.stringContaining('Orphan'),
        reason: expect.stringMatching(/no title/),
      },
    ]);
    const [a, b, c] = items;
    expect(a?.paper).toMatchObject({
      type: 'article-journal',
      title: 'Attention is all you need',
      authors: [
        { family: 'Vaswani', given: 'Ashish' },
        { family: 'Shazeer', given: 'Noam' },
        { family: 'Kaiser', given: 'Łukasz' },
      ],
      issued: { date: '2017-12-04', precision: 'day' },
      year: 2017,
      venue: 'Advances in Neural Information Processing Systems',
      pages: '5998-6008',
      doi: '10.5555/3295222.3295349',
      keywords: ['transformers', 'attention'],
    });
    expect(a?.notes).toBe('Read for the reading group.');
    expect(b?.paper).toMatchObject({
      title: 'A PubMed-style record',
      authors: [{ family: 'Smith', given: 'John' }, { literal: 'World Health Organization' }],
      venue: 'The Lancet',
      year: 2020,
      issue: '4',
      issn: ['0140-6736'],
      pmid: '32123456',
      abstract: 'An abstract that a publisher wrapped over two lines.',
    });
    expect(b?.notes).toBeUndefined();
    expect(c?.paper).toMatchObject({ type: 'article', arxivId: '1810.04805', arxivVersion: 'v2' });
  });

  it('refuses a file with no record at all', () => {
    expect(() => parse('just some text\nwithout tags')).toThrow(FormatError);
  });
});

describe('RIS: round trip', () => {
  it('writes and reads back the bibliographic fields and the notes', () => {
    const paper = makePaper({
      type: 'article-journal',
      issn: ['0028-0836'],
      authors: [
        { family: 'van der Berg', given: 'Jan' },
        { family: 'King Jr.', given: 'Martin Luther' },
        { family: '王', given: '小明' },
        { literal: 'World Health Organization' },
      ],
      title: 'Math $O(n^2)$ & {braces} <b>not markup</b> ~ # _ \\',
    });
    const notes = 'Line one\nLine two';
    const [back] = parse(serialize([{ paper, notes }])).items;
    const { arxivVersion: _v, ...expected } = biblio(paper);
    expect(biblio(back!.paper)).toEqual(expected);
    expect(back?.notes).toBe(notes);
  });
});
