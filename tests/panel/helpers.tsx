import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { Paper, WorkRef } from '@/utils/paper';

/** A paper like the summary-page fixture's, with overrides. */
export function makePaper(over: Partial<Paper> = {}): Paper {
  return {
    title: 'Interpretable Machine Learning for Genomics',
    authors: [{ given: 'David S.', family: 'Watson' }],
    year: 2021,
    venue: 'Human Genetics',
    doi: '10.1007/s00439-021-02387-9',
    arxivId: '2007.13972',
    pdfUrl: 'https://www.example.org/pdf/watson.pdf',
    abstract: 'High-throughput technologies such as sequencing.',
    keywords: [],
    keyTerms: [
      { term: 'machine learning', weight: 0.155 },
      { term: 'ml', weight: 0.204 },
    ],
    references: [
      work('A unified approach to interpreting model predictions', 2017, 'Lundberg'),
      work('Why should I trust you?', 2016, 'Ribeiro'),
    ],
    citations: [work('The explanatory role of machine learning', 2024, 'Gross')],
    sources: {},
    ...over,
  };
}

export function work(title: string, year: number, family: string, url?: string): WorkRef {
  return {
    title,
    year,
    authors: [{ given: 'A.', family }],
    url: url ?? `https://www.example.org/paper/${encodeURIComponent(title)}`,
  };
}

/** Renders into a fresh container and flushes effects. */
export async function mount(vnode: preact.ComponentChild): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(vnode, container);
  });
  await settle();
  return container;
}

/** Lets pending promises, timers (the deferred sections) and effects run. */
export async function settle(ms = 200): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle(0);
}

export const byId = (root: ParentNode, id: string) =>
  root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
export const allById = (root: ParentNode, id: string) => [
  ...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
];

export function unmountAll(): void {
  for (const el of [...document.body.children]) {
    render(null, el);
    el.remove();
  }
}
