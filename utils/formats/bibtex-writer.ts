import type { Author, Paper, PaperType } from '@/utils/paper';
import { citationKeys } from './citation-key';
import { paperYear } from './common';
import { paperTypeOf } from './csl-json';
import type { ExportItem, SerializeOptions } from './types';

/**
 * The BibTeX writer, driven by the field map below, apart from the reader (bibtex.ts) so that code
 * that only writes (the panel's "copy BibTeX") does not load citation-js. Papershelf wants its own
 * citation keys (`vaswani2017attention`, see citation-key.ts), its own escaping (every LaTeX-active
 * character, while non-ASCII text stays UTF-8 for biber and modern bibtex) and arXiv's recommended
 * `eprint` fields, which citation-js's writer does not give.
 */
/** BibTeX entry type for each Papershelf type, and the field that names the venue in it. */
export const BIBTEX_TYPES: Record<PaperType, { type: string; venue: string }> = {
  'article-journal': { type: 'article', venue: 'journal' },
  'paper-conference': { type: 'inproceedings', venue: 'booktitle' },
  chapter: { type: 'incollection', venue: 'booktitle' },
  thesis: { type: 'phdthesis', venue: 'school' },
  report: { type: 'techreport', venue: 'institution' },
  book: { type: 'book', venue: 'series' },
  // Preprints: arXiv's recommendation is @misc with eprint/archivePrefix/primaryClass.
  article: { type: 'misc', venue: 'howpublished' },
  dataset: { type: 'misc', venue: 'howpublished' },
};

/**
 * Field map: `Paper` field → BibTeX field, in the order they are written. `venue` goes to the field
 * the entry type names (BIBTEX_TYPES); authors, dates, ids and keywords are formatted by code below.
 */
export const BIBTEX_FIELDS = [
  ['authors', 'author'],
  ['title', 'title'],
  ['venue', '(journal | booktitle | school | institution | series | howpublished)'],
  ['year', 'year'],
  ['issued', 'month, and date = {YYYY-MM-DD} when the day is known'],
  ['volume', 'volume'],
  ['issue', 'number'],
  ['pages', 'pages'],
  ['publisher', 'publisher'],
  ['doi', 'doi'],
  ['arxivId', 'eprint, archivePrefix = {arXiv}'],
  ['pmid', 'pmid'],
  ['pmcid', 'pmcid'],
  ['isbn', 'isbn'],
  ['issn', 'issn'],
  ['url', 'url'],
  ['abstract', 'abstract'],
  ['keywords', 'keywords'],
] as const satisfies readonly (readonly [keyof Paper, string])[];
// Read only: `annote` (Zotero and JabRef write notes there) becomes the item's notes. User data is
// not written: a .bib file is shared with co-authors, the user's notes and tags are private.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// ---------------------------------------------------------------------------------------------
// Writing

/** LaTeX-active characters and their text-mode commands; everything else is kept as UTF-8. */
const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // Escaped braces as commands: bibtex counts `\{` as a brace, so an unbalanced one would break it.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Text as a BibTeX value body: LaTeX-active characters escaped, whitespace (and control chars) collapsed. */
export function escapeLatex(text: string): string {
  return (
    text
      .replace(/[\p{Cc}\s]+/gu, ' ')
      .trim()
      .replace(/[\\{}&%$#_~^<>]/g, (c) => LATEX_ESCAPES[c] ?? c)
      // TeX ligatures: `--` is an en dash, `''` a closing quote, `?\`` an inverted question mark…
      // An empty group between the two characters keeps them as typed.
      .replace(/([-'`,])(?=[-'`,])/g, '$1{}')
      .replace(/([?!])(?=`)/g, '$1{}')
  );
}

/**
 * Like `escapeLatex`, keeping paragraph breaks (abstracts). A paragraph may not start with `@`: a
 * line starting `@misc(x,` would look like the next entry to a reader recovering from a broken one.
 */
function escapeParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => escapeLatex(p).replace(/^@/, '{@}'))
    .filter(Boolean)
    .join('\n\n');
}

/**
 * A title with the case of acronyms and mixed-case words protected (`{BERT}`, `{ImageNet}`), so that
 * styles which lowercase titles keep them.
 */
function escapeTitle(title: string): string {
  return title
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const escaped = escapeLatex(word);
      return /\p{Lu}/u.test(word.slice(1)) ? `{${escaped}}` : escaped;
    })
    .join(' ');
}

const SUFFIX = /^(.*?),?\s+(Jr\.?|Sr\.?|II|III|IV)$/;

/**
 * A name part, braced (one unit for the name parser) when it could be misread: a comma or the word
 * "and" would split the name, `=` starts biblatex's `family=…` syntax, a lowercase hyphenated word
 * (`al-Khwarizmi`) would be cut into particle and name, a hyphen on its own separates words, and
 * other symbols are safer kept whole.
 */
function namePart(s: string): string {
  const e = escapeLatex(s);
  const risky =
    /[^\p{L}\p{M}\p{N}\s.'’-]/u.test(s) ||
    /(^|\s)\p{Ll}\S*-|(^|\s)-|-(\s|$)/u.test(s) ||
    /\band\b/i.test(s);
  return risky ? `{${e}}` : e;
}

/** `Family, Given`, `Family, Jr., Given`, or `{Literal Name}` (organisations: one unit). */
export function formatName(a: Author): string {
  if (a.literal || !a.family) return `{${escapeLatex(a.literal ?? a.given ?? '')}}`;
  const m = SUFFIX.exec(a.family);
  const family = m?.[1] ?? a.family;
  // A family name alone of several words would be read as "First Last": keep it one unit.
  const fam = !a.given && /\s/.test(family) ? `{${escapeLatex(family)}}` : namePart(family);
  const parts = [fam];
  if (m?.[2]) parts.push(m[2]);
  if (a.given) parts.push(namePart(a.given));
  else if (m?.[2]) parts.push('');
  return parts.join(', ');
}

/**
 * DOIs and URLs are verbatim fields (biblatex, the url package): LaTeX escapes would become part of
 * them. Only what would end or break the value is percent-encoded (braces, backslash, whitespace;
 * none is valid unencoded in a URL).
 */
function verbatim(s: string): string {
  return s.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c));
}

function field(name: string, value: string | undefined): string | undefined {
  return value ? `  ${name} = {${value}}` : undefined;
}

/** One BibTeX entry for a paper, with the given citation key. */
export function formatEntry(paper: Paper, key: string): string {
  const type = paperTypeOf(paper);
  const map = BIBTEX_TYPES[type];
  const isArxiv = !!paper.arxivId;
  let venue = paper.venue;
  // arXiv as "howpublished" says nothing the eprint fields do not.
  if (map.type === 'misc' && isArxiv && venue && /^arxiv/i.test(venue)) venue = undefined;
  // A thesis's school and a report's institution are what other tools (and citation-js) call its
  // publisher.
  let publisher = paper.publisher;
  if ((type === 'thesis' || type === 'report') && !venue) {
    venue = publisher;
    publisher = undefined;
  }
  const year = paperYear(paper);
  const [, month, day] = paper.issued?.date.split('-') ?? [];
  const lines = [
    field('author', paper.authors.map(formatName).join(' and ')),
    field('title', escapeTitle(paper.title)),
    field(map.venue, venue && escapeLatex(venue)),
    field('year', year ? String(year) : undefined),
    month ? `  month = ${MONTHS[Number(month) - 1] ?? ''}` : undefined,
    day ? field('date', paper.issued?.date) : undefined,
    field('volume', paper.volume && escapeLatex(paper.volume)),
    field('number', paper.issue && escapeLatex(paper.issue)),
    // A page range is the one place a TeX en dash (`--`) is wanted.
    field(
      'pages',
      paper.pages &&
        paper.pages
          .split(/\s*[-–—]+\s*/)
          .map(escapeLatex)
          .join('--'),
    ),
    field('publisher', publisher && escapeLatex(publisher)),
    field('doi', paper.doi && verbatim(paper.doi)),
    field('eprint', paper.arxivId && escapeLatex(paper.arxivId)),
    isArxiv ? field('archivePrefix', 'arXiv') : undefined,
    field('pmid', paper.pmid && escapeLatex(paper.pmid)),
    field('pmcid', paper.pmcid && escapeLatex(paper.pmcid)),
    field('isbn', paper.isbn?.map(escapeLatex).join(', ')),
    field('issn', paper.issn?.map(escapeLatex).join(', ')),
    field('url', paper.url && verbatim(paper.url)),
    field('abstract', paper.abstract && escapeParagraphs(paper.abstract)),
    field('keywords', paper.keywords.map(escapeLatex).join(', ')),
  ].filter((l): l is string => !!l && !/= \{?\}?$/.test(l));
  return `@${map.type}{${key},\n${lines.join(',\n')}\n}\n`;
}

export function serialize(items: readonly ExportItem[], options: SerializeOptions = {}): string {
  const keys = citationKeys(
    items.map((i) => i.paper),
    options.keyPattern,
  );
  return items.map((item, i) => formatEntry(item.paper, keys[i] ?? `paper${i}`)).join('\n');
}
