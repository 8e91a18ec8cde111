import { BACKUP_FORMAT, parse, serialize } from '@/utils/formats/json';
import { FormatError, type ExportItem } from '@/utils/formats/types';
import type { Paper } from '@/utils/paper';
import { fixture, item, makePaper } from './helpers';

/** A paper with every optional field set: the backup must keep all of them. */
function fullPaper(): Paper {
  return makePaper({
    publishedDoi: '10.1000/journal.1',
    pmid: '123456',
    pmcid: 'PMC654321',
    isbn: ['9780262035613'],
    issn: ['0028-0836'],
    issue: '4',
    citations: [
      {
        title: 'Citing <work> & "friends"',
        authors: [{ literal: 'Some Consortium' }],
        year: 2020,
        venue: 'Venue',
        doi: '10.1/x',
        pmid: '1',
        url: 'https://example.org/x',
        raw: 'Raw citation string',
      },
    ],
    sources: {
      title: 'jsonld',
      authors: 'highwire',
      publishedDoi: 'site:arxiv',
      keyTerms: 'computed',
      references: 'page',
    },
  });
}

function fullItem(): ExportItem {
  return {
    id: 'p_123e4567-e89b-12d3-a456-426614174000',
    paper: fullPaper(),
    status: 'reading',
    tags: ['nlp', 'to cite'],
    notes: 'Multi-line\nnotes with "quotes" and <markup>',
    starred: true,
    savedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_100_000,
    pageUrls: ['https://arxiv.org/abs/1706.03762v7', 'https://papers.nips.cc/paper/7181'],
    versions: [
      { kind: 'preprint', arxivId: '1706.03762', arxivVersion: 'v7', seenAt: 1_700_000_000_000 },
      {
        kind: 'published',
        doi: '10.5555/3295222.3295349',
        title: 'Attention Is All You Need',
        venue: 'NeurIPS',
        year: 2017,
        url: 'https://papers.nips.cc/paper/7181',
        seenAt: 1_700_000_050_000,
      },
    ],
  };
}

describe('JSON backup', () => {
  it('writes a versioned header and every item', () => {
    const backup = JSON.parse(serialize([fullItem()], { exportedAt: Date.UTC(2026, 10, 24) }));
    expect(backup).toMatchObject({
      format: BACKUP_FORMAT,
      schemaVersion: 1,
      exportedAt: '2026-11-24T00:00:00.000Z',
    });
    expect(backup.items).toEqual([fullItem()]);
  });

  it('is lossless: export → parse → export gives identical text', () => {
    const items = [fullItem(), item(), { paper: makePaper({ title: 'Ünïcödé 日本語 \u2028 \\' }) }];
    const first = serialize(items, { exportedAt: 0 });
    const { items: back, errors } = parse(first);
    expect(errors).toEqual([]);
    expect(back).toEqual(items);
    expect(serialize(back, { exportedAt: 0 })).toBe(first);
  });

  it('reads a version 1 backup written earlier', () => {
    const { items, errors } = parse(fixture('backup-v1.json'));
    expect(errors).toEqual([]);
    expect(items[0]?.paper.title).toBe('Attention Is All You Need');
    expect(items[0]?.status).toBe('read');
    expect(items[0]?.paper.sources.title).toBe('highwire');
  });

  it('refuses files that are not a Papershelf backup, or from a newer version', () => {
    expect(() => parse('[]')).toThrow(/not a Papershelf backup/);
    expect(() => parse('{"format":"other"}')).toThrow(/not a Papershelf backup/);
    expect(() => parse(`{"format":"${BACKUP_FORMAT}","schemaVersion":2,"items":[]}`)).toThrow(
      /newer Papershelf/,
    );
    expect(() => parse(`{"format":"${BACKUP_FORMAT}","schemaVersion":"1","items":[]}`)).toThrow(
      /schema version/,
    );
    expect(() => parse(`{"format":"${BACKUP_FORMAT}","schemaVersion":1}`)).toThrow(FormatError);
    expect(() => parse('{"format": "papershelf-backup", trailing')).toThrow(/not valid JSON/);
  });

  it('reports each invalid item with its reason and keeps the valid ones', () => {
    const good = fullItem();
    const backup = {
      format: BACKUP_FORMAT,
      schemaVersion: 1,
      exportedAt: '2026-11-24T00:00:00.000Z',
      items: [
        good,
        { ...good, status: 'done' },
        { ...good, paper: { ...good.paper, title: 42 } },
        { ...good, paper: { ...good.paper, title: 'x'.repeat(20_000) } },
        { ...good, paper: { ...good.paper, authors: [{ given: 'A', family: 42 }] } },
        { ...good, paper: { ...good.paper, sources: { title: ['x'] } } },
        { ...good, tags: Array.from({ length: 2000 }, (_, i) => `t${i}`) },
        { paper: { title: 'No arrays' } },
        null,
        'string',
      ],
    };
    const { items, errors } = parse(JSON.stringify(backup));
    expect(items).toEqual([good]);
    expect(errors.map((e) => [e.index, e.reason])).toEqual([
      [1, 'item.status must be one of to-read, reading, read'],
      [2, 'item.paper.title must be text'],
      [3, 'item.paper.title is longer than 10000 characters'],
      [4, 'item.paper.authors[0].family must be text'],
      [5, 'item.paper.sources.title must be text'],
      [6, 'item.tags has more than 1000 entries'],
      [7, 'item.paper.authors is missing'],
      [8, 'item must be an object'],
      [9, 'item must be an object'],
    ]);
    expect(errors[0]?.entry).toBe('Attention Is All You Need');
  });

  it('drops fields it does not know, "__proto__" included, and writes only what it reads', () => {
    const text = `{"format":"${BACKUP_FORMAT}","schemaVersion":1,"items":[{"paper":{"title":"t","authors":[{"given":"A","evil":"<script>"}],"keywords":[],"keyTerms":[],"references":[],"citations":[],"sources":{"title":"x","bogus":"y"},"future":1},"__proto__":{"polluted":true}}]}`;
    const { items, errors } = parse(text);
    expect(errors).toEqual([]);
    expect(items[0]).toEqual({
      paper: {
        title: 't',
        authors: [{ given: 'A' }],
        keywords: [],
        keyTerms: [],
        references: [],
        citations: [],
        sources: { title: 'x' },
      },
    });
    expect(Object.getPrototypeOf(items[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const extra = { ...fullItem(), extra: 'from a newer library' } as ExportItem;
    const first = serialize([extra], { exportedAt: 0 });
    expect(first).not.toContain('from a newer library');
    expect(serialize(parse(first).items, { exportedAt: 0 })).toBe(first);
  });
});
