import type { IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { Paper } from '@/utils/paper';
import { normalizeDoi, normalizePmcid, normalizePmid, parseArxivId } from '@/utils/paper-ids';
import { LibraryError, toLibraryError } from './errors';
import {
  canonicalUrlKey,
  flatKeys,
  recordKeys,
  sameWork,
  titleKey,
  versionsOf,
  workKeys,
  type WorkLike,
} from './identity';
import {
  createRecord,
  mergeIntoRecord,
  mergeRecords,
  mergeUserData,
  mergeVersions,
  newUserData,
  normalizeTags,
  PAGE_URL_LIMIT,
  sameData,
  unionStrings,
} from './merge';
import {
  READING_STATUSES,
  type LibraryRecord,
  type LibrarySchema,
  type PaperVersion,
  type ReadingStatus,
  type UserData,
} from './schema';

/**
 * The operations on an open library. Every operation is one IndexedDB transaction that awaits only
 * its own requests: a lookup and the write it decides are in the same readwrite transaction, so
 * concurrent saves of one work (IndexedDB runs overlapping readwrite transactions one after the
 * other) end as one record with every save merged in. A failed write aborts its transaction whole.
 */

export type SaveOutcome = 'created' | 'merged' | 'unchanged';

export interface SaveResult {
  record: LibraryRecord;
  outcome: SaveOutcome;
  /** Other records found to be the same work and merged into `record` (their ids no longer exist). */
  absorbed: string[];
}

export interface RemoveResult {
  /** Pass to `undoRemove` until `expiresAt`. Empty when `undoable` is false. */
  token: string;
  expiresAt: number;
  /** False when the disk was too full to keep a copy for undo. */
  undoable: boolean;
}

export interface UndoResult {
  record: LibraryRecord;
  /** 'merged' when the work had been saved again in the meantime. */
  outcome: 'restored' | 'merged';
}

export type UserDataPatch = Partial<UserData>;

export type SortKey = 'savedAt' | 'updatedAt' | 'title' | 'year';

export interface ListQuery {
  sort?: SortKey;
  /** Default: 'desc' for dates and years, 'asc' for titles. */
  order?: 'asc' | 'desc';
  status?: ReadingStatus;
  tag?: string;
  starred?: boolean;
  /** Words that must all appear in the title, authors, venue, tags or notes (case-insensitive). */
  search?: string;
  /** Default 50, at most 1000. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface ListResult {
  records: LibraryRecord[];
  /** How many records match the query (all pages). */
  total: number;
  nextCursor?: string;
}

/** A record to import: at least a paper; everything else is optional (a `LibraryRecord` fits). */
export interface ImportItem {
  paper: Paper;
  pageUrls?: string[];
  versions?: PaperVersion[];
  savedAt?: number;
  updatedAt?: number;
  user?: Partial<UserData>;
}

export interface ImportResult {
  created: number;
  merged: number;
  unchanged: number;
  /** For each item, the id of the record it is now part of. */
  ids: string[];
}

/** What an import does with one item: a new record, a merge into a saved one, or nothing (same data). */
export interface ImportDecision {
  index: number;
  action: 'new' | 'merge' | 'skip';
  existingId?: string;
  title: string;
}

export interface LibraryStats {
  count: number;
  byStatus: Record<ReadingStatus, number>;
  /** Every tag with the number of papers carrying it, most used first. */
  tags: { tag: string; count: number }[];
}

export interface LibraryOptions {
  /** Clock (ms since epoch); tests pin it. */
  now?: () => number;
  /** How long a removed paper can be brought back. Default 10 minutes. */
  undoWindowMs?: number;
}

type Db = IDBPDatabase<LibrarySchema>;
type WriteTx<S extends StoreNames<LibrarySchema>[]> = IDBPTransaction<
  LibrarySchema,
  S,
  'readwrite'
>;
type PapersStore = IDBPObjectStore<
  LibrarySchema,
  ArrayLike<StoreNames<LibrarySchema>>,
  'papers',
  'readwrite'
>;

const NOTES_LIMIT = 100_000;

function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID()}`;
}

/**
 * A paper with its identifiers in their canonical form (DOI lowercase without resolver, arXiv id
 * without version, PMCID with its prefix) and an http(s)-only URL, so that keys and exports agree.
 */
export function normalizePaper(paper: Paper): Paper {
  const out: Paper = { ...paper, title: paper.title.trim() };
  const doi = normalizeDoi(paper.doi);
  const publishedDoi = normalizeDoi(paper.publishedDoi);
  const arxiv = parseArxivId(paper.arxivId) ?? (doi ? parseArxivId(doi) : undefined);
  const pmid = normalizePmid(paper.pmid);
  const pmcid = normalizePmcid(paper.pmcid);
  assign(out, 'doi', doi);
  assign(out, 'publishedDoi', publishedDoi && publishedDoi !== doi ? publishedDoi : undefined);
  assign(out, 'arxivId', arxiv?.id);
  assign(out, 'arxivVersion', paper.arxivVersion ?? arxiv?.version);
  assign(out, 'pmid', pmid);
  assign(out, 'pmcid', pmcid);
  for (const f of ['url', 'pdfUrl'] as const) {
    assign(out, f, paper[f] && /^https?:\/\//i.test(paper[f]) ? paper[f] : undefined);
  }
  // Lists as the merge keeps them: trimmed, unique, bounded.
  out.keywords = unionStrings(paper.keywords, []);
  for (const f of ['isbn', 'issn'] as const) {
    const list = paper[f] ? unionStrings(paper[f], []) : [];
    assign(out, f, list.length ? list : undefined);
  }
  // The year follows the date, as the merge keeps them (lists sort and filter by year).
  const year = out.issued ? Number(out.issued.date.slice(0, 4)) : NaN;
  if (Number.isInteger(year) && out.year !== year) {
    out.year = year;
    const source = out.sources.issued;
    out.sources = { ...out.sources };
    if (source) out.sources.year = source;
    else delete out.sources.year;
  }
  // Empty strings carry nothing; dropping them keeps "saved again, nothing new" unchanged.
  for (const [k, v] of Object.entries(out)) {
    if (v === '' && k !== 'title') assign(out, k as keyof Paper, undefined);
  }
  // Provenance only for fields that have a value.
  out.sources = Object.fromEntries(
    Object.entries(out.sources).filter(([k]) => {
      const v = out[k as keyof Paper];
      return v !== undefined && v !== '' && !(Array.isArray(v) && !v.length);
    }),
  );
  return out;
}

function assign<K extends keyof Paper>(p: Paper, key: K, value: Paper[K] | undefined): void {
  if (value === undefined || value === '') {
    delete p[key];
    const sources = { ...p.sources };
    delete sources[key as Exclude<K, 'sources'>];
    p.sources = sources;
  } else {
    p[key] = value;
  }
}

function withoutTime(r: LibraryRecord): Omit<LibraryRecord, 'updatedAt'> {
  const { updatedAt: _updatedAt, ...rest } = r;
  return rest;
}

export class Library {
  readonly db: Db;
  private readonly now: () => number;
  private readonly undoWindowMs: number;

  constructor(db: Db, options: LibraryOptions = {}) {
    this.db = db;
    this.now = options.now ?? (() => Date.now());
    this.undoWindowMs = options.undoWindowMs ?? 10 * 60_000;
    // The browser closes the connection when the user clears site data; `openDatabase` closes it
    // when a newer schema version wants to upgrade. Either way this object is done.
    db.addEventListener('close', () => (this.closed = true));
    db.addEventListener('versionchange', () => (this.closed = true));
  }

  private closed = false;

  /** False once the connection is closed: the owner should call `openLibrary` again. */
  get isOpen(): boolean {
    return !this.closed;
  }

  close(): void {
    this.closed = true;
    this.db.close();
  }

  private ensureOpen(): void {
    if (this.closed) {
      throw new LibraryError(
        'closed',
        'The library was closed; it will be opened again on the next try.',
      );
    }
  }

  /**
   * Runs `fn` in one readwrite transaction and waits for it to commit. Any failure aborts the whole
   * transaction and comes out as a `LibraryError` (code 'quota' when the disk or quota is full).
   */
  private async write<S extends StoreNames<LibrarySchema>[], T>(
    stores: S,
    fn: (tx: WriteTx<S>) => Promise<T>,
  ): Promise<T> {
    this.ensureOpen();
    let tx: WriteTx<S>;
    try {
      tx = this.db.transaction(stores, 'readwrite');
    } catch (e) {
      throw toLibraryError(e);
    }
    const done = tx.done;
    done.catch(() => undefined); // reported below, with the error that caused it
    try {
      const result = await fn(tx);
      await done;
      return result;
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // Already aborted by the failing request.
      }
      throw toLibraryError(e, tx.error);
    }
  }

  private async read<S extends StoreNames<LibrarySchema>[], T>(
    stores: S,
    fn: (tx: IDBPTransaction<LibrarySchema, S, 'readonly'>) => Promise<T>,
  ): Promise<T> {
    this.ensureOpen();
    try {
      const tx = this.db.transaction(stores, 'readonly');
      const [result] = await Promise.all([fn(tx), tx.done]);
      return result;
    } catch (e) {
      throw toLibraryError(e);
    }
  }

  /**
   * The stored records that are the same work as `keys`, strongest match first. Strong keys (DOI,
   * arXiv id, PMID, PMCID) match alone; a URL or title + author + year match is dropped when the
   * records certainly differ (different arXiv ids or PMIDs).
   */
  private async matches(store: PapersStore, keys: LibraryRecord['keys']): Promise<LibraryRecord[]> {
    const lookups = flatKeys(keys).map(({ key, strong }) => {
      const i = key.indexOf(':');
      const index = key.slice(0, i) as 'doi' | 'arxivId' | 'pmid' | 'pmcid' | 'url' | 'workKey';
      return { strong, ids: store.index(index).getAllKeys(key.slice(i + 1)) };
    });
    const found: { id: string; strong: boolean }[] = [];
    for (const { strong, ids } of lookups) {
      for (const id of await ids) {
        if (!found.some((f) => f.id === id)) found.push({ id, strong });
      }
    }
    const records = await Promise.all(found.map((f) => store.get(f.id)));
    return records.filter(
      (r, i): r is LibraryRecord => !!r && (found[i]!.strong || sameWork(r.keys, keys)),
    );
  }

  /**
   * Saves a paper seen on `pageUrl`: creates a record, or merges it into the record of the same work
   * (joining several records when this paper shows they are one work). The user's data is kept.
   */
  async savePaper(paper: Paper, pageUrl?: string): Promise<SaveResult> {
    const clean = normalizePaper(paper);
    const page = pageUrl && /^https?:\/\//i.test(pageUrl) ? pageUrl : undefined;
    return this.write(['papers'], async (tx) => {
      const now = this.now();
      const keys = recordKeys({
        paper: clean,
        versions: versionsOf(clean, now),
        pageUrls: page ? [page] : [],
      });
      const store = tx.objectStore('papers');
      const found = await this.matches(store, keys);
      const [first, ...others] = found;
      if (!first) {
        const record = createRecord(newId('p'), clean, page, now);
        await store.put(record);
        return { record, outcome: 'created', absorbed: [] };
      }
      let base = first;
      for (const other of others) base = mergeRecords(base, other, now);
      const record = mergeIntoRecord(base, clean, page, now);
      if (!others.length && sameData(withoutTime(record), withoutTime(first))) {
        return { record: first, outcome: 'unchanged', absorbed: [] };
      }
      const absorbed = found.map((r) => r.id).filter((id) => id !== record.id);
      for (const id of absorbed) await store.delete(id);
      await store.put(record);
      return { record, outcome: 'merged', absorbed };
    });
  }

  async getPaper(id: string): Promise<LibraryRecord | undefined> {
    return this.read(['papers'], (tx) => tx.objectStore('papers').get(id));
  }

  /**
   * Removes a paper, keeping it for `undoWindowMs` so that `undoRemove(token)` can bring it back.
   * When the disk is too full even to keep that copy, the paper is removed without undo
   * (`undoable` false): removing papers is how a user frees space.
   */
  async removePaper(id: string): Promise<RemoveResult> {
    try {
      return await this.removeWithUndo(id);
    } catch (e) {
      if (!(e instanceof LibraryError) || e.code !== 'quota') throw e;
      return this.write(['papers'], async (tx) => {
        const papers = tx.objectStore('papers');
        if (!(await papers.getKey(id))) {
          throw new LibraryError('not-found', 'This paper is not in your library.');
        }
        await papers.delete(id);
        return { token: '', expiresAt: this.now(), undoable: false };
      });
    }
  }

  private async removeWithUndo(id: string): Promise<RemoveResult> {
    return this.write(['papers', 'removed'], async (tx) => {
      const now = this.now();
      const papers = tx.objectStore('papers');
      const removed = tx.objectStore('removed');
      const record = await papers.get(id);
      if (!record) throw new LibraryError('not-found', 'This paper is not in your library.');
      // Forget removals too old to undo.
      let old = await removed
        .index('removedAt')
        .openCursor(IDBKeyRange.upperBound(now - this.undoWindowMs));
      while (old) {
        await old.delete();
        old = await old.continue();
      }
      const token = newId('u');
      await papers.delete(id);
      await removed.put({ token, removedAt: now, record });
      return { token, expiresAt: now + this.undoWindowMs, undoable: true };
    });
  }

  /** Brings back a removed paper; merges it if the work was saved again since. */
  async undoRemove(token: string): Promise<UndoResult> {
    return this.write(['papers', 'removed'], async (tx) => {
      const now = this.now();
      const removed = tx.objectStore('removed');
      const papers = tx.objectStore('papers');
      const entry = await removed.get(token);
      if (!entry)
        throw new LibraryError(
          'not-found',
          'Nothing to undo: this removal is unknown or was already undone.',
        );
      if (now - entry.removedAt > this.undoWindowMs) {
        throw new LibraryError('expired', 'Too late to undo: the paper was removed for good.');
      }
      await removed.delete(token);
      const found = await this.matches(papers, entry.record.keys);
      let record = entry.record;
      for (const other of found) record = mergeRecords(record, other, now);
      for (const other of found) if (other.id !== record.id) await papers.delete(other.id);
      await papers.put(record);
      return { record, outcome: found.length ? 'merged' : 'restored' };
    });
  }

  /**
   * For each work, the id of the saved record of the same work, or null. One read transaction: every
   * index lookup is issued at once and shared between works with the same key, so a page's 2,000
   * references cost one round of index reads. Records are read only for the rare works found by a
   * weak key alone (URL, title + author + year), to apply the same veto as on save.
   */
  async findSaved(works: readonly WorkLike[]): Promise<(string | null)[]> {
    if (!works.length) return [];
    return this.read(['papers'], async (tx) => {
      const store = tx.objectStore('papers');
      const pending = new Map<string, Promise<string | undefined>>();
      const perWork = works.map((work) => {
        const keys = workKeys(work);
        const lookups = flatKeys(keys).map(({ key, strong }) => {
          let p = pending.get(key);
          if (!p) {
            const i = key.indexOf(':');
            const index = key.slice(0, i) as
              'doi' | 'arxivId' | 'pmid' | 'pmcid' | 'url' | 'workKey';
            p = store.index(index).getKey(key.slice(i + 1));
            pending.set(key, p);
          }
          return p.then((id) => ({ id, strong }));
        });
        return { keys, lookups: Promise.all(lookups) };
      });
      const hits = await Promise.all(perWork.map((w) => w.lookups));
      // Weak hits of works without a strong one: check them against the records' keys.
      const toCheck = new Set<string>();
      const answers = hits.map((found) => {
        const strong = found.find((f) => f.strong && f.id !== undefined)?.id;
        if (strong) return strong;
        const weak = [...new Set(found.flatMap((f) => (f.id === undefined ? [] : [f.id])))];
        for (const id of weak) toCheck.add(id);
        return weak;
      });
      const records = new Map<string, LibraryRecord | undefined>();
      await Promise.all([...toCheck].map(async (id) => records.set(id, await store.get(id))));
      return answers.map((answer, i) => {
        if (typeof answer === 'string') return answer;
        const keys = perWork[i]!.keys;
        return (
          answer.find((id) => {
            const r = records.get(id);
            return r !== undefined && sameWork(r.keys, keys);
          }) ?? null
        );
      });
    });
  }

  /** Changes the user's data of one paper. Tags are trimmed and made unique; notes are bounded. */
  async updatePaper(id: string, patch: UserDataPatch): Promise<LibraryRecord> {
    if (patch.status !== undefined && !READING_STATUSES.includes(patch.status)) {
      throw new LibraryError('invalid', `Unknown reading status: ${String(patch.status)}`);
    }
    if (patch.notes !== undefined && patch.notes.length > NOTES_LIMIT) {
      throw new LibraryError('invalid', `Notes are limited to ${NOTES_LIMIT} characters.`);
    }
    return this.write(['papers'], async (tx) => {
      const store = tx.objectStore('papers');
      const record = await store.get(id);
      if (!record) throw new LibraryError('not-found', 'This paper is not in your library.');
      const user: UserData = { ...record.user };
      if (patch.status !== undefined) user.status = patch.status;
      if (patch.tags !== undefined) user.tags = normalizeTags(patch.tags);
      if (patch.notes !== undefined) user.notes = patch.notes;
      if (patch.starred !== undefined) user.starred = patch.starred;
      const updated = { ...record, user, updatedAt: this.now() };
      await store.put(updated);
      return updated;
    });
  }

  /** One page of the saved papers. */
  async listPapers(query: ListQuery = {}): Promise<ListResult> {
    const sort = query.sort ?? 'savedAt';
    const order = query.order ?? (sort === 'title' ? 'asc' : 'desc');
    const limit = Math.max(1, Math.min(query.limit ?? 50, 1000));
    const offset = Math.max(0, Number.parseInt(query.cursor ?? '0', 10) || 0);
    const filtered =
      query.tag !== undefined || query.starred !== undefined || !!query.search?.trim();
    return this.read(['papers'], async (tx) => {
      const store = tx.objectStore('papers');
      // The common case (newest first, maybe by status) walks an index and reads one page only.
      if (sort === 'savedAt' && !filtered && !query.status) {
        const total = await store.count();
        const records: LibraryRecord[] = [];
        let cursor = await store
          .index('savedAt')
          .openCursor(null, order === 'desc' ? 'prev' : 'next');
        if (cursor && offset) cursor = await cursor.advance(offset);
        while (cursor && records.length < limit) {
          records.push(cursor.value);
          cursor = await cursor.continue();
        }
        const next = offset + records.length;
        return { records, total, ...(next < total ? { nextCursor: String(next) } : {}) };
      }
      let all = query.status
        ? await store.index('status').getAll(query.status)
        : query.tag !== undefined
          ? await store.index('tags').getAll(query.tag)
          : await store.getAll();
      all = all.filter((r) => matchesQuery(r, query));
      const dir = order === 'asc' ? 1 : -1;
      all.sort((a, b) => dir * compareBy(sort, a, b) || a.id.localeCompare(b.id));
      const records = all.slice(offset, offset + limit);
      const next = offset + records.length;
      return {
        records,
        total: all.length,
        ...(next < all.length ? { nextCursor: String(next) } : {}),
      };
    });
  }

  /**
   * Imports records (a backup, another library): each is deduplicated against the library and the
   * items before it, merged with user data joined. All or nothing: one transaction.
   */
  async importPapers(items: readonly ImportItem[]): Promise<ImportResult> {
    return this.write(['papers'], async (tx) => {
      const { result } = await this.importInto(tx.objectStore('papers'), items, this.now());
      return result;
    });
  }

  /**
   * What `importPapers(items)` would do, item by item, without changing anything: the very same steps
   * run in a transaction that is then aborted, so the preview cannot disagree with the import.
   */
  async previewImport(items: readonly ImportItem[]): Promise<ImportDecision[]> {
    this.ensureOpen();
    let tx: WriteTx<['papers']>;
    try {
      tx = this.db.transaction(['papers'], 'readwrite');
    } catch (e) {
      throw toLibraryError(e);
    }
    tx.done.catch(() => undefined); // aborted on purpose below
    try {
      const { decisions } = await this.importInto(tx.objectStore('papers'), items, this.now());
      return decisions;
    } catch (e) {
      throw toLibraryError(e, tx.error);
    } finally {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
    }
  }

  /** The import itself, inside the caller's transaction. */
  private async importInto(
    store: ReturnType<WriteTx<['papers']>['objectStore']>,
    items: readonly ImportItem[],
    now: number,
  ): Promise<{ result: ImportResult; decisions: ImportDecision[] }> {
    const result: ImportResult = { created: 0, merged: 0, unchanged: 0, ids: [] };
    const decisions: ImportDecision[] = [];
    for (const [index, item] of items.entries()) {
      const title = item.paper.title;
      const incoming = importedRecord(item, now);
      const found = await this.matches(store, incoming.keys);
      if (!found.length) {
        await store.put(incoming);
        result.created++;
        result.ids.push(incoming.id);
        decisions.push({ index, action: 'new', title });
        continue;
      }
      let record = found[0]!;
      for (const other of found.slice(1)) record = mergeRecords(record, other, now);
      const merged = mergeRecords(record, incoming, now);
      // The survivor of a merge keeps the older id; an import never replaces an id in use.
      merged.id = record.id;
      if (found.length === 1 && sameData(withoutTime(merged), withoutTime(found[0]!))) {
        result.unchanged++;
        result.ids.push(found[0]!.id);
        decisions.push({ index, action: 'skip', existingId: found[0]!.id, title });
        continue;
      }
      for (const other of found) if (other.id !== merged.id) await store.delete(other.id);
      await store.put(merged);
      result.merged++;
      result.ids.push(merged.id);
      decisions.push({ index, action: 'merge', existingId: merged.id, title });
    }
    return { result, decisions };
  }

  /** Every record, oldest first. */
  async exportPapers(): Promise<LibraryRecord[]> {
    return this.read(['papers'], (tx) => tx.objectStore('papers').index('savedAt').getAll());
  }

  async getStats(): Promise<LibraryStats> {
    return this.read(['papers'], async (tx) => {
      const store = tx.objectStore('papers');
      const status = store.index('status');
      const [count, ...byStatus] = await Promise.all([
        store.count(),
        ...READING_STATUSES.map((s) => status.count(s)),
      ]);
      const tags = new Map<string, number>();
      let cursor = await store.index('tags').openKeyCursor();
      while (cursor) {
        tags.set(cursor.key, (tags.get(cursor.key) ?? 0) + 1);
        cursor = await cursor.continue();
      }
      return {
        count,
        byStatus: Object.fromEntries(
          READING_STATUSES.map((s, i) => [s, byStatus[i] ?? 0]),
        ) as Record<ReadingStatus, number>,
        tags: [...tags]
          .map(([tag, n]) => ({ tag, count: n }))
          .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
      };
    });
  }
}

function importedRecord(item: ImportItem, now: number): LibraryRecord {
  const paper = normalizePaper(item.paper);
  const savedAt = Number.isFinite(item.savedAt) ? item.savedAt! : now;
  const pageUrls = (item.pageUrls ?? []).filter((u) => canonicalUrlKey(u)).slice(0, PAGE_URL_LIMIT);
  const versions = mergeVersions(item.versions ?? [], versionsOf(paper, savedAt));
  const user = mergeUserData(newUserData(), {
    ...newUserData(),
    ...item.user,
    tags: normalizeTags(item.user?.tags ?? []),
  });
  return {
    id: newId('p'),
    paper,
    versions,
    pageUrls,
    savedAt,
    updatedAt: Number.isFinite(item.updatedAt) ? item.updatedAt! : now,
    user,
    keys: recordKeys({ paper, versions, pageUrls }),
  };
}

function matchesQuery(r: LibraryRecord, q: ListQuery): boolean {
  if (q.status && r.user.status !== q.status) return false;
  if (q.tag !== undefined && !r.user.tags.includes(q.tag)) return false;
  if (q.starred !== undefined && r.user.starred !== q.starred) return false;
  const words = titleKey(q.search)?.split(' ');
  if (words) {
    const hay = titleKey(
      [
        r.paper.title,
        r.paper.venue,
        r.paper.authors
          .map((a) => `${a.given ?? ''} ${a.family ?? ''} ${a.literal ?? ''}`)
          .join(' '),
        r.user.tags.join(' '),
        r.user.notes,
        r.paper.doi,
        r.paper.arxivId,
      ].join(' '),
    );
    if (!hay || !words.every((w) => hay.includes(w))) return false;
  }
  return true;
}

function compareBy(sort: SortKey, a: LibraryRecord, b: LibraryRecord): number {
  switch (sort) {
    case 'title':
      return (titleKey(a.paper.title) ?? '').localeCompare(titleKey(b.paper.title) ?? '');
    case 'year':
      return (a.paper.year ?? 0) - (b.paper.year ?? 0);
    case 'updatedAt':
      return a.updatedAt - b.updatedAt;
    default:
      return a.savedAt - b.savedAt;
  }
}
