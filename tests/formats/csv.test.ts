import Papa from 'papaparse';
import { safeCell, serialize } from '@/utils/formats/csv';
import { item } from './helpers';

function rows(csv: string): string[][] {
  return Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
}

describe('CSV', () => {
  it('writes a header and one RFC 4180 row per paper', () => {
    const out = serialize([
      item(
        {},
        { status: 'read', tags: ['nlp', 'to cite'], notes: 'Said "wow", twice.\nSecond line' },
      ),
    ]);
    expect(out.split('\r\n')[0]).toBe(
      'title,authors,year,venue,doi,arxiv,pmid,url,status,tags,notes,abstract,saved',
    );
    expect(out).toContain('"Said ""wow"", twice.\nSecond line"');
    const [header, row] = rows(out);
    expect(header).toHaveLength(13);
    expect(row?.slice(0, 10)).toEqual([
      'Attention Is All You Need',
      'Ashish Vaswani; Noam Shazeer',
      '2017',
      'Advances in Neural Information Processing Systems',
      '10.5555/3295222.3295349',
      '1706.03762',
      '',
      'https://arxiv.org/abs/1706.03762',
      'read',
      'nlp; to cite',
    ]);
  });

  it('never lets a cell start a formula (CSV injection)', () => {
    const hostile = [
      '=HYPERLINK("http://evil","x")',
      '+1+2',
      '-2+3',
      '@SUM(A1)',
      '\tTAB',
      '\rCR',
      '  =1+1',
      '=1\n=2',
      '＝1+1',
    ];
    for (const h of hostile) expect(safeCell(h).startsWith("'")).toBe(true);
    expect(safeCell('Normal title')).toBe('Normal title');
    expect(safeCell('a = b')).toBe('a = b');
    const out = serialize(
      hostile.map((title) =>
        item({ title, authors: [{ literal: '=cmd|calc' }] }, { notes: title, tags: ['@x'] }),
      ),
    );
    const cells = rows(out).slice(1).flat();
    for (const cell of cells) {
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('writes an empty file with only the header for no papers', () => {
    expect(serialize([])).toBe(
      'title,authors,year,venue,doi,arxiv,pmid,url,status,tags,notes,abstract,saved\r\n',
    );
  });
});
