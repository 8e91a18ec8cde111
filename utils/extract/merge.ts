import type { IssuedDate, PaperDraft, PaperField, SourceId } from '../paper';
import { looksLikePlaceholder } from './dates';

/**
 * The one place where the sources' drafts become one record, with the provenance of every field.
 *
 * The written-down order (highest first), after Zotero's and Readability's:
 *   site-specific (applied afterwards, see index.ts) > JSON-LD ScholarlyArticle > Highwire citation_* >
 *   Dublin Core > PRISM > EPrints > COinS > Open Graph / Twitter > the visible page.
 *
 * Each field is taken whole from the highest source that has it: an author list is never assembled
 * from two sources, and volume/issue/pages come from whichever source gave them. Three fields have
 * rules of their own:
 * - `issued`/`year`: sources disagree for good reasons (print vs online vs repository deposit dates),
 *   so the work's date is the EARLIEST year any metadata source gives (digitised back issues get a
 *   2007 "online" date for a 1977 paper; arXiv's v7 date is later than v1), at the best precision
 *   given for that year, skipping January-1st placeholders when a real date exists in the same year;
 *   the page and Open Graph dates are used only when no metadata source has one.
 * - `abstract`: weak candidates (meta descriptions, JSON-LD `description`) rank below a visible
 *   section headed Abstract; see `SourceDraft.weak`.
 * - `year` always follows `issued`.
 */

/** Generic sources in merge order. */
export const SOURCE_ORDER: readonly SourceId[] = [
  'jsonld',
  'highwire',
  'dc',
  'prism',
  'eprints',
  'coins',
  'og',
  'page',
];

/**
 * Sources whose dates are a work's metadata (not a page's publication time): all but Open Graph and
 * the visible page.
 */
export const METADATA_DATE_SOURCES: ReadonlySet<SourceId> = new Set(
  SOURCE_ORDER.filter((id) => id !== 'og' && id !== 'page'),
);

export interface SourceDraft {
  id: SourceId;
  draft: PaperDraft;
  /** Fields this source has only weakly (a description that may be a summary): ranked after all strong ones. */
  weak?: PaperDraft;
}

export interface Merged {
  draft: PaperDraft;
  sources: Partial<Record<PaperField, SourceId>>;
}

export function hasValue(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim().length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

export function mergeDrafts(drafts: readonly SourceDraft[]): Merged {
  const draft: PaperDraft = {};
  const sources: Partial<Record<PaperField, SourceId>> = {};
  const ordered = [...drafts].sort((a, b) => rank(a.id) - rank(b.id));
  const candidates = [
    ...ordered.map((s) => ({ id: s.id, d: s.draft })),
    ...ordered.filter((s) => s.weak).map((s) => ({ id: s.id, d: s.weak ?? {} })),
  ];
  const set = <K extends PaperField>(field: K, value: PaperDraft[K], id: SourceId): void => {
    (draft as Record<string, unknown>)[field] = value;
    sources[field] = id;
  };

  for (const { id, d } of candidates) {
    for (const key of Object.keys(d) as PaperField[]) {
      if (key === 'issued' || key === 'year') continue;
      if (sources[key] !== undefined) continue;
      const value = d[key];
      if (!hasValue(value)) continue;
      set(key, value, id);
    }
  }

  const date = pickIssued(ordered);
  if (date) {
    set('issued', date.issued, date.id);
    set('year', Number(date.issued.date.slice(0, 4)), date.id);
  } else {
    const y = ordered.find((s) => typeof s.draft.year === 'number');
    if (y?.draft.year) set('year', y.draft.year, y.id);
  }
  return { draft, sources };
}

function rank(id: SourceId): number {
  const i = SOURCE_ORDER.indexOf(id);
  return i < 0 ? SOURCE_ORDER.length : i;
}

const PRECISION = { year: 0, month: 1, day: 2 } as const;

/** The work's date under the rules in the header comment. */
export function pickIssued(
  drafts: readonly SourceDraft[],
): { issued: IssuedDate; id: SourceId } | undefined {
  const all = drafts
    .filter((s) => s.draft.issued)
    .map((s) => ({ issued: s.draft.issued as IssuedDate, id: s.id }));
  const meta = all.filter((c) => METADATA_DATE_SOURCES.has(c.id));
  const pool = meta.length ? meta : all;
  if (!pool.length) return undefined;
  const year = Math.min(...pool.map((c) => Number(c.issued.date.slice(0, 4))));
  const sameYear = pool.filter((c) => Number(c.issued.date.slice(0, 4)) === year);
  const real = sameYear.filter((c) => !looksLikePlaceholder(c.issued));
  const best = (real.length ? real : sameYear).reduce((a, b) =>
    PRECISION[b.issued.precision] > PRECISION[a.issued.precision] ? b : a,
  );
  return best;
}

/**
 * Applies a site extractor's draft on top of the merged record: the site wins every field it sets.
 * A field present with the value `undefined` removes the generic value (a site that knows its
 * `og:description` is a TLDR can say "no abstract").
 */
export function applySite(merged: Merged, siteDraft: PaperDraft, id: SourceId): void {
  const target = merged.draft as Record<string, unknown>;
  for (const key of Object.keys(siteDraft) as PaperField[]) {
    const value = siteDraft[key];
    if (value === undefined) {
      delete target[key];
      delete merged.sources[key];
      if (key === 'issued') {
        delete target['year'];
        delete merged.sources.year;
      }
      continue;
    }
    if (!hasValue(value)) continue;
    target[key] = value;
    merged.sources[key] = id;
    if (key === 'issued' && siteDraft.year === undefined && !('year' in siteDraft)) {
      target['year'] = Number((value as IssuedDate).date.slice(0, 4));
      merged.sources.year = id;
    }
  }
}
