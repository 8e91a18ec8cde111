/**
 * Text helpers shared by every source: page strings are data, so markup that some sites put inside
 * meta values (bioRxiv's `citation_abstract` holds `<h3>ABSTRACT</h3><p>…`) is stripped as text, never
 * parsed as HTML. Every helper caps its input so that hostile pages cannot make extraction slow.
 */

/** Longest string any single field may hold; longer values are page junk, not metadata. */
export const MAX_FIELD = 20_000;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  thinsp: ' ',
};
/** Looked up in a Map: a name such as `valueOf` is a property of every object, not an entity. */
const ENTITY = new Map(Object.entries(NAMED_ENTITIES));

/** Decodes character references left in text (double-encoded meta values, COinS, JSON-LD). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (
        !Number.isFinite(code) ||
        code <= 0 ||
        code > 0x10ffff ||
        (code >= 0xd800 && code <= 0xdfff)
      )
        return ' ';
      return String.fromCodePoint(code);
    }
    return ENTITY.get(ref.toLowerCase()) ?? accented(ref) ?? whole;
  });
}

const COMBINING = new Map<string, string>(
  Object.entries({
    uml: '\u0308',
    acute: '\u0301',
    grave: '\u0300',
    circ: '\u0302',
    tilde: '\u0303',
    cedil: '\u0327',
    ring: '\u030a',
    caron: '\u030c',
  }),
);

/** `ouml` -> `ö`, `Eacute` -> `É`: the Latin-1 entity family, built from a letter and a combining mark. */
function accented(ref: string): string | undefined {
  if (ref === 'szlig') return 'ß';
  const m = /^([a-zA-Z])(uml|acute|grave|circ|tilde|cedil|ring|caron)$/.exec(ref);
  return m?.[1] && m[2] ? (m[1] + (COMBINING.get(m[2]) ?? '')).normalize('NFC') : undefined;
}

/** Nature's legacy pages wrote entities as `|[ouml]|` in meta values ("Thomas Kn|[ouml]|pfel"). */
export function decodeBarEntities(s: string): string {
  return s.includes('|[')
    ? s.replace(
        /\|\[([a-zA-Z]{2,8})\]\|/g,
        (w, ref: string) => accented(ref) ?? ENTITY.get(ref) ?? w,
      )
    : s;
}

/** Zero-width characters, dropped. */
const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;
/**
 * Whitespace that is not already a single space (`\s` covers NBSP, the Unicode spaces and line
 * separators): a run of two or more, or one character other than a space. Replacing only these
 * gives the same text as replacing every run.
 */
const SPACES = /\s{2,}|[^\S ]/g;
/** Anything `collapse` would change: zero-width or non-space whitespace, double or outer spaces. */
const UNCOLLAPSED =
  /^ | $| {2}|[\t-\r\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Collapses whitespace (including NBSP and zero-width characters) and trims. */
export function collapse(s: string): string {
  // Most values (names, dates, identifiers) are already collapsed: one scan, no copy.
  if (!UNCOLLAPSED.test(s)) return s;
  return s.replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim();
}

/** A clean one-line value from a raw attribute or text: capped, entities decoded, whitespace collapsed. */
export function clean(raw: string | null | undefined, max = MAX_FIELD): string | undefined {
  if (raw == null) return undefined;
  const s = collapse(decodeBarEntities(decodeEntities(String(raw).slice(0, max * 2)))).slice(
    0,
    max,
  );
  return s ? s : undefined;
}

/** A tag, with an optional namespace prefix (`<jats:sub>`, as Crossref abstracts write them). */
const TAG = /<\/?(?:[a-z][\w-]*:)?([a-z][\w-]*)[^>]*>/gi;
/** Tags inside a run of text, which a browser shows without a break: `CO<sub>2</sub>` reads "CO2". */
const INLINE_TAGS = new Set(
  'a abbr b bdi bdo big bold cite code data dfn em font i italic kbd mark q s samp sc small span strong sub sup time tt u var'.split(
    ' ',
  ),
);
const tagGap = (_tag: string, name: string): string =>
  INLINE_TAGS.has(name.toLowerCase()) ? '' : ' ';

/**
 * Strips tags from a string that carries markup as text, then cleans it: inline tags go without a
 * trace (`CO<sub>2</sub>` gives "CO2"), other tags (paragraphs, breaks) become spaces.
 */
export function stripMarkup(raw: string | null | undefined, max = MAX_FIELD): string | undefined {
  if (raw == null) return undefined;
  let s = String(raw).slice(0, max * 4);
  if (s.includes('<'))
    s = s.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(TAG, tagGap);
  // Entities may hide a second layer of markup (`&lt;p&gt;`).
  s = decodeEntities(s);
  if (s.includes('<')) s = s.replace(TAG, tagGap);
  return clean(s, max);
}

/** Text content of an element, capped; null-safe. Uses `textContent`, which every DOM implements. */
export function textOf(el: Element | null | undefined, max = MAX_FIELD): string | undefined {
  if (!el) return undefined;
  const raw = el.textContent;
  if (!raw) return undefined;
  return clean(raw.length > max * 2 ? raw.slice(0, max * 2) : raw, max);
}

/**
 * The word for "abstract" as papers in the languages researchers read print it above one: English,
 * French, German, Spanish, Portuguese, Italian, Dutch, the Nordic and Slavic languages, Greek, Turkish,
 * Russian, Chinese, Japanese, Korean. ("Sommario" is left out: Italian sites also use it for contents.)
 */
export const ABSTRACT_WORDS =
  'abstract|summary|résumé|zusammenfassung|kurzfassung|resumen|resumo|resum|riassunto|samenvatting|sammanfattning|sammendrag|resumé|tiivistelmä|abstrakt|streszczenie|souhrn|povzetek|sažetak|özet|περίληψη|аннотация|реферат|резюме|摘要|抄録|要旨|要約|초록|요약';

/** Labels that start a list of keywords, in the languages of ABSTRACT_WORDS. */
const KEYWORD_WORDS =
  'keywords?|key ?words|index terms|palabras clave|palavras[- ]chave|mots[- ]cl[ée]s|schl[üu]sselw[öo]rter|schlagw[öo]rter|parole chiave|trefwoorden|nyckelord|s[łl]owa kluczowe|klí[čc]ová slova|ključne besede|anahtar kelimeler|λέξεις[- ]κλειδιά|ключевые слова|キーワード|关键词|關鍵詞|키워드|주제어';
/** A keyword label after the abstract's last sentence, then the list: "… maize. Keywords: a; b". */
const KEYWORDS_TAIL = new RegExp(
  `[.!?。)\\]]\\s+(?:${KEYWORD_WORDS})\\s*(?:\\([^)]{1,20}\\))?\\s*[:：—–]\\s*(\\S.*)$`,
  'iu',
);
/** Where a keyword list ends and other matter starts ("JEL codes: …", "© 2020 …"). */
const AFTER_LIST = /\.\s+(?=\p{Lu}|©)|\s©/u;

/**
 * An abstract whose text runs on into the keyword list printed under it (a visible abstract read up
 * to the next heading, a metadata abstract copied with its keywords): the abstract without it, and
 * the keywords. Only a list that comes after the last sentence, under a keyword label followed by a
 * colon or dash, is split off ("we study three keywords: …" stays).
 */
export function splitTrailingKeywords(abstract: string): { abstract: string; keywords: string[] } {
  const m = KEYWORDS_TAIL.exec(abstract);
  if (!m?.[1]) return { abstract, keywords: [] };
  const head = abstract.slice(0, m.index + 1).trim();
  const list = m[1].split(AFTER_LIST)[0] ?? '';
  const keywords = list.length <= 600 ? splitKeywords([list]) : [];
  if (head.length < 80 || keywords.length === 0) return { abstract, keywords: [] };
  return { abstract: head, keywords };
}

const ABSTRACT_LABEL = new RegExp(`^(?:${ABSTRACT_WORDS})(?:\\s*[:：.\\-–—]\\s*|\\s+)`, 'iu');
const AFTER_LABEL = /^\s*[:：.\-–—]|^\s+[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;

/**
 * Drops a leading "Abstract"/"Summary" label from an abstract: followed by a colon or dash, or by a
 * capital ("Abstract We show…"), not by a lower-case word ("Summary statistics are…").
 */
export function dropAbstractLabel(s: string): string {
  const m = ABSTRACT_LABEL.exec(s);
  if (!m) return s.trim();
  const word = m[0].replace(/[\s:：.\-–—]+$/u, '');
  return AFTER_LABEL.test(s.slice(word.length)) ? s.slice(m[0].length).trim() : s.trim();
}

/** "PDF | ", "Request PDF | ": the label ResearchGate puts before the text of its meta tags. */
const WRAPPER_HEAD = /^(?:request pdf|pdf|download citation)\s*\|\s*/i;
/** " | Find, read and cite all the research you need on ResearchGate": a closing call to action. */
const WRAPPER_TAIL = /\s*\|\s*(?:find|read|download|discover|access)\b[^|]{0,100}$/i;
/** "On Jul 1, 2021, A. Author and others published Title": a notice of the work, not its abstract. */
const PUBLISHED_NOTICE = /^on [a-z]{3,9}\.? \d{1,2}, \d{4},? [^|]{1,400}? published\b/i;

/**
 * An abstract without the wrapper that aggregators put around it in their meta tags (ResearchGate:
 * "PDF | … | Find, read and cite all the research you need on ResearchGate"); undefined when there
 * was no abstract inside, only a notice that the work was published.
 */
export function unwrapAbstract(s: string): string | undefined {
  if (!s.includes('|')) return s;
  const inner = s.replace(WRAPPER_HEAD, '').replace(WRAPPER_TAIL, '').trim();
  return PUBLISHED_NOTICE.test(inner) ? undefined : inner;
}

/**
 * An abstract from a metadata value that may carry markup and an "Abstract:" label; undefined unless
 * its text is longer than `min` characters (shorter ones are teasers or stubs).
 */
export function abstractFrom(raw: string | null | undefined, min: number): string | undefined {
  const text = stripMarkup(raw);
  return text && text.length > min ? dropAbstractLabel(text) : undefined;
}

/** Title-cases a capitals-only word ("VASWANI" -> "Vaswani", "O'NEIL" -> "O'Neil", "VAN-DER" -> "Van-Der"). */
export function properCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[\s'’\-.])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Trailing punctuation a title may carry from the site (a final period kept by PubMed, etc.) is kept. */
export function cleanTitle(raw: string | null | undefined): string | undefined {
  const s = stripMarkup(raw, 2000);
  if (!s) return undefined;
  return s;
}

/** A keyword's trailing punctuation, removed when its last character is one of `.;,`. */
const TRAILING_STOPS = /[.;,]+$/;
const endsWithStop = (s: string): boolean => {
  const c = s.charCodeAt(s.length - 1);
  return c === 46 || c === 59 || c === 44;
};

/** Splits a keyword list (`a; b; c` or `a, b, c`), cleaned and de-duplicated, at most `max` items. */
export function splitKeywords(values: readonly string[], max = 100): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values.slice(0, max)) {
    const parts = v.includes(';') ? v.split(';') : v.includes(',') ? v.split(',') : [v];
    for (const p of parts) {
      let k = clean(p, 200);
      if (k && endsWithStop(k)) k = k.replace(TRAILING_STOPS, '');
      if (!k) continue;
      const lower = k.toLowerCase();
      if (seen.has(lower)) continue;
      seen.add(lower);
      out.push(k);
      if (out.length >= max) return out;
    }
  }
  return out;
}

/**
 * A page range in one form, "first–last", with a last page written short in full: PubMed's and many
 * journals' citations abbreviate it ("2567-74" is 2567–2574, "200-19" is 200–219). Only plain numbers
 * are read that way; anything else ("e1234", "S12-S19", "ix-xii") is kept as given.
 */
export function normalizePages(pages: string): string {
  const m = /^(\d{1,7})\s*(?:-+|–|—)\s*(\d{1,7})$/.exec(pages.trim());
  if (!m) return pages;
  const [, first = '', last = ''] = m;
  const full =
    last.length < first.length ? first.slice(0, first.length - last.length) + last : last;
  // "199-5" cannot be 195: kept as the page gives it.
  if (Number(full) < Number(first)) return `${first}–${last}`;
  return full === first ? first : `${first}–${full}`;
}

/** Pages as `first–last` from a start and end page (either may be missing). */
export function pageRange(first: string | undefined, last: string | undefined): string | undefined {
  const f = clean(first, 40);
  const l = clean(last, 40);
  if (f && l && f !== l) return `${f}–${l}`;
  return f ?? l;
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'dd',
  'dt',
  'dl',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'footer',
  'figure',
  'figcaption',
  'aside',
]);
/** The element after `el` and its subtree, in document order. */
export function after(el: Element): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement)
    if (e.nextElementSibling) return e.nextElementSibling;
  return null;
}

/** Elements whose content is no reader's text: `blockText` leaves them out. */
export const SKIP: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'button',
  'svg',
  'math',
  'select',
]);

/**
 * The text of an element as a reader sees it: block elements are separated by spaces
 * (`textContent` glues `<p>a</p><p>b</p>` into "ab"), scripts and styles are skipped, and
 * `skip` can leave out sub-elements (the sub-headings of a structured abstract). Capped at `max`.
 */
export function blockText(
  el: Element | null | undefined,
  max = MAX_FIELD,
  skip?: (e: Element) => boolean,
): string | undefined {
  if (!el) return undefined;
  const out: string[] = [];
  let len = 0;
  let steps = 0;
  const visit = (node: Node, depth: number): void => {
    for (let c = node.firstChild; c && len < max && steps < 50_000; c = c.nextSibling) {
      steps++;
      if (c.nodeType === 3) {
        const t = (c as Text).data;
        out.push(t);
        len += t.length;
      } else if (c.nodeType === 1 && depth < 100) {
        const e = c as Element;
        const tag = e.localName;
        if (SKIP.has(tag) || skip?.(e)) continue;
        const block = BLOCK.has(tag);
        if (block) out.push(' ');
        visit(e, depth + 1);
        if (block) out.push(' ');
      }
    }
  };
  visit(el, 0);
  return clean(out.join(''), max);
}
