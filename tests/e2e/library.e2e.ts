import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tempProfile } from './browsers';
import { launchChromium, type ChromiumSession } from './chromium';
import { saveFromPanel } from './panel-page';
import { startServer } from './server';

interface WorkerChrome {
  tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}

/**
 * The library in a real Chromium: saving from two tabs, the toolbar badge following each tab, and the
 * library surviving a browser restart with the same profile.
 */
describe('Chromium: the library and the toolbar badge', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const profile = tempProfile('library');
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await startServer({ '/abs/2101.00001': 'arxiv-abs.html', '/search': 'listing.html' });
    session = await launchChromium({ profileDir: profile.dir });
  });
  afterAll(async () => {
    await session?.close().catch(() => undefined);
    await server?.close();
    profile.remove();
  });

  /** The badge text the extension set for the tab showing `page`. */
  const badgeOf = async (s: ChromiumSession, page: Page) => {
    const url = page.url();
    return s.worker.evaluate(async (u) => {
      // Runs in the extension's service worker, where `chrome` is the extension API.
      const chrome = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
      const [tab] = await chrome.tabs.query({ url: u });
      return tab?.id === undefined ? undefined : chrome.action.getBadgeText({ tabId: tab.id });
    }, url);
  };

  const waitForBadge = async (s: ChromiumSession, page: Page, text: string) => {
    const deadline = Date.now() + 15_000;
    let last: string | undefined;
    while (Date.now() < deadline) {
      last = await badgeOf(s, page);
      if (last === text) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`badge stayed ${JSON.stringify(last)}, expected ${JSON.stringify(text)}`);
  };

  it('saves papers from two tabs and the badge follows each tab', async () => {
    const arxiv = await session.context.newPage();
    const pubmed = await session.context.newPage();
    const other = await session.context.newPage();
    await arxiv.goto(server.url('/abs/2101.00001'));
    await pubmed.goto(server.url('/pubmed.html'));
    await other.goto(server.url('/not-a-paper.html'));

    await waitForBadge(session, arxiv, '+');
    await waitForBadge(session, pubmed, '+');
    await saveFromPanel(arxiv);
    await waitForBadge(session, arxiv, '✓');
    await saveFromPanel(pubmed);
    await waitForBadge(session, pubmed, '✓');
    expect(await badgeOf(session, other)).toBe('');

    // The same paper opened again in a third tab is recognised as saved.
    const again = await session.context.newPage();
    await again.goto(server.url('/abs/2101.00001'));
    await waitForBadge(session, again, '✓');
    await again.close();
  });

  it('shows how many works a list of results names, on a site no host rule knows', async () => {
    const results = await session.context.newPage();
    await results.goto(server.url('/search?q=reading+lists'));
    await waitForBadge(session, results, '3');
    expect(await results.locator('papershelf-panel').count()).toBe(0);
    await results.close();
  });

  it('keeps the library across a browser restart', async () => {
    await session.close();
    session = await launchChromium({ profileDir: profile.dir });
    const popup = await session.openPopup();
    await popup.getByTestId('paper').first().waitFor({ timeout: 15_000 });
    const titles = await popup.getByTestId('paper').allTextContents();
    expect(titles.join('\n')).toContain('Sparse Attention for Long Reading Lists');
    expect(titles.join('\n')).toContain('Offline reading lists improve retention');
    expect(titles).toHaveLength(2);
  });
});
