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
  tf: number;
  tfUpper: number;
  tfAcronym: number;
  sentences: number[];
  left: Map<string, number>;
  right: Map<string, number>;
  stop: boolean;
  score: number;
}

interface Candidate {
  words: string[];
  tf: number;
  surfaces: Map<string, number>;
}

/** A word token: letters or digits, with inner hyphens, apostrophes or dots ("state-of-the-art", "U.S."). */
const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
/** Marks that end a phrase chunk: no candidate spans them. */
const CHUNK_BREAK = /[,;:()[\]{}"“”!?/|–—]|\.(?:\s|$)/u;

function isUnusable(token: string): boolean {
  // YAKE's "d" (digits) and "u" (unparsable) tags: numbers and mostly-symbol tokens never form terms.
  if (/^[\p{N}.,\-']+$/u.test(token)) return true;
  return token.length > 40;
}

function isStop(lower: string): boolean {
  return lower.length < 3 || STOPWORDS.has(lower);
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}(])|\n{2,}/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Splits a sentence into chunks at punctuation, each a list of tokens (surface forms). */
function chunks(sentence: string): string[][] {
  const out: string[][] = [];
  let rest = sentence;
  while (rest.length) {
    const m = CHUNK_BREAK.exec(rest);
    const piece = m ? rest.slice(0, m.index) : rest;
    const toks = piece.match(TOKEN);
    if (toks?.length) out.push(toks);
    if (!m) break;
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Folds simple English plurals so that "network" and "networks" are one term. */
function fold(lower: string): string {
  if (lower.length > 4 && lower.endsWith('ies')) return lower.slice(0, -3) + 'y';
  if (lower.length > 3 && lower.endsWith('s') && !/(?:ss|us|is|ics)$/.test(lower))
    return lower.slice(0, -1);
  return lower;
}

export function computeKeyTerms(title: string, abstract?: string): KeyTerm[] {
  const t = (title ?? '').slice(0, MAX_TITLE).trim();
  const a = (abstract ?? '').slice(0, MAX_ABSTRACT).trim();
  if (!t && !a) return [];
  const sentences = [...(t ? [t] : []), ...splitSentences(a)];

  const words = new Map<string, WordStats>();
  const cands = new Map<string, Candidate>();
  const stat = (lower: string): WordStats => {
    let w = words.get(lower);
    if (!w) {
      w = {
        tf: 0,
        tfUpper: 0,
        tfAcronym: 0,
        sentences: [],
        left: new Map(),
        right: new Map(),
        stop: isStop(lower),
        score: 0,
      };
      words.set(lower, w);
    }
    return w;
  };

  // A title in Title Case capitalises every word: its capitals say nothing about proper nouns.
  const titleCased = !!t && isTitleCase(t);
  sentences.forEach((sentence, si) => {
    let first = true;
    const capsMeaningless = si === 0 && titleCased;
    for (const chunk of chunks(sentence)) {
      const keys: (string | null)[] = [];
      for (const surface of chunk) {
        if (isUnusable(surface)) {
          keys.push(null);
          first = false;
          continue;
        }
        const key = fold(surface.toLowerCase());
        const w = stat(key);
        w.tf++;
        if (w.sentences[w.sentences.length - 1] !== si) w.sentences.push(si);
        if (isAcronym(surface)) w.tfAcronym++;
        else if (!first && !capsMeaningless && /^\p{Lu}/u.test(surface)) w.tfUpper++;
        first = false;
        // Co-occurrence with the previous non-stopword words in a window (YAKE's relatedness).
        if (!w.stop) {
          for (let j = keys.length - 1, seen = 0; j >= 0 && seen < WINDOW; j--) {
            const k = keys[j];
            if (k == null) break;
            seen++;
            const other = words.get(k);
            if (!other || other.stop) continue;
            bump(w.left, k);
            bump(other.right, key);
          }
        }
        keys.push(key);
      }
      // Candidates: n-grams of usable tokens not starting or ending with a stopword.
      for (let i = 0; i < keys.length; i++) {
        for (let n = 1; n <= MAX_NGRAM && i + n <= keys.length; n++) {
          const slice = keys.slice(i, i + n);
          if (slice.some((k) => k == null)) break;
          const ks = slice as string[];
          if (words.get(ks[0] ?? '')?.stop || words.get(ks[n - 1] ?? '')?.stop) continue;
          const id = ks.join(' ');
          let c = cands.get(id);
          if (!c) {
            c = { words: ks, tf: 0, surfaces: new Map() };
            cands.set(id, c);
          }
          c.tf++;
          const forms = chunk.slice(i, i + n);
          // A capital at a sentence's start, or anywhere in a Title Case title, says nothing by
          // itself: such a word is marked, and shown capitalised only if the text also capitalises
          // it mid-sentence (a proper noun such as "Epstein-Nesbet"); acronyms keep their capitals.
          const surface = forms
            .map((f, j) =>
              (capsMeaningless || (i === 0 && j === 0)) && !isAcronym(f) ? UNSURE + f : f,
            )
            .join(' ');
          bump(c.surfaces, surface);
        }
      }
    }
  });
  if (!cands.size) return [];

  // Word scores (YAKE's five features).
  const valid = [...words.values()].filter((w) => !w.stop);
  const tfs = valid.map((w) => w.tf);
  const meanTf = tfs.reduce((s, x) => s + x, 0) / Math.max(1, tfs.length);
  const stdTf = Math.sqrt(tfs.reduce((s, x) => s + (x - meanTf) ** 2, 0) / Math.max(1, tfs.length));
  const maxTf = Math.max(1, ...tfs);
  const nSent = sentences.length;
  for (const w of words.values()) {
    const tCase = Math.max(w.tfUpper, w.tfAcronym) / (1 + Math.log(w.tf));
    const tPos = Math.log(Math.log(3 + median(w.sentences)));
    const tFNorm = w.tf / (meanTf + stdTf || 1);
    const sumL = [...w.left.values()].reduce((s, x) => s + x, 0);
    const sumR = [...w.right.values()].reduce((s, x) => s + x, 0);
    const dl = sumL ? w.left.size / sumL : 0;
    const dr = sumR ? w.right.size / sumR : 0;
    const tRel = 1 + (dl + dr) * (w.tf / maxTf);
    const tSent = w.sentences.length / nSent;
    w.score = (tPos * tRel) / (tCase + tFNorm / tRel + tSent / tRel);
  }

  // Candidate scores. Bigram counts for the stopword probabilities come from the candidates' own
  // neighbours (YAKE uses the co-occurrence of each stopword with its neighbours).
  const pair = new Map<string, number>();
  for (const c of cands.values()) if (c.words.length === 2) pair.set(c.words.join(' '), c.tf);
  const scored: { id: string; c: Candidate; s: number }[] = [];
  for (const [id, c] of cands) {
    let prod = 1;
    let sum = 0;
    c.words.forEach((k, i) => {
      const w = words.get(k);
      if (!w) return;
      if (!w.stop) {
        prod *= w.score;
        sum += w.score;
        return;
      }
      const prev = c.words[i - 1] ?? '';
      const next = c.words[i + 1] ?? '';
      const p1 = (pair.get(`${prev} ${k}`) ?? 0) / Math.max(1, words.get(prev)?.tf ?? 1);
      const p2 = (pair.get(`${k} ${next}`) ?? 0) / Math.max(1, words.get(next)?.tf ?? 1);
      const prob = p1 * p2;
      prod *= 1 + (1 - prob);
      sum -= 1 - prob;
    });
    const s = prod / (c.tf * (1 + sum));
    if (Number.isFinite(s) && s > 0) scored.push({ id, c, s });
  }
  scored.sort((x, y) => x.s - y.s || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  const out: KeyTerm[] = [];
  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  const best = scored[0]?.s ?? 1;
  for (const { c, s } of scored) {
    if (out.length >= MAX_KEY_TERMS) break;
    if (chosen.some((p) => p.tf >= c.tf && containsPhrase(p.words, c.words))) continue;
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
function containsPhrase(outer: string[], inner: string[]): boolean {
  if (inner.length >= outer.length) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, j) => outer[i + j] === w)) return true;
  }
  return false;
}

function isAcronym(token: string): boolean {
  return token.length > 1 && token === token.toUpperCase() && /\p{Lu}/u.test(token);
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
function displayForm(c: Candidate, resolve: (surface: string) => string): string {
  let best = '';
  let count = 0;
  for (const [form, n] of c.surfaces) {
    if (n > count || (n === count && form < best)) {
      best = form;
      count = n;
    }
  }
  if (!best) return c.words.join(' ');
  return best
    .split(' ')
    .map((w) => (w.startsWith(UNSURE) ? resolve(w.slice(1)) : w))
    .join(' ');
}
