import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/**
 * Rendering and driving Preact components in the test DOM (happy-dom), shared by the panel and popup
 * tests. Each suite says how long to let deferred work run: the panel draws some sections a frame
 * late, the popup waits for mocked messages.
 */
export function domHelpers({
  settleMs,
  clickSettleMs,
}: {
  settleMs: number;
  clickSettleMs: number;
}) {
  /** Lets pending promises, timers and effects run. */
  async function settle(ms = settleMs): Promise<void> {
    await act(async () => {
      await new Promise((r) => setTimeout(r, ms));
    });
  }

  /** Renders into a fresh container and flushes effects. */
  async function mount(vnode: ComponentChild): Promise<HTMLElement> {
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      render(vnode, container);
    });
    await settle();
    return container;
  }

  async function click(el: Element | null | undefined): Promise<void> {
    if (!el) throw new Error('nothing to click');
    await act(async () => {
      (el as HTMLElement).click();
    });
    await settle(clickSettleMs);
  }

  return { settle, mount, click };
}

export const byId = (root: ParentNode, id: string) =>
  root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
export const allById = (root: ParentNode, id: string) => [
  ...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
];

/** Unmounts and removes everything the tests rendered. */
export function unmountAll(): void {
  for (const el of [...document.body.children]) {
    render(null, el);
    el.remove();
  }
}
