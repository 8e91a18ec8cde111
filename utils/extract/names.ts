import type { Author } from '../paper';
import { clean, collapse, properCase } from './text';

/**
 * Person names as pages write them, turned into CSL-style `{given, family}`:
 * - footnote and affiliation marks are dropped (`Castro*#⊥`, `Ghailane,†`, `Powell DJ1`, superscripts),
 *   as are a leading or trailing "and", trailing commas, degrees (`PhD`, `MD`), titles before the
 *   name (`Prof. Dr.`), "et al." and e-mail addresses;
 * - `Family, Given` (Dublin Core, EPrints, IEEE) is split at the comma;
 * - MEDLINE `Surname Initials` (`Powell DJ`) keeps the initials as the given part;
 * - capitals-only forms (`VASWANI Ashish`, `JOHN SMITH`) are proper-cased;
 * - organisations ("… Consortium", "… Group", "Centers for Disease Control and Prevention",
 *   "Johnson & Johnson") stay one literal name.
 */

const MARKS = /[*†‡§¶#⊥‖∥¹²³⁰⁴-⁹⁺⁽⁾ᵃ-ᶻ✉✝]+/gu;
const DEGREES =
  /(?:,?\s+|^)(?:Ph\.?\s?D|M\.?\s?D|M\.?\s?Sc|B\.?\s?Sc|M\.?\s?A|M\.?\s?P\.?\s?H|D\.?\s?Phil|Dr\.?\s?rer\.?\s?nat|MBBS|MBChB|FRCP|FRS|RN|PharmD|DVM|DDS|MSc|MPH|MS|MBA)\.?(?=,|\s|$)/g;
const ORG =
  /\b(consortium|collaboration|group|team|project|committee|network|initiative|institute|university|society|association|council|organi[sz]ation|laboratory|centres?|centers?|investigators|authors|agency|ministry|department|foundation|commission|federation|bureau|office)\b|\s(?:of|for|and|&|the)\s/i;
const PARTICLES = new Set([
  'van',
  'vande',
  'vanden',
  'vander',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'ter',
  'ten',
  'zu',
  'bin',
  'ibn',
  'al',
  'el',
  'st.',
]);

const EMAIL = /\S+@\S+\.\S+/g;
const BRACKETED = /\(.*?\)|\[.*?\]/g;
/** Affiliation numbers glued to the name ("Powell DJ1", "Smith J 2,3") or standing alone. */
const GLUED_NUMBERS = /(\p{L}\.?)\d[\d,\s]*(?=\s|$|,)/gu;
const LONE_NUMBERS = /(?:^|\s)\d+(?:[,\s]+\d+)*(?=\s|$)/g;
const DIGIT = /\d/;
const LEADING_AND = /^\s*(?:and|&|und|et)\s+/i;
/** Titles before a name, as German and British pages print them ("Prof. Dr. Hans Müller", "Dr Jane Lee"). */
const HONORIFIC =
  /^(?:(?:univ\.?-?\s?prof|assoc\.?\s+prof|asst\.?\s+prof|priv\.?-?\s?doz|prof|dr|dipl\.?-?\s?ing|mr|mrs|ms|mx|sir|dame)\.?\s+)+(?=\S+\s+\S)/i;
/** "et al." standing for the other authors: not part of a name (and alone, no name at all). */
const ET_AL = /(?:^|\s+)et\.?\s+al\.?$/i;
const TRAILING_AND = /[\s,;]+(?:and|&|und|et)\s*$/i;
const STRAY_PUNCTUATION = /^[\s,;:.\-–]+|[\s,;:\-–]+$/g;
/** Characters that `STRAY_PUNCTUATION` strips at the start (`LEADING`) or at the end (`TRAILING`). */
const LEADING = /^[\s,;:.\-–]/;
const TRAILING = /[\s,;:\-–]$/;

/** Strips marks, conjunctions, degrees and stray punctuation from one raw name. */
export function cleanName(raw: string): string {
  // Each step is skipped when a cheap test shows it has nothing to change.
  let s = clean(raw, 300) ?? '';
  if (s.includes('@')) s = s.replace(EMAIL, ' ');
  if (s.includes('(') || s.includes('[')) s = s.replace(BRACKETED, ' ');
  s = s.replace(MARKS, ' ');
  if (DIGIT.test(s)) s = s.replace(GLUED_NUMBERS, '$1').replace(LONE_NUMBERS, ' ');
  if (ET_AL.test(s)) s = s.replace(ET_AL, '');
  s = s.replace(LEADING_AND, '');
  if (HONORIFIC.test(s)) s = s.replace(HONORIFIC, '');
  if (endsLikeAnd(s)) s = s.replace(TRAILING_AND, '');
  s = s.replace(DEGREES, ' ');
  if (LEADING.test(s) || TRAILING.test(s)) s = s.replace(STRAY_PUNCTUATION, '');
  // `clean` left single spaces as the only whitespace, so collapsing is `\s+` -> " " and a trim.
  return collapse(s);
}

/** Whether `s` may end with a conjunction: its last non-space character ends "and", "&", "und" or "et". */
function endsLikeAnd(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && s.charCodeAt(i) === 32) i--;
  const c = s.charCodeAt(i);
  return c === 100 || c === 68 || c === 116 || c === 84 || c === 38; // d D t T &
}

const UPPER_LETTER = /\p{Lu}/u;
const LOWER_LETTER = /\p{Ll}/u;
const NOT_LETTER = /[^\p{L}]/gu;
const LETTER = /\p{L}/u;
const INITIALS = /^(?:\p{Lu}\.?-?){1,3}$/u;
const DOTS_AND_HYPHENS = /[.-]/g;
const VOWEL = /[AEIOUY]/;
/** A vowel, then a consonant that no name syllable puts after it ("AC", "EB", "OJ"). */
const NOT_A_SYLLABLE = /^[AEIOU][BCDFGJKLPQSTVWXZ]/;
const COMMA = /\s*,\s*/;
/** Splitting at a one-space pattern is faster in V8 than at the string " " (same result). */
const SPACE = / /;

/** Capitals only: some upper-case letter and no lower-case one (ASCII is checked without a regex). */
function isCaps(w: string): boolean {
  let upper = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 0x80) return UPPER_LETTER.test(w) && !LOWER_LETTER.test(w);
  }
  return upper;
}

/** The number of letters in `s`. */
function letterCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return s.replace(NOT_LETTER, '').length;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

/**
 * One to three capitals, each with an optional dot and hyphen ("DJ", "X.-X."). Capitals with a
 * vowel may be a short surname in capitals ("Jun LI", "Li AI"), so they are initials only when a
 * single letter, or when a vowel is followed by a consonant no name syllable has there ("AC" as in
 * the Vancouver "Skladanowski AC"; not "AN", "AH", "IM" or "ER"). ASCII is read without a regex.
 */
function isInitials(w: string): boolean {
  let letters = 0;
  let vowel = false;
  let firstTwo = '';
  for (let i = 0; i < w.length;) {
    const c = w.charCodeAt(i);
    if (c >= 0x80) return isInitialsUnicode(w);
    if (c < 65 || c > 90 || ++letters > 3) return false;
    if (c === 65 || c === 69 || c === 73 || c === 79 || c === 85 || c === 89) vowel = true;
    if (letters <= 2) firstTwo += w[i];
    i++;
    if (w.charCodeAt(i) === 46) i++;
    if (w.charCodeAt(i) === 45) i++;
  }
  return letters === 1 || (letters > 1 && (!vowel || NOT_A_SYLLABLE.test(firstTwo)));
}

function isInitialsUnicode(w: string): boolean {
  if (!INITIALS.test(w)) return false;
  const letters = w.replace(DOTS_AND_HYPHENS, '');
  return letters.length === 1 || !VOWEL.test(letters) || NOT_A_SYLLABLE.test(letters);
}

/** Proper-cases the capitals-only words of `s` (every word when `force`), initials excepted. */
function fixCase(s: string, force = false): string {
  if (!force && !hasCapsWord(s)) return s;
  return s
    .split(SPACE)
    .map((w) => (w.length > 1 && (force || isCaps(w)) && !isInitials(w) ? properCase(w) : w))
    .join(' ');
}

/** Whether some word of `s` that is not initials is in capitals only (what `fixCase` changes). */
function hasCapsWord(s: string): boolean {
  for (let start = 0; start < s.length;) {
    let end = s.indexOf(' ', start);
    if (end < 0) end = s.length;
    if (end - start > 1 && capsBetween(s, start, end) && !isInitials(s.slice(start, end)))
      return true;
    start = end + 1;
  }
  return false;
}

/** `isCaps` of `s.slice(start, end)`, without making the slice when it is ASCII. */
function capsBetween(s: string, start: number, end: number): boolean {
  let upper = false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 0x80) return isCaps(s.slice(start, end));
  }
  return upper;
}

/**
 * A generational suffix ("Jr.", "Sr.", "III"), after the name or after a comma. Capitals-only
 * "JR" and "SR" are not suffixes: in MEDLINE's "Powell JR" they are initials.
 */
const SUFFIX = /(?:\s*,\s*|\s+)(Jr|Sr|II|III|IV)\.?(?=\s*,|\s|$)/;

/**
 * The name without its generational suffix, and the suffix as written in a family name ("Jr.",
 * "III"). A Roman numeral is a suffix only after a name of two words or more: "Ivanov II" is a
 * MEDLINE name whose initials are "II".
 */
function splitSuffix(s: string): { name: string; suffix?: string; initials?: string } {
  const m = s.includes('r') || s.includes('I') ? SUFFIX.exec(s) : null;
  if (!m?.[1] || m.index === 0) return { name: s };
  const name = (s.slice(0, m.index) + s.slice(m.index + m[0].length))
    .replace(/\s*,\s*$/, '')
    .replace(/\s*,\s*,\s*/, ', ');
  const roman = m[1].startsWith('I');
  if (roman && name.split(/[\s,]+/).filter(Boolean).length < 2) return { name: s, initials: m[1] };
  return { name, suffix: roman ? m[1] : `${m[1]}.` };
}

/**
 * One person (or organisation) from one raw name string. A generational suffix belongs to the
 * family name, as CSL-JSON import and the BibTeX and RIS writers read it ("King Jr.").
 */
export function parseName(raw: string | null | undefined): Author | undefined {
  if (!raw) return undefined;
  const cleaned = cleanName(raw);
  if (!cleaned || !LETTER.test(cleaned) || cleaned.length > 200) return undefined;
  if (cleaned.includes(' ') && ORG.test(cleaned)) return { literal: cleaned };
  const { name, suffix, initials } = splitSuffix(cleaned);
  // "Ivanov II": a surname and initials that read as a numeral.
  if (initials) return { given: initials, family: name.slice(0, -initials.length).trim() };
  const a = personName(name);
  if (!suffix) return a;
  if (a.family) return { ...a, family: `${a.family} ${suffix}` };
  return a.literal ? { literal: `${a.literal} ${suffix}` } : a;
}

/** A person's cleaned name (not an organisation's), without its suffix, as given and family parts. */
function personName(s: string): Author {
  // Capitals only, over the letters (more than three of them).
  const allCaps = isCaps(s) && letterCount(s) > 3;

  // "Family, Given" (at most one comma, the given part short).
  const hasComma = s.includes(',');
  const comma = hasComma ? s.split(COMMA) : [s];
  if (comma.length === 2 && comma[0] && comma[1] && comma[1].split(SPACE).length <= 4) {
    const family = fixCase(comma[0], allCaps);
    const given = fixCase(comma[1], allCaps);
    return { given, family };
  }
  // `cleanName` leaves single spaces between words and none around them, so without a comma the
  // words are `s` split at spaces, and words `from` to `to` are a slice of `s`.
  const words = hasComma ? s.replace(/,/g, ' ').split(/\s+/).filter(Boolean) : s.split(SPACE);
  const offset = (k: number): number => {
    let at = 0;
    for (let j = 0; j < k; j++) at += (words[j]?.length ?? 0) + 1;
    return at;
  };
  const join = (from: number, to = words.length): string =>
    hasComma ? words.slice(from, to).join(' ') : s.slice(offset(from), offset(to) - 1);
  if (words.length === 1) {
    const w = words[0] ?? '';
    return { literal: allCaps ? properCase(w) : w };
  }
  if (words.length > 8) return { literal: s };

  // MEDLINE "Powell DJ", "Moss-Morris R": initials last, after a mixed-case surname.
  const last = words[words.length - 1] ?? '';
  const firstWord = words[0] ?? '';
  if (
    !allCaps &&
    isInitials(last) &&
    !last.includes('.') &&
    !isInitials(firstWord) &&
    words.length <= 4
  ) {
    return { given: last, family: join(0, words.length - 1) };
  }
  // "FRIEDEL Jacques": a capitals-only surname written first. Three capitals or fewer first are
  // initials, as Google Scholar writes them ("AK Geim").
  if (!allCaps && isCaps(firstWord) && letterCount(firstWord) > 3 && !words.slice(1).some(isCaps)) {
    return { given: join(1), family: properCase(firstWord) };
  }
  // "Jacques FRIEDEL", "Ashish Vaswani", "Geert van Loo", "Michelina C. de la Maza".
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has((words[i - 1] ?? '').toLowerCase())) i--;
  const family = fixCase(join(i), allCaps);
  const given = fixCase(join(0, i), allCaps);
  return given ? { given, family } : { literal: family };
}

/**
 * A list of names from one string: `A; B; C`, `A, B and C`, `A and B`, or one name. A comma list is
 * only split when every part looks like a whole name (two or more words), so `Family, Given` stays one.
 */
export function parseNameList(raw: string | null | undefined): Author[] {
  if (!raw) return [];
  const s = (clean(raw, 5000) ?? '').replace(/\s+(?:and|&)\s+/gi, ', ').replace(/,\s*,/g, ',');
  if (!s) return [];
  let parts: string[];
  if (s.includes(';')) parts = s.split(';');
  else {
    const commaParts: string[] = [];
    for (const part of s.split(',')) {
      const p = part.trim();
      if (!p) continue;
      // "Martin Luther King, Jr., Coretta Scott King": a suffix belongs to the name before it.
      if (commaParts.length && /^(?:Jr|Sr|II|III|IV)\.?$/.test(p))
        commaParts[commaParts.length - 1] += `, ${p}`;
      else commaParts.push(p);
    }
    parts =
      commaParts.length > 1 && commaParts.every((p) => cleanName(p).includes(' '))
        ? commaParts
        : [s];
  }
  const out: Author[] = [];
  for (const p of parts.slice(0, 2000)) {
    const a = parseName(p);
    if (a) out.push(a);
  }
  return out;
}

/** Between `min` and `max` words of a person's name: capitalised words, initials, particles. */
const nameWords = (min: number, max: number): RegExp => {
  const particle = [...PARTICLES].map((p) => p.replace('.', '\\.')).join('|');
  const word = `(?:\\p{Lu}[\\p{L}'’.-]*|${particle})`;
  return new RegExp(`^${word}(?:\\s+${word}){${min - 1},${max - 1}}$`, 'u');
};
/** A whole name in natural order ("Jan van der Berg"), and either side of "Family, Given". */
const PERSON_WORDS = nameWords(2, 5);
const NAME_PART = nameWords(1, 4);

/**
 * Whether one tag names several people joined by "and" or "&" ("John Smith and Jane Doe", "Smith,
 * John & Doe, Jane"): every part must read as a person's name, so that an organisation ("Centers for
 * Disease Control and Prevention") stays one author.
 */
function joinsPeople(raw: string): boolean {
  const parts = raw.split(/\s+(?:and|&)\s+/i);
  if (parts.length < 2) return false;
  return parts.every((part) => {
    const p = part.trim();
    const comma = p.split(/\s*,\s*/);
    if (comma.length === 2) return NAME_PART.test(comma[0]!) && NAME_PART.test(comma[1]!);
    return comma.every((c) => PERSON_WORDS.test(c));
  });
}

/** Splits "Smith, John & Doe, Jane" into "Smith, John" and "Doe, Jane"; anything else as a list. */
function peopleIn(raw: string): Author[] {
  const parts = raw.split(/\s+(?:and|&)\s+/i).map((p) => p.trim());
  if (parts.every((p) => p.split(',').length === 2))
    return parts.map((p) => parseName(p)).filter((a): a is Author => !!a);
  return parseNameList(raw);
}

/** Parses a list of raw name strings (one per meta tag), dropping empty and duplicate entries. */
export function parseNames(raws: readonly string[], limit = 3000): Author[] {
  const out: Author[] = [];
  const seen = new Set<string>();
  const addName = (a: Author): void => {
    const key = `${a.given ?? ''}|${a.family ?? ''}|${a.literal ?? ''}`.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push(a);
  };
  for (const r of raws.slice(0, limit)) {
    // One tag may hold several names ("A; B") as with `citation_authors`.
    if (r.includes(';')) {
      for (const a of parseNameList(r)) addName(a);
    } else if (r.length < 500 && joinsPeople(r)) {
      for (const a of peopleIn(r)) addName(a);
    } else {
      const a = parseName(r);
      if (a) addName(a);
    }
  }
  return out;
}
