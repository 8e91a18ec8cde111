import { useState } from 'preact/hooks';
import type { ImportResult } from '@/utils/library/library';
import * as api from './api';
import {
  buildPreview,
  describeCounts,
  ImportError,
  readImportFile,
  type Importable,
  type ParsedFile,
  type Preview,
  type PreviewRow,
} from './importing';

type Phase =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'preview'; file: ParsedFile; preview: Preview }
  | { step: 'applying'; file: ParsedFile; preview: Preview }
  | { step: 'done'; result: ImportResult }
  | { step: 'error'; message: string };

/** How many rows of each group the preview lists; the counts cover them all. */
export const PREVIEW_ROWS = 100;

const GROUPS: { action: PreviewRow['action']; label: string }[] = [
  { action: 'new', label: 'New papers' },
  { action: 'merge', label: 'Merged with a paper you have' },
  { action: 'skip', label: 'Already saved (skipped)' },
  { action: 'invalid', label: 'Invalid (not imported)' },
];

/**
 * Import: pick a file, see what will happen (new, merged, skipped, invalid with the reason) before
 * anything changes, then apply it in one `importPapers` call. Used by the popup and, for restoring a
 * backup, by the options page.
 */
export function ImportPanel({
  only,
  heading = 'Import',
  onImported,
  onBack,
}: {
  only?: readonly Importable[];
  heading?: string;
  onImported?(result: ImportResult): void;
  onBack?(): void;
}) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const accept = (only ?? ['json', 'bibtex', 'ris', 'csl-json'])
    .map((f) => (f === 'bibtex' ? '.bib,.bibtex' : f === 'csl-json' ? '.json' : `.${f}`))
    .concat('.txt', 'application/json')
    .join(',');

  const pick = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    setPhase({ step: 'reading', fileName: chosen.name });
    try {
      const file = await readImportFile(chosen, only);
      const decisions = file.items.length ? await api.previewImport(file.items) : [];
      setPhase({ step: 'preview', file, preview: buildPreview(decisions, file.invalid) });
    } catch (e) {
      setPhase({
        step: 'error',
        message:
          e instanceof ImportError
            ? e.message
            : `Could not read the file: ${api.errorMessage(e)} Nothing was changed.`,
      });
    }
  };

  const apply = async (file: ParsedFile, preview: Preview) => {
    setPhase({ step: 'applying', file, preview });
    try {
      const result = await api.importPapers(file.items);
      setPhase({ step: 'done', result });
      onImported?.(result);
    } catch (e) {
      setPhase({
        step: 'error',
        message: `The import failed and nothing was changed: ${api.errorMessage(e)}`,
      });
    }
  };

  const busy = phase.step === 'reading' || phase.step === 'applying';
  return (
    <section class="panel" aria-labelledby="import-heading" data-testid="import-panel">
      <h2 id="import-heading">{heading}</h2>
      <label class="file">
        {only?.length === 1 && only[0] === 'json'
          ? 'Choose a Papershelf backup (.json)'
          : 'Choose a file: Papershelf backup (JSON), BibTeX, RIS or CSL-JSON'}
        <input
          type="file"
          data-testid="import-file"
          accept={accept}
          disabled={busy}
          onChange={(e) => void pick(e.currentTarget)}
        />
      </label>
      {phase.step === 'reading' && <p role="status">Reading {phase.fileName}…</p>}
      {phase.step === 'error' && (
        <p role="alert" class="error" data-testid="import-error">
          {phase.message}
        </p>
      )}
      {phase.step === 'done' && (
        <p role="status" class="note" data-testid="import-result">
          Imported: {phase.result.created} new, {phase.result.merged} merged,{' '}
          {phase.result.unchanged} unchanged.
        </p>
      )}
      {(phase.step === 'preview' || phase.step === 'applying') && (
        <ImportPreview
          file={phase.file}
          preview={phase.preview}
          applying={phase.step === 'applying'}
          onApply={() => void apply(phase.file, phase.preview)}
          onCancel={() => setPhase({ step: 'idle' })}
        />
      )}
      {onBack && (
        <div class="buttons">
          <button type="button" onClick={onBack} disabled={phase.step === 'applying'}>
            Back
          </button>
        </div>
      )}
    </section>
  );
}

export function ImportPreview({
  file,
  preview,
  applying,
  onApply,
  onCancel,
}: {
  file: Pick<ParsedFile, 'fileName' | 'items'>;
  preview: Preview;
  applying: boolean;
  onApply(): void;
  onCancel(): void;
}) {
  const changes = preview.counts.new + preview.counts.merge;
  return (
    <div class="preview" data-testid="import-preview">
      <p data-testid="import-summary">
        <strong>{file.fileName}</strong>: {describeCounts(preview.counts)}.
      </p>
      {GROUPS.map(({ action, label }) => {
        const rows = preview.rows.filter((r) => r.action === action);
        if (!rows.length) return null;
        return (
          <details
            key={action}
            open={action === 'invalid' || rows.length <= 10}
            data-testid={`import-group-${action}`}
          >
            <summary>
              {label} ({rows.length})
            </summary>
            <ul>
              {rows.slice(0, PREVIEW_ROWS).map((r, i) => (
                <li key={i} data-testid="import-row" data-action={r.action}>
                  <span class="entry">{r.title}</span>
                  {r.reason && <span class="reason"> — {r.reason}</span>}
                </li>
              ))}
              {rows.length > PREVIEW_ROWS && <li>…and {rows.length - PREVIEW_ROWS} more</li>}
            </ul>
          </details>
        );
      })}
      <p class="note">Nothing has changed yet.</p>
      <div class="buttons">
        <button
          type="button"
          class="primary"
          data-testid="import-apply"
          disabled={applying || !file.items.length}
          onClick={onApply}
        >
          {applying
            ? 'Importing…'
            : changes
              ? `Import ${changes === 1 ? '1 paper' : `${changes} papers`}`
              : 'Import'}
        </button>
        <button type="button" data-testid="import-cancel" disabled={applying} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
