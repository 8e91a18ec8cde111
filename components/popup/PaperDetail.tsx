import { useState } from 'preact/hooks';
import { authorName, safeHttpUrl } from '@/utils/display';
import { READING_STATUSES, type LibraryRecord, type UserData } from '@/utils/library/schema';
import { pageUrlOf } from './PaperRow';
import { parseTags, STATUS_LABELS } from './view';

/** One paper's own data: status, tags and notes, with its links. */
export function PaperDetail({
  record: r,
  onSave,
  onBack,
}: {
  record: LibraryRecord;
  onSave(patch: Partial<UserData>): Promise<void>;
  onBack(): void;
}) {
  const [status, setStatus] = useState(r.user.status);
  const [tags, setTags] = useState(r.user.tags.join(', '));
  const [notes, setNotes] = useState(r.user.notes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const href = pageUrlOf(r);
  const pdf = safeHttpUrl(r.paper.pdfUrl);
  const doi = r.paper.doi ? `https://doi.org/${r.paper.doi}` : undefined;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await onSave({ status, tags: parseTags(tags), notes });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <form class="detail" data-testid="detail" onSubmit={submit} aria-labelledby="detail-title">
      <h2 id="detail-title">{r.paper.title || '(untitled)'}</h2>
      <p class="meta">
        {[r.paper.authors.map(authorName).join(', '), r.paper.year, r.paper.venue]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p class="links">
        {href && (
          <a href={href} target="_blank" rel="noopener noreferrer">
            Open page
          </a>
        )}
        {pdf && (
          <a href={pdf} target="_blank" rel="noopener noreferrer">
            Open PDF
          </a>
        )}
        {doi && safeHttpUrl(doi) && (
          <a href={safeHttpUrl(doi)} target="_blank" rel="noopener noreferrer">
            DOI
          </a>
        )}
      </p>
      <label>
        Status
        <select
          data-testid="detail-status"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as UserData['status'])}
        >
          {READING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tags <span class="hint">(separated by commas)</span>
        <input
          type="text"
          data-testid="detail-tags"
          value={tags}
          maxLength={5000}
          onInput={(e) => setTags(e.currentTarget.value)}
        />
      </label>
      <label>
        Notes
        <textarea
          data-testid="detail-notes"
          rows={6}
          value={notes}
          maxLength={100_000}
          onInput={(e) => setNotes(e.currentTarget.value)}
        />
      </label>
      {error && (
        <p role="alert" class="error">
          Could not save: {error}
        </p>
      )}
      <div class="buttons">
        <button type="submit" class="primary" data-testid="detail-save" disabled={busy}>
          Save
        </button>
        <button type="button" data-testid="detail-back" onClick={onBack}>
          Back to the list
        </button>
      </div>
    </form>
  );
}
