import type { IssuedDate } from '../paper';

/**
 * Dates as scholarly pages write them, parsed with their precision: `2020/03/27`, `2020-03-27T10:00Z`,
 * `2021/08`, `2008 January`, `January 2008`, `March 27, 2020`, `27 March 2020`, `Dec 11, 2015`,
 * `2005 Jun 6`, `27.03.2020`, `06/30/2021`, `2021年6月30日`, `2003`. Anything else, or an impossible date,
 * gives `undefined`.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // German and French month names seen on European repository pages.
  januar: 1,
  janvier: 1,
  februar: 2,
  fevrier: 2,
  février: 2,
  märz: 3,
  mars: 3,
  avril: 4,
  mai: 5,
  juni: 6,
  juin: 6,
  juli: 7,
  juillet: 7,
  august: 8,
  aout: 8,
  août: 8,
  oktober: 10,
  octobre: 10,
  dezember: 12,
  decembre: 12,
  décembre: 12,
};
/** Looked up in a Map: a word such as `constructor` is a property of every object, not a month. */
const MONTH = new Map(Object.entries(MONTHS));

function month(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  return MONTH.get(n) ?? MONTH.get(n.slice(0, 3));
}

const pad = (n: number): string => String(n).padStart(2, '0');

function make(y: number, m?: number, d?: number): IssuedDate | undefined {
  const maxYear = new Date().getUTCFullYear() + 2;
  if (!Number.isInteger(y) || y < 1500 || y > maxYear) return undefined;
  if (m === undefined) return { date: String(y), precision: 'year' };
  if (!Number.isInteger(m) || m < 1 || m > 12) return undefined;
  if (d === undefined) return { date: `${y}-${pad(m)}`, precision: 'month' };
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!Number.isInteger(d) || d < 1 || d > days) return undefined;
  return { date: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' };
}

export function parseDate(raw: string | null | undefined): IssuedDate | undefined {
  if (!raw) return undefined;
  const s = raw.slice(0, 200).trim();
  if (!s) return undefined;
  let m: RegExpExecArray | null;
  // ISO-like: 2020-03-27, 2020/03/27, 2020.03.27, 2021/08, 2020-03-27T10:00:00Z.
  if ((m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T\s]\d{1,2}:\d{2}.*)?$/.exec(s))) {
    return make(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  }
  // 20200327 (compact ISO).
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s)))
    return make(Number(m[1]), Number(m[2]), Number(m[3]));
  // 2008 January, 2005 Jun 6, 2005 Jun.
  if ((m = /^(\d{4})[\s,]+(\p{L}{3,9})\.?(?:[\s,]+(\d{1,2}))?\b/u.exec(s))) {
    const mo = month(m[2] ?? '');
    if (mo) return make(Number(m[1]), mo, m[3] ? Number(m[3]) : undefined);
  }
  // March 27, 2020 / Dec. 11 2015 / January 2008.
  if ((m = /^(\p{L}{3,9})\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})\b/u.exec(s))) {
    const mo = month(m[1] ?? '');
    if (mo) return make(Number(m[3]), mo, m[2] ? Number(m[2]) : undefined);
  }
  // 27 March 2020 / 7 April 2020 / 03 December 2015.
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+(\p{L}{3,9})\.?,?\s+(\d{4})\b/u.exec(s))) {
    const mo = month(m[2] ?? '');
    if (mo) return make(Number(m[3]), mo, Number(m[1]));
  }
  // 27.03.2020 / 27/03/2020: day first, as Europe writes it, unless only month first makes a date
  // (the US 06/30/2021); US pages mostly use ISO or month names in their meta tags.
  if ((m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s))) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return make(y, b, a) ?? make(y, a, b) ?? make(y);
  }
  // 2021年6月30日 (Chinese, Japanese), 2021년 6월 30일 (Korean).
  if ((m = /^(\d{4})\s*[年년]\s*(?:(\d{1,2})\s*[月월]\s*(?:(\d{1,2})\s*[日일])?)?/.exec(s)))
    return make(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  // A year alone somewhere in a short string ("Nature 2020", "Spring 1996").
  if (s.length <= 40 && (m = /(?:^|\D)(1[5-9]\d\d|20\d\d)(?:\D|$)/.exec(s)))
    return make(Number(m[1]));
  return undefined;
}

/**
 * A date some platforms fill in when they have no real one: January 1st (bioRxiv's
 * `citation_publication_date` 2020/01/01 for a preprint posted in March). Only a placeholder when
 * another source gives a different date in the same year.
 */
export function looksLikePlaceholder(d: IssuedDate): boolean {
  return d.precision === 'day' && d.date.endsWith('-01-01');
}

/** The year of a parsed date. */
export function yearOf(d: IssuedDate | undefined): number | undefined {
  return d ? Number(d.date.slice(0, 4)) : undefined;
}
