import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract';
import { decodeHtml, parseHtml, rootedMarkup } from '../../../tools/parse-html';

const HEAD =
  '<head><title>Grain growth in thin films</title>' +
  '<meta name="citation_title" content="Grain growth in thin films">' +
  '<meta name="citation_author" content="Moreau, Alice"></head>';
const BODY = '<body><h1>Grain growth in thin films</h1><p id="x">Body text</p></body>';

/** Every element of the page is reached from the root, as in a browser. */
function shape(doc: Document): { root?: string; bodyParent?: string; found: boolean } {
  return {
    root: doc.documentElement?.localName,
    bodyParent: doc.body?.parentElement?.localName,
    found: !!doc.documentElement?.querySelector('#x'),
  };
}

const ROOTED = { root: 'html', bodyParent: 'html', found: true };

describe('parseHtml (the command-line tool and the benchmark)', () => {
  it('roots a page that prints a server warning before <html>', () => {
    const html = `<br /><b>Warning</b>: mysql_connect() failed<br /><html lang="de">${HEAD}${BODY}</html>`;
    const doc = parseHtml(html);
    expect(shape(doc)).toEqual(ROOTED);
    expect(doc.documentElement.getAttribute('lang')).toBe('de');
  });

  it('roots a page with a script or a style before <html>', () => {
    for (const before of ['<script>var x = 1;</script>', '<style>p { color: red }</style>']) {
      expect(shape(parseHtml(`${before}<html>${HEAD}${BODY}</html>`))).toEqual(ROOTED);
    }
  });

  it('roots a page that leaves <html> out', () => {
    expect(shape(parseHtml(`<!DOCTYPE html>${HEAD}${BODY}`))).toEqual(ROOTED);
    // …and <body> too: the content after the head is the body.
    const doc = parseHtml(`<!DOCTYPE html>${HEAD}<p id="x">Body text</p>`);
    expect(shape(doc)).toEqual(ROOTED);
    expect(doc.querySelector('title')?.textContent).toBe('Grain growth in thin films');
  });

  it('roots a fragment', () => {
    expect(shape(parseHtml('<div><span>a</span></div><p id="x">Body text</p>'))).toEqual(ROOTED);
  });

  it('leaves a well-formed page as linkedom parses it', () => {
    const html = `<!DOCTYPE html><html lang="en">${HEAD}${BODY}</html>`;
    expect(shape(parseHtml(html))).toEqual(ROOTED);
    expect(parseHtml(html).querySelector('#x')?.textContent).toBe('Body text');
  });

  it('extracts the work of a page whose markup opens before <html>', () => {
    const html = `<script>window.ads = [];</script><html>${HEAD}${BODY}</html>`;
    const result = extractPage(parseHtml(html), 'https://example.org/article/1');
    expect(result.kind).toBe('paper');
    expect(result.paper?.title).toBe('Grain growth in thin films');
    expect(result.paper?.authors).toEqual([{ given: 'Alice', family: 'Moreau' }]);
  });

  describe('rootedMarkup', () => {
    it('keeps the first <html> tag, drops the others and the doctype', () => {
      const out = rootedMarkup(
        '<!doctype html><!--[if IE]><html class="ie"><![endif]--><html lang="en"><body>x</body></html>',
      );
      expect(out).toBe(
        '<!DOCTYPE html><html class="ie"><!--[if IE]><![endif]--><body>x</body></html>',
      );
    });

    it('opens the body after the head when no <body> tag is written', () => {
      expect(rootedMarkup('<head><title>t</title></head><p>x</p>')).toBe(
        '<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>',
      );
    });
  });
});

describe('decodeHtml (saved pages in the encoding they were served in)', () => {
  const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('reads the encoding a legacy page declares', () => {
    const meta = '<meta charset="iso-8859-1"><title>Résumé des données</title>';
    expect(decodeHtml(latin1(meta))).toContain('Résumé des données');
    const httpEquiv =
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1250"><p>Łódź</p>';
    const bytes = latin1(httpEquiv.replace('Łódź', '\xa3\xf3d\x9f'));
    expect(decodeHtml(bytes)).toContain('Łódź');
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><html><p>Größe</p></html>';
    expect(decodeHtml(latin1(xml))).toContain('Größe');
  });

  it('reads valid UTF-8 as UTF-8 whatever the page declares', () => {
    const text = '<meta charset="iso-8859-1"><title>Résumé</title>';
    expect(decodeHtml(utf8(text))).toContain('Résumé');
  });

  it('reads an undeclared legacy page as Windows-1252, and a byte order mark as its encoding', () => {
    expect(decodeHtml(latin1('<p>caf\xe9 \x80 5</p>'))).toBe('<p>café € 5</p>');
    expect(decodeHtml(latin1('<meta charset="no-such-thing"><p>caf\xe9</p>'))).toContain('café');
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from('<p>é</p>').flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect(decodeHtml(le)).toBe('<p>é</p>');
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<p>é</p>')]))).toBe('<p>é</p>');
  });

  it('gives the extractor the accented title of a legacy record', () => {
    const page =
      '<html><head><meta charset="iso-8859-1"><title>Dépôt</title></head><body><table>' +
      '<tr><td>Titre</td><td>Étude des marées dans la baie de Somme</td></tr>' +
      '<tr><td>Auteur</td><td>Lefèvre, Hélène</td></tr>' +
      '<tr><td>Date de publication</td><td>2012</td></tr></table></body></html>';
    const result = extractPage(parseHtml(decodeHtml(latin1(page))), 'https://depot.example.fr/1');
    expect(result.paper?.title).toBe('Étude des marées dans la baie de Somme');
    expect(result.paper?.authors).toEqual([{ given: 'Hélène', family: 'Lefèvre' }]);
  });
});
