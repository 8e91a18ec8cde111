/**
 * Finds and launches the real browsers the end-to-end tests drive: Debian's Chromium through
 * playwright-core and Firefox ESR through puppeteer-core over WebDriver BiDi. Nothing here downloads a
 * browser: the binary comes from CHROME_PATH / FIREFOX_PATH or the PATH.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_DIR = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_DIR = join(ROOT, '.output/firefox-mv2');
export const GECKO_ID = 'papershelf@papershelf.dev';
/** Pinned so tests know the moz-extension:// origin in advance. */
export const FIREFOX_UUID = '7d3b6a52-3f0e-4c55-9a57-5e1c2b0f9a11';

const INSTALL_HINT =
  "Install Debian's browsers with `sudo apt-get install -y chromium firefox-esr` (what .ci/run does), " +
  'or point CHROME_PATH / FIREFOX_PATH at a Chromium / Firefox binary.';

function which(names: string[]): string | undefined {
  for (const name of names) {
    try {
      const out = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (out) return out;
    } catch {
      // not on the PATH: try the next name
    }
  }
  return undefined;
}

export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROME_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  const found = which(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']);
  if (!found) throw new Error(`No Chromium found for the end-to-end tests. ${INSTALL_HINT}`);
  return found;
}

export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`FIREFOX_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  const found = which(['firefox-esr', 'firefox']);
  if (!found) throw new Error(`No Firefox found for the end-to-end tests. ${INSTALL_HINT}`);
  return found;
}

export function tempProfile(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `papershelf-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const CHROMIUM_ARGS = (extensionDir: string) => [
  `--disable-extensions-except=${extensionDir}`,
  `--load-extension=${extensionDir}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
