import { describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { saveFromPanel } from './panel-page';
import { useServerAndBrowser } from './fixture';

/** The extension in Debian's Chromium, driven as a user would. */
describe('Chromium: the extension end to end', () => {
  const env = useServerAndBrowser(launchChromium, { '/abs/2101.00001': 'arxiv-abs.html' });

  it('shows the panel on a paper page, saves the paper, and lists it in the popup', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('/abs/2101.00001'));
    const title = page.getByTestId('panel-title');
    await title.waitFor({ timeout: 15_000 });
    expect(await title.textContent()).toBe('Sparse Attention for Long Reading Lists');
    expect(await page.getByTestId('panel-authors').textContent()).toContain('Chidinma Okafor');

    await saveFromPanel(page);
    expect(await page.getByTestId('save-toggle').textContent()).toBe('Saved');
    expect(await page.getByTestId('panel-status').textContent()).toMatch(/saved/i);

    const popup = await env.session.openPopup();
    const row = popup.getByTestId('paper').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Sparse Attention for Long Reading Lists');
    expect(await popup.getByTestId('count').textContent()).toBe('1 paper');
  });

  it.each(['/not-a-paper.html', '/listing.html'])(
    'adds no panel to %s (not one paper)',
    async (path) => {
      const page = await env.session.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(env.server.url(path));
      await page.waitForTimeout(1500);
      expect(await page.locator('papershelf-panel').count()).toBe(0);
      expect(errors).toEqual([]);
      // The installed build leaves nothing a page could read to learn that Papershelf is there.
      const entries = await page.evaluate(
        () => performance.getEntries().filter((e) => e.name.startsWith('papershelf')).length,
      );
      expect(entries).toBe(0);
    },
  );

  it('reads a page that is not a paper without the page seeing it (no call of its DOM methods)', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('/watchful.html'));
    await page.waitForTimeout(1500);
    const calls = await page.evaluate(
      () => (window as unknown as { __domCalls: { own: number; extension: string[] } }).__domCalls,
    );
    // The page's methods are watched (its own call was seen), and none was called by Papershelf.
    expect(calls.own).toBeGreaterThan(0);
    expect(calls.extension).toEqual([]);
    expect(await page.locator('papershelf-panel').count()).toBe(0);
  });
});

describe('Chromium: single-page sites', () => {
  const env = useServerAndBrowser(launchChromium, {
    '/spa': 'spa.html',
    '/spa/paper/42': 'spa.html',
  });

  it('detects a paper after in-page navigation and removes the panel when it is gone', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('/spa'));
    await page.waitForTimeout(800);
    expect(await page.locator('papershelf-panel').count()).toBe(0);

    await page.click('#open-paper');
    const title = page.getByTestId('panel-title');
    await title.waitFor({ timeout: 15_000 });
    expect(await title.textContent()).toBe('Single Page Scholarship');

    await page.click('#go-home');
    await page.locator('papershelf-panel').waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('detects a paper after in-page navigation once the watch after load has ended', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('/spa'));
    // Past the detector's 10 s watch of the DOM after load: only its navigation listener is left.
    await page.waitForTimeout(11_000);
    expect(await page.locator('papershelf-panel').count()).toBe(0);

    await page.click('#open-paper');
    const title = page.getByTestId('panel-title');
    await title.waitFor({ timeout: 15_000 });
    expect(await title.textContent()).toBe('Single Page Scholarship');
  }, 60_000);
});

describe('Chromium: a hostile page', () => {
  const env = useServerAndBrowser(launchChromium);

  it('shows markup from metadata as text, links nothing but http(s), and runs nothing', async () => {
    const page = await env.session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(env.server.url('/hostile.html'));
    const title = page.getByTestId('panel-title');
    await title.waitFor({ timeout: 15_000 });
    expect(await title.isVisible()).toBe(true);
    // The markup is shown as the characters the page wrote, never parsed into elements.
    const text = (await title.textContent()) ?? '';
    expect(text).toContain('Robust');
    const hrefs = await page.evaluate(() => {
      const root = document.querySelector('papershelf-panel')?.shadowRoot;
      return [...(root?.querySelectorAll('a[href]') ?? [])].map(
        (a) => a.getAttribute('href') ?? '',
      );
    });
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    const injected = await page.evaluate(() => {
      const root = document.querySelector('papershelf-panel')?.shadowRoot;
      if (!root) return -1;
      const handlers = [...root.querySelectorAll('*')].filter((el) =>
        el.getAttributeNames().some((n) => n.startsWith('on')),
      );
      return root.querySelectorAll('img, script, iframe').length + handlers.length;
    });
    expect(injected).toBe(0);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as { __pageErrors?: string[] }).__pageErrors)).toEqual(
      [],
    );
    expect(errors).toEqual([]);
  });
});
