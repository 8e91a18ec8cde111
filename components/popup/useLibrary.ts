import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryRecord, UserData } from '@/utils/library/schema';
import * as api from './api';
import { createIndex, indexRecords, unindex, type PaperIndex } from './search';

/**
 * The library as the popup holds it: the first page straight away (the first screen never waits for
 * the whole library), then the rest in pages of 1,000 for the search index, yielding between pages so
 * typing stays smooth. Records are kept without their reference and citation lists, which the list
 * never shows (exports read full records from the background).
 */

export const FIRST_PAGE = 50;
export const PAGE = 1000;
/** Records indexed between two yields to the event loop: each step stays well under a frame budget. */
export const INDEX_STEP = 100;

export interface LibraryState {
  records: ReadonlyMap<string, LibraryRecord>;
  index: PaperIndex;
  /** How many papers the library holds. */
  total: number;
  /** True once every page is loaded and indexed. */
  complete: boolean;
  /** True until the first page arrived. */
  loading: boolean;
  error?: string;
  /** Bumped on every change, for memos. */
  version: number;
}

function slim(r: LibraryRecord): LibraryRecord {
  if (!r.paper.references.length && !r.paper.citations.length) return r;
  return { ...r, paper: { ...r.paper, references: [], citations: [] } };
}

/** Yields to the event loop (a message, not a timer: nested timers are clamped to 4 ms). */
function pause(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function useLibrary() {
  const records = useRef(new Map<string, LibraryRecord>());
  const index = useRef<PaperIndex>(createIndex());
  const [meta, setMeta] = useState({
    total: 0,
    complete: false,
    loading: true,
    error: undefined as string | undefined,
    version: 0,
  });
  const generation = useRef(0);
  /** Ids the user changed (edited, removed, restored) since this load began: pages still arriving hold older copies. */
  const touched = useRef(new Set<string>());

  const bump = useCallback(
    (over: Partial<typeof meta> = {}) =>
      setMeta((m) => ({ ...m, ...over, version: m.version + 1 })),
    [],
  );

  /** Keeps and indexes records at once: for the few a user action brings back. */
  const put = useCallback((list: readonly LibraryRecord[]) => {
    const slimmed = list.map(slim);
    for (const r of slimmed) {
      records.current.set(r.id, r);
      touched.current.add(r.id);
    }
    indexRecords(index.current, slimmed);
  }, []);

  /**
   * Keeps a page of records at once (the list shows them) and indexes them in small steps, so that
   * typing and scrolling stay smooth while a large library is indexed. False when a newer load began.
   */
  const putPage = useCallback(async (list: readonly LibraryRecord[], gen: number) => {
    const slimmed = list.filter((r) => !touched.current.has(r.id)).map(slim);
    for (const r of slimmed) records.current.set(r.id, r);
    for (let i = 0; i < slimmed.length; i += INDEX_STEP) {
      if (gen !== generation.current) return false;
      // A record changed meanwhile (edited, removed) must not be indexed from this older copy.
      const step = slimmed.slice(i, i + INDEX_STEP).filter((r) => records.current.get(r.id) === r);
      indexRecords(index.current, step);
      await pause();
    }
    return gen === generation.current;
  }, []);

  const load = useCallback(async () => {
    const gen = ++generation.current;
    records.current = new Map();
    index.current = createIndex();
    touched.current = new Set();
    bump({ loading: true, complete: false, error: undefined });
    try {
      let page = await api.listPapers({ sort: 'savedAt', limit: FIRST_PAGE });
      if (gen !== generation.current) return;
      const first = putPage(page.records, gen);
      bump({ loading: false, total: page.total });
      if (!(await first)) return;
      bump({ complete: !page.nextCursor });
      while (page.nextCursor) {
        page = await api.listPapers({ sort: 'savedAt', limit: PAGE, cursor: page.nextCursor });
        if (gen !== generation.current) return;
        if (!(await putPage(page.records, gen))) return;
        bump({ total: Math.max(page.total, records.current.size), complete: !page.nextCursor });
      }
    } catch (e) {
      if (gen === generation.current) bump({ loading: false, error: api.errorMessage(e) });
    }
  }, [bump, putPage]);

  useEffect(() => {
    void load();
    return () => {
      generation.current++;
    };
  }, [load]);

  const update = useCallback(
    async (id: string, patch: Partial<UserData>) => {
      const record = await api.updatePaper(id, patch);
      put([record]);
      bump();
      return record;
    },
    [bump, put],
  );

  /**
   * Removes papers one by one; returns how many went and the undo tokens (fewer than removed when
   * the disk was too full to keep a copy).
   */
  const remove = useCallback(async (ids: readonly string[]) => {
    const tokens: string[] = [];
    let removed = 0;
    try {
      for (const id of ids) {
        const token = await api.removePaper(id);
        if (token) tokens.push(token);
        removed++;
        touched.current.add(id);
        records.current.delete(id);
        unindex(index.current, id);
      }
    } finally {
      setMeta((m) => ({ ...m, total: Math.max(0, m.total - removed), version: m.version + 1 }));
    }
    return { removed, tokens };
  }, []);

  const undo = useCallback(
    async (tokens: readonly string[]) => {
      let restored = 0;
      try {
        for (const token of tokens) {
          const record = await api.undoRemove(token);
          // The work may have been saved again meanwhile and merged into another record.
          if (!records.current.has(record.id)) restored++;
          put([record]);
        }
      } finally {
        setMeta((m) => ({ ...m, total: m.total + restored, version: m.version + 1 }));
      }
    },
    [put],
  );

  const state: LibraryState = {
    records: records.current,
    index: index.current,
    ...meta,
  };
  return { state, reload: load, update, remove, undo };
}
