import { browser } from 'wxt/browser';
import {
  LIMITS,
  sendMessage,
  type RequestOf,
  type ResponseOf,
  type SaveTabsResult,
} from '@/utils/messages';
import type {
  ImportDecision,
  ImportItem,
  ImportResult,
  ListQuery,
  ListResult,
} from '@/utils/library/library';
import type { LibraryRecord, UserData } from '@/utils/library/schema';
import { citationKeyPattern, defaultExportFormat, type ExportFormatId } from '@/utils/settings';

/**
 * Everything the popup and the options page ask of the background, in one place: components import
 * only this module, so a protocol change is one edit here and unit tests mock one module.
 */

export type ImportAction = ImportDecision['action'];
export type { ImportDecision, SaveTabsResult };

export function listPapers(query: ListQuery): Promise<ListResult> {
  return sendMessage('listPapers', query);
}

export function getStats(): Promise<ResponseOf<'getStats'>> {
  return sendMessage('getStats', {});
}

export async function updatePaper(id: string, patch: Partial<UserData>): Promise<LibraryRecord> {
  return (await sendMessage('updatePaper', { id, patch })).record;
}

/** Removes a paper; returns the undo token, or undefined when the disk was too full to keep one. */
export async function removePaper(id: string): Promise<string | undefined> {
  const { token } = await sendMessage('removePaper', { id });
  return token || undefined;
}

export async function undoRemove(token: string): Promise<LibraryRecord> {
  return (await sendMessage('undoRemove', { token })).record;
}

export function exportPapers(): Promise<ResponseOf<'exportPapers'>> {
  return sendMessage('exportPapers', {});
}

/** At most this many items per message (the background's bound). */
export const IMPORT_CHUNK = LIMITS.importItems;

/** What would happen to each item; nothing is written. */
export async function previewImport(items: readonly ImportItem[]): Promise<ImportDecision[]> {
  const decisions: ImportDecision[] = [];
  for (let start = 0; start < items.length; start += IMPORT_CHUNK) {
    const chunk = items.slice(start, start + IMPORT_CHUNK);
    const answer = await sendMessage('previewImport', { items: chunk });
    for (const d of answer.decisions) decisions.push({ ...d, index: d.index + start });
  }
  return decisions;
}

/**
 * Imports everything in one transaction. A file of more than `IMPORT_CHUNK` entries (a large backup)
 * has to go in several messages, each its own transaction: the background bounds one message.
 */
export async function importPapers(items: readonly ImportItem[]): Promise<ImportResult> {
  const total: ImportResult = { created: 0, merged: 0, unchanged: 0, ids: [] };
  for (let start = 0; start < items.length; start += IMPORT_CHUNK) {
    const payload: RequestOf<'importPapers'> = { items: items.slice(start, start + IMPORT_CHUNK) };
    const r = await sendMessage('importPapers', payload);
    total.created += r.created;
    total.merged += r.merged;
    total.unchanged += r.unchanged;
    total.ids.push(...r.ids);
  }
  return total;
}

export function saveTabs(): Promise<SaveTabsResult> {
  return sendMessage('saveTabs', {});
}

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}

/** True when the text reached the clipboard. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Downloads text as a file through an `<a download>` and a Blob URL: no `downloads` permission.
 * The URL is revoked once the browser has had time to start the download.
 */
export function downloadText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A message fit to show the user for anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The citation key pattern from the options page. */
export function readKeyPattern(): Promise<string> {
  return citationKeyPattern.getValue();
}

export function readDefaultExportFormat(): Promise<ExportFormatId> {
  return defaultExportFormat.getValue();
}
