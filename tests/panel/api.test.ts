import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as messages from '@/utils/messages';
import {
  findSaved,
  forSaving,
  identityOf,
  readPrefs,
  rememberFolded,
  savePaper,
} from '@/components/panel/api';
import { panelFoldedSites, panelPosition } from '@/utils/settings';
import type { Paper } from '@/utils/paper';

const paper: Paper = {
  title: 'Robust Reading Lists',
  authors: [{ family: 'Mallory' }, { family: 'Tables' }],
  year: 2023,
  doi: '10.5555/hostile.2023.1',
  pdfUrl: 'javascript:window.__pwned=4',
  url: 'javascript:window.__pwned=8',
  abstract: 'An abstract.',
  keywords: [],
  keyTerms: [{ term: 'reading', weight: 1.2 }],
  references: [{ title: 'click', authors: [], url: 'javascript:alert(1)' }],
  citations: [{ title: 'ok', authors: [], url: 'https://example.org/ok' }],
  sources: {},
};

describe('panel api', () => {
  it('sends only what identifies a work to findSaved', () => {
    expect(identityOf(paper)).toEqual({
      title: 'Robust Reading Lists',
      authors: [{ family: 'Mallory' }],
      year: 2023,
      doi: '10.5555/hostile.2023.1',
      url: 'javascript:window.__pwned=8',
    });
  });

  it('drops non-http(s) links and clamps weights before saving', () => {
    const p = forSaving(paper);
    expect(p.url).toBeUndefined();
    expect(p.pdfUrl).toBeUndefined();
    expect(p.references[0]).toEqual({ title: 'click', authors: [] });
    expect(p.citations[0]?.url).toBe('https://example.org/ok');
    expect(p.keyTerms[0]?.weight).toBe(1);
    expect(paper.pdfUrl).toBe('javascript:window.__pwned=4'); // the original is untouched
  });

  it('cuts what the background would refuse, instead of failing the whole save', () => {
    const long = 'x'.repeat(5000);
    const p = forSaving({
      ...paper,
      title: long,
      url: `https://example.org/?q=${long}`,
      references: [
        { title: long, raw: long, authors: [{ literal: long }], year: 1e6, url: 'https://ok.org/' },
      ],
    });
    expect(p.title).toHaveLength(2000);
    expect(p.url).toBeUndefined();
    expect(p.references[0]).toEqual({
      title: 'x'.repeat(2000),
      raw: 'x'.repeat(4000),
      authors: [{ literal: 'x'.repeat(500) }],
      url: 'https://ok.org/',
    });
    const huge = Array.from({ length: 5000 }, (_, i) => ({
      title: `Work ${i}`,
      raw: long,
      authors: [],
    }));
    const big = forSaving({ ...paper, references: huge });
    expect(JSON.stringify(big).length).toBeLessThan(1_000_000);
    expect(big.references).toHaveLength(5000);
    expect(big.references[0]).not.toHaveProperty('raw');
    expect(identityOf({ title: 'a', authors: [], url: `https://x.org/${long}` })).toEqual({
      title: 'a',
      authors: [],
    });
  });

  it('uses the typed protocol: findSaved ids in order, savePaper with or without a page', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    send.mockImplementation((async (m: { verb: string; payload: { works?: unknown[] } }) =>
      m.verb === 'findSaved'
        ? { ok: true, data: { ids: ['p_1', null] } }
        : {
            ok: true,
            data: { record: { id: 'p_2' }, outcome: 'created', absorbed: [] },
          }) as never);
    expect(await findSaved([identityOf(paper), { title: 'x' }])).toEqual(['p_1', null]);
    expect(await savePaper(paper, 'https://example.org/p')).toEqual({
      id: 'p_2',
      outcome: 'created',
    });
    expect(send.mock.calls[1]?.[0]).toMatchObject({
      verb: 'savePaper',
      payload: { pageUrl: 'https://example.org/p' },
    });
    await savePaper(paper);
    expect(send.mock.calls[2]?.[0]).not.toHaveProperty('payload.pageUrl');
    expect(messages.sendMessage).toBeTypeOf('function');
  });

  it('reads and remembers the per-site fold and the side', async () => {
    await panelPosition.setValue('left');
    await rememberFolded('example.org', true);
    expect(await readPrefs('example.org')).toEqual({ position: 'left', folded: true });
    expect(await readPrefs('other.org')).toEqual({ position: 'left', folded: false });
    await rememberFolded('example.org', false);
    expect(await panelFoldedSites.getValue()).toEqual([]);
  });
});
