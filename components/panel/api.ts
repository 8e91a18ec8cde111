import { browser } from '@/utils/browser';
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

// The wire format until utils/messages.ts lands: `{ verb, payload }`, answered with the result or
// `{ error }`. (TODO: switch `call` to `sendMessage` from '@/utils/messages'.)
async function call<T>(verb: string, payload: unknown): Promise<T> {
  const answer = (await browser.runtime.sendMessage({ verb, payload })) as
    { ok?: boolean; error?: string; result?: T } | T;
  if (answer && typeof answer === 'object' && 'error' in answer && answer.error) {
    throw new Error(String(answer.error));
  }
  if (answer && typeof answer === 'object' && 'result' in answer) return answer.result as T;
  return answer as T;
}

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
  const r = await call<{ ids: (string | null)[] } | (string | null)[]>('findSaved', { works });
  const ids = Array.isArray(r) ? r : r.ids;
  return works.map((_, i) => ids[i] ?? null);
}

export async function savePaper(
  paper: Paper,
  pageUrl?: string,
): Promise<{ id: string; outcome: SaveOutcome }> {
  const r = await call<{ record: { id: string }; outcome: SaveOutcome }>(
    'savePaper',
    pageUrl ? { paper, pageUrl } : { paper },
  );
  return { id: r.record.id, outcome: r.outcome };
}

/** Removes a saved paper; the token (when given) undoes it for a short while. */
export async function removePaper(id: string): Promise<{ undoToken?: string }> {
  const r = await call<{ undoToken?: string; token?: string } | undefined>('removePaper', { id });
  return { undoToken: r?.undoToken ?? r?.token };
}

/** Restores a removed paper; answers the id of the restored (or merged) record. */
export async function undoRemove(token: string): Promise<{ id: string | undefined }> {
  const r = await call<{ record?: { id: string } } | undefined>('undoRemove', { token });
  return { id: r?.record?.id };
}

/** Tells the background what this page is (badge, context menu). Never fails. */
export async function reportPageState(state: {
  url: string;
  kind: PageKind;
  title?: string;
  works: number;
}): Promise<void> {
  await call('pageState', state).catch(() => undefined);
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
