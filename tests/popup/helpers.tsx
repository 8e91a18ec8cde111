import { domHelpers } from '../dom';
import { act } from 'preact/test-utils';
import type { LibraryRecord, UserData } from '@/utils/library/schema';
import type { Paper } from '@/utils/paper';

export function makePaper(over: Partial<Paper> = {}): Paper {
  return {
    title: 'Attention Is All You Need',
    authors: [
      { given: 'Ashish', family: 'Vaswani' },
      { given: 'Noam', family: 'Shazeer' },
    ],
    year: 2017,
    venue: 'NeurIPS',
    abstract: 'The dominant sequence transduction models are based on recurrent networks.',
    keywords: [],
    keyTerms: [{ term: 'self-attention', weight: 0.9 }],
    references: [],
    citations: [],
    sources: {},
    url: 'https://arxiv.org/abs/1706.03762',
    pdfUrl: 'https://arxiv.org/pdf/1706.03762',
    ...over,
  };
}

let counter = 0;

export function makeRecord(
  over: Partial<Paper> = {},
  user: Partial<UserData> = {},
  id?: string,
): LibraryRecord {
  counter++;
  return {
    id: id ?? `p_${counter}`,
    paper: makePaper(over),
    versions: [],
    pageUrls: [],
    savedAt: 1_700_000_000_000 + counter * 1000,
    updatedAt: 1_700_000_000_000 + counter * 1000,
    user: { status: 'to-read', tags: [], notes: '', starred: false, ...user },
    keys: { dois: [], arxivIds: [], pmids: [], pmcids: [], urls: [], titleKeys: [], workKeys: [] },
  };
}

export const { mount, settle, click } = domHelpers({ settleMs: 50, clickSettleMs: 50 });

/** Sets an input's or select's value and fires the event Preact listens to. */
export async function change(
  el: Element | null | undefined,
  value: string,
  type: 'input' | 'change' = 'input',
): Promise<void> {
  if (!el) throw new Error('no field');
  await act(async () => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event(type, { bubbles: true }));
  });
  await settle();
}

export { allById, byId, unmountAll } from '../dom';

/** Waits (up to `ms`) until `check` passes, letting effects and lazy imports run. */
export async function waitFor(check: () => unknown, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await settle(25);
  }
}
