import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from './firefox';
import { startServer } from './server';

/** The extension in Debian's Firefox ESR over WebDriver BiDi, driven as a user would. */
describe('Firefox: the extension end to end', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = await startServer({ '/abs/2101.00001': 'arxiv-abs.html' });
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('shows the panel on a paper page, saves the paper, and lists it in the popup', async () => {
    const page = await session.browser.newPage();
    await page.goto(server.url('/abs/2101.00001'));
    const title = await page.waitForSelector('>>> [data-testid="panel-title"]', {
      timeout: 20_000,
    });
    expect(await title!.evaluate((el) => el.textContent)).toBe(
      'Sparse Attention for Long Reading Lists',
    );
    await page.waitForSelector('>>> [data-testid="save-toggle"]:not([disabled])');
    await page.click('>>> [data-testid="save-toggle"]');
    await page.waitForSelector('>>> [data-testid="save-toggle"][aria-pressed="true"]');

    const popup = await session.openExtensionPage('popup.html');
    const row = await popup.waitForSelector('[data-testid="paper"]', { timeout: 15_000 });
    expect(await row!.evaluate((el) => el.textContent)).toContain(
      'Sparse Attention for Long Reading Lists',
    );
  });
});
