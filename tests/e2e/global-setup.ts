import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_DIR, FIREFOX_DIR, ROOT, findChromium, findFirefox } from './browsers';

/**
 * Before any end-to-end test: both browsers must be installed (a missing one fails the run with an
 * install hint, never a silent pass), and the extension must be built. `npm test` builds first; a
 * standalone `npm run test:e2e` builds when .output is missing or E2E_REBUILD=1.
 */
export default function setup() {
  findChromium();
  findFirefox();
  const missing = [CHROME_DIR, FIREFOX_DIR].some((d) => !existsSync(join(d, 'manifest.json')));
  if (missing || process.env.E2E_REBUILD === '1') {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
}
