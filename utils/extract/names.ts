import type { Author } from '../paper';
import { clean, properCase } from './text';

/**
 * Person names as pages write them, turned into CSL-style `{given, family}`:
 * - footnote and affiliation marks are dropped (`Castro*#⊥`, `Ghailane,†`, `Powell DJ1`, superscripts),
 *   as are a leading or trailing "and", trailing commas, degrees (`PhD`, `MD`) and e-mail addresses;
 * - `Family, Given` (Dublin Core, EPrints, IEEE) is split at the comma;
 * - MEDLINE `Surname Initials` (`Powell DJ`) keeps the initials as the given part;
 * - capitals-only forms (`VASWANI Ashish`, `JOHN SMITH`) are proper-cased;
 * - organisations ("… Consortium", "… Group") stay one literal name.
 */

const MARKS = /[*†‡§¶#⊥‖∥¹²³⁰⁴-⁹⁺⁽⁾ᵃ-ᶻ✉✝]+/gu;
const DEGREES =
  /(?:,?\s+|^)(?:Ph\.?\s?D|M\.?\s?D|M\.?\s?Sc|B\.?\s?Sc|M\.?\s?A|M\.?\s?P\.?\s?H|D\.?\s?Phil|Dr\.?\s?rer\.?\s?nat|MBBS|MBChB|FRCP|FRS|RN|PharmD|DVM|DDS|MSc|MPH|MS|MBA|Jr|Sr|II|III|IV)\.?(?=,|\s|$)/g;
const ORG =
  /\b(consortium|collaboration|group|team|project|committee|network|initiative|institute|university|society|association|council|organi[sz]ation|laboratory|centre|center|investigators|authors)\b/i;
const PARTICLES = new Set([
  'van',
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

/** Strips marks, conjunctions, degrees and stray punctuation from one raw name. */
export function cleanName(raw: string): string {
  let s = clean(raw, 300) ?? '';
  s = s.replace(/\S+@\S+\.\S+/g, ' ').replace(/\(.*?\)|\[.*?\]/g, ' ');
  s = s.replace(MARKS, ' ');
  // Affiliation numbers glued to the name ("Powell DJ1", "Smith J 2,3") or standing alone.
  s = s
    .replace(/(\p{L}\.?)\d[\d,\s]*(?=\s|$|,)/gu, '$1')
    .replace(/(?:^|\s)\d+(?:[,\s]+\d+)*(?=\s|$)/g, ' ');
  s = s.replace(/^\s*(?:and|&|und|et)\s+/i, '').replace(/[\s,;]+(?:and|&|und|et)\s*$/i, '');
  s = s.replace(DEGREES, ' ');
  s = s.replace(/^[\s,;:.\-–]+|[\s,;:\-–]+$/g, '');
  return s.replace(/\s+/g, ' ').trim();
}

const isCaps = (w: string): boolean => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
const isInitials = (w: string): boolean =>
  /^(?:\p{Lu}\.?-?){1,3}$/u.test(w) &&
  (w.replace(/[.-]/g, '').length === 1 || !/[AEIOUY]/.test(w.replace(/[.-]/g, '')));

function fixCase(s: string, force = false): string {
  return s
    .split(' ')
    .map((w) => (w.length > 1 && (force || isCaps(w)) && !isInitials(w) ? properCase(w) : w))
    .join(' ');
}

/** One person (or organisation) from one raw name string. */
export function parseName(raw: string | null | undefined): Author | undefined {
  if (!raw) return undefined;
  const s = cleanName(raw);
  if (!s || !/\p{L}/u.test(s) || s.length > 200) return undefined;
  if (ORG.test(s) && s.split(' ').length > 1) return { literal: s };
  const allCaps = isCaps(s.replace(/[^\p{L}]/gu, '')) && s.replace(/[^\p{L}]/gu, '').length > 3;

  // "Family, Given" (at most one comma, the given part short).
  const comma = s.split(/\s*,\s*/);
  if (comma.length === 2 && comma[0] && comma[1] && comma[1].split(' ').length <= 4) {
    const family = fixCase(comma[0], allCaps);
    const given = fixCase(comma[1], allCaps);
    return { given, family };
  }
  const words = s.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
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
    !/\./.test(last) &&
    !isInitials(firstWord) &&
    words.length <= 4
  ) {
    return { given: last, family: words.slice(0, -1).join(' ') };
  }
  // "FRIEDEL Jacques": a capitals-only surname written first. Three capitals or fewer first are
  // initials, as Google Scholar writes them ("AK Geim").
  if (
    !allCaps &&
    isCaps(firstWord) &&
    firstWord.replace(/[^\p{L}]/gu, '').length > 3 &&
    !words.slice(1).some(isCaps)
  ) {
    return { given: words.slice(1).join(' '), family: properCase(firstWord) };
  }
  // "Jacques FRIEDEL", "Ashish Vaswani", "Geert van Loo", "Michelina C. de la Maza".
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has((words[i - 1] ?? '').toLowerCase())) i--;
  const family = fixCase(words.slice(i).join(' '), allCaps);
  const given = fixCase(words.slice(0, i).join(' '), allCaps);
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
    const commaParts = s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    parts =
      commaParts.length > 1 && commaParts.every((p) => cleanName(p).split(' ').length >= 2)
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

/** Parses a list of raw name strings (one per meta tag), dropping empty and duplicate entries. */
export function parseNames(raws: readonly string[], limit = 3000): Author[] {
  const out: Author[] = [];
  const seen = new Set<string>();
  for (const r of raws.slice(0, limit)) {
    // One tag may hold several names ("A; B") as with `citation_authors`.
    const list = r.includes(';')
      ? parseNameList(r)
      : [parseName(r)].filter((a): a is Author => !!a);
    for (const a of list) {
      const key = `${a.given ?? ''}|${a.family ?? ''}|${a.literal ?? ''}`.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(a);
    }
  }
  return out;
}
