import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHtml } from '../../../tools/parse-html';

// Tests run from the project root (vitest's root).
const DIR = resolve(process.cwd(), 'tests/fixtures/extract/core') + '/';

export function fixture(name: string): string {
  return readFileSync(DIR + name, 'utf8');
}

/** The same page parsed by linkedom (the CLI and benchmark) and by happy-dom (the test DOM). */
export function docs(html: string): { name: string; doc: Document }[] {
  return [
    { name: 'linkedom', doc: parseHtml(html) },
    { name: 'happy-dom', doc: new DOMParser().parseFromString(html, 'text/html') },
  ];
}

/** One page parsed by linkedom. */
export function linkedomDoc(html: string): Document {
  return parseHtml(html);
}
