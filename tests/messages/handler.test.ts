import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createBackgroundHandler,
  createClient,
  MessageError,
  sendMessage,
  toRuntimeListener,
  type BackgroundDeps,
  type LibraryChange,
  type PageStateReport,
  type Response,
  type Sender,
} from '@/utils/messages';
import type { Paper } from '@/utils/paper';
import {
  biorxivPreprint,
  freshLibrary,
  natureArticle,
  paper,
  resnetArxiv,
} from '../library/helpers';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const popup: Sender = { id: EXT_ID, url: `${ORIGIN}popup.html` };
const contentScript = (tabId = 7, url = 'https://arxiv.org/abs/1512.03385'): Sender => ({
  id: EXT_ID,
  url,
  frameId: 0,
  tab: { id: tabId, url },
});

async function setup(extra: Partial<BackgroundDeps> = {}) {
  const { library } = await freshLibrary();
  const pageStates: [number, PageStateReport][] = [];
  const changes: LibraryChange[] = [];
  const handler = createBackgroundHandler({
    library,
    extensionId: EXT_ID,
    extensionOrigin: ORIGIN,
    onPageState: (tabId, state) => pageStates.push([tabId, state]),
    onLibraryChange: (c) => changes.push(c),
    ...extra,
  });
  const count = async () => (await library.getStats()).count;
  return { library, handler, pageStates, changes, count };
}

function expectError(r: Response, code: string, message?: RegExp) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  if (message) expect(r.error.message).toMatch(message);
}

describe('sender checks', () => {
  it.each<[string, Sender]>([
    [
      'another extension',
      { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' },
    ],
    ['no id', { url: `${ORIGIN}popup.html` }],
    [
      'a look-alike origin',
      { id: EXT_ID, url: `chrome-extension://${EXT_ID}.evil.example/popup.html` },
    ],
    ['neither an extension page nor a tab', { id: EXT_ID, url: 'https://example.org/' }],
  ])('refuses %s and changes nothing', async (_name, sender) => {
    const { handler, count } = await setup();
    const r = await handler({ verb: 'savePaper', payload: { paper: resnetArxiv() } }, sender);
    expectError(r, 'forbidden', /Papershelf itself/);
    expect(await count()).toBe(0);
  });

  it('keeps whole-library verbs for extension pages', async () => {
    const { handler } = await setup();
    expectError(await handler({ verb: 'exportPapers', payload: {} }, contentScript()), 'forbidden');
    expectError(
      await handler({ verb: 'importPapers', payload: { items: [] } }, contentScript()),
      'forbidden',
    );
    expectError(await handler({ verb: 'listPapers', payload: {} }, contentScript()), 'forbidden');
    expect((await handler({ verb: 'exportPapers', payload: {} }, popup)).ok).toBe(true);
    expect((await handler({ verb: 'getStats', payload: {} }, contentScript())).ok).toBe(true);
  });
});

describe('payload validation', () => {
  it('refuses what is not a message', async () => {
    const { handler } = await setup();
    for (const m of [
      null,
      'savePaper',
      42,
      { verb: 'dropDatabase', payload: {} },
      { payload: {} },
    ]) {
      expectError(await handler(m, popup), 'bad-message');
    }
  });

  it('refuses a bad payload with a readable reason', async () => {
    const { handler, count } = await setup();
    expectError(await handler({ verb: 'savePaper', payload: {} }, popup), 'invalid', /savePaper/);
    expectError(
      await handler(
        { verb: 'savePaper', payload: { paper: { ...resnetArxiv(), authors: 'Kaiming He' } } },
        popup,
      ),
      'invalid',
    );
    expectError(
      await handler(
        { verb: 'updatePaper', payload: { id: 'p_x', patch: { status: 'done' } } },
        popup,
      ),
      'invalid',
    );
    expectError(
      await handler({ verb: 'findSaved', payload: { works: [{ year: 'last year' }] } }, popup),
      'invalid',
    );
    expect(await count()).toBe(0);
  });

  it.each<[string, (p: Paper) => void]>([
    ['url', (p) => (p.url = 'javascript:alert(document.cookie)')],
    ['pdfUrl', (p) => (p.pdfUrl = 'data:application/pdf;base64,AAAA')],
    [
      'a reference url',
      (p) => p.references.push({ title: 'x', authors: [], url: 'javascript:alert(1)' }),
    ],
  ])('refuses a non-http(s) %s', async (_name, corrupt) => {
    const { handler, count } = await setup();
    const p = resnetArxiv();
    corrupt(p);
    expectError(
      await handler({ verb: 'savePaper', payload: { paper: p } }, popup),
      'invalid',
      /http\(s\) URL/,
    );
    expectError(
      await handler(
        { verb: 'savePaper', payload: { paper: resnetArxiv(), pageUrl: 'javascript:void 0' } },
        popup,
      ),
      'invalid',
    );
    expect(await count()).toBe(0);
  });

  it.each<[string, (p: Paper) => void]>([
    ['a huge abstract', (p) => (p.abstract = 'x'.repeat(60_000))],
    ['a huge title', (p) => (p.title = 'T'.repeat(5000))],
    [
      'too many references',
      (p) => (p.references = Array.from({ length: 6000 }, () => ({ authors: [] }))),
    ],
    [
      'megabytes of references within the per-field bounds',
      (p) =>
        (p.references = Array.from({ length: 1000 }, (_, i) => ({
          authors: [],
          raw: `${i} ${'r'.repeat(3900)}`,
        }))),
    ],
  ])('refuses %s as too large', async (_name, inflate) => {
    const { handler, count } = await setup();
    const p = resnetArxiv();
    inflate(p);
    expectError(await handler({ verb: 'savePaper', payload: { paper: p } }, popup), 'too-large');
    expect(await count()).toBe(0);
  });

  it('drops unknown fields rather than storing them', async () => {
    const { handler, library } = await setup();
    const p = {
      ...resnetArxiv(),
      tracking: 'x'.repeat(1000),
      authors: [{ family: 'He', evil: true }],
    };
    const r = await handler({ verb: 'savePaper', payload: { paper: p } }, popup);
    expect(r.ok).toBe(true);
    const [record] = await library.exportPapers();
    expect(record?.paper).not.toHaveProperty('tracking');
    expect(record?.paper.authors[0]).toEqual({ family: 'He' });
  });

  it('never throws, even on a hostile object', async () => {
    const { handler } = await setup();
    const hostile = {
      verb: 'savePaper',
      get payload(): unknown {
        throw new Error('boom');
      },
    };
    const r = await handler(hostile, popup);
    expect(r.ok).toBe(false);
    expect(
      await handler({ verb: 'savePaper', payload: { paper: resnetArxiv() } }, undefined as never),
    ).toMatchObject({
      ok: false,
    });
  });
});

describe('dispatch', () => {
  it('runs every verb and reports library changes', async () => {
    const { handler, changes } = await setup();
    const saved = await handler(
      {
        verb: 'savePaper',
        payload: {
          paper: natureArticle(),
          pageUrl: 'https://www.nature.com/articles/s41586-020-2286-9',
        },
      },
      popup,
    );
    if (!saved.ok) throw new Error(saved.error.message);
    const id = (saved.data as { record: { id: string } }).record.id;
    const call = async (verb: string, payload: unknown, sender = popup) => {
      const r = await handler({ verb, payload }, sender);
      if (!r.ok) throw new Error(`${verb}: ${r.error.message}`);
      return r.data as Record<string, unknown>;
    };
    expect(
      await call('findSaved', { works: [{ doi: '10.1038/s41586-020-2286-9' }, { pmid: '1' }] }),
    ).toEqual({ ids: [id, null] });
    expect((await call('getPaper', { id })).record).toMatchObject({ id });
    expect(await call('getPaper', { id: 'p_nope' })).toEqual({ record: null });
    expect(
      (await call('updatePaper', { id, patch: { tags: ['covid'], starred: true } })).record,
    ).toMatchObject({
      user: { tags: ['covid'], starred: true },
    });
    expect(await call('listPapers', { sort: 'savedAt', limit: 200 })).toMatchObject({ total: 1 });
    expect(await call('getStats', {})).toMatchObject({ count: 1 });
    const exported = await call('exportPapers', {});
    expect(exported).toMatchObject({ schemaVersion: 2 });
    const { token } = (await call('removePaper', { id })) as { token: string };
    expect(await call('getStats', {})).toMatchObject({ count: 0 });
    expect(await call('undoRemove', { token })).toMatchObject({ outcome: 'restored' });
    expect(await call('importPapers', { items: exported.records })).toMatchObject({ unchanged: 1 });
    expect(changes.map((c) => c.verb)).toEqual([
      'savePaper',
      'updatePaper',
      'removePaper',
      'undoRemove',
    ]);
  });

  it('passes library errors on with their code', async () => {
    const { handler } = await setup();
    expectError(
      await handler({ verb: 'removePaper', payload: { id: 'p_missing' } }, popup),
      'not-found',
      /not in your library/,
    );
    expectError(
      await handler({ verb: 'undoRemove', payload: { token: 'u_missing' } }, popup),
      'not-found',
    );
  });

  it('reports a full disk as quota, and nothing is half-written', async () => {
    const { handler, library } = await setup();
    await library.savePaper(natureArticle());
    const pre = biorxivPreprint();
    delete pre.publishedDoi;
    await library.savePaper(pre);
    const before = await library.exportPapers();
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    expectError(
      await handler({ verb: 'savePaper', payload: { paper: biorxivPreprint() } }, popup),
      'quota',
      /full/,
    );
    vi.restoreAllMocks();
    expect(await library.exportPapers()).toEqual(before);
  });

  it('saves from a content script with the page it runs in', async () => {
    const { handler, changes } = await setup();
    const r = await handler(
      {
        verb: 'savePaper',
        payload: { paper: resnetArxiv(), pageUrl: 'https://attacker.example/elsewhere' },
      },
      contentScript(3, 'https://arxiv.org/abs/1512.03385v2'),
    );
    expect(r).toMatchObject({
      ok: true,
      data: { record: { pageUrls: ['https://arxiv.org/abs/1512.03385v2'] } },
    });
    expect(changes).toEqual([expect.objectContaining({ verb: 'savePaper', tabId: 3 })]);
  });

  it('records no page URL for a work saved from a listing (no pageUrl given)', async () => {
    const { handler, library } = await setup();
    const listing = contentScript(4, 'https://scholar.example.org/search?q=graphs');
    const works = [
      paper({ title: 'Graph attention networks', doi: '10.1000/gat' }),
      paper({ title: 'Deep sets for permutation invariance', doi: '10.1000/deepsets' }),
    ];
    for (const w of works) {
      expect((await handler({ verb: 'savePaper', payload: { paper: w } }, listing)).ok).toBe(true);
    }
    const all = await library.exportPapers();
    expect(all).toHaveLength(2);
    expect(all.flatMap((r) => r.pageUrls)).toEqual([]);
  });

  it('pageState tells the background what the tab shows and whether it is saved', async () => {
    const { handler, pageStates } = await setup();
    const state = {
      url: 'https://arxiv.org/abs/1512.03385',
      kind: 'paper',
      title: 'Deep Residual Learning',
      works: 0,
    };
    expect(await handler({ verb: 'pageState', payload: state }, contentScript(5))).toEqual({
      ok: true,
      data: { savedId: null },
    });
    await handler({ verb: 'savePaper', payload: { paper: resnetArxiv() } }, contentScript(5));
    const again = await handler(
      { verb: 'pageState', payload: { ...state, paper: resnetArxiv() } },
      contentScript(5),
    );
    expect(again.ok && (again.data as { savedId: string }).savedId).toMatch(/^p_/);
    await handler(
      { verb: 'pageState', payload: { url: 'https://x.org/list', kind: 'listing', works: 120 } },
      contentScript(6, 'https://x.org/list'),
    );
    expect(pageStates.map(([tab, s]) => [tab, s.kind, s.saved, s.works])).toEqual([
      [5, 'paper', false, 0],
      [5, 'paper', true, 0],
      [6, 'listing', false, 120],
    ]);
    expectError(await handler({ verb: 'pageState', payload: state }, popup), 'unavailable');
  });

  it('injectPanel asks the background to inject into the sender tab', async () => {
    const inject = vi.fn(async () => undefined);
    const { handler } = await setup({ onInjectPanel: inject });
    expect(await handler({ verb: 'injectPanel', payload: {} }, contentScript(9))).toEqual({
      ok: true,
      data: { injected: true },
    });
    expect(inject).toHaveBeenCalledWith(9, 0);
    const without = (await setup()).handler;
    expectError(
      await without({ verb: 'injectPanel', payload: {} }, contentScript(9)),
      'unavailable',
    );
  });

  it('50 saves from 50 tabs at once, overlapping: no duplicate, no lost update', async () => {
    const { handler, library } = await setup();
    const works = [resnetArxiv(), natureArticle(), biorxivPreprint()];
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const base = works[i % 3]!;
        const p: Paper = { ...base, keywords: [`tab-${i}`] };
        if (i % 2) delete p.url; // some senders know only the identifiers
        return handler(
          { verb: 'savePaper', payload: { paper: p, pageUrl: 'https://claimed.example.org/' } },
          contentScript(100 + i, `https://mirror${i}.example.org/paper/${i % 3}`),
        );
      }),
    );
    expect(responses.every((r) => r.ok)).toBe(true);
    const all = await library.exportPapers();
    // bioRxiv's preprint links the Nature article: two works in all.
    expect(all).toHaveLength(2);
    const keywords = all.flatMap((r) => r.paper.keywords);
    for (let i = 0; i < 50; i++) expect(keywords).toContain(`tab-${i}`);
    expect(all.flatMap((r) => r.pageUrls)).toHaveLength(50);
  });
});

describe('client', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns data, and throws the background’s message on error', async () => {
    const { handler } = await setup();
    const send = createClient((m) => handler(m, popup));
    const saved = await send('savePaper', {
      paper: paper({ title: 'A paper', doi: '10.1234/abc' }),
    });
    expect(saved.outcome).toBe('created');
    expect((await send('findSaved', { works: [{ doi: 'doi:10.1234/ABC' }] })).ids).toEqual([
      saved.record.id,
    ]);
    const error = await send('removePaper', { id: 'p_missing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect(error).toMatchObject({
      code: 'not-found',
      message: 'This paper is not in your library.',
    });
    await expect(createClient(async () => undefined)('getStats', {})).rejects.toThrow(
      /did not answer/,
    );
  });

  it('sendMessage goes through browser.runtime to a listener made by toRuntimeListener', async () => {
    const { handler } = await setup();
    // The fake browser gives no sender details: stand in for the popup.
    const listener = toRuntimeListener((m) => handler(m, popup));
    fakeBrowser.runtime.onMessage.addListener(listener as never);
    const stats = await sendMessage('getStats', {});
    expect(stats.count).toBe(0);
    await expect(sendMessage('getPaper', { id: '' })).rejects.toThrow(/Invalid getPaper message/);
  });
});

describe('previewImport and saveTabs', () => {
  it('previews an import for the popup and writes nothing', async () => {
    const { handler, count } = await setup();
    const r = await handler(
      { verb: 'previewImport', payload: { items: [{ paper: natureArticle() }] } },
      popup,
    );
    expect(r).toMatchObject({ ok: true, data: { decisions: [{ index: 0, action: 'new' }] } });
    expect(await count()).toBe(0);
  });

  it('keeps both verbs away from content scripts', async () => {
    const { handler } = await setup({
      onSaveTabs: async () => ({ saved: 1, merged: 0, notPapers: 0, failed: 0 }),
    });
    const items = { items: [{ paper: natureArticle() }] };
    expectError(
      await handler({ verb: 'previewImport', payload: items }, contentScript()),
      'forbidden',
    );
    expectError(await handler({ verb: 'saveTabs', payload: {} }, contentScript()), 'forbidden');
  });

  it('asks the background to save the tabs, and says when it cannot', async () => {
    const result = { saved: 2, merged: 1, notPapers: 3, failed: 0 };
    const { handler } = await setup({ onSaveTabs: async () => result });
    expect(await handler({ verb: 'saveTabs', payload: {} }, popup)).toEqual({
      ok: true,
      data: result,
    });
    const bare = await setup();
    expectError(await bare.handler({ verb: 'saveTabs', payload: {} }, popup), 'unavailable');
  });
});
