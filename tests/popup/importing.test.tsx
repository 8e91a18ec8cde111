import { afterEach, describe, expect, it } from 'vitest';
import { ImportPreview } from '@/components/popup/ImportPanel';
import {
  buildPreview,
  checkImportItem,
  describeCounts,
  ImportError,
  MAX_FILE_BYTES,
  readImportFile,
  toImportItem,
} from '@/components/popup/importing';
import { allById, byId, makePaper, mount, unmountAll } from './helpers';

afterEach(unmountAll);

const BIB = `@article{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  year = {2017},
  journal = {NeurIPS}
}
@article{broken,
  title = {Unclosed
`;

describe('reading a file to import', () => {
  it('detects BibTeX, parses it and keeps what the background would accept', async () => {
    const parsed = await readImportFile(new File([BIB], 'refs.bib'));
    expect(parsed.format).toBe('bibtex');
    expect(parsed.items.map((i) => i.paper.title)).toEqual(['Attention Is All You Need']);
    expect(parsed.items[0]!.paper.authors[0]).toMatchObject({ family: 'Vaswani' });
  });

  it('reports entries the background would refuse as invalid, with the reason', async () => {
    const item = toImportItem({ paper: makePaper({ url: 'javascript:alert(1)' }) });
    expect(checkImportItem(item)).toMatch(/http/);
    expect(checkImportItem(toImportItem({ paper: makePaper() }))).toBeUndefined();
  });

  it('maps the user data a backup carries, dropping unknown statuses', () => {
    const item = toImportItem({
      paper: makePaper(),
      status: 'reading',
      tags: ['nlp'],
      notes: 'n',
      starred: true,
      savedAt: 5,
      pageUrls: [],
    });
    expect(item.user).toEqual({ status: 'reading', tags: ['nlp'], notes: 'n', starred: true });
    expect(item.savedAt).toBe(5);
    expect('pageUrls' in item).toBe(false);
    expect(toImportItem({ paper: makePaper(), status: 'someday' }).user).toBeUndefined();
  });

  it('refuses what it cannot import, saying nothing changed', async () => {
    await expect(readImportFile(new File(['hello world'], 'notes.txt'))).rejects.toThrow(
      /not a file Papershelf can import.*Nothing was changed/,
    );
    await expect(readImportFile(new File([BIB], 'refs.bib'), ['json'])).rejects.toThrow(
      ImportError,
    );
    await expect(
      readImportFile(new File(['{"format":"papershelf-backup", "schemaVersion": 1'], 'b.json')),
    ).rejects.toThrow(/not valid JSON.*Nothing was changed/);
    await expect(
      readImportFile(new File([new Uint8Array([0, 1, 2, 0, 0, 255])], 'x.bib')),
    ).rejects.toThrow(ImportError);
  });

  it('refuses a huge non-backup file without reading it whole', async () => {
    let read = false;
    const head = '@article{a, title={x}}\n';
    const file = {
      name: 'junk.bib',
      size: MAX_FILE_BYTES + 1,
      slice: () => new Blob([head]),
      text: async () => {
        read = true;
        return head;
      },
    };
    await expect(readImportFile(file)).rejects.toThrow(/too large/);
    expect(read).toBe(false);
  });
});

describe('the import preview', () => {
  const decisions = [
    { index: 2, action: 'skip' as const, title: 'Already here', existingId: 'p_1' },
    { index: 0, action: 'new' as const, title: 'Brand new' },
    { index: 1, action: 'merge' as const, title: 'Preprint of mine', existingId: 'p_2' },
    { index: 3, action: 'new' as const, title: 'Another new one' },
  ];
  const invalid = [
    { index: 4, entry: '@article{broken, title = {Unclosed', reason: 'unclosed brace' },
  ];

  it('groups decisions (new, merged, skipped, invalid) in file order and counts them', () => {
    const p = buildPreview(decisions, invalid);
    expect(p.counts).toEqual({ new: 2, merge: 1, skip: 1, invalid: 1 });
    expect(p.rows.map((r) => r.title)).toEqual([
      'Brand new',
      'Another new one',
      'Preprint of mine',
      'Already here',
      '@article{broken, title = {Unclosed',
    ]);
    expect(p.rows[4]).toMatchObject({ action: 'invalid', reason: 'unclosed brace' });
    expect(describeCounts(p.counts)).toBe(
      '2 new, 1 merged with papers you have, 1 already saved, 1 invalid',
    );
    expect(describeCounts({ new: 0, merge: 0, skip: 0, invalid: 0 })).toBe('nothing to import');
  });

  it('shows every group, the invalid entries with their reason, as text', async () => {
    const preview = buildPreview(
      [...decisions, { index: 5, action: 'new', title: '<b onclick="x()">Bold</b>' }],
      invalid,
    );
    const root = await mount(
      <ImportPreview
        file={{ fileName: 'refs.bib', items: [] }}
        preview={preview}
        applying={false}
        onApply={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(byId(root, 'import-summary')?.textContent).toContain('3 new');
    expect(byId(root, 'import-group-invalid')?.textContent).toContain('unclosed brace');
    expect(allById(root, 'import-row').map((r) => r.dataset.action)).toEqual([
      'new',
      'new',
      'new',
      'merge',
      'skip',
      'invalid',
    ]);
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<b onclick="x()">Bold</b>');
    // Nothing to send: applying is not offered.
    expect((byId(root, 'import-apply') as HTMLButtonElement).disabled).toBe(true);
  });
});
