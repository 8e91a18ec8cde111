/**
 * The extraction benchmark of issue 3: Papershelf beside Wikimedia's html-metadata and metascraper,
 * on the same pages in one run, scored with the rules of the corpus README.
 *
 *   npx tsx tests/bench/extract.ts --corpus ../shared/corpus [--json] [--markdown] [--verbose]
 *                                  [--check] [--filter TEXT] [--reps N] [--browser]
 *
 * Reads every `<id>.html` below the corpus directory with its sidecar `<id>.json` (see corpus.ts),
 * runs each tool on every page once to score it (this run is also the warm-up), then `--reps` more
 * times to time it, and prints per-field accuracy, absent-correct, detection precision/recall and
 * median/p95 milliseconds per page. Which pages count as papers, and how each peer's output is mapped
 * to the fields, is written down in score.ts (`pageTruth`) and peers.ts.
 *
 * Exit code: 0 whenever it ran (it is a measurement); 2 on usage errors; with `--check`, 1 when a
 * target of targets.ts is missed.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseHtml } from '../../tools/parse-html.ts';
import { loadCorpus, type CorpusPage } from './corpus.ts';
import { timeInChromium } from './in-browser.ts';
import { loadPapershelf, mapPageResult, type ExtractPage } from './papershelf.ts';
import {
  HTML_METADATA_VERSION,
  METASCRAPER_VERSION,
  mapHtmlMetadata,
  mapMetascraper,
  runHtmlMetadata,
  runMetascraper,
} from './peers.ts';
import {
  FIELDS,
  expectedValue,
  familyKey,
  gotValue,
  median,
  normalizeAbstract,
  normalizeTitle,
  percentile,
  ratio,
  scoreDetection,
  scoreField,
  type DetectionScore,
  type Extracted,
  type Field,
  type NameLike,
  type Outcome,
  type Ratio,
} from './score.ts';
import { checkTargets, TARGETS, type CheckInput } from './targets.ts';

const USAGE = `usage: npx tsx tests/bench/extract.ts --corpus DIR [--json | --markdown] [--verbose] [--check]
                                      [--filter TEXT] [--reps N] [--browser]
  --corpus DIR   directory of <id>.html pages with <id>.json sidecars (searched recursively)
  --json         print machine-readable results (with per-page outcomes) instead of the table
  --markdown     print a Markdown table for the README instead of the table
  --verbose      after the table, list Papershelf's failures page by page (expected vs got)
  --check        check the issue's targets (targets.ts); exit 1 and say which are missed
  --filter TEXT  only pages whose id or path contains TEXT (for debugging one site)
  --explain TOOL the same failure list for another tool (html-metadata, metascraper), to audit
                 how its output is mapped
  --reps N       timed runs per page and tool after the scoring/warm-up run (default 1)
  --browser      also time Papershelf's extraction in headless Chromium, on documents the browser
                 parsed (where the extension runs it); the target on a parsed document is then
                 checked on that number (see in-browser.ts)
  --papershelf-only  skip the peers (several times faster, for iterating on the extractor;
                 --check then cannot compare with the peers and says so)`;

const TOOLS = ['papershelf', 'html-metadata', 'metascraper'] as const;
const WARMUP_PAGES = 5;
type Tool = (typeof TOOLS)[number];
const TOOL_LABEL: Record<Tool, string> = {
  papershelf: 'Papershelf',
  'html-metadata': 'html-metadata',
  metascraper: 'metascraper',
};

interface RunOutput {
  extracted: Extracted;
  /** Whole HTML-to-JSON. */
  ms: number;
  /** Papershelf only: parseHtml, and extractPage on the parsed document. */
  parseMs?: number;
  extractMs?: number;
}

interface PageRun {
  page: CorpusPage;
  results: Partial<Record<Tool, Extracted>>;
  outcomes: Partial<Record<Tool, Partial<Record<Field, Outcome>>>>;
  ms: Partial<Record<Tool, number>>;
  parseMs?: number;
  extractMs?: number;
}

/**
 * Timed runs per page in the browser: the fastest counts, and on a two-core machine that is doing
 * anything else three runs often include none undisturbed (the median moved by a quarter between
 * runs), so at least five; a page takes about a millisecond, so this costs under a second.
 */
function browserReps(reps: number): number {
  return Math.max(reps, 5);
}

function usageError(msg: string): never {
  process.stderr.write(`${msg}\n${USAGE}\n`);
  process.exit(2);
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

// ---------------------------------------------------------------------------------------------
// running the tools

async function runTool(
  tool: Tool,
  page: CorpusPage,
  extractPage: ExtractPage | undefined,
): Promise<RunOutput> {
  const t0 = performance.now();
  try {
    switch (tool) {
      case 'papershelf': {
        if (!extractPage) throw new Error('extractor not loaded');
        const doc = parseHtml(page.html);
        const parseMs = performance.now() - t0;
        // No forced GC between the parts: a forced full GC (gc() with --expose-gc) made every tool
        // 3-4x slower afterwards here, as if its compiled code were dropped. Whole HTML-to-JSON is
        // the sum of the three timed parts.
        const t1 = performance.now();
        const result = extractPage(doc, page.url);
        const extractMs = performance.now() - t1;
        const t2 = performance.now();
        JSON.stringify(result);
        const stringifyMs = performance.now() - t2;
        return {
          extracted: mapPageResult(result),
          ms: parseMs + extractMs + stringifyMs,
          parseMs,
          extractMs,
        };
      }
      case 'html-metadata': {
        const meta = await runHtmlMetadata(page.html);
        JSON.stringify(meta);
        const ms = performance.now() - t0;
        return { extracted: mapHtmlMetadata(meta), ms };
      }
      case 'metascraper': {
        const meta = await runMetascraper(page.html, page.url);
        JSON.stringify(meta);
        const ms = performance.now() - t0;
        return { extracted: mapMetascraper(meta), ms };
      }
    }
  } catch (e) {
    return { extracted: { detected: false, error: errorText(e) }, ms: performance.now() - t0 };
  }
}

async function runAll(
  pages: CorpusPage[],
  tools: readonly Tool[],
  reps: number,
  extractPage?: ExtractPage,
): Promise<PageRun[]> {
  // Warm the JIT and module caches on a few pages before any timing, so the first pages in the
  // corpus are not charged for it. Results are discarded.
  for (const page of pages.slice(0, WARMUP_PAGES)) {
    for (const tool of tools) await runTool(tool, page, extractPage);
  }
  const runs: PageRun[] = [];
  for (const page of pages) {
    const run: PageRun = { page, results: {}, outcomes: {}, ms: {} };
    // The first run of each tool is scored and is the warm-up for this page's timing.
    for (const tool of tools) {
      const out = await runTool(tool, page, extractPage);
      run.results[tool] = out.extracted;
    }
    const times: Record<string, number[]> = {};
    const push = (k: string, v: number | undefined) => {
      if (v !== undefined) (times[k] ??= []).push(v);
    };
    for (let r = 0; r < reps; r++) {
      // Rotate the order so no tool always runs first on a page.
      for (let i = 0; i < tools.length; i++) {
        const tool = tools[(i + r) % tools.length] as Tool;
        const out = await runTool(tool, page, extractPage);
        push(tool, out.ms);
        if (tool === 'papershelf') {
          push('parse', out.parseMs);
          push('extract', out.extractMs);
        }
      }
    }
    // Per page, the fastest of the timed runs: on a shared machine a run can only be slowed down by
    // others (preemption), never sped up, so the minimum is the least disturbed measurement. The
    // median and p95 reported are then taken across pages.
    const fastest = (xs: number[] | undefined) => (xs?.length ? Math.min(...xs) : NaN);
    for (const tool of tools) run.ms[tool] = fastest(times[tool]);
    if (times.extract) run.extractMs = fastest(times.extract);
    if (times.parse) run.parseMs = fastest(times.parse);
    if (page.truth.isPaper === true) {
      for (const tool of tools) {
        const got = run.results[tool] as Extracted;
        const o: Partial<Record<Field, Outcome>> = {};
        for (const f of FIELDS) o[f] = scoreField(f, page.sidecar.expected ?? {}, got);
        run.outcomes[tool] = o;
      }
    }
    runs.push(run);
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// aggregating

interface Timing {
  median: number;
  p95: number;
}

interface ToolSummary {
  tool: string;
  available: boolean;
  error?: string;
  fields: Record<Field, Ratio & { wrong: number; missing: number }>;
  absentCorrect: Ratio;
  detection: DetectionScore;
  /** Papershelf only: listing pages whose kind is `listing`. */
  listingsAsListing?: Ratio;
  /** Pages where the tool threw. */
  errors: { id: string; error: string }[];
  wholeMs: Timing;
  parseMs?: Timing;
  extractMs?: Timing;
  /** Papershelf only, with --browser: extraction on documents parsed by Chromium. */
  browserExtractMs?: Timing;
}

function timing(values: number[]): Timing {
  return { median: round3(median(values)), p95: round3(percentile(values, 95)) };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function summarize(tool: Tool, runs: PageRun[]): ToolSummary {
  const fields = {} as ToolSummary['fields'];
  let absentHit = 0;
  let absentTotal = 0;
  for (const f of FIELDS) {
    let correct = 0;
    let total = 0;
    let wrong = 0;
    let missing = 0;
    for (const run of runs) {
      const o = run.outcomes[tool]?.[f];
      if (o === 'correct' || o === 'wrong' || o === 'missing') {
        total++;
        if (o === 'correct') correct++;
        if (o === 'wrong') wrong++;
        if (o === 'missing') missing++;
      } else if (o === 'absent-correct' || o === 'invented') {
        absentTotal++;
        if (o === 'absent-correct') absentHit++;
      }
    }
    fields[f] = { ...ratio(correct, total), wrong, missing };
  }
  const label = (r: PageRun) => `${r.page.category}/${r.page.id}`;
  const detection = scoreDetection(
    runs.map((r) => ({
      id: label(r),
      truth: r.page.truth,
      detected: r.results[tool]?.detected === true,
    })),
  );
  const summary: ToolSummary = {
    tool: TOOL_LABEL[tool],
    available: true,
    fields,
    absentCorrect: ratio(absentHit, absentTotal),
    detection,
    errors: runs
      .filter((r) => r.results[tool]?.error)
      .map((r) => ({ id: label(r), error: r.results[tool]?.error as string })),
    wholeMs: timing(runs.map((r) => r.ms[tool]).filter((v): v is number => v !== undefined)),
  };
  if (tool === 'papershelf') {
    const listings = runs.filter((r) => r.page.category === 'listing');
    summary.listingsAsListing = ratio(
      listings.filter((r) => r.results.papershelf?.kind === 'listing').length,
      listings.length,
    );
    summary.parseMs = timing(
      runs.map((r) => r.parseMs).filter((v): v is number => v !== undefined),
    );
    summary.extractMs = timing(
      runs.map((r) => r.extractMs).filter((v): v is number => v !== undefined),
    );
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------
// printing

const pctText = (r: Ratio) => (r.pct === null ? 'n/a' : `${r.pct.toFixed(1)}%`);
const cell = (r: Ratio) => `${pctText(r)} (${r.hit}/${r.total})`;
const msText = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? 'n/a' : n < 10 ? n.toFixed(2) : n.toFixed(1);

interface Row {
  label: string;
  values: string[];
}

function tableRows(summaries: ToolSummary[]): Row[] {
  const rows: Row[] = [];
  const first = (summaries.find((s) => s.available) ?? summaries[0]) as ToolSummary;
  for (const f of FIELDS) {
    rows.push({
      label: `${f} (n=${first.fields[f].total})`,
      values: summaries.map((s) => (s.available ? cell(s.fields[f]) : '-')),
    });
  }
  rows.push({
    label: `absent-correct (n=${first.absentCorrect.total})`,
    values: summaries.map((s) => (s.available ? cell(s.absentCorrect) : '-')),
  });
  rows.push({
    label: 'detection precision',
    values: summaries.map((s) => (s.available ? cell(s.detection.precision) : '-')),
  });
  rows.push({
    label: 'detection recall',
    values: summaries.map((s) => (s.available ? cell(s.detection.recall) : '-')),
  });
  rows.push({
    label: `non-papers detected (of ${first.detection.fp + first.detection.tn})`,
    values: summaries.map((s) => (s.available ? String(s.detection.fp) : '-')),
  });
  rows.push({
    label: 'listings recognised as listings',
    values: summaries.map((s) =>
      s.available && s.listingsAsListing
        ? `${s.listingsAsListing.hit}/${s.listingsAsListing.total}`
        : '-',
    ),
  });
  rows.push({
    label: 'HTML-to-JSON ms, median / p95',
    values: summaries.map((s) =>
      s.available ? `${msText(s.wholeMs.median)} / ${msText(s.wholeMs.p95)}` : '-',
    ),
  });
  rows.push({
    label: 'extraction on parsed doc ms (linkedom), median / p95',
    values: summaries.map((s) =>
      s.available && s.extractMs
        ? `${msText(s.extractMs.median)} / ${msText(s.extractMs.p95)}`
        : '-',
    ),
  });
  if (summaries.some((s) => s.browserExtractMs))
    rows.push({
      label: 'extraction on parsed doc ms (Chromium), median / p95',
      values: summaries.map((s) =>
        s.available && s.browserExtractMs
          ? `${msText(s.browserExtractMs.median)} / ${msText(s.browserExtractMs.p95)}`
          : '-',
      ),
    });
  rows.push({
    label: 'errors thrown',
    values: summaries.map((s) => (s.available ? String(s.errors.length) : '-')),
  });
  return rows;
}

function textTable(headers: string[], rows: Row[]): string {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (i === 0 ? r.label : (r.values[i - 1] ?? '')).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [
    line(headers),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => line([r.label, ...r.values])),
  ].join('\n');
}

function markdownTable(headers: string[], rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `|${headers.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${[r.label, ...r.values].map(esc).join(' | ')} |`),
  ].join('\n');
}

function clip(s: string, n = 160): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function nameText(n: NameLike): string {
  if (typeof n === 'string') return n;
  if (n.literal) return n.literal;
  return [n.given, n.family].filter(Boolean).join(' ') || '(empty)';
}

function show(field: Field, v: unknown): string {
  if (v === undefined || v === null || v === '') return '(nothing)';
  if (field === 'authors' && Array.isArray(v)) {
    const names = (v as NameLike[]).map(nameText);
    return clip(`[${names.join('; ')}]`, 400);
  }
  if (field === 'abstract') return `"${clip(normalizeAbstract(String(v)), 120)}"`;
  return typeof v === 'string' ? `"${clip(v)}"` : JSON.stringify(v);
}

/** One tool's failures page by page, with what was expected and what it returned. */
function verboseReport(runs: PageRun[], tool: Tool): string {
  const out: string[] = ['', `${TOOL_LABEL[tool]} failures, page by page (expected vs got):`];
  let count = 0;
  for (const run of runs) {
    const got = run.results[tool];
    if (!got) continue;
    const lines: string[] = [];
    const truth = run.page.truth;
    if (truth.isPaper !== null && truth.isPaper !== got.detected) {
      lines.push(
        `  detection  ${got.detected ? 'detected' : 'not detected'} (kind ${got.kind ?? '?'}), but the page ${
          truth.isPaper ? 'is a paper' : 'is not a paper'
        } (${truth.reason})`,
      );
    }
    if (got.error) lines.push(`  error      ${got.error}`);
    const expected = run.page.sidecar.expected ?? {};
    for (const f of FIELDS) {
      const o = run.outcomes[tool]?.[f];
      if (!o || o === 'correct' || o === 'absent-correct' || o === 'unscored') continue;
      const want = expectedValue(expected, f);
      const value = gotValue(got, f);
      lines.push(`  ${f.padEnd(9)}  ${o}`);
      lines.push(
        `    expected ${f === 'abstract' && typeof want === 'string' ? `"${clip(want.slice(0, 60))}…"` : show(f, want)}`,
      );
      const source = got.sources?.[f];
      lines.push(`    got      ${show(f, value)}${source ? `  [from ${source}]` : ''}`);
      if (f === 'title' && o === 'wrong')
        lines.push(
          `    compared "${clip(normalizeTitle(String(want)))}" vs "${clip(normalizeTitle(String(value)))}"`,
        );
      if (f === 'authors' && Array.isArray(want) && Array.isArray(value)) {
        const a = (want as NameLike[]).map(familyKey);
        const b = (value as NameLike[]).map(familyKey);
        const i = a.findIndex((k, j) => k !== b[j]);
        const at = i === -1 ? a.length : i;
        lines.push(
          `    family keys: expected ${a.length}, got ${b.length}; first difference at #${at + 1}: ` +
            `"${a[at] ?? '(none)'}" vs "${b[at] ?? '(none)'}"`,
        );
      }
    }
    if (lines.length) {
      count++;
      out.push(`${run.page.file}  <${run.page.url}>`, ...lines);
    }
  }
  if (count === 0) out.push('  none');
  return out.join('\n');
}

/** For --json: each failed field of one page with the expected and returned values. */
function failuresOf(run: PageRun, tool: Tool): Record<string, unknown> | undefined {
  const got = run.results[tool];
  const outcomes = run.outcomes[tool];
  if (!got || !outcomes) return undefined;
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const o = outcomes[f];
    if (o === 'wrong' || o === 'missing' || o === 'invented')
      out[f] = {
        outcome: o,
        expected: expectedValue(run.page.sidecar.expected ?? {}, f),
        got: gotValue(got, f),
        source: got.sources?.[f],
      };
  }
  return Object.keys(out).length ? out : undefined;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        corpus: { type: 'string' },
        json: { type: 'boolean', default: false },
        markdown: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        filter: { type: 'string' },
        reps: { type: 'string', default: '1' },
        explain: { type: 'string' },
        'papershelf-only': { type: 'boolean', default: false },
        browser: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (e) {
    usageError(errorText(e));
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!args.corpus) usageError('--corpus DIR is required');
  if (args.json && args.markdown) usageError('--json and --markdown exclude each other');
  const explain = args.explain as Tool | undefined;
  if (explain !== undefined && !TOOLS.includes(explain))
    usageError(`--explain takes one of ${TOOLS.join(', ')}`);
  const reps = Number(args.reps);
  if (!Number.isInteger(reps) || reps < 0 || reps > 50) usageError('--reps takes 0..50');
  const dir = resolve(args.corpus);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) usageError(`${dir} is not a directory`);

  let pages = loadCorpus(dir, (m) => process.stderr.write(`${m}\n`));
  if (args.filter) {
    const f = args.filter;
    pages = pages.filter((p) => p.id.includes(f) || p.file.includes(f));
  }
  if (pages.length === 0) usageError(`no <id>.html pages with sidecars found below ${dir}`);

  const loaded = await loadPapershelf();
  const extractPage = 'extractPage' in loaded ? loaded.extractPage : undefined;
  const papershelfError = 'error' in loaded ? loaded.error : undefined;
  const tools = TOOLS.filter((t) =>
    t === 'papershelf' ? extractPage !== undefined : !args['papershelf-only'],
  );
  if (explain && explain !== 'papershelf' && !tools.includes(explain))
    usageError(`--explain ${explain} needs that tool to run`);

  const started = performance.now();
  const runs = await runAll(pages, tools, reps, extractPage);
  // In the browser: on the same pages, after the Node runs (so the two never compete for the CPU).
  let browserName: string | undefined;
  let browserMs: number[] | undefined;
  let browserParseMs: number[] | undefined;
  const kindDiffers: string[] = [];
  if (args.browser && extractPage) {
    const timed = await timeInChromium(
      pages.map((p) => ({ id: p.id, html: p.html, url: p.url })),
      browserReps(reps),
    );
    browserName = timed.browser;
    browserMs = [...timed.ms.values()];
    browserParseMs = [...timed.parseMs.values()];
    for (const run of runs) {
      const kind = timed.kinds.get(run.page.id);
      if (kind !== run.results.papershelf?.kind)
        kindDiffers.push(`${run.page.id} (${run.results.papershelf?.kind} / ${kind})`);
    }
  }
  const seconds = (performance.now() - started) / 1000;

  const summaries: ToolSummary[] = TOOLS.map((t) =>
    tools.includes(t)
      ? summarize(t, runs)
      : {
          ...summarize(t, []),
          available: false,
          error: t === 'papershelf' ? papershelfError : 'skipped (--papershelf-only)',
        },
  );
  const papers = pages.filter((p) => p.truth.isPaper === true).length;
  const notPapers = pages.filter((p) => p.truth.isPaper === false).length;
  const leftOut = pages.filter((p) => p.truth.isPaper === null).map((p) => p.id);

  const ours = summaries[0] as ToolSummary;
  if (browserMs) ours.browserExtractMs = timing(browserMs);
  const checkInput: CheckInput = {
    papershelfError,
    fields: Object.fromEntries(
      FIELDS.map((f) => [
        f,
        {
          papershelf: ours.fields[f].pct,
          peers: Object.fromEntries(
            summaries.slice(1).map((s) => [s.tool, s.available ? s.fields[f].pct : null]),
          ),
        },
      ]),
    ) as CheckInput['fields'],
    absentCorrect: ours.absentCorrect.pct,
    recall: ours.detection.recall.pct,
    falsePositives: ours.detection.falsePositives,
    extractMedianMs: ours.extractMs?.median ?? NaN,
    browserExtractMedianMs: ours.browserExtractMs?.median,
    wholeMedianMs: Object.fromEntries(
      TOOLS.map((t, i) => [t, (summaries[i] as ToolSummary).wholeMs.median]),
    ),
  };
  const missed = args.check ? checkTargets(checkInput) : [];
  if (args.check && args['papershelf-only'])
    missed.push('each field at least the better peer: not checked (--papershelf-only)');

  const headers = ['', ...summaries.map((s) => s.tool)];
  const rows = tableRows(summaries);
  const about =
    `${pages.length} pages below ${dir}: ${papers} papers, ${notPapers} not papers` +
    (leftOut.length ? `, ${leftOut.length} left out of detection (${leftOut.join(', ')})` : '') +
    `; html-metadata ${HTML_METADATA_VERSION}, metascraper ${METASCRAPER_VERSION}; ` +
    `${reps} timed run(s) per page and tool after a warm-up; ` +
    (browserName
      ? `in-browser extraction timed in headless ${browserName}, fastest of ${browserReps(reps)}` +
        (browserParseMs
          ? ` (the browser's own DOMParser parse of the same pages, median / p95: ${msText(timing(browserParseMs).median)} / ${msText(timing(browserParseMs).p95)} ms)`
          : '') +
        '; '
      : '') +
    `${seconds.toFixed(1)} s; ` +
    // Timings are only comparable between runs on a quiet machine: say how busy this one was.
    `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores.`;

  if (args.json) {
    const json = {
      corpus: dir,
      pages: pages.length,
      papers,
      notPapers,
      leftOut,
      reps,
      seconds: Math.round(seconds * 10) / 10,
      loadAverage: loadavg()[0],
      cores: availableParallelism(),
      versions: { 'html-metadata': HTML_METADATA_VERSION, metascraper: METASCRAPER_VERSION },
      tools: summaries,
      targets: args.check ? { checked: TARGETS, missed } : undefined,
      perPage: runs.map((r) => ({
        id: r.page.id,
        file: r.page.file,
        category: r.page.category,
        isPaper: r.page.truth.isPaper,
        truthReason: r.page.truth.reason,
        tools: Object.fromEntries(
          tools.map((t) => [
            t,
            {
              detected: r.results[t]?.detected,
              kind: r.results[t]?.kind,
              error: r.results[t]?.error,
              ms: round3(r.ms[t] ?? NaN),
              extractMs: t === 'papershelf' ? round3(r.extractMs ?? NaN) : undefined,
              outcomes: r.outcomes[t],
              failures: failuresOf(r, t),
            },
          ]),
        ),
      })),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else if (args.markdown) {
    process.stdout.write(`${markdownTable(headers, rows)}\n\n_${about}_\n`);
  } else {
    const out: string[] = [`Extraction benchmark: ${about}`];
    if (papershelfError) out.push(`Papershelf not run: ${papershelfError}`);
    out.push('', textTable(headers, rows), '', 'Misdetected pages:');
    for (const s of summaries) {
      if (!s.available) continue;
      out.push(
        `  ${s.tool}: detected but not papers (${s.detection.fp}): ${s.detection.falsePositives.join(', ') || '-'}`,
        `  ${s.tool}: papers not detected (${s.detection.fn}): ${s.detection.falseNegatives.join(', ') || '-'}`,
      );
    }
    for (const s of summaries) {
      for (const e of s.errors) out.push(`  ${s.tool} threw on ${e.id}: ${e.error}`);
    }
    if (kindDiffers.length)
      out.push(
        `  Papershelf's page kind differs in the browser (Node / browser): ${kindDiffers.join(', ')}`,
      );
    if (ours.available && ours.parseMs)
      out.push(
        '',
        `Papershelf parseHtml (linkedom) ms, median / p95: ${msText(ours.parseMs.median)} / ${msText(ours.parseMs.p95)}`,
      );
    process.stdout.write(`${out.join('\n')}\n`);
    if (args.verbose && extractPage) process.stdout.write(`${verboseReport(runs, 'papershelf')}\n`);
    if (explain) process.stdout.write(`${verboseReport(runs, explain)}\n`);
  }

  if (args.check) {
    const msg = missed.length
      ? `Targets missed (${missed.length}):\n${missed.map((m) => `  - ${m}`).join('\n')}`
      : 'Targets: all met.';
    // With --json, stdout stays pure JSON; the verdict goes to stderr.
    (args.json ? process.stderr : process.stdout).write(`\n${msg}\n`);
    if (missed.length) process.exitCode = 1;
  }
}

await main();
