import { useEffect, useState } from 'preact/hooks';
import { formatInfo } from '@/utils/formats/registry';
import type { FormatId } from '@/utils/formats/types';
import * as api from './api';
import { serializeRecords, type ExportFile } from './exporting';

/** Export the whole library or the selection, in any format: download a dated file or copy it. */
export function ExportPanel({
  selected,
  onBack,
}: {
  selected: ReadonlySet<string>;
  onBack(): void;
}) {
  const [format, setFormat] = useState<FormatId | null>(null);
  const [scope, setScope] = useState<'all' | 'selection'>(selected.size ? 'selection' : 'all');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    api
      .readDefaultExportFormat()
      .then((f) => setFormat((current) => current ?? f))
      .catch(() => setFormat((current) => current ?? 'bibtex'));
  }, []);

  const build = async (): Promise<ExportFile | undefined> => {
    const [{ records }, keyPattern] = await Promise.all([
      api.exportPapers(),
      api.readKeyPattern().catch(() => undefined),
    ]);
    const chosen = scope === 'selection' ? records.filter((r) => selected.has(r.id)) : records;
    if (!chosen.length) {
      setMessage({ text: 'There is nothing to export yet.', error: true });
      return undefined;
    }
    return serializeRecords(chosen, format ?? 'bibtex', { keyPattern });
  };

  const run = async (how: 'download' | 'copy') => {
    setBusy(true);
    setMessage(null);
    try {
      const file = await build();
      if (!file) return;
      const what = file.count === 1 ? '1 paper' : `${file.count} papers`;
      if (how === 'download') {
        api.downloadText(file.text, file.fileName, file.mimeType);
        setMessage({ text: `Exported ${what} to ${file.fileName}.` });
      } else if (await api.copyText(file.text)) {
        setMessage({ text: `Copied ${what} to the clipboard.` });
      } else {
        setMessage({ text: 'The browser did not allow copying to the clipboard.', error: true });
      }
    } catch (e) {
      setMessage({ text: `Export failed: ${api.errorMessage(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="export-heading" data-testid="export-panel">
      <h2 id="export-heading">Export</h2>
      <fieldset>
        <legend>Papers</legend>
        <label>
          <input
            type="radio"
            name="scope"
            data-testid="export-scope-all"
            checked={scope === 'all'}
            onChange={() => setScope('all')}
          />{' '}
          The whole library
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            data-testid="export-scope-selection"
            checked={scope === 'selection'}
            disabled={!selected.size}
            onChange={() => setScope('selection')}
          />{' '}
          The {selected.size === 1 ? 'selected paper' : `${selected.size} selected papers`}
        </label>
      </fieldset>
      <label>
        Format{' '}
        <select
          data-testid="export-format"
          value={format ?? 'bibtex'}
          onChange={(e) => setFormat(e.currentTarget.value as FormatId)}
        >
          {formatInfo.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <div class="buttons">
        <button
          type="button"
          class="primary"
          data-testid="export-download"
          disabled={busy || !format}
          onClick={() => void run('download')}
        >
          Download file
        </button>
        <button
          type="button"
          data-testid="export-copy"
          disabled={busy || !format}
          onClick={() => void run('copy')}
        >
          Copy to clipboard
        </button>
        <button type="button" onClick={onBack}>
          Back
        </button>
      </div>
      <p
        role={message?.error ? 'alert' : 'status'}
        class={message?.error ? 'error' : 'note'}
        data-testid="export-status"
      >
        {busy ? 'Preparing the export…' : (message?.text ?? '')}
      </p>
    </section>
  );
}
