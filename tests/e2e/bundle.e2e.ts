import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHROME_DIR, FIREFOX_DIR } from './browsers';

/**
 * The built detector, the one script every page runs: what its manifest lists and what it bundles.
 * WXT's auto-import turns a bare call such as `sendMessage(...)` into an import of the project's
 * utils, which once pulled the whole messaging layer (valibot) into it; its size is measured by the
 * benchmark, and these checks keep it from silently growing past the budget between benchmark runs.
 */
describe.each([
  ['Chrome', CHROME_DIR],
  ['Firefox', FIREFOX_DIR],
])('the %s build', (_name, dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; matches?: string[]; run_at?: string }[];
  };

  it('runs one script on every http(s) page, at document_idle', () => {
    expect(manifest.content_scripts).toEqual([
      { js: ['detector.js'], matches: ['http://*/*', 'https://*/*'], run_at: 'document_idle' },
    ]);
  });

  it('keeps that script within the 5 kB (gzipped) budget, with no messaging layer or UI in it', () => {
    const code = readFileSync(join(dir, 'detector.js'));
    expect(gzipSync(code).length).toBeLessThanOrEqual(5 * 1024);
    const text = code.toString('utf8');
    // What a stray import brings: valibot (the message schemas), the webextension polyfill, Preact.
    expect(text).not.toMatch(/valibot|browser-polyfill|\.__k\b/);
  });

  it("records the benchmark's timings only in the timing build, never in this one", () => {
    const panel = readFileSync(join(dir, 'content-scripts/panel.js'), 'utf8');
    expect(panel).not.toContain('papershelf:panel-drawn');
    expect(panel).not.toContain('papershelf:extract');
  });
});
