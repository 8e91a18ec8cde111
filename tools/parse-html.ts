import { parseHTML } from 'linkedom';

/**
 * Parses saved HTML into a DOM `Document` in Node, for the command-line tool and the benchmark.
 * linkedom is used because it is several times faster than jsdom on megabyte pages and the extractors
 * only need querying and text, not layout or script execution.
 *
 * linkedom does not build the tree a browser builds when the markup does not open with `<html>`:
 * a page saved with a PHP warning, a script or a style before it, one that leaves out `<html>`
 * (`<!DOCTYPE html><head>…`), or a fragment gets the first element as its root, and the rest of the
 * page ends up outside it or under it (the body under a `<script>`, say), where nothing that walks
 * from the root finds it. A browser makes `html` the root and puts head and body under it whatever
 * came first, so such pages are parsed again with the markup rooted as a browser would root it.
 */
export function parseHtml(html: string): Document {
  const doc = parseHTML(html).document as unknown as Document;
  if (rooted(doc)) return doc;
  const again = parseHTML(rootedMarkup(html)).document as unknown as Document;
  return rooted(again) ? again : doc;
}

/** The document's root is `html`, and its body, if it has one, is a child of the root. */
function rooted(doc: Document): boolean {
  const root = doc.documentElement as Element | null;
  if (root?.localName !== 'html') return false;
  const body = doc.body as HTMLElement | null;
  return !body || body.parentNode === root;
}

const HTML_TAG = /<\/?html(?:\s[^<>]{0,2000})?>/gi;
const DOCTYPE = /^\s*<!doctype[^>]*>/i;

/**
 * The markup with one `<html>` around all of it, keeping the first `<html>` tag's attributes (its
 * `lang`): every other `<html>` and `</html>` tag is dropped, and where the page has no `<body>` tag
 * the content after the head (or all of it, for a fragment) is put in one.
 */
export function rootedMarkup(html: string): string {
  const open = /<html(?:\s[^<>]{0,2000})?>/i.exec(html)?.[0] ?? '<html>';
  let inner = html.replace(DOCTYPE, '').replace(HTML_TAG, '');
  if (!/<body[\s>]/i.test(inner)) {
    const headEnd = /<\/head\s*>/i.exec(inner);
    const at = headEnd ? headEnd.index + headEnd[0].length : 0;
    inner = `${inner.slice(0, at)}<body>${inner.slice(at)}</body>`;
  }
  return `<!DOCTYPE html>${open}${inner}</html>`;
}
