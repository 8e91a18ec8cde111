import * as v from 'valibot';
import { PAYLOAD_SCHEMAS } from '@/utils/messages';
import { detectImportFormat, getFormatInfo, loadFormat } from '@/utils/formats/registry';
import type { FormatId, ImportedItem, ParseEntryError } from '@/utils/formats/types';
import type { ImportItem } from '@/utils/library/library';
import { READING_STATUSES, type ReadingStatus, type UserData } from '@/utils/library/schema';
import type { ImportAction, ImportDecision } from './api';

/**
 * Reading a file to import, up to the preview: size and format checks, the format's own parser,
 * the background's payload schema applied entry by entry (so one bad entry is reported as invalid
 * instead of failing the whole file), then the dry run's decisions. Nothing here writes.
 */

/** The backup may be large (a 10,000-paper library with its references); other files are smaller. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type Importable = Exclude<FormatId, 'csv' | 'markdown'>;
export const IMPORTABLE: readonly Importable[] = ['json', 'bibtex', 'ris', 'csl-json'];

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

export interface ParsedFile {
  fileName: string;
  format: Importable;
  /** Valid entries, as they will be sent. */
  items: ImportItem[];
  /** Entries the parser or the schema refused, with an excerpt and the reason. */
  invalid: ParseEntryError[];
}

export interface PreviewRow {
  action: ImportAction | 'invalid';
  title: string;
  /** Why an entry is invalid. */
  reason?: string;
  existingId?: string;
}

export interface Preview {
  counts: Record<PreviewRow['action'], number>;
  /** Grouped: new, merged, skipped, invalid; each in file order. */
  rows: PreviewRow[];
}

function isStatus(s: string | undefined): s is ReadingStatus {
  return (READING_STATUSES as readonly string[]).includes(s ?? '');
}

/** A parsed entry as the library's `importPapers` takes it; undefined fields are left out. */
export function toImportItem(item: ImportedItem): ImportItem {
  const user: Partial<UserData> = {};
  if (isStatus(item.status)) user.status = item.status;
  if (item.tags?.length) user.tags = item.tags;
  if (item.notes) user.notes = item.notes;
  if (item.starred !== undefined) user.starred = item.starred;
  const out: ImportItem = { paper: item.paper };
  if (item.pageUrls?.length) out.pageUrls = item.pageUrls;
  if (item.versions?.length) out.versions = item.versions;
  if (item.savedAt !== undefined) out.savedAt = item.savedAt;
  if (item.updatedAt !== undefined) out.updatedAt = item.updatedAt;
  if (Object.keys(user).length) out.user = user;
  return out;
}

/** Why the background would refuse this item, or undefined when it would take it. */
export function checkImportItem(item: ImportItem): string | undefined {
  const r = v.safeParse(PAYLOAD_SCHEMAS.importPapers, { items: [item] });
  if (r.success) return undefined;
  return v.summarize(r.issues).replace(/\n+/g, '; ');
}

function titleExcerpt(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  return t.length > 120 ? `${t.slice(0, 119)}…` : t || '(untitled)';
}

/**
 * Reads and parses a file. Throws `ImportError` with a message for the user when the file cannot be
 * imported at all (too large, binary, not a format Papershelf reads, broken beyond reading).
 */
export async function readImportFile(
  file: Pick<File, 'name' | 'size' | 'text' | 'slice'>,
  only?: readonly Importable[],
): Promise<ParsedFile> {
  const allowed = only ?? IMPORTABLE;
  const names = allowed.map((f) => getFormatInfo(f).label).join(', ');
  if (file.size > MAX_BACKUP_BYTES) {
    throw new ImportError(
      `"${file.name}" is too large to import (${Math.round(file.size / 2 ** 20)} MB). Nothing was changed.`,
    );
  }
  let format: Importable | undefined;
  let text: string;
  try {
    // The format is known from the first characters: a huge file of another kind is refused unread.
    format = detectImportFormat(file.name, await file.slice(0, 4096).text()) as
      Importable | undefined;
    if (format && allowed.includes(format) && (format === 'json' || file.size <= MAX_FILE_BYTES))
      text = await file.text();
    else text = '';
  } catch {
    throw new ImportError(`"${file.name}" could not be read. Nothing was changed.`);
  }
  if (!format || !allowed.includes(format)) {
    throw new ImportError(
      `"${file.name}" is not a file Papershelf can import here (${names}). Nothing was changed.`,
    );
  }
  if (format !== 'json' && file.size > MAX_FILE_BYTES) {
    throw new ImportError(
      `"${file.name}" is too large for a ${getFormatInfo(format).label} file (at most ${MAX_FILE_BYTES / 2 ** 20} MB). Nothing was changed.`,
    );
  }
  const descriptor = await loadFormat(format);
  if (!descriptor.parse) throw new ImportError(`${descriptor.label} files cannot be imported.`);
  let parsed;
  try {
    parsed = descriptor.parse(text);
  } catch (e) {
    // FormatError messages are written for the user; anything else is a parser failure on odd input.
    const message = e instanceof Error ? e.message : String(e);
    throw new ImportError(`${message} Nothing was changed.`);
  }
  const items: ImportItem[] = [];
  const invalid = [...parsed.errors];
  parsed.items.forEach((entry, i) => {
    const item = toImportItem(entry);
    const reason = checkImportItem(item);
    if (reason) invalid.push({ index: i, entry: titleExcerpt(entry.paper.title), reason });
    else items.push(item);
  });
  if (!items.length && !invalid.length) {
    throw new ImportError(`"${file.name}" holds no entries. Nothing was changed.`);
  }
  return { fileName: file.name, format, items, invalid };
}

const ORDER: PreviewRow['action'][] = ['new', 'merge', 'skip', 'invalid'];

/** The preview shown before anything changes: the dry run's decisions and the invalid entries. */
export function buildPreview(
  decisions: readonly ImportDecision[],
  invalid: readonly ParseEntryError[],
): Preview {
  const rows: PreviewRow[] = [
    ...[...decisions]
      .sort((a, b) => a.index - b.index)
      .map((d) => ({
        action: d.action,
        title: titleExcerpt(d.title),
        ...(d.existingId ? { existingId: d.existingId } : {}),
      })),
    ...invalid.map((e) => ({
      action: 'invalid' as const,
      title: e.entry || `Entry ${e.index + 1}`,
      reason: e.reason,
    })),
  ];
  rows.sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action));
  const counts = { new: 0, merge: 0, skip: 0, invalid: 0 };
  for (const r of rows) counts[r.action]++;
  return { counts, rows };
}

/** "12 new, 3 merged with papers you have, 1 already saved, 2 invalid". */
export function describeCounts(counts: Preview['counts']): string {
  const parts = [
    counts.new && `${counts.new} new`,
    counts.merge && `${counts.merge} merged with papers you have`,
    counts.skip && `${counts.skip} already saved`,
    counts.invalid && `${counts.invalid} invalid`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing to import';
}
