import { safeHttpUrl } from '@/utils/display';
import { sendMessage } from '@/utils/messages';
import type { Author, PageKind, Paper, WorkRef } from '@/utils/paper';
import {
  citationKeyPattern,
  panelDisabledSites,
  panelFoldedSites,
  panelPosition,
  setSiteFlag,
  type PanelPosition,
} from '@/utils/settings';

/**
 * Everything the panel asks of the rest of the extension, in one place: library messages, settings
 * and the clipboard. Components import only this module, so the protocol can change in one edit and
 * unit tests mock one module.
 */

/** What identifies a work for `findSaved`: the ids, the URL, and title + first author + year. */
export interface WorkIdentity {
  doi?: string;
  publishedDoi?: string;
  arxivId?: string;
  pmid?: string;
  pmcid?: string;
  url?: string;
  title?: string;
  authors?: Author[];
  year?: number;
}

export type SaveOutcome = 'created' | 'merged' | 'unchanged';

/** Only what identity needs: keeps a 2,000-row message small (no abstracts, no nested lists). */
export function identityOf(work: Paper | WorkRef): WorkIdentity {
  const id: WorkIdentity = {
    title: cut(work.title, 2000),
    authors: work.authors.slice(0, 1).map(person),
    year: work.year,
    doi: cut(work.doi, 500),
    arxivId: cut(work.arxivId, 100),
    pmid: cut(work.pmid, 40),
    url: work.url && work.url.length <= URL_MAX ? work.url : undefined,
  };
  if ('pmcid' in work) id.pmcid = cut(work.pmcid, 40);
  if ('publishedDoi' in work) id.publishedDoi = cut(work.publishedDoi, 500);
  return prune(id);
}

/** For each work, the id of its saved record or null; one message for all of them. */
export async function findSaved(works: readonly WorkIdentity[]): Promise<(string | null)[]> {
  if (works.length === 0) return [];
  const { ids } = await sendMessage('findSaved', { works: [...works] });
  return works.map((_, i) => ids[i] ?? null);
}

// The background's bounds (utils/messages.ts, PaperSchema and WorkQuerySchema): one odd value from
// the page (a 5,000-character reference string, a tracking-laden link) must not fail a whole save
// or lookup, so values are cut or dropped to fit here.
const URL_MAX = 2048;
const PAPER_MAX = 990_000;
const cut = (s: string | undefined, max: number) => (s === undefined ? undefined : s.slice(0, max));
const link = (u: string | undefined) => {
  const safe = safeHttpUrl(u);
  return safe && safe.length <= URL_MAX ? safe : undefined;
};
const person = (a: Author): Author =>
  prune({ given: cut(a.given, 300), family: cut(a.family, 300), literal: cut(a.literal, 500) });

function prune<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function workForSaving(w: WorkRef): WorkRef {
  return prune({
    ...w,
    title: cut(w.title, 2000),
    authors: w.authors.slice(0, 500).map(person),
    year:
      w.year !== undefined && Number.isInteger(w.year) && w.year >= 0 && w.year <= 9999
        ? w.year
        : undefined,
    venue: cut(w.venue, 1000),
    doi: cut(w.doi, 500),
    arxivId: cut(w.arxivId, 100),
    pmid: cut(w.pmid, 40),
    url: link(w.url),
    raw: cut(w.raw, 4000),
  });
}

/** The paper as the background accepts it: http(s) links only, weights in [0, 1], bounded strings. */
export function forSaving(paper: Paper): Paper {
  const out = prune({
    ...paper,
    title: paper.title.slice(0, 2000),
    authors: paper.authors.slice(0, 5000).map(person),
    abstract: cut(paper.abstract, 50_000),
    keywords: paper.keywords.slice(0, 500).map((k) => k.slice(0, 300)),
    keyTerms: paper.keyTerms
      .slice(0, 500)
      .map((t) => ({ term: t.term.slice(0, 300), weight: Math.min(1, Math.max(0, t.weight)) })),
    url: link(paper.url),
    pdfUrl: link(paper.pdfUrl),
    references: paper.references.slice(0, 5000).map(workForSaving),
    citations: paper.citations.slice(0, 5000).map(workForSaving),
  });
  // The whole paper must stay under 1 MB: the raw citation strings go first, then list tails.
  const size = () => JSON.stringify(out).length;
  if (size() > PAPER_MAX) {
    const noRaw = ({ raw: _raw, ...w }: WorkRef) => w;
    out.references = out.references.map(noRaw);
    out.citations = out.citations.map(noRaw);
  }
  while (size() > PAPER_MAX && out.references.length + out.citations.length > 0) {
    const longer = out.references.length >= out.citations.length ? 'references' : 'citations';
    out[longer] = out[longer].slice(0, Math.floor(out[longer].length * 0.8));
  }
  return out;
}

/**
 * Saves a paper. `pageUrl` says it is this page's paper (the background then records the sender's
 * page); a work listed on the page is saved without one, so that this page's URL never becomes an
 * identity of another work.
 */
export async function savePaper(
  paper: Paper,
  pageUrl?: string,
): Promise<{ id: string; outcome: SaveOutcome }> {
  // The background records the sender's own page for a content script; this only needs to parse.
  const page = link(pageUrl) ?? (pageUrl ? link(pageUrl.split(/[?#]/)[0]) : undefined);
  const r = await sendMessage(
    'savePaper',
    page ? { paper: forSaving(paper), pageUrl: page } : { paper: forSaving(paper) },
  );
  return { id: r.record.id, outcome: r.outcome };
}

/**
 * Removes a saved paper. The token undoes it for a short while; there is none when the library could
 * not keep a copy (disk full).
 */
export async function removePaper(id: string): Promise<{ undoToken?: string }> {
  const r = await sendMessage('removePaper', { id });
  return r.undoable && r.token ? { undoToken: r.token } : {};
}

/** Restores a removed paper; answers the id of the restored (or merged) record. */
export async function undoRemove(token: string): Promise<{ id: string | undefined }> {
  const r = await sendMessage('undoRemove', { token });
  return { id: r.record.id };
}

/** Tells the background what this page is (badge, context menu "save this paper"). Never fails. */
export async function reportPageState(state: {
  url: string;
  kind: PageKind;
  paper?: Paper;
  works: number;
}): Promise<void> {
  const { paper, ...rest } = state;
  await sendMessage('pageState', {
    ...rest,
    url: rest.url.slice(0, URL_MAX),
    ...(paper ? { title: paper.title, paper: forSaving(paper) } : {}),
  }).catch(() => undefined);
}

/** Per-site and global panel preferences, read once before the panel is drawn. */
export interface PanelPrefs {
  position: PanelPosition;
  folded: boolean;
}

export async function readPrefs(hostname: string): Promise<PanelPrefs> {
  const [position, folded] = await Promise.all([
    panelPosition.getValue(),
    panelFoldedSites.getValue(),
  ]);
  return { position, folded: folded.includes(hostname) };
}

export async function rememberFolded(hostname: string, folded: boolean): Promise<void> {
  await setSiteFlag(panelFoldedSites, hostname, folded);
}

export async function rememberPosition(position: PanelPosition): Promise<void> {
  await panelPosition.setValue(position);
}

export async function disableOnSite(hostname: string): Promise<void> {
  await setSiteFlag(panelDisabledSites, hostname, true);
}

/** The user's BibTeX citation-key pattern (options page). */
export async function readKeyPattern(): Promise<string | undefined> {
  return citationKeyPattern.getValue().catch(() => undefined);
}

/** Copies text; false when the page or browser refuses (no focus, no permission, old browser). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
