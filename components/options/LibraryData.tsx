import { useEffect, useState } from 'preact/hooks';
import * as api from '@/components/popup/api';
import { ImportPanel } from '@/components/popup/ImportPanel';

/**
 * The library's data on the options page: back up (the JSON backup, everything kept), restore (a
 * backup, with the preview before anything changes) and clear (after an explicit confirmation).
 */

/** Every record id, page by page. */
async function allIds(): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listPapers({
      sort: 'savedAt',
      limit: 1000,
      ...(cursor ? { cursor } : {}),
    });
    ids.push(...page.records.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

export function LibraryData() {
  const [count, setCount] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    api
      .getStats()
      .then((s) => setCount(s.count))
      .catch((e: unknown) =>
        setMessage({ text: `Could not read the library: ${api.errorMessage(e)}`, error: true }),
      );
  useEffect(() => {
    void refresh();
  }, []);

  const backup = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const [{ records }, { serializeRecords }] = await Promise.all([
        api.exportPapers(),
        import('@/components/popup/exporting'),
      ]);
      const file = await serializeRecords(records, 'json');
      api.downloadText(file.text, file.fileName, file.mimeType);
      setMessage({
        text: `Backed up ${file.count === 1 ? '1 paper' : `${file.count} papers`} to ${file.fileName}.`,
      });
    } catch (e) {
      setMessage({ text: `The backup failed: ${api.errorMessage(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setBusy(true);
    setConfirming(false);
    let removed = 0;
    try {
      for (const id of await allIds()) {
        await api.removePaper(id);
        removed++;
      }
      setMessage({
        text: `Removed ${removed === 1 ? '1 paper' : `${removed} papers`}. The library is empty.`,
      });
    } catch (e) {
      setMessage({
        text: `Clearing stopped after ${removed} papers: ${api.errorMessage(e)}`,
        error: true,
      });
    } finally {
      setBusy(false);
      void refresh();
    }
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Your library</h2>
      <p data-testid="library-count">
        {count === null ? 'Counting…' : count === 1 ? '1 paper saved.' : `${count} papers saved.`}{' '}
        Everything stays on this computer.
      </p>
      <h3>Back up</h3>
      <p class="muted">
        A JSON file with every paper, your statuses, tags and notes, and where each field came from.
      </p>
      <button type="button" data-testid="backup" disabled={busy} onClick={() => void backup()}>
        Download a backup
      </button>
      <ImportPanel
        only={['json']}
        heading="Restore a backup"
        onImported={(r) => {
          setMessage({
            text: `Restored: ${r.created} new, ${r.merged} merged, ${r.unchanged} unchanged.`,
          });
          void refresh();
        }}
      />
      <h3>Clear</h3>
      {!confirming ? (
        <button
          type="button"
          class="danger"
          data-testid="clear-library"
          disabled={busy || !count}
          onClick={() => setConfirming(true)}
        >
          Remove every paper…
        </button>
      ) : (
        <div
          role="alertdialog"
          aria-labelledby="clear-q"
          class="confirm"
          data-testid="clear-confirm"
        >
          <p id="clear-q">
            <strong>
              Remove {count === 1 ? 'the 1 paper' : `all ${count} papers`}, with statuses, tags and
              notes?
            </strong>{' '}
            Download a backup first if you may want them back.
          </p>
          <button type="button" class="danger" data-testid="clear-yes" onClick={() => void clear()}>
            Yes, remove {count === 1 ? '1 paper' : `all ${count} papers`}
          </button>{' '}
          <button
            type="button"
            data-testid="clear-no"
            ref={(el) => el?.focus()}
            onClick={() => setConfirming(false)}
          >
            Cancel
          </button>
        </div>
      )}
      {busy && <p role="status">Working…</p>}
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          class={message.error ? 'error' : ''}
          data-testid="data-status"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
