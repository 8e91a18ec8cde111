import type { KeyTerm } from '../paper';

/**
 * Key terms computed locally from a paper's title and abstract, for pages that give none.
 *
 * Method: YAKE! (Yet Another Keyword Extractor), an unsupervised, single-document, corpus-free
 * keyphrase method scored on local statistical features of each word:
 *   R. Campos, V. Mangaravite, A. Pasquali, A. Jorge, C. Nunes, A. Jatowt (2020),
 *   "YAKE! Keyword extraction from single documents using multiple local features",
 *   Information Sciences 509, 257–289. https://doi.org/10.1016/j.ins.2019.09.013
 * The feature formulas and the candidate score follow the paper and its reference implementation
 * (github.com/LIAAD/yake): casing, position (median sentence), normalised frequency, relatedness to
 * context (distinct neighbours in a window of 2) and sentence spread give each word a score S(w)
 * (lower is better); an n-gram (n ≤ 3) that neither starts nor ends with a stopword scores
 * S = ∏S(w) / (TF · (1 + ΣS(w))), with stopwords inside a phrase weighted by their bigram
 * probabilities. The title is the first sentence, so the position feature favours its words, as YAKE
 * intends for a document's opening.
 *
 * Chosen over RAKE (which favours the longest phrases) and TextRank (a graph iteration: slower, and
 * weak on text as short as an abstract). Deterministic: no randomness, ties broken alphabetically.
 * Weights are min(S) / S, so the best term weighs 1 and every weight is in (0, 1].
 */

/** Longest title and abstract read: an abstract is rarely over 5,000 characters. */
const MAX_TITLE = 1_000;
const MAX_ABSTRACT = 12_000;
const MAX_NGRAM = 3;
const WINDOW = 2;
export const MAX_KEY_TERMS = 15;

/**
 * A standard English stopword list (the SMART/YAKE family, trimmed), plus words that open or pad
 * nearly every abstract ("we propose", "in this paper", "results show") and would otherwise rank.
 */
const STOPWORDS = new Set(
  (
    'a about above across after afterwards again against all almost alone along already also although always am among ' +
    'amongst an and another any anyhow anyone anything anyway anywhere are around as at be became because become ' +
    'becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot ' +
    'could did do does doing done down due during each eg e.g either else elsewhere enough etc even ever every ' +
    'everyone everything everywhere except few for former formerly from further furthermore had has have having he ' +
    'hence her here hereafter hereby herein hers herself him himself his how however i ie i.e if in indeed into is ' +
    'it its itself just last latter latterly least less like likely made make makes many may me meanwhile might more ' +
    'moreover most mostly much must my myself namely neither never nevertheless next no nobody none nor not nothing ' +
    'now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own per ' +
    'perhaps please quite rather really same several she should since so some somehow someone something sometime ' +
    'sometimes somewhere still such than that the their theirs them themselves then thence there thereafter thereby ' +
    'therefore therein thereupon these they this those though through throughout thru thus to together too toward ' +
    'towards under until up upon us very via was we well were what whatever when whence whenever where whereafter ' +
    'whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will ' +
    'with within without would yet you your yours yourself yourselves ' +
    // abstract boilerplate
    'paper article work propose proposed proposes present presents presented show shows shown showed demonstrate ' +
    'demonstrates demonstrated use used uses using based new novel various different approach approaches method ' +
    'methods result results find finds found provide provides provided given given introduce introduces introduced ' +
    'describe describes described report reports reported achieve achieves achieved obtain obtained including include ' +
    'includes significantly significant respectively able first second two three high higher low lower large small ' +
    'better best existing recent recently specific particular compared compare task tasks problem problems ' +
    'investigate investigated study studies studied important key main et al need needs'
  ).split(' '),
);

interface WordStats {
  key: string;
  /** Its number, in order of first occurrence: with `stride`, a number for a pair of words. */
  index: number;
  tf: number;
  tfUpper: number;
  tfAcronym: number;
  /** Sentences the word occurs in, ascending and without repeats (so already sorted for the median). */
  sentences: number[];
  lastSentence: number;
  /** Distinct non-stopword neighbours on each side, and how often any neighbour was seen there. */
  leftDistinct: number;
  leftN: number;
  rightDistinct: number;
  rightN: number;
  stop: boolean;
  score: number;
  /** The word as a one-word phrase. */
  gram: Gram | undefined;
}

/**
 * An n-gram seen in the text. It is a candidate when it neither starts nor ends with a stopword;
 * two-word grams that end with one are kept too, as the prefixes of three-word candidates.
 */
interface Gram {
  /** Its number among grams (with `stride`, a number for the gram and one more word). */
  index: number;
  candidate: boolean;
  /** Its words' keys joined by spaces, made only when needed (a tie of scores, a chosen term). */
  id: string | undefined;
  tf: number;
  /**
   * The first surface form seen, as tokens (which also give the words): `n` tokens from `start` in
   * the chunk `src` it was seen in (no copy per gram), with a bit mask of the ones whose capital is
   * unsure, and how often it was seen; `more` counts the other forms, only when there are any.
   */
  src: readonly TokenInfo[];
  start: number;
  n: number;
  unsure: number;
  formsN: number;
  more: Map<string, number> | undefined;
  score: number;
}

/** What one surface token says, computed once per distinct token in a call. */
interface TokenInfo {
  surface: string;
  /** The word it counts for, or null for a token that never forms a term. */
  word: WordStats | null;
  acronym: boolean;
  /** Starts with a capital letter. */
  capital: boolean;
}

/**
 * A word token: letters or digits, with inner hyphens, apostrophes or dots ("state-of-the-art",
 * "U.S."). ASCII letters and digits are tried first only because that is faster.
 */
const TOKEN = /(?:[a-zA-Z0-9]|[\p{L}\p{N}])+(?:['’.-](?:[a-zA-Z0-9]|[\p{L}\p{N}])+)*/gu;
/** Marks that end a phrase chunk: no candidate spans them. */
const CHUNK_BREAK = /[,;:()[\]{}"“”!?/|–—]|\.(?:\s|$)/u;
const UNUSABLE = /^[\p{N}.,\-']+$/u;
const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}(])|\n{2,}/u;
const HAS_CAPITAL = /\p{Lu}/u;
const STARTS_CAPITAL = /^\p{Lu}/u;
const NOT_PLURAL = /(?:ss|us|is|ics)$/;

function isUnusable(token: string): boolean {
  // YAKE's "d" (digits) and "u" (unparsable) tags: numbers and mostly-symbol tokens never form terms.
  if (UNUSABLE.test(token)) return true;
  return token.length > 40;
}

function isStop(lower: string): boolean {
  return lower.length < 3 || STOPWORDS.has(lower);
}

function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(SENTENCE_END)) {
    const s = part.trim();
    if (s) out.push(s);
  }
  return out;
}

/**
 * Splits a sentence into chunks at punctuation, each a list of tokens (surface forms). No mark is
 * part of a token, so splitting at every mark gives the same chunks as reading up to each.
 */
function chunks(sentence: string): string[][] {
  const out: string[][] = [];
  for (const piece of sentence.split(CHUNK_BREAK)) {
    const toks = piece.match(TOKEN);
    if (toks) out.push(toks);
  }
  return out;
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Folds simple English plurals so that "network" and "networks" are one term. */
function fold(lower: string): string {
  if (lower.length > 4 && lower.endsWith('ies')) return lower.slice(0, -3) + 'y';
  if (lower.length > 3 && lower.endsWith('s') && !NOT_PLURAL.test(lower)) return lower.slice(0, -1);
  return lower;
}

const UPPER = 1;
const LOWER = 2;
const LETTER = 4;
const FIRST_UPPER = 8;

/**
 * For an ASCII token, which letters it has (`UPPER`, `LOWER`, `LETTER`, `FIRST_UPPER`), so that the
 * common case needs no Unicode regular expression; -1 for a token with any other character.
 */
function asciiFlags(token: string): number {
  let flags = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0x80) return -1;
    if (c >= 97 && c <= 122) flags |= LOWER | LETTER;
    else if (c >= 65 && c <= 90) flags |= i ? UPPER | LETTER : UPPER | LETTER | FIRST_UPPER;
  }
  return flags;
}

function newWord(key: string, index: number): WordStats {
  return {
    key,
    index,
    tf: 0,
    tfUpper: 0,
    tfAcronym: 0,
    sentences: [],
    lastSentence: -1,
    leftDistinct: 0,
    leftN: 0,
    rightDistinct: 0,
    rightN: 0,
    stop: isStop(key),
    score: 0,
    gram: undefined,
  };
}

/** A candidate's surface form as text: unsure capitals are marked for `displayForm`. */
function formText(src: readonly TokenInfo[], start: number, n: number, unsure: number): string {
  let out = '';
  for (let m = 0; m < n; m++) {
    if (m) out += ' ';
    if (unsure & (1 << m)) out += UNSURE;
    out += src[start + m]?.surface ?? '';
  }
  return out;
}

/** The `m`th token of a gram's first surface form (undefined outside it). */
function formToken(c: Gram, m: number): TokenInfo | undefined {
  return m >= 0 && m < c.n ? c.src[c.start + m] : undefined;
}

function wordOf(tok: TokenInfo | undefined): WordStats | undefined {
  return tok?.word ?? undefined;
}

/** A candidate's words' keys: the words of a phrase are never unusable tokens. */
function keysOf(c: Gram): string[] {
  const keys: string[] = [];
  for (let m = 0; m < c.n; m++) keys.push(wordOf(formToken(c, m))?.key ?? '');
  return keys;
}

function idOf(c: Gram): string {
  return (c.id ??= keysOf(c).join(' '));
}

/** Best (lowest) score first, ties alphabetically by the candidate's key. */
function byScore(x: Gram, y: Gram): number {
  if (x.score !== y.score) return x.score - y.score;
  const a = idOf(x);
  const b = idOf(y);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The candidates in `byScore` order, sorted lazily: only a few dozen are ever read, so the best
 * `head` are kept in order as they come, and the rest are sorted only if the reader gets that far.
 */
function* inScoreOrder(scored: Gram[], head = 40): Generator<Gram> {
  const top: Gram[] = [];
  for (const x of scored) {
    if (top.length >= head) {
      const last = top[top.length - 1];
      if (last && byScore(x, last) > 0) continue;
      top.pop();
    }
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const y = top[mid];
      if (y && byScore(y, x) < 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, x);
  }
  yield* top;
  if (scored.length > top.length) yield* scored.sort(byScore).slice(top.length);
}

export function computeKeyTerms(title: string, abstract?: string): KeyTerm[] {
  const t = (title ?? '').slice(0, MAX_TITLE).trim();
  const a = (abstract ?? '').slice(0, MAX_ABSTRACT).trim();
  if (!t && !a) return [];
  const sentences = splitSentences(a);
  if (t) sentences.unshift(t);

  const words = new Map<string, WordStats>();
  const tokens = new Map<string, TokenInfo>();
  const info = (surface: string): TokenInfo => {
    let tok = tokens.get(surface);
    if (tok) return tok;
    const flags = asciiFlags(surface);
    if (flags < 0 ? isUnusable(surface) : !(flags & LETTER) || surface.length > 40) {
      tok = { surface, word: null, acronym: false, capital: false };
    } else {
      const key = fold(surface.toLowerCase());
      let w = words.get(key);
      if (!w) {
        w = newWord(key, words.size);
        words.set(key, w);
      }
      tok = {
        surface,
        word: w,
        acronym:
          flags < 0
            ? isAcronym(surface)
            : surface.length > 1 && !!(flags & UPPER) && !(flags & LOWER),
        capital: flags < 0 ? STARTS_CAPITAL.test(surface) : !!(flags & FIRST_UPPER),
      };
    }
    tokens.set(surface, tok);
    return tok;
  };
  // Pairs of numbers (word, word) or (gram, word) are one number: there are fewer words and grams
  // than characters, so `stride` keeps them apart (and small enough to be fast map keys).
  const stride = t.length + a.length + 1;
  /** Neighbouring non-stopword pairs seen, as left * stride + right. */
  const pairs = new Set<number>();
  /** Two- and three-word grams by their prefix and last word. */
  const grams = new Map<number, Gram>();
  const cands: Gram[] = [];
  let gramCount = 0;

  // A title in Title Case capitalises every word: its capitals say nothing about proper nouns.
  const titleCased = !!t && isTitleCase(t);
  for (let si = 0; si < sentences.length; si++) {
    let first = true;
    const capsMeaningless = si === 0 && titleCased;
    for (const chunk of chunks(sentences[si] ?? '')) {
      // The chunk's tokens; its grams keep a reference to them as their surface forms.
      const toks: TokenInfo[] = [];
      for (const surface of chunk) {
        const tok = info(surface);
        const w = tok.word;
        if (!w) {
          toks.push(tok);
          first = false;
          continue;
        }
        w.tf++;
        if (w.lastSentence !== si) {
          w.lastSentence = si;
          w.sentences.push(si);
        }
        if (tok.acronym) w.tfAcronym++;
        else if (!first && !capsMeaningless && tok.capital) w.tfUpper++;
        first = false;
        // Co-occurrence with the previous non-stopword words in a window (YAKE's relatedness).
        if (!w.stop) {
          for (let j = toks.length - 1, seen = 0; j >= 0 && seen < WINDOW; j--) {
            const other = toks[j]?.word;
            if (!other) break;
            seen++;
            if (other.stop) continue;
            const pair = other.index * stride + w.index;
            if (!pairs.has(pair)) {
              pairs.add(pair);
              w.leftDistinct++;
              other.rightDistinct++;
            }
            w.leftN++;
            other.rightN++;
          }
        }
        toks.push(tok);
      }
      // Candidates: n-grams of usable tokens not starting or ending with a stopword.
      for (let i = 0; i < toks.length; i++) {
        const w0 = toks[i]?.word;
        if (!w0 || w0.stop) continue;
        let g: Gram | undefined;
        let unsure = 0;
        for (let n = 1; n <= MAX_NGRAM && i + n <= toks.length; n++) {
          const j = i + n - 1;
          const tok = toks[j];
          const w = tok?.word;
          if (!tok || !w) break;
          // A capital at a sentence's start, or anywhere in a Title Case title, says nothing by
          // itself: such a word is marked, and shown capitalised only if the text also capitalises
          // it mid-sentence (a proper noun such as "Epstein-Nesbet"); acronyms keep their capitals.
          if ((capsMeaningless || j === 0) && !tok.acronym) unsure |= 1 << (n - 1);
          // A three-word gram ending with a stopword is neither a candidate nor a prefix.
          if (n === MAX_NGRAM && w.stop) continue;
          const key = g ? g.index * stride + w.index : -1;
          let next = g ? grams.get(key) : w.gram;
          if (!next) {
            next = {
              index: ++gramCount,
              candidate: !w.stop,
              id: undefined,
              tf: 0,
              src: toks,
              start: i,
              n,
              unsure,
              formsN: 0,
              more: undefined,
              score: 0,
            };
            if (g) grams.set(key, next);
            else w.gram = next;
            if (next.candidate) cands.push(next);
          }
          g = next;
          if (!g.candidate) continue;
          g.tf++;
          let same = g.unsure === unsure;
          for (let m = 0; same && m < n; m++) same = formToken(g, m) === toks[i + m];
          if (same) g.formsN++;
          else {
            const form = formText(toks, i, n, unsure);
            (g.more ??= new Map()).set(form, (g.more.get(form) ?? 0) + 1);
          }
        }
      }
    }
  }
  if (!cands.length) return [];

  // Word scores (YAKE's five features).
  const tfs: number[] = [];
  for (const w of words.values()) if (!w.stop) tfs.push(w.tf);
  let tfSum = 0;
  for (const x of tfs) tfSum += x;
  const meanTf = tfSum / Math.max(1, tfs.length);
  let sq = 0;
  for (const x of tfs) sq += (x - meanTf) ** 2;
  const stdTf = Math.sqrt(sq / Math.max(1, tfs.length));
  let maxTf = 1;
  for (const x of tfs) if (x > maxTf) maxTf = x;
  const nSent = sentences.length;
  for (const w of words.values()) {
    // A stopword's own score is never used: inside a phrase it is weighted by its bigrams instead.
    if (w.stop) continue;
    const tCase = Math.max(w.tfUpper, w.tfAcronym) / (1 + Math.log(w.tf));
    const tPos = Math.log(Math.log(3 + median(w.sentences)));
    const tFNorm = w.tf / (meanTf + stdTf || 1);
    const dl = w.leftN ? w.leftDistinct / w.leftN : 0;
    const dr = w.rightN ? w.rightDistinct / w.rightN : 0;
    const tRel = 1 + (dl + dr) * (w.tf / maxTf);
    const tSent = w.sentences.length / nSent;
    w.score = (tPos * tRel) / (tCase + tFNorm / tRel + tSent / tRel);
  }

  // Candidate scores. Bigram counts for the stopword probabilities come from the candidates' own
  // neighbours (YAKE uses the co-occurrence of each stopword with its neighbours).
  const bigram = (x: WordStats | undefined, y: WordStats | undefined): number => {
    const g = x?.gram && y ? grams.get(x.gram.index * stride + y.index) : undefined;
    return g?.candidate ? g.tf : 0;
  };
  const scored: Gram[] = [];
  for (const c of cands) {
    let prod = 1;
    let sum = 0;
    for (let i = 0; i < c.n; i++) {
      const w = wordOf(formToken(c, i));
      if (!w) continue;
      if (!w.stop) {
        prod *= w.score;
        sum += w.score;
        continue;
      }
      const prev = wordOf(formToken(c, i - 1));
      const next = wordOf(formToken(c, i + 1));
      const p1 = bigram(prev, w) / Math.max(1, prev?.tf ?? 1);
      const p2 = bigram(w, next) / Math.max(1, next?.tf ?? 1);
      const prob = p1 * p2;
      prod *= 1 + (1 - prob);
      sum -= 1 - prob;
    }
    const s = prod / (c.tf * (1 + sum));
    c.score = s;
    if (Number.isFinite(s) && s > 0) scored.push(c);
  }

  const out: KeyTerm[] = [];
  const chosen: Gram[] = [];
  const seen = new Set<string>();
  let best = 0;
  for (const c of inScoreOrder(scored)) {
    const s = c.score;
    if (out.length >= MAX_KEY_TERMS) break;
    if (!best) best = s;
    if (chosen.some((p) => p.tf >= c.tf && containsPhrase(p, c))) continue;
    const term = displayForm(c, (surface) => {
      const w = words.get(fold(surface.toLowerCase()));
      return w && w.tfUpper > 0 ? surface : surface.toLowerCase();
    });
    const key = term.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.push(c);
    const weight = Math.max(0.0001, Math.round((best / s) * 10_000) / 10_000);
    out.push({ term, weight });
  }
  return out;
}

/**
 * True when `inner` is a contiguous part of `outer`. A part that never occurs outside an
 * already-chosen phrase ("interpretable machine" inside "interpretable machine learning") adds
 * nothing and is skipped; one that also stands alone ("machine learning") is kept.
 */
function containsPhrase(outer: Gram, inner: Gram): boolean {
  if (inner.n >= outer.n) return false;
  for (let i = 0; i + inner.n <= outer.n; i++) {
    let all = true;
    for (let j = 0; all && j < inner.n; j++)
      all = wordOf(formToken(outer, i + j)) === wordOf(formToken(inner, j));
    if (all) return true;
  }
  return false;
}

function isAcronym(token: string): boolean {
  return token.length > 1 && token === token.toUpperCase() && HAS_CAPITAL.test(token);
}

/** Most words of four letters or more start with a capital: "Towards a Rigorous Science of …". */
function isTitleCase(title: string): boolean {
  const long = title.match(/\p{L}{4,}/gu) ?? [];
  if (long.length < 2) return false;
  const caps = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / long.length >= 0.8;
}

/** Marks a word whose capital may only be the sentence's (or a Title Case title's). */
const UNSURE = '\u0001';

/**
 * The form the text uses most (acronyms and proper nouns keep their capitals), ties alphabetically;
 * `resolve` decides the case of words whose capital is unsure.
 */
function displayForm(c: Gram, resolve: (surface: string) => string): string {
  let best = formText(c.src, c.start, c.n, c.unsure);
  let count = c.formsN;
  if (c.more) {
    for (const [form, n] of c.more) {
      if (n > count || (n === count && form < best)) {
        best = form;
        count = n;
      }
    }
  }
  if (!best) return idOf(c);
  if (!best.includes(UNSURE)) return best;
  return best
    .split(' ')
    .map((w) => (w.startsWith(UNSURE) ? resolve(w.slice(1)) : w))
    .join(' ');
}
