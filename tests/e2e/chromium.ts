import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROME_DIR, CHROMIUM_ARGS, findChromium, tempProfile } from './browsers';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profileDir: string;
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension in a persistent profile. Pass `profileDir` to reopen an
 * existing profile (to check that the library survives a browser restart), `extensionDir` to load
 * another build (the benchmark's timing build), `args` for more command-line switches.
 */
export async function launchChromium(
  options: { profileDir?: string; extensionDir?: string; args?: string[] } = {},
): Promise<ChromiumSession> {
  const profile = options.profileDir ? undefined : tempProfile('chromium');
  const profileDir = options.profileDir ?? profile!.dir;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS(options.extensionDir ?? CHROME_DIR), ...(options.args ?? [])],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    profileDir,
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    },
    async close() {
      await context.close();
    },
  };
}
