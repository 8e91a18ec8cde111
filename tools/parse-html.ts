import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

/**
 * A saved page's text, decoded as a browser would decode it. Pages saved as they were served keep
 * their encoding, and older and regional sites still serve ISO-8859-1, Windows-1250 or Shift_JIS:
 * read as UTF-8, every accented letter of such a page became U+FFFD. In order:
 * - a byte order mark says the encoding;
 * - bytes that are valid UTF-8 are UTF-8, whatever the page declares (a tool that re-encoded the
 *   page may have left the old declaration in place; real text in a legacy encoding is almost never
 *   valid UTF-8 once it has a letter outside ASCII);
 * - else the encoding the page declares in its first 4,096 bytes (`<meta charset>`,
 *   `<meta http-equiv="Content-Type" content="…; charset=…">`, an XML declaration);
 * - else Windows-1252, what browsers assume for an undeclared legacy page in Western locales.
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the declared encoding, else the legacy default.
  }
  const encoding = declaredEncoding(bytes) ?? 'windows-1252';
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === 'windows-1252' ? windows1252(text) : text;
}

/**
 * Windows-1252's letters and marks at 0x80–0x9F (€, ‘ ’ “ ”, –, —, Š…). Node 20's decoder for the
 * label decodes those bytes as ISO-8859-1's control characters instead; they are mapped here, and
 * are left alone by a decoder that already maps them.
 */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
function windows1252(text: string): string {
  return text.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** The page's own encoding label, when it declares one that this runtime can decode. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const label =
    /<meta[^>]{0,300}?charset\s*=\s*["']?\s*([\w:.-]{1,40})/i.exec(head)?.[1] ??
    /<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w:.-]{1,40})/i.exec(head)?.[1];
  if (!label) return undefined;
  try {
    const encoding = new TextDecoder(label).encoding;
    // A UTF-16 label in bytes that read as ASCII is wrong; browsers take UTF-8 then.
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return undefined;
  }
}

/** Reads a saved page from disk and decodes it (`decodeHtml`). */
export function readHtml(path: string): string {
  return decodeHtml(readFileSync(path));
}

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
