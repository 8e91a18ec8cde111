import { describe, expect, it } from 'vitest';
import { POLL, inPage, inPanel, launchFirefox } from './firefox';
import { useServerAndBrowser } from './fixture';

/** The extension in Debian's Firefox ESR over WebDriver BiDi, driven as a user would. */
describe('Firefox: the extension end to end', () => {
  const env = useServerAndBrowser(launchFirefox, { '/abs/2101.00001': 'arxiv-abs.html' });

  it('shows the panel on a paper page, saves the paper, and lists it in the popup', async () => {
    const page = await env.session.browser.newPage();
    await page.goto(env.server.url('/abs/2101.00001'));
    const title = await inPanel(page, '[data-testid="panel-title"]', 20_000);
    expect(await title.evaluate((el) => el.textContent)).toBe(
      'Sparse Attention for Long Reading Lists',
    );
    const toggle = await inPanel(page, '[data-testid="save-toggle"]:not([disabled])');
    await toggle.click();
    // Saved, or the panel says why not: a failed save then fails here with the panel's own words.
    const outcome = await page.waitForFunction(() => {
      const root = document.querySelector('papershelf-panel')?.shadowRoot;
      const pressed = root
        ?.querySelector('[data-testid="save-toggle"]')
        ?.getAttribute('aria-pressed');
      const status = root?.querySelector('[data-testid="panel-status"]')?.textContent ?? '';
      return pressed === 'true' ? 'saved' : status.startsWith('Could not') ? status : false;
    }, POLL);
    expect(await outcome.jsonValue()).toBe('saved');

    const popup = await env.session.openExtensionPage('popup.html');
    const row = await inPage(popup, '[data-testid="paper"]');
    expect(await row.evaluate((el) => el.textContent)).toContain(
      'Sparse Attention for Long Reading Lists',
    );
  });

  it('reads a page that is not a paper without the page seeing it (no call of its DOM methods)', async () => {
    const page = await env.session.browser.newPage();
    await page.goto(env.server.url('/watchful.html'));
    await new Promise((ok) => setTimeout(ok, 1500));
    const calls = await page.evaluate(
      () => (window as unknown as { __domCalls: { own: number; extension: string[] } }).__domCalls,
    );
    // The page's methods are watched (its own call was seen), and none was called by Papershelf.
    expect(calls.own).toBeGreaterThan(0);
    expect(calls.extension).toEqual([]);
    expect(await page.$('papershelf-panel')).toBeNull();
  });
});

describe('Firefox: single-page sites', () => {
  const env = useServerAndBrowser(launchFirefox, {
    '/spa': 'spa.html',
    '/spa/paper/42': 'spa.html',
  });

  it('detects a paper after in-page navigation, once the watch after load has ended', async () => {
    const page = await env.session.browser.newPage();
    await page.goto(env.server.url('/spa'));
    // Past the detector's 10 s watch of the DOM after load: only its navigation listener is left.
    await new Promise((ok) => setTimeout(ok, 11_000));
    expect(await page.$('papershelf-panel')).toBeNull();

    await page.click('#open-paper');
    const title = await inPanel(page, '[data-testid="panel-title"]');
    expect(await title.evaluate((el) => el.textContent)).toBe('Single Page Scholarship');

    await page.click('#go-home');
    await page.waitForFunction(() => !document.querySelector('papershelf-panel'), {
      ...POLL,
      timeout: 15_000,
    });
  }, 60_000);
});
