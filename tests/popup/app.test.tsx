import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '@/components/popup/api';
import { ImportPanel } from '@/components/popup/ImportPanel';
import { App } from '@/entrypoints/popup/App';
import type { LibraryRecord } from '@/utils/library/schema';
import { allById, byId, change, click, makeRecord, mount, unmountAll, waitFor } from './helpers';

vi.mock('@/components/popup/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/components/popup/api')>();
  return {
    IMPORT_CHUNK: real.IMPORT_CHUNK,
    errorMessage: real.errorMessage,
    listPapers: vi.fn(),
    getStats: vi.fn(),
    updatePaper: vi.fn(),
    removePaper: vi.fn(),
    undoRemove: vi.fn(),
    exportPapers: vi.fn(),
    previewImport: vi.fn(),
    importPapers: vi.fn(),
    saveTabs: vi.fn(),
    openOptionsPage: vi.fn(),
    copyText: vi.fn(),
    downloadText: vi.fn(),
    readKeyPattern: vi.fn(),
    readDefaultExportFormat: vi.fn(),
  };
});

const m = vi.mocked(api);
let library: LibraryRecord[];

function serve() {
  m.listPapers.mockImplementation(async (q) => {
    const sorted = [...library].sort((a, b) => b.savedAt - a.savedAt);
    const start = Number(q.cursor ?? 0);
    const records = sorted.slice(start, start + (q.limit ?? 50));
    const next = start + records.length;
    return {
      records,
      total: sorted.length,
      ...(next < sorted.length ? { nextCursor: String(next) } : {}),
    };
  });
  m.updatePaper.mockImplementation(async (id, patch) => {
    const i = library.findIndex((r) => r.id === id);
    library[i] = { ...library[i]!, user: { ...library[i]!.user, ...patch } };
    return library[i]!;
  });
  const removed = new Map<string, LibraryRecord>();
  m.removePaper.mockImplementation(async (id) => {
    const r = library.find((x) => x.id === id)!;
    library = library.filter((x) => x.id !== id);
    removed.set(`u_${id}`, r);
    return `u_${id}`;
  });
  m.undoRemove.mockImplementation(async (token) => {
    const r = removed.get(token)!;
    library.push(r);
    return r;
  });
  m.exportPapers.mockImplementation(async () => ({
    records: library,
    exportedAt: 0,
    schemaVersion: 1,
  }));
  m.readKeyPattern.mockResolvedValue('{author}{year}{title}');
  m.readDefaultExportFormat.mockResolvedValue('bibtex');
  m.copyText.mockResolvedValue(true);
}

beforeEach(() => {
  library = [
    makeRecord({}, { tags: ['nlp'] }, 'p_attention'),
    makeRecord(
      {
        title: 'Highly accurate protein structure prediction with AlphaFold',
        authors: [{ given: 'John', family: 'Jumper' }],
        year: 2021,
        venue: 'Nature',
        pdfUrl: 'javascript:alert(1)',
      },
      { status: 'read', tags: ['biology'] },
      'p_alphafold',
    ),
    makeRecord({ title: 'BERT', year: 2019 }, { status: 'reading' }, 'p_bert'),
  ];
  serve();
});
afterEach(unmountAll);

const titles = (root: HTMLElement) =>
  allById(root, 'paper').map((r) => r.querySelector('.title')?.textContent);

describe('the popup reading list', () => {
  it('shows every paper, newest first, with authors, year, venue, status and tags', async () => {
    const root = await mount(<App />);
    expect(byId(root, 'count')?.textContent).toBe('3 papers');
    expect(titles(root)).toEqual([
      'BERT',
      'Highly accurate protein structure prediction with AlphaFold',
      'Attention Is All You Need',
    ]);
    const alpha = allById(root, 'paper')[1]!;
    expect(alpha.textContent).toContain('Jumper');
    expect(alpha.textContent).toContain('2021');
    expect(alpha.textContent).toContain('Nature');
    expect((alpha.querySelector('[data-testid=row-status]') as HTMLSelectElement).value).toBe(
      'read',
    );
    expect(allById(alpha, 'tag').map((t) => t.textContent)).toEqual(['biology']);
    // Only http(s) PDFs become links.
    expect(byId(alpha, 'open-pdf')).toBeNull();
    expect(byId(allById(root, 'paper')[2]!, 'open-pdf')?.getAttribute('href')).toBe(
      'https://arxiv.org/pdf/1706.03762',
    );
  });

  it('shows the first page at once and loads the rest in pages', async () => {
    library = Array.from({ length: 1200 }, (_, i) =>
      makeRecord({ title: `Paper number ${i}` }, {}, `p_${i}`),
    );
    const root = await mount(<App />);
    expect(m.listPapers.mock.calls[0]![0]).toMatchObject({ limit: 50 });
    await waitFor(() => !byId(root, 'loading-more'));
    expect(m.listPapers.mock.calls.length).toBe(3);
    expect(byId(root, 'count')?.textContent).toBe('1200 papers');
    // Windowed: a few rows in the DOM, not 1,200.
    expect(allById(root, 'paper').length).toBeLessThan(40);
  });

  it('searches as the user types, with highlights, and filters by status and tag', async () => {
    const root = await mount(<App />);
    await change(byId(root, 'search'), 'protien');
    expect(titles(root)).toEqual(['Highly accurate protein structure prediction with AlphaFold']);
    expect(
      [...root.querySelectorAll('[data-testid=paper] mark')].map((x) => x.textContent),
    ).toEqual(['protein']);
    await change(byId(root, 'search'), '');
    await change(byId(root, 'status-filter'), 'reading', 'change');
    expect(titles(root)).toEqual(['BERT']);
    await change(byId(root, 'status-filter'), '', 'change');
    await change(byId(root, 'tag-filter'), 'nlp', 'change');
    expect(titles(root)).toEqual(['Attention Is All You Need']);
    await change(byId(root, 'search'), 'alphafold');
    expect(byId(root, 'no-match')?.textContent).toContain('No paper matches');
  });

  it('sorts by title and by year', async () => {
    const root = await mount(<App />);
    await change(byId(root, 'sort'), 'title', 'change');
    expect(titles(root)[0]).toBe('Attention Is All You Need');
    await change(byId(root, 'sort'), 'year', 'change');
    expect(titles(root)[0]).toBe('Highly accurate protein structure prediction with AlphaFold');
  });

  it('changes a status, removes a paper and brings it back with Undo', async () => {
    const root = await mount(<App />);
    await change(allById(root, 'row-status')[0], 'read', 'change');
    expect(m.updatePaper).toHaveBeenCalledWith('p_bert', { status: 'read' });
    await click(byId(allById(root, 'paper')[0]!, 'remove'));
    expect(m.removePaper).toHaveBeenCalledWith('p_bert');
    expect(byId(root, 'count')?.textContent).toBe('2 papers');
    await click(byId(root, 'undo'));
    expect(m.undoRemove).toHaveBeenCalledWith('u_p_bert');
    expect(byId(root, 'count')?.textContent).toBe('3 papers');
    expect(titles(root)).toContain('BERT');
  });

  it('edits tags and notes', async () => {
    const root = await mount(<App />);
    await click(byId(allById(root, 'paper')[2]!, 'edit'));
    await change(byId(root, 'detail-tags'), 'nlp, transformers, nlp');
    await change(byId(root, 'detail-notes'), 'Key paper');
    await click(byId(root, 'detail-save'));
    expect(m.updatePaper).toHaveBeenCalledWith('p_attention', {
      status: 'to-read',
      tags: ['nlp', 'transformers'],
      notes: 'Key paper',
    });
    expect(titles(root)).toHaveLength(3);
  });

  it('selects several papers and acts on them at once', async () => {
    const root = await mount(<App />);
    await click(allById(root, 'select')[0]);
    await click(allById(root, 'select')[1]);
    expect(byId(root, 'selected-count')?.textContent).toBe('2 selected');
    await change(byId(root, 'bulk-tag'), 'later');
    await click(byId(root, 'bulk-tag-add'));
    expect(m.updatePaper).toHaveBeenCalledWith('p_bert', { tags: ['later'] });
    expect(m.updatePaper).toHaveBeenCalledWith('p_alphafold', { tags: ['biology', 'later'] });
    await click(byId(root, 'bulk-remove'));
    expect(byId(root, 'count')?.textContent).toBe('1 paper');
    expect(byId(root, 'bulk')).toBeNull();
    await click(byId(root, 'undo'));
    expect(byId(root, 'count')?.textContent).toBe('3 papers');
  });

  it('copies a BibTeX citation', async () => {
    const root = await mount(<App />);
    await click(byId(allById(root, 'paper')[2]!, 'copy-citation'));
    await waitFor(() => m.copyText.mock.calls.length);
    expect(m.copyText.mock.calls[0]![0]).toMatch(/@\w+\{vaswani2017attention,/);
    expect(byId(root, 'toast')?.textContent).toContain('copied');
  });

  it('exports the selection as a dated file', async () => {
    const root = await mount(<App />);
    await click(allById(root, 'select')[2]);
    await click(byId(root, 'bulk-export'));
    await change(byId(root, 'export-format'), 'ris', 'change');
    await click(byId(root, 'export-download'));
    await waitFor(() => m.downloadText.mock.calls.length);
    const [text, name] = m.downloadText.mock.calls[0]!;
    expect(name).toMatch(/^papershelf-\d{4}-\d{2}-\d{2}\.ris$/);
    expect(text).toContain('Attention Is All You Need');
    expect(text).not.toContain('BERT');
  });

  it('reports what saving the paper tabs did', async () => {
    m.saveTabs.mockResolvedValue({ saved: 2, merged: 1, notPapers: 3, failed: 0 });
    const root = await mount(<App />);
    await click(byId(root, 'save-tabs'));
    expect(byId(root, 'toast')?.textContent).toContain(
      '2 papers saved, 1 merged with papers you had, 3 tabs not a paper',
    );
  });

  it('helps when the library is empty and says clearly when it cannot be read', async () => {
    library = [];
    let root = await mount(<App />);
    expect(byId(root, 'empty')?.textContent).toContain('Your reading list is empty');
    unmountAll();
    m.listPapers.mockRejectedValue(new Error('The database is unavailable.'));
    root = await mount(<App />);
    expect(byId(root, 'error')?.textContent).toContain('The database is unavailable.');
  });
});

describe('import', () => {
  it('previews before anything changes, then applies with one importPapers call', async () => {
    m.previewImport.mockResolvedValue([
      { index: 0, action: 'merge', existingId: 'p_attention', title: 'Attention Is All You Need' },
      { index: 1, action: 'new', title: 'Another paper' },
    ]);
    m.importPapers.mockResolvedValue({
      created: 1,
      merged: 1,
      unchanged: 0,
      ids: ['p_attention', 'p_9'],
    });
    const onImported = vi.fn();
    const root = await mount(<ImportPanel onImported={onImported} />);
    const input = byId(root, 'import-file') as HTMLInputElement;
    const bib = `@article{a, title={Attention Is All You Need}, author={Vaswani, Ashish}, year={2017}}
@article{b, title={Another paper}, url={javascript:alert(1)}, year={2017}}`;
    Object.defineProperty(input, 'files', { value: [new File([bib], 'refs.bib')] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => byId(root, 'import-summary'));
    expect(byId(root, 'import-summary')?.textContent).toContain('1 merged with papers you have');
    expect(m.importPapers).not.toHaveBeenCalled();
    await click(byId(root, 'import-apply'));
    expect(m.importPapers).toHaveBeenCalledTimes(1);
    expect(m.importPapers.mock.calls[0]![0]).toHaveLength(2);
    // A link that is not http(s) never reaches the library.
    expect(JSON.stringify(m.importPapers.mock.calls[0]![0])).not.toContain('javascript:');
    expect(byId(root, 'import-result')?.textContent).toContain('1 merged');
    expect(onImported).toHaveBeenCalled();
  });

  it('gives a clear error for a file it cannot read, and changes nothing', async () => {
    const root = await mount(<ImportPanel />);
    const input = byId(root, 'import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.7 junk'], 'paper.pdf')] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => byId(root, 'import-error'));
    expect(byId(root, 'import-error')?.textContent).toMatch(/Nothing was changed/);
    expect(m.previewImport).not.toHaveBeenCalled();
    expect(m.importPapers).not.toHaveBeenCalled();
  });
});
