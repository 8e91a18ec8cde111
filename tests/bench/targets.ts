/**
 * The targets of issue 3 ("Recognise paper pages and extract their metadata"), checked by
 * `extract.ts --check` on the benchmark's results. They are targets for a benchmark run on
 * `../shared/corpus`, not timed unit tests.
 */
import type { Field } from './score.ts';

/** Minimum accuracy (percent of pages where a value is expected) per field. */
export const FIELD_TARGETS: Partial<Record<Field, number>> = {
  title: 98,
  authors: 93,
  year: 96,
  doi: 98,
  abstract: 90,
};

export const TARGETS = {
  fields: FIELD_TARGETS,
  /** Percent of null-expected field slots where the extractor returned nothing. */
  absentCorrect: 95,
  /** Detection recall, percent. */
  recall: 97,
  /** Pages that must not be detected as a paper (negatives, listings, interstitials, news) detected. */
  maxFalsePositives: 0,
  /** On every scored field, Papershelf's accuracy is at least the better peer's. */
  atLeastBestPeer: true,
  /**
   * Median ms of extractPage on an already-parsed document. Checked on the browser's number when the
   * run measured one (--browser): the extension extracts from documents the browser parsed, while in
   * Node every document is linkedom's, whose DOM is itself JavaScript.
   */
  extractMedianMs: 1,
  /** Papershelf's whole HTML-to-JSON median is below metascraper's. */
  fasterThanPeer: 'metascraper',
} as const;

/** What the check needs from one run. Percentages are null when nothing was scored. */
export interface CheckInput {
  papershelfError?: string;
  fields: Record<Field, { papershelf: number | null; peers: Record<string, number | null> }>;
  absentCorrect: number | null;
  recall: number | null;
  falsePositives: string[];
  /** Linkedom (Node). */
  extractMedianMs: number;
  /** Chromium, when measured. */
  browserExtractMedianMs?: number;
  wholeMedianMs: Record<string, number>;
}

/**
 * The targets missed, one readable line each; empty when every target is met. A percentage with
 * nothing to measure (no page expects a DOI, say, on a small corpus) is not a miss.
 */
export function checkTargets(r: CheckInput): string[] {
  if (r.papershelfError) return [`Papershelf did not run: ${r.papershelfError}`];
  const missed: string[] = [];
  const pct = (v: number | null) => (v === null ? 'n/a' : `${v}%`);
  for (const [field, min] of Object.entries(TARGETS.fields) as [Field, number][]) {
    const got = r.fields[field].papershelf;
    // null: no page of this corpus expects the field, so there is nothing to miss.
    if (got !== null && got < min) missed.push(`${field}: ${pct(got)} < ${min}%`);
  }
  if (r.absentCorrect !== null && r.absentCorrect < TARGETS.absentCorrect)
    missed.push(`absent-correct: ${pct(r.absentCorrect)} < ${TARGETS.absentCorrect}%`);
  if (r.recall !== null && r.recall < TARGETS.recall)
    missed.push(`detection recall: ${pct(r.recall)} < ${TARGETS.recall}%`);
  if (r.falsePositives.length > TARGETS.maxFalsePositives)
    missed.push(
      `non-papers detected as papers: ${r.falsePositives.length} (${r.falsePositives.join(', ')})`,
    );
  for (const [field, v] of Object.entries(r.fields) as [Field, CheckInput['fields'][Field]][]) {
    const peerValues = Object.values(v.peers).filter((x): x is number => x !== null);
    if (peerValues.length === 0) continue;
    const best = Math.max(...peerValues);
    const bestName = Object.entries(v.peers).find(([, x]) => x === best)?.[0] ?? 'peer';
    if (v.papershelf !== null && v.papershelf < best)
      missed.push(`${field}: Papershelf ${pct(v.papershelf)} < ${bestName} ${best}%`);
  }
  const [where, extractMs] =
    r.browserExtractMedianMs === undefined
      ? ['linkedom', r.extractMedianMs]
      : ['in the browser', r.browserExtractMedianMs];
  if (Number.isNaN(extractMs))
    missed.push('extraction on a parsed document: not timed (run with --reps 1 or more)');
  else if (!(extractMs < TARGETS.extractMedianMs))
    missed.push(
      `extraction on a parsed document (${where}): median ${extractMs.toFixed(3)} ms >= ${TARGETS.extractMedianMs} ms`,
    );
  const ours = r.wholeMedianMs.papershelf;
  const theirs = r.wholeMedianMs[TARGETS.fasterThanPeer];
  if (ours === undefined || theirs === undefined || Number.isNaN(ours) || Number.isNaN(theirs))
    missed.push('whole HTML-to-JSON: not timed (needs --reps 1 or more, with the peers run)');
  else if (!(ours < theirs))
    missed.push(
      `whole HTML-to-JSON: median ${ours.toFixed(2)} ms >= ${TARGETS.fasterThanPeer} ${theirs.toFixed(2)} ms`,
    );
  return missed;
}
