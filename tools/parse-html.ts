import { parseHTML } from 'linkedom';

/**
 * Parses saved HTML into a DOM `Document` in Node, for the command-line tool and the benchmark.
 * linkedom is used because it is several times faster than jsdom on megabyte pages and the extractors
 * only need querying and text, not layout or script execution.
 */
export function parseHtml(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
