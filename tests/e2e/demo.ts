/**
 * `npm run demo`: builds the extension, opens the bundled fixture pages in headless Chromium with it,
 * saves a paper, and writes screenshots of the panel on each page and of the popup into demo/ (or the
 * folder given as the first argument), so anyone can see the product without a desktop browser.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './browsers';
import { launchChromium } from './chromium';
import { saveFromPanel } from './panel-page';
import { startServer } from './server';

const out = resolve(process.argv[2] ?? resolve(ROOT, 'demo'));
mkdirSync(out, { recursive: true });

if (!process.argv.includes('--no-build')) {
  execFileSync('npm', ['run', 'build:chrome'], { cwd: ROOT, stdio: 'inherit' });
}

const pages: Array<{ name: string; path: string; panel: boolean }> = [
  { name: 'summary-page', path: '/summary-page.html', panel: true },
  { name: 'arxiv-abs', path: '/abs/2101.00001', panel: true },
  { name: 'pubmed', path: '/pubmed.html', panel: true },
  { name: 'hostile', path: '/hostile.html', panel: true },
  { name: 'listing', path: '/listing.html', panel: false },
  { name: 'not-a-paper', path: '/not-a-paper.html', panel: false },
];

const server = await startServer({ '/abs/2101.00001': 'arxiv-abs.html' });
const session = await launchChromium();
try {
  for (const [i, { name, path, panel }] of pages.entries()) {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(server.url(path));
    if (panel) {
      await page.getByTestId('papershelf-panel').waitFor({ timeout: 15_000 });
      if (i === 0) {
        // Save the summary page's paper so the popup has something to show.
        await saveFromPanel(page);
      }
      await page.waitForTimeout(400);
    } else {
      await page.waitForTimeout(1500);
    }
    const file = resolve(out, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await page.close();
  }
  const popup = await session.openPopup();
  await popup.setViewportSize({ width: 480, height: 600 });
  await popup.getByTestId('paper').first().waitFor({ timeout: 10_000 });
  const file = resolve(out, 'popup.png');
  await popup.screenshot({ path: file });
  console.log(`wrote ${file}`);
} finally {
  await session.close();
  await server.close();
}
