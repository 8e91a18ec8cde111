import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
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

/**
 * Waits until the panel's shadow root holds an element matching `selector` and returns it.
 *
 * Polls on a 100 ms timer. Puppeteer's `waitForSelector` and `waitForFunction` re-check on
 * animation frames by default, and a check that throws between two frames, or a tab that stops
 * drawing frames, leaves them waiting until the timeout even after the element has appeared. The
 * panel draws its tables a frame after its title, so a wait for a row often begins before the row
 * exists. On a timeout the error says what the page and its panel held, so a failure in CI can be
 * read without running it again.
 */
export function inPanel(page: Page, selector: string, timeout = 15_000) {
  return waitForElement(page, selector, timeout, true);
}

/** As `inPanel`, for an element of the page itself (the popup's, or a page's own). */
export function inPage(page: Page, selector: string, timeout = 15_000) {
  return waitForElement(page, selector, timeout, false);
}

/** Polls every 100 ms (see `inPanel`). */
export const POLL = { polling: 100 } as const;

async function waitForElement(
  page: Page,
  selector: string,
  timeout: number,
  panel: boolean,
): Promise<ElementHandle<Element>> {
  try {
    const handle = await page.waitForFunction(
      (sel: string, shadow: boolean) =>
        (shadow ? document.querySelector('papershelf-panel')?.shadowRoot : document)?.querySelector(
          sel,
        ) ?? false,
      { ...POLL, timeout },
      selector,
      panel,
    );
    const element = handle.asElement();
    if (!element) throw new Error('the match is not an element');
    return element as ElementHandle<Element>;
  } catch (error) {
    const state = await page.evaluate(describePanel).catch(() => '(the page is gone)');
    const where = panel ? 'the panel' : 'the page';
    throw new Error(`No ${selector} in ${where} after ${timeout} ms. ${state}`, { cause: error });
  }
}

/** What a page's panel shows, by test id, for an error message (runs in the page). */
function describePanel(): string {
  const hosts = document.querySelectorAll('papershelf-panel');
  const root = hosts[0]?.shadowRoot;
  const counts = new Map<string, number>();
  root?.querySelectorAll('[data-testid]').forEach((el) => {
    const id = el.getAttribute('data-testid') ?? '';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  const ids = [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ');
  return `The page is ${document.visibilityState}; ${hosts.length} panel host(s); test ids: ${ids || 'none'}.`;
}
