import { describe, expect, it } from 'vitest';
import { Highlight } from '@/components/popup/Highlight';
import {
  createIndex,
  highlightRanges,
  indexRecords,
  normalizeTerm,
  search,
  unindex,
} from '@/components/popup/search';
import { computeView } from '@/components/popup/view';
import { makeRecord, mount, unmountAll } from './helpers';
import { afterEach } from 'vitest';

afterEach(unmountAll);

function library() {
  const records = [
    makeRecord({}, { tags: ['nlp'], notes: 'Read section 3 twice' }, 'p_attention'),
    makeRecord(
      {
        title: 'Highly accurate protein structure prediction with AlphaFold',
        authors: [{ given: 'John', family: 'Jumper' }],
        year: 2021,
        venue: 'Nature',
        abstract: 'Proteins are essential to life.',
        keyTerms: [{ term: 'protein folding', weight: 1 }],
      },
      { status: 'read', tags: ['biology'] },
      'p_alphafold',
    ),
    makeRecord(
      {
        title: 'Über formal unentscheidbare Sätze',
        authors: [{ given: 'Kurt', family: 'Gödel' }],
        year: 1931,
        venue: 'Monatshefte für Mathematik',
        abstract: undefined,
        keyTerms: [],
      },
      { status: 'reading' },
      'p_godel',
    ),
  ];
  const index = createIndex();
  indexRecords(index, records);
  return { index, records: new Map(records.map((r) => [r.id, r])) };
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('search index', () => {
  it('indexes title, authors, abstract, key terms, venue, tags and notes', () => {
    const { index } = library();
    expect(ids(search(index, 'alphafold'))).toEqual(['p_alphafold']);
    expect(ids(search(index, 'jumper'))).toEqual(['p_alphafold']);
    expect(ids(search(index, 'essential'))).toEqual(['p_alphafold']);
    expect(ids(search(index, 'folding'))).toEqual(['p_alphafold']);
    expect(ids(search(index, 'monatshefte'))).toEqual(['p_godel']);
    expect(ids(search(index, 'nlp'))).toEqual(['p_attention']);
    expect(ids(search(index, 'twice'))).toEqual(['p_attention']);
  });

  it('tolerates typos, completes the word being typed, ignores accents', () => {
    const { index } = library();
    expect(ids(search(index, 'atention'))).toEqual(['p_attention']);
    expect(ids(search(index, 'protien'))).toEqual(['p_alphafold']);
    expect(ids(search(index, 'alph'))).toEqual(['p_alphafold']);
    expect(ids(search(index, 'godel'))).toEqual(['p_godel']);
    expect(ids(search(index, 'gödel sätze'))).toEqual(['p_godel']);
  });

  it('needs every word to match', () => {
    const { index } = library();
    expect(ids(search(index, 'attention nature'))).toEqual([]);
    expect(ids(search(index, 'vaswani need'))).toEqual(['p_attention']);
  });

  it('follows edits and removals', () => {
    const { index, records } = library();
    const edited = {
      ...records.get('p_godel')!,
      user: { ...records.get('p_godel')!.user, tags: ['logic'] },
    };
    indexRecords(index, [edited]);
    expect(ids(search(index, 'logic'))).toEqual(['p_godel']);
    unindex(index, 'p_godel');
    expect(ids(search(index, 'logic'))).toEqual([]);
    expect(search(index, '   ')).toEqual([]);
  });

  it('filters and sorts search results with the list view', () => {
    const { index, records } = library();
    const all = computeView(records, index, { search: '', status: '', tag: '', sort: 'year' });
    expect(all.ids).toEqual(['p_alphafold', 'p_attention', 'p_godel']);
    const read = computeView(records, index, {
      search: '',
      status: 'read',
      tag: '',
      sort: 'title',
    });
    expect(read.ids).toEqual(['p_alphafold']);
    const tagged = computeView(records, index, {
      search: 'a',
      status: '',
      tag: 'nlp',
      sort: 'relevance',
    });
    expect(tagged.ids).toEqual(['p_attention']);
    const found = computeView(records, index, {
      search: 'atention',
      status: '',
      tag: '',
      sort: 'relevance',
    });
    expect([...found.terms.get('p_attention')!]).toContain('attention');
  });
});

describe('highlighting', () => {
  it('finds the ranges of matched words, whatever their case and accents', () => {
    expect(normalizeTerm('Gödel')).toBe('godel');
    expect(highlightRanges('Attention Is All You Need', new Set(['attention', 'need']))).toEqual([
      [0, 9],
      [21, 25],
    ]);
    expect(highlightRanges('Kurt Gödel, 1931', new Set(['godel']))).toEqual([[5, 10]]);
    expect(highlightRanges('self-attention', new Set(['attention']))).toEqual([[5, 14]]);
    expect(highlightRanges('anything', new Set())).toEqual([]);
  });

  it('renders marks as elements and markup in titles as text', async () => {
    const title = '<img src=x onerror=alert(1)> Attention';
    const root = await mount(<Highlight text={title} terms={new Set(['attention'])} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toBe(title);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Attention']);
  });

  it('highlights what the index matched, typos included', () => {
    const { index } = library();
    const [hit] = search(index, 'atention');
    expect(highlightRanges('Attention Is All You Need', new Set(hit!.terms))).toEqual([[0, 9]]);
  });
});
