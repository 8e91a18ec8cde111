/**
 * Extraction timed where the extension runs it: in a real Chromium, on documents the browser has
 * parsed. In Node every document goes through linkedom, whose DOM is JavaScript (a whole-document
 * query walks every node in JS), so the linkedom number says little about the cost in the page.
 *
 * `utils/extract/index.ts` is bundled as it is for the panel script (Vite, minified, ES2022), loaded
 * into a blank cross-origin-isolated page (so `performance.now()` has 5 µs resolution instead of the
 * 100 µs it has elsewhere), and for every page: `DOMParser` parses the saved HTML (no script runs, no
 * request is made) into `reps` fresh documents, and `extractPage(doc, url)` is timed on each; the
 * fastest run counts, as in Node. The parses are timed too: the browser's own work on the same
 * pages says how fast the machine was at the time (on these two-core machines the same code's
 * median moves by a third from one hour to the next). A first pass over every page warms the JIT, as the Node
 * benchmark does. Debian's Chromium is found as the end-to-end tests find it (CHROME_PATH or PATH).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { findChromium } from '../e2e/browsers.ts';

export interface InBrowserPage {
  id: string;
  html: string;
  url: string;
}

export interface InBrowserResult {
  browser: string;
  /** Fastest timed run per page id, in milliseconds. */
  ms: Map<string, number>;
  /**
   * Fastest `DOMParser` parse of each page, in milliseconds: the browser's own work on the same
   * pages, a yardstick for how fast the machine was while the extraction was timed.
   */
  parseMs: Map<string, number>;
  /** The kind each page got in the browser (a check that the bundle ran the same extractor). */
  kinds: Map<string, string>;
}

const ENTRY = fileURLToPath(new URL('../../utils/extract/index.ts', import.meta.url));
const GLOBAL = '__papershelfExtract';

async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: ENTRY, formats: ['iife'], name: GLOBAL, fileName: 'extract' },
    },
  });
  const output = (Array.isArray(out) ? out[0] : out) as Rolldown.RolldownOutput;
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('bundling utils/extract produced no code');
  return chunk.code;
}

/** Runs in the page: the code is sent as a string, so nothing of the Node side leaks into it. */
const IN_PAGE = `async ({ pages, reps }) => {
  const { extractPage } = globalThis.${GLOBAL};
  const parser = new DOMParser();
  const parse = (html) => parser.parseFromString(html, 'text/html');
  for (const p of pages) extractPage(parse(p.html), p.url);
  const out = [];
  for (const p of pages) {
    let best = Infinity;
    let bestParse = Infinity;
    let kind = '';
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      const doc = parse(p.html);
      const t = performance.now();
      kind = extractPage(doc, p.url).kind;
      best = Math.min(best, performance.now() - t);
      bestParse = Math.min(bestParse, t - t0);
    }
    out.push([p.id, best, kind, bestParse]);
  }
  return { out, isolated: globalThis.crossOriginIsolated === true };
}`;

export async function timeInChromium(
  pages: readonly InBrowserPage[],
  reps: number,
): Promise<InBrowserResult> {
  const code = await bundle();
  // A blank page served with COOP/COEP headers: cross-origin isolated, hence fine-grained timers.
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end('<!doctype html><title>Papershelf extraction benchmark</title>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.addScriptTag({ content: code });
    const { out, isolated } = await page.evaluate(
      ([fn, arg]) =>
        (0, eval)(fn)(arg) as Promise<{
          out: [string, number, string, number][];
          isolated: boolean;
        }>,
      [IN_PAGE, { pages, reps: Math.max(1, reps) }] as const,
    );
    if (!isolated) throw new Error('the timing page is not cross-origin isolated (coarse timers)');
    return {
      browser: `Chromium ${browser.version()}`,
      ms: new Map(out.map(([id, ms]) => [id, ms])),
      kinds: new Map(out.map(([id, , kind]) => [id, kind])),
      parseMs: new Map(out.map(([id, , , parse]) => [id, parse])),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
