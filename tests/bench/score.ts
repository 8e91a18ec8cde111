/**
 * Scoring rules of the extraction benchmark, exactly as written in the corpus README
 * (`../shared/corpus/README.md`, "Scoring rules used to judge extraction"), as pure functions so that
 * `score.test.ts` can pin them down with small cases.
 *
 * Every tool's output is first mapped to one `Extracted` shape (see `papershelf.ts` and `peers.ts`),
 * then compared with the sidecar's `expected` here. A field whose expected value is null is right only
 * when the tool returns nothing for it ("absent-correct").
 */

/** The fields the benchmark scores, named as in the sidecars. */
export const FIELDS = ['title', 'authors', 'year', 'doi', 'arxiv_id', 'abstract'] as const;
export type Field = (typeof FIELDS)[number];

/** A name as a tool gives it: one display string, or structured parts (Papershelf's `Author`). */
export type NameLike = string | { given?: string; family?: string; literal?: string };

/** One tool's answer for one page, mapped to the scored fields. */
export interface Extracted {
  title?: string;
  authors?: NameLike[];
  year?: number;
  doi?: string;
  arxivId?: string;
  abstract?: string;
  /** Whether the tool says (or, for peers, is counted as saying) that the page shows one paper. */
  detected: boolean;
  /** Papershelf only: its page kind, to report listings recognised as listings. */
  kind?: string;
  /** Papershelf only: where each returned field came from (`Paper.sources`), keyed by scored field. */
  sources?: Partial<Record<Field, string>>;
  /** Set when the tool threw on this page; every field then counts as "returned nothing". */
  error?: string;
}

/** The sidecar's `expected` block, as far as scoring reads it. */
export interface Expected {
  title?: string | null;
  authors?: string[] | null;
  year?: number | null;
  doi?: string | null;
  arxiv_id?: string | null;
  abstract_prefix?: string | null;
  [other: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Normalisers

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  middot: '\u00b7',
  times: '\u00d7',
  minus: '\u2212',
  deg: '\u00b0',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  shy: '\u00ad',
  alpha: '\u03b1',
  beta: '\u03b2',
  gamma: '\u03b3',
  delta: '\u03b4',
  mu: '\u03bc',
};

/**
 * Decodes the HTML character references a tool may leave in a string (`&amp;`, `&#39;`, `&#x2013;`,
 * common named ones). Strings here are data: this is a lookup, never a parse of markup. Applied
 * repeatedly (at most 3 times) because some pages double-escape (`&amp;amp;`).
 */
export function decodeEntities(s: string): string {
  let out = s;
  for (let i = 0; i < 3 && out.includes('&'); i++) {
    const next = out.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
      if (ref[0] === '#') {
        const code =
          ref[1] === 'x' || ref[1] === 'X'
            ? parseInt(ref.slice(2), 16)
            : parseInt(ref.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : whole;
      }
      return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Title: NFKC, entities decoded, lowercase, whitespace collapsed, trailing punctuation dropped. */
export function normalizeTitle(s: string): string {
  return collapseWhitespace(decodeEntities(s).normalize('NFKC').toLowerCase()).replace(
    /[\s\p{P}]+$/u,
    '',
  );
}

/** Letters NFKD does not decompose but that a name's ASCII form spells differently. */
const LETTER_FOLDS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

/** Lowercase, accents removed, punctuation and spaces removed: `Müller-Lüdenscheidt` -> `mullerludenscheidt`. */
export function foldName(s: string): string {
  return decodeEntities(s)
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(/[łøđðþßæœı]/g, (c) => LETTER_FOLDS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The family-name key of one author. README: "part before a comma, or the last word". For a
 * multi-word family name the last word of that part is taken, so that the three forms a tool may give
 * (`Maza, M. C. de la`, `de la Maza, Michelina`, `{family: 'de la Maza'}`) and the sidecar's
 * `Michelina C. de la Maza` all compare on `maza`; for one-word family names this is the README rule
 * unchanged. One more deviation, the Vancouver form (`Skladanowski AC`), is explained below.
 */
export function familyKey(name: NameLike): string {
  let family: string;
  if (typeof name === 'string') {
    const s = collapseWhitespace(decodeEntities(name));
    const comma = s.indexOf(',');
    family = comma > 0 ? s.slice(0, comma) : s;
    // Vancouver form, "Tkacz-Stachowska K" / "Skladanowski AC" (PubMed, and the PubMed sidecars):
    // the last word is the initials, so the README's "last word" would compare initials; the word
    // before them is the family name.
    const words = family.split(' ');
    if (comma < 0 && words.length >= 2 && /^\p{Lu}{1,3}$/u.test(words[words.length - 1] ?? '')) {
      const rest = words.slice(0, -1);
      if (rest.some((w) => /\p{Ll}/u.test(w))) family = rest.join(' ');
    }
  } else if (name.family?.trim()) {
    family = name.family;
  } else if (name.literal?.trim()) {
    // A literal name is a display string: the string rule applies.
    return familyKey(name.literal);
  } else {
    family = name.given ?? '';
  }
  const words = collapseWhitespace(family)
    .split(' ')
    .filter((w) => foldName(w) !== '');
  return foldName(words[words.length - 1] ?? '');
}

/** DOI: lowercase, without `https://doi.org/` (or dx.doi.org, http) or `doi:`. */
export function normalizeDoi(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//, '')
    .replace(/^doi:\s*/, '')
    .trim();
}

/** arXiv id: without version and `arXiv:` prefix. */
export function normalizeArxivId(s: string): string {
  return s
    .trim()
    .replace(/^arxiv:\s*/i, '')
    .replace(/v\d+$/i, '')
    .toLowerCase();
}

/** Abstract: whitespace collapsed, a leading "Abstract"/"Summary" label dropped. */
export function normalizeAbstract(s: string): string {
  return collapseWhitespace(s).replace(/^(abstract|summary)\b\s*[:.\u2013\u2014-]?\s*/i, '');
}

/** How many characters of `abstract_prefix` must start the extracted abstract. */
export const ABSTRACT_PREFIX_CHARS = 60;

/** The README's abstract rule: the first 60 characters of the prefix, case-insensitive, start it. */
export function abstractMatches(expectedPrefix: string, got: string): boolean {
  const want = normalizeAbstract(expectedPrefix).slice(0, ABSTRACT_PREFIX_CHARS).toLowerCase();
  return want !== '' && normalizeAbstract(got).toLowerCase().startsWith(want);
}

// ---------------------------------------------------------------------------------------------
// Field scoring

/**
 * - `correct`: a value was expected and the tool's matches.
 * - `wrong`: a value was expected; the tool's differs.
 * - `missing`: a value was expected; the tool returned nothing.
 * - `absent-correct`: nothing was expected and the tool returned nothing.
 * - `invented`: nothing was expected but the tool returned something.
 * - `unscored`: the sidecar does not state this field.
 */
export type Outcome = 'correct' | 'wrong' | 'missing' | 'absent-correct' | 'invented' | 'unscored';

function isNothing(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'number') return !Number.isFinite(v);
  return false;
}

/** The expected value for a field, `null` when the sidecar says "absent", `undefined` when unstated. */
export function expectedValue(expected: Expected, field: Field): unknown {
  const key = field === 'abstract' ? 'abstract_prefix' : field;
  if (!(key in expected)) return undefined;
  const v = expected[key];
  return isNothing(v) ? null : v;
}

export function gotValue(got: Extracted, field: Field): unknown {
  switch (field) {
    case 'title':
      return got.title;
    case 'authors':
      return got.authors;
    case 'year':
      return got.year;
    case 'doi':
      return got.doi;
    case 'arxiv_id':
      return got.arxivId;
    case 'abstract':
      return got.abstract;
  }
}

/** Whether two non-empty values agree under the README rule for `field`. */
export function valuesMatch(field: Field, want: unknown, got: unknown): boolean {
  switch (field) {
    case 'title':
      return normalizeTitle(String(want)) === normalizeTitle(String(got));
    case 'authors': {
      if (!Array.isArray(want) || !Array.isArray(got)) return false;
      const a = (want as NameLike[]).map(familyKey);
      const b = (got as NameLike[]).map(familyKey);
      return a.length === b.length && a.every((k, i) => k === b[i]);
    }
    case 'year':
      return Number(want) === Number(got);
    case 'doi':
      return normalizeDoi(String(want)) === normalizeDoi(String(got));
    case 'arxiv_id':
      return normalizeArxivId(String(want)) === normalizeArxivId(String(got));
    case 'abstract':
      return abstractMatches(String(want), String(got));
  }
}

export function scoreField(field: Field, expected: Expected, got: Extracted): Outcome {
  const want = expectedValue(expected, field);
  if (want === undefined) return 'unscored';
  const value = gotValue(got, field);
  if (want === null) return isNothing(value) ? 'absent-correct' : 'invented';
  if (isNothing(value)) return 'missing';
  return valuesMatch(field, want, value) ? 'correct' : 'wrong';
}

// ---------------------------------------------------------------------------------------------
// Ground truth: which pages are papers

/** The sidecar fields that decide whether a page shows one paper. */
export interface SidecarTruth {
  category?: string;
  is_scholarly_paper_page?: boolean | null;
  site?: string;
  page_kind?: string;
  notes?: string[];
  expected?: Expected;
}

export interface Truth {
  /** true: must be detected; false: must not be; null: left out of detection scores. */
  isPaper: boolean | null;
  /** Why, for the report. */
  reason: string;
}

const PAPER_FIELDS = ['title', 'authors', 'doi', 'arxiv_id', 'abstract_prefix'] as const;

/**
 * Whether a page counts as a paper (positive for detection, scored for fields). The rule:
 * 1. `is_scholarly_paper_page` true/false in the sidecar decides (papers/ and repository/ are true,
 *    listing/ and negative/ false in this corpus).
 * 2. Otherwise (edge/ pages, where it is null):
 *    - a bot-check interstitial (`expected.is_challenge_page`) shows no work: not a paper;
 *    - a news item (`site` or `page_kind` says news, or a note says it is not a research paper): not
 *      a paper, as the issue says news is `none` even with citation_* tags and a DOI;
 *    - an `expected` block with paper fields (title/authors/doi/arxiv_id/abstract_prefix keys, even if
 *      some are null, as on truncated pages): a paper, scored on the fields it states;
 *    - anything else: left out.
 * 3. Without the flag, the folder name decides: papers/repository are papers, listing/negative not.
 */
export function pageTruth(sidecar: SidecarTruth): Truth {
  const flag = sidecar.is_scholarly_paper_page;
  if (flag === true) return { isPaper: true, reason: 'is_scholarly_paper_page' };
  if (flag === false) return { isPaper: false, reason: 'is_scholarly_paper_page=false' };
  const expected = sidecar.expected ?? {};
  if (expected.is_challenge_page === true)
    return { isPaper: false, reason: 'bot-check interstitial' };
  const notes = (sidecar.notes ?? []).join(' ');
  if (
    /\bnews\b/i.test(`${sidecar.site ?? ''} ${sidecar.page_kind ?? ''}`) ||
    /\bnot an? (research|scholarly) (paper|article)\b/i.test(notes)
  )
    return { isPaper: false, reason: 'news item' };
  if (PAPER_FIELDS.some((k) => k in expected))
    return { isPaper: true, reason: 'expected paper fields' };
  switch (sidecar.category) {
    case 'papers':
    case 'repository':
      return { isPaper: true, reason: `category ${sidecar.category}` };
    case 'listing':
    case 'negative':
      return { isPaper: false, reason: `category ${sidecar.category}` };
  }
  return { isPaper: null, reason: 'undecided' };
}

// ---------------------------------------------------------------------------------------------
// Aggregates

export interface Ratio {
  hit: number;
  total: number;
  /** Percentage, one decimal; null when total is 0. */
  pct: number | null;
}

export function ratio(hit: number, total: number): Ratio {
  return { hit, total, pct: total === 0 ? null : Math.round((1000 * hit) / total) / 10 };
}

/** Nearest-rank percentile of `values` (p in 0..100); NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface DetectionScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: Ratio;
  recall: Ratio;
  /** Pages detected although they are not papers. */
  falsePositives: string[];
  /** Papers not detected. */
  falseNegatives: string[];
}

export function scoreDetection(
  pages: readonly { id: string; truth: Truth; detected: boolean }[],
): DetectionScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  for (const p of pages) {
    if (p.truth.isPaper === null) continue;
    if (p.truth.isPaper && p.detected) tp++;
    else if (p.truth.isPaper) {
      fn++;
      falseNegatives.push(p.id);
    } else if (p.detected) {
      fp++;
      falsePositives.push(p.id);
    } else tn++;
  }
  return {
    tp,
    fp,
    fn,
    tn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    falsePositives,
    falseNegatives,
  };
}

/** The year of a date-like string (`2019-02-07`, `2017/06/12`, `June 2009`, ISO timestamps). */
export function yearOf(s: string | undefined | null): number | undefined {
  if (!s) return undefined;
  const m = /(?:^|[^0-9])(1[5-9][0-9]{2}|20[0-9]{2})(?![0-9])/.exec(s);
  return m ? Number(m[1]) : undefined;
}
