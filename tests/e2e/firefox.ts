import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_DIR, FIREFOX_UUID, GECKO_ID, findFirefox } from './browsers';

export interface FirefoxSession {
  browser: Browser;
  origin: string;
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Firefox ESR over WebDriver BiDi and installs the built (unpacked) Firefox extension. */
export async function launchFirefox(): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
    },
  });
  await browser.installExtension(FIREFOX_DIR);
  const origin = `moz-extension://${FIREFOX_UUID}`;
  return {
    browser,
    origin,
    async openExtensionPage(path: string) {
      const page = await browser.newPage();
      // With --remote-allow-system-access, goto() to a moz-extension:// page never resolves
      // (see shared/TOOLCHAIN.md): start it, give it a moment, then wait for content instead.
      await page.goto(`${origin}/${path}`, { timeout: 3000 }).catch(() => undefined);
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}
