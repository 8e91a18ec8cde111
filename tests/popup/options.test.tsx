import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '@/components/popup/api';
import { hostnameOf } from '@/components/options/sites';
import { Options } from '@/entrypoints/options/Options';
import { citationKeyPattern, panelDisabledSites, panelEnabled } from '@/utils/settings';
import { byId, change, click, mount, unmountAll, waitFor } from './helpers';

vi.mock('@/components/popup/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/components/popup/api')>();
  return {
    errorMessage: real.errorMessage,
    getStats: vi.fn(),
    listPapers: vi.fn(),
    removePaper: vi.fn(),
    exportPapers: vi.fn(),
    downloadText: vi.fn(),
    previewImport: vi.fn(),
    importPapers: vi.fn(),
  };
});
const m = vi.mocked(api);

beforeEach(() => {
  m.getStats.mockResolvedValue({
    count: 2,
    byStatus: { 'to-read': 2, reading: 0, read: 0 },
    tags: [],
  });
  m.listPapers.mockResolvedValue({
    records: [{ id: 'p_1' }, { id: 'p_2' }] as never,
    total: 2,
  });
  m.removePaper.mockResolvedValue('u');
});
afterEach(unmountAll);

describe('options', () => {
  it('reads a site from what the user types', () => {
    expect(hostnameOf('https://ArXiv.org/abs/1706.03762')).toBe('arxiv.org');
    expect(hostnameOf(' pubmed.ncbi.nlm.nih.gov ')).toBe('pubmed.ncbi.nlm.nih.gov');
    expect(hostnameOf('not a site')).toBeUndefined();
    expect(hostnameOf('')).toBeUndefined();
  });

  it('saves the panel switch, per-site switches and a checked key pattern', async () => {
    const root = await mount(<Options />);
    await waitFor(() => byId(root, 'panel-enabled'));
    await click(byId(root, 'panel-enabled'));
    await waitFor(async () => (await panelEnabled.getValue()) === false);
    expect(await panelEnabled.getValue()).toBe(false);

    await change(byId(root, 'site-input'), 'https://arxiv.org/abs/1');
    await click(byId(root, 'site-add'));
    await waitFor(() => byId(root, 'disabled-sites')?.textContent?.includes('arxiv.org'));
    expect(await panelDisabledSites.getValue()).toEqual(['arxiv.org']);

    await change(byId(root, 'key-pattern'), '{bogus}');
    expect(byId(root, 'key-pattern-help')?.textContent).toContain('Unknown part');
    expect((byId(root, 'key-pattern-save') as HTMLButtonElement).disabled).toBe(true);
    await change(byId(root, 'key-pattern'), '{author}_{year}');
    expect(byId(root, 'key-pattern-help')?.textContent).toContain('vaswani_2017');
    await click(byId(root, 'key-pattern-save'));
    await waitFor(async () => (await citationKeyPattern.getValue()) === '{author}_{year}');
  });

  it('clears the library only after confirmation', async () => {
    const root = await mount(<Options />);
    await waitFor(() => byId(root, 'library-count')?.textContent?.includes('2 papers'));
    await click(byId(root, 'clear-library'));
    expect(m.removePaper).not.toHaveBeenCalled();
    await click(byId(root, 'clear-no'));
    expect(byId(root, 'clear-confirm')).toBeNull();
    await click(byId(root, 'clear-library'));
    await click(byId(root, 'clear-yes'));
    await waitFor(() => byId(root, 'data-status'));
    expect(m.removePaper.mock.calls.map((c) => c[0])).toEqual(['p_1', 'p_2']);
    expect(byId(root, 'data-status')?.textContent).toContain('Removed 2 papers');
  });
});
