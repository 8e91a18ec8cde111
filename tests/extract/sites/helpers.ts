import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../../tools/parse-html';

/** The site extractors' own small fixtures (modelled on the corpus pages, never copied from them). */
export const FIXTURES = join(__dirname, '../../fixtures/extract/sites');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/**
 * The same fixture parsed by the two DOMs extraction runs on: linkedom (command-line tool, benchmark)
 * and the test DOM (happy-dom, standing in for the browser's).
 */
export function parsers(name: string): [string, Document][] {
  const html = fixture(name);
  return [
    ['linkedom', parseHtml(html)],
    ['happy-dom', new DOMParser().parseFromString(html, 'text/html')],
  ];
}
