/**
 * Reads a benchmark corpus: every `<id>.html` below a directory (recursively) that has a sidecar
 * `<id>.json` beside it, laid out as `../shared/corpus` is (see its README). `index.json` and other
 * JSON files without a matching page are not pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { readHtml } from '../../tools/parse-html.ts';
import { pageTruth, type Expected, type SidecarTruth, type Truth } from './score.ts';

export interface Sidecar extends SidecarTruth {
  id?: string;
  page_url?: string | null;
  url?: string | null;
  url_from_page?: string | null;
  expected?: Expected;
  [other: string]: unknown;
}

export interface CorpusPage {
  /** The sidecar's `id`, else the file's base name. */
  id: string;
  /** The sidecar's `category`, else the folder the page is in. */
  category: string;
  /** Path relative to the corpus directory. */
  file: string;
  html: string;
  /** The address passed to every tool. */
  url: string;
  sidecar: Sidecar;
  truth: Truth;
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && entry.name.endsWith('.html')) out.push(path);
  }
}

/**
 * Loads every page with its sidecar. Pages without a sidecar, or whose sidecar has no usable address,
 * are reported through `warn` and skipped (a tool cannot be given a page without its URL).
 */
export function loadCorpus(dir: string, warn: (msg: string) => void = () => {}): CorpusPage[] {
  const files: string[] = [];
  walk(dir, files);
  files.sort();
  const pages: CorpusPage[] = [];
  for (const htmlPath of files) {
    const jsonPath = htmlPath.slice(0, -'.html'.length) + '.json';
    let sidecar: Sidecar;
    try {
      sidecar = JSON.parse(readFileSync(jsonPath, 'utf8')) as Sidecar;
    } catch {
      warn(`skipped ${relative(dir, htmlPath)}: no readable sidecar ${basename(jsonPath)}`);
      continue;
    }
    const url = sidecar.page_url ?? sidecar.url ?? sidecar.url_from_page;
    if (!url || !URL.canParse(url)) {
      warn(`skipped ${relative(dir, htmlPath)}: sidecar has no valid page_url`);
      continue;
    }
    pages.push({
      id: sidecar.id ?? basename(htmlPath, '.html'),
      category: sidecar.category ?? basename(dirname(htmlPath)),
      file: relative(dir, htmlPath),
      // Decoded as a browser decodes it (most are UTF-8; one 2009 page is ISO-8859-1).
      html: readHtml(htmlPath),
      url,
      sidecar,
      truth: pageTruth({ ...sidecar, category: sidecar.category ?? basename(dirname(htmlPath)) }),
    });
  }
  return pages;
}
