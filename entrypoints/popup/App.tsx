import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import * as api from '@/components/popup/api';
import { BulkBar } from '@/components/popup/BulkBar';
import { ExportPanel } from '@/components/popup/ExportPanel';
import { ImportPanel } from '@/components/popup/ImportPanel';
import { PaperDetail } from '@/components/popup/PaperDetail';
import { PaperList } from '@/components/popup/PaperList';
import type { RowActions } from '@/components/popup/PaperRow';
import {
  coverage,
  emptySelection,
  prune,
  toggle,
  toggleAll,
  toggleRange,
  type Selection,
} from '@/components/popup/selection';
import { useLibrary } from '@/components/popup/useLibrary';
import {
  allTags,
  computeView,
  SORTS,
  STATUS_LABELS,
  type SortId,
  type ViewQuery,
} from '@/components/popup/view';
import { READING_STATUSES, type ReadingStatus } from '@/utils/library/schema';

/** `value`, `ms` after it last changed (at once when `ms` is 0 or the value is emptied). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (!ms || !value) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return ms && value ? settled : value;
}

type Screen =
  { name: 'list' } | { name: 'export' } | { name: 'import' } | { name: 'detail'; id: string };

interface Toast {
  text: string;
  error?: boolean;
  /** Undo tokens of the papers just removed. */
  undo?: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The toolbar popup: the reading list with search, filters, per-paper and bulk actions, export and import. */
export function App() {
  const lib = useLibrary();
  const { state } = lib;
  const [query, setQuery] = useState<ViewQuery>({
    search: '',
    status: '',
    tag: '',
    sort: 'relevance',
  });
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [screen, setScreen] = useState<Screen>({ name: 'list' });
  const [toast, setToast] = useState<Toast | null>(null);
  const [busy, setBusy] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);

  // Searching 10,000 papers takes a tenth of a second or more here: a large library is searched once
  // the user pauses typing, a small one on every keystroke.
  const search = useDebounced(query.search, state.records.size > 2000 ? 150 : 0);
  const view = useMemo(
    () => computeView(state.records, state.index, { ...query, search }),
    // `version` changes whenever the records or the index do.
    [state.version, query.status, query.tag, query.sort, search],
  );
  const tags = useMemo(() => allTags(state.records), [state.version]);

  useEffect(() => {
    setSelection((s) => prune(s, (id) => state.records.has(id)));
  }, [state.version]);

  // "/" jumps to the search box; Escape leaves a panel or clears the search.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if (e.key === '/' && !typing && screen.name === 'list') {
        e.preventDefault();
        searchBox.current?.focus();
      } else if (e.key === 'Escape' && screen.name !== 'list') {
        e.preventDefault();
        setScreen({ name: 'list' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [screen.name]);

  const say = (t: Toast) => setToast(t);
  const fail = (what: string, e: unknown) =>
    say({ text: `${what}: ${api.errorMessage(e)}`, error: true });

  const removeIds = async (ids: readonly string[]) => {
    setBusy(true);
    try {
      const { removed, tokens } = await lib.remove(ids);
      say({
        text:
          `Removed ${plural(removed, 'paper')}.` +
          (tokens.length < removed ? ' The disk is full: this cannot be undone.' : ''),
        undo: tokens.length ? tokens : undefined,
      });
    } catch (e) {
      fail('Could not remove', e);
    } finally {
      setBusy(false);
    }
  };

  const updateMany = async (
    ids: readonly string[],
    patchOf: (id: string) => Parameters<typeof lib.update>[1],
    done: string,
  ) => {
    setBusy(true);
    try {
      for (const id of ids) await lib.update(id, patchOf(id));
      say({ text: done });
    } catch (e) {
      fail('Could not update', e);
    } finally {
      setBusy(false);
    }
  };

  const actions: RowActions = {
    onSelect: (id, range) =>
      setSelection((s) => (range ? toggleRange(s, id, view.ids) : toggle(s, id))),
    onStatus: (id, status) =>
      void lib
        .update(id, { status })
        .then(() => say({ text: `Marked as “${STATUS_LABELS[status]}”.` }))
        .catch((e: unknown) => fail('Could not change the status', e)),
    onCopy: (id) => {
      const record = state.records.get(id);
      if (!record) return;
      void (async () => {
        try {
          const [{ bibtexOf }, pattern] = await Promise.all([
            import('@/components/popup/exporting'),
            api.readKeyPattern().catch(() => undefined),
          ]);
          const ok = await api.copyText(await bibtexOf(record, pattern));
          say(
            ok
              ? { text: 'BibTeX citation copied.' }
              : { text: 'The browser did not allow copying to the clipboard.', error: true },
          );
        } catch (e) {
          fail('Could not copy the citation', e);
        }
      })();
    },
    onEdit: (id) => setScreen({ name: 'detail', id }),
    onRemove: (id) => void removeIds([id]),
  };

  const undo = async (tokens: string[]) => {
    setToast(null);
    try {
      await lib.undo(tokens);
      say({ text: `Restored ${plural(tokens.length, 'paper')}.` });
    } catch (e) {
      fail('Could not undo', e);
    }
  };

  const saveTabs = async () => {
    setBusy(true);
    say({ text: 'Saving the paper tabs of this window…' });
    try {
      const r = await api.saveTabs();
      const parts = [
        `${plural(r.saved, 'paper')} saved`,
        r.merged && `${r.merged} merged with papers you had`,
        r.notPapers && `${plural(r.notPapers, 'tab')} not a paper`,
        r.failed && `${r.failed} failed`,
      ].filter(Boolean);
      say({ text: `${parts.join(', ')}.`, error: r.failed > 0 });
      if (r.saved || r.merged) void lib.reload();
    } catch (e) {
      fail('Could not save the tabs', e);
    } finally {
      setBusy(false);
    }
  };

  const selectedShown = coverage(selection, view.ids);
  const selectedIds = [...selection.ids];
  const loadingMore = !state.loading && !state.complete && !state.error;
  const filtered = !!(query.search.trim() || query.status || query.tag);
  const detail = screen.name === 'detail' ? state.records.get(screen.id) : undefined;

  return (
    <main class="popup" aria-labelledby="popup-title">
      <header>
        <h1 id="popup-title">Papershelf</h1>
        {!state.loading && !state.error && (
          <span class="count" data-testid="count">
            {plural(state.total, 'paper')}
          </span>
        )}
        <nav class="tools" aria-label="Library">
          <button
            type="button"
            data-testid="save-tabs"
            disabled={busy}
            onClick={() => void saveTabs()}
            title="Save every paper open in this window's tabs"
          >
            Save all paper tabs
          </button>
          <button
            type="button"
            data-testid="open-export"
            onClick={() => setScreen({ name: 'export' })}
          >
            Export
          </button>
          <button
            type="button"
            data-testid="open-import"
            onClick={() => setScreen({ name: 'import' })}
          >
            Import
          </button>
          <button
            type="button"
            data-testid="open-options"
            onClick={api.openOptionsPage}
            aria-label="Settings"
            title="Settings"
          >
            ⚙
          </button>
        </nav>
      </header>

      {toast && (
        <div
          class={toast.error ? 'toast error' : 'toast'}
          role={toast.error ? 'alert' : 'status'}
          data-testid="toast"
        >
          <span>{toast.text}</span>
          {toast.undo && (
            <button type="button" data-testid="undo" onClick={() => void undo(toast.undo!)}>
              Undo
            </button>
          )}
          <button type="button" class="icon" aria-label="Dismiss" onClick={() => setToast(null)}>
            ✕
          </button>
        </div>
      )}

      {screen.name === 'export' && (
        <ExportPanel selected={selection.ids} onBack={() => setScreen({ name: 'list' })} />
      )}
      {screen.name === 'import' && (
        <ImportPanel
          onImported={() => void lib.reload()}
          onBack={() => setScreen({ name: 'list' })}
        />
      )}
      {screen.name === 'detail' && detail && (
        <PaperDetail
          key={detail.id}
          record={detail}
          onBack={() => setScreen({ name: 'list' })}
          onSave={async (patch) => {
            await lib.update(detail.id, patch);
            say({ text: 'Saved.' });
            setScreen({ name: 'list' });
          }}
        />
      )}

      {(screen.name === 'list' || (screen.name === 'detail' && !detail)) && (
        <>
          <div class="filters" role="search">
            <input
              ref={searchBox}
              type="search"
              data-testid="search"
              aria-label="Search title, authors, abstract, key terms, venue, tags and notes"
              placeholder="Search your papers (press /)"
              value={query.search}
              maxLength={500}
              onInput={(e) => setQuery({ ...query, search: e.currentTarget.value })}
            />
            <select
              data-testid="status-filter"
              aria-label="Filter by status"
              value={query.status}
              onChange={(e) =>
                setQuery({ ...query, status: e.currentTarget.value as ReadingStatus | '' })
              }
            >
              <option value="">Any status</option>
              {READING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            <select
              data-testid="tag-filter"
              aria-label="Filter by tag"
              value={query.tag}
              onChange={(e) => setQuery({ ...query, tag: e.currentTarget.value })}
            >
              <option value="">Any tag</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            <select
              data-testid="sort"
              aria-label="Sort by"
              value={query.sort}
              onChange={(e) => setQuery({ ...query, sort: e.currentTarget.value as SortId })}
            >
              {SORTS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.id === 'relevance' && !query.search.trim() ? 'Newest first' : s.label}
                </option>
              ))}
            </select>
          </div>

          {selection.ids.size > 0 ? (
            <BulkBar
              count={selection.ids.size}
              busy={busy}
              onStatus={(status) =>
                void updateMany(
                  selectedIds,
                  () => ({ status }),
                  `Marked ${plural(selectedIds.length, 'paper')} as “${STATUS_LABELS[status]}”.`,
                )
              }
              onTag={(add) =>
                void updateMany(
                  selectedIds,
                  (id) => ({
                    tags: [...new Set([...(state.records.get(id)?.user.tags ?? []), ...add])],
                  }),
                  `Tagged ${plural(selectedIds.length, 'paper')}.`,
                )
              }
              onExport={() => setScreen({ name: 'export' })}
              onRemove={() => void removeIds(selectedIds)}
              onClear={() => setSelection(emptySelection)}
            />
          ) : null}

          {state.loading && (
            <p role="status" class="note">
              Loading your library…
            </p>
          )}
          {state.error && (
            <p role="alert" class="error" data-testid="error">
              Could not read the library: {state.error}{' '}
              <button type="button" onClick={() => void lib.reload()}>
                Try again
              </button>
            </p>
          )}
          {!state.loading && !state.error && state.total === 0 && (
            <div class="empty" data-testid="empty">
              <p>
                <strong>Your reading list is empty.</strong>
              </p>
              <p>
                Open a paper page (arXiv, PubMed, a journal article…) and press{' '}
                <strong>Save</strong> in the Papershelf panel, or save every paper open in this
                window with <strong>Save all paper tabs</strong>.
              </p>
              <p>
                Coming from another reference manager?{' '}
                <button type="button" class="link" onClick={() => setScreen({ name: 'import' })}>
                  Import a BibTeX, RIS or CSL-JSON file
                </button>
                .
              </p>
            </div>
          )}
          {!state.loading && state.total > 0 && (
            <>
              <div class="listhead">
                <label>
                  <input
                    type="checkbox"
                    data-testid="select-all"
                    checked={selectedShown === 'all'}
                    indeterminate={selectedShown === 'some'}
                    disabled={!view.ids.length}
                    onChange={() => setSelection((s) => toggleAll(s, view.ids))}
                  />{' '}
                  {filtered ? `${plural(view.ids.length, 'match', 'matches')}` : 'Select all'}
                </label>
                {loadingMore && (
                  <span class="note" role="status" data-testid="loading-more">
                    Loading {state.records.size.toLocaleString()} of {state.total.toLocaleString()}…
                  </span>
                )}
              </div>
              {view.ids.length ? (
                <PaperList
                  ids={view.ids}
                  records={state.records}
                  selected={selection.ids}
                  terms={view.terms}
                  actions={actions}
                />
              ) : (
                <p class="empty" data-testid="no-match">
                  No paper matches
                  {query.search.trim() ? ` “${query.search.trim()}”` : ''}
                  {query.status ? ` with status “${STATUS_LABELS[query.status]}”` : ''}
                  {query.tag ? ` tagged “${query.tag}”` : ''}.{' '}
                  <button
                    type="button"
                    class="link"
                    onClick={() => setQuery({ ...query, search: '', status: '', tag: '' })}
                  >
                    Clear the search and filters
                  </button>
                </p>
              )}
            </>
          )}
        </>
      )}
    </main>
  );
}
