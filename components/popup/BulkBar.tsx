import { useState } from 'preact/hooks';
import { READING_STATUSES, type ReadingStatus } from '@/utils/library/schema';
import { parseTags, STATUS_LABELS } from './view';

/** Actions on every selected paper at once. */
export function BulkBar({
  count,
  busy,
  onStatus,
  onTag,
  onExport,
  onRemove,
  onClear,
}: {
  count: number;
  busy: boolean;
  onStatus(status: ReadingStatus): void;
  onTag(tags: string[]): void;
  onExport(): void;
  onRemove(): void;
  onClear(): void;
}) {
  const [tag, setTag] = useState('');
  return (
    <div class="bulk" role="group" aria-label="Selected papers" data-testid="bulk">
      <strong data-testid="selected-count">{count} selected</strong>
      <select
        data-testid="bulk-status"
        aria-label="Set the status of the selected papers"
        value=""
        disabled={busy}
        onChange={(e) => {
          const s = e.currentTarget.value as ReadingStatus | '';
          if (s) onStatus(s);
          e.currentTarget.value = '';
        }}
      >
        <option value="">Status…</option>
        {READING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          const tags = parseTags(tag);
          if (tags.length) onTag(tags);
          setTag('');
        }}
      >
        <input
          type="text"
          data-testid="bulk-tag"
          aria-label="Tag to add to the selected papers"
          placeholder="Add tag"
          size={8}
          maxLength={100}
          value={tag}
          disabled={busy}
          onInput={(e) => setTag(e.currentTarget.value)}
        />
        <button type="submit" data-testid="bulk-tag-add" disabled={busy || !tag.trim()}>
          Tag
        </button>
      </form>
      <button type="button" data-testid="bulk-export" disabled={busy} onClick={onExport}>
        Export
      </button>
      <button
        type="button"
        class="danger"
        data-testid="bulk-remove"
        disabled={busy}
        onClick={onRemove}
      >
        Remove
      </button>
      <button type="button" data-testid="bulk-clear" onClick={onClear}>
        Clear
      </button>
    </div>
  );
}
