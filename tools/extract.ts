/**
 * Command-line extraction, for saved pages and corpora (run with `npx tsx tools/extract.ts`):
 *
 *   tools/extract.ts page.html --url https://example.org/article/1
 *     prints {"kind","detected","paper"} as JSON (pretty-printed);
 *   tools/extract.ts --corpus DIR
 *     reads every <id>.html below DIR with its sidecar <id>.json (its `page_url`) and prints one JSON
 *     line per page: {"id","ms","kind","detected","paper"}, where `ms` is the time extractPage took on
 *     the already-parsed document (parsing is not counted).
 *
 * HTML is parsed with linkedom (tools/parse-html.ts), the same as the benchmark.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractPage } from '../utils/extract/index';
import { parseHtml, readHtml } from './parse-html';

function usage(): never {
  process.stderr.write(
    'usage: tools/extract.ts page.html --url URL\n       tools/extract.ts --corpus DIR\n',
  );
  process.exit(2);
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

function main(argv: string[]): void {
  const corpusAt = argv.indexOf('--corpus');
  if (corpusAt >= 0) {
    const dir = argv[corpusAt + 1];
    if (!dir) usage();
    for (const file of htmlFiles(dir)) {
      const id = basename(file, '.html');
      const sidecar = file.replace(/\.html$/, '.json');
      let pageUrl = `https://example.invalid/${encodeURIComponent(id)}`;
      if (existsSync(sidecar)) {
        try {
          const meta = JSON.parse(readFileSync(sidecar, 'utf8')) as {
            page_url?: string;
            url?: string;
          };
          pageUrl = meta.page_url ?? meta.url ?? pageUrl;
        } catch {
          // A broken sidecar: keep the placeholder address.
        }
      }
      const doc = parseHtml(readHtml(file));
      const t0 = performance.now();
      const result = extractPage(doc, pageUrl);
      const ms = Math.round((performance.now() - t0) * 1000) / 1000;
      process.stdout.write(
        JSON.stringify({
          id,
          ms,
          kind: result.kind,
          detected: result.detected,
          paper: result.paper ?? null,
          ...(result.works ? { works: result.works } : {}),
        }) + '\n',
      );
    }
    return;
  }
  const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--url');
  const urlAt = argv.indexOf('--url');
  const url = urlAt >= 0 ? argv[urlAt + 1] : undefined;
  if (!file || !url) usage();
  const result = extractPage(parseHtml(readHtml(file)), url);
  process.stdout.write(
    JSON.stringify(
      {
        kind: result.kind,
        detected: result.detected,
        paper: result.paper ?? null,
        ...(result.works ? { works: result.works } : {}),
      },
      null,
      2,
    ) + '\n',
  );
}

main(process.argv.slice(2));
