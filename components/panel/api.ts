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
    title: work.title,
    authors: work.authors.slice(0, 1),
    year: work.year,
    doi: work.doi,
    arxivId: work.arxivId,
    pmid: work.pmid,
    url: work.url,
  };
  if ('pmcid' in work) id.pmcid = work.pmcid;
  if ('publishedDoi' in work) id.publishedDoi = work.publishedDoi;
  for (const k of Object.keys(id) as (keyof WorkIdentity)[]) if (id[k] === undefined) delete id[k];
  return id;
}

/** For each work, the id of its saved record or null; one message for all of them. */
export async function findSaved(works: readonly WorkIdentity[]): Promise<(string | null)[]> {
  if (works.length === 0) return [];
  const { ids } = await sendMessage('findSaved', { works: [...works] });
  return works.map((_, i) => ids[i] ?? null);
}

/**
 * The background accepts only http(s) links and weights in [0, 1]: what a page gives otherwise is
 * dropped here rather than failing the whole save.
 */
export function forSaving(paper: Paper): Paper {
  const work = (w: WorkRef): WorkRef => {
    const url = safeHttpUrl(w.url);
    const { url: _drop, ...rest } = w;
    return url ? { ...rest, url } : rest;
  };
  const { url: _u, pdfUrl: _p, ...rest } = paper;
  const out: Paper = {
    ...rest,
    keyTerms: paper.keyTerms.map((t) => ({ ...t, weight: Math.min(1, Math.max(0, t.weight)) })),
    references: paper.references.map(work),
    citations: paper.citations.map(work),
  };
  const url = safeHttpUrl(paper.url);
  const pdfUrl = safeHttpUrl(paper.pdfUrl);
  if (url) out.url = url;
  if (pdfUrl) out.pdfUrl = pdfUrl;
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
  const page = safeHttpUrl(pageUrl);
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
