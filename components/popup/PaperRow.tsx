import { safeHttpUrl, shortAuthors } from '@/utils/display';
import { READING_STATUSES, type LibraryRecord, type ReadingStatus } from '@/utils/library/schema';
import { Highlight } from './Highlight';
import { STATUS_LABELS } from './view';

export interface RowActions {
  onSelect(id: string, range: boolean): void;
  onStatus(id: string, status: ReadingStatus): void;
  onCopy(id: string): void;
  onEdit(id: string): void;
  onRemove(id: string): void;
}

/** The paper's page: its canonical URL, or the first page it was saved from. */
export function pageUrlOf(r: LibraryRecord): string | undefined {
  return safeHttpUrl(r.paper.url) ?? r.pageUrls.map(safeHttpUrl).find(Boolean);
}

/** One paper in the reading list. Fixed height, so the windowed list never measures. */
export function PaperRow({
  record: r,
  selected,
  terms,
  actions,
  style,
}: {
  record: LibraryRecord;
  selected: boolean;
  terms?: ReadonlySet<string>;
  actions: RowActions;
  style?: string;
}) {
  const href = pageUrlOf(r);
  const pdf = safeHttpUrl(r.paper.pdfUrl);
  const authors = shortAuthors(r.paper.authors);
  const title = r.paper.title || '(untitled)';
  return (
    <li class={selected ? 'row selected' : 'row'} data-testid="paper" data-id={r.id} style={style}>
      <input
        type="checkbox"
        class="pick"
        data-testid="select"
        aria-label={`Select “${title}”`}
        checked={selected}
        onClick={(e) => actions.onSelect(r.id, e.shiftKey)}
      />
      <div class="body">
        {href ? (
          <a class="title" href={href} target="_blank" rel="noopener noreferrer" title={title}>
            <Highlight text={title} terms={terms} />
          </a>
        ) : (
          <span class="title" title={title}>
            <Highlight text={title} terms={terms} />
          </span>
        )}
        <div class="meta">
          {authors && (
            <span class="authors">
              <Highlight text={authors} terms={terms} />
            </span>
          )}
          {r.paper.year !== undefined && <span>{r.paper.year}</span>}
          {r.paper.venue && (
            <span class="venue">
              <Highlight text={r.paper.venue} terms={terms} />
            </span>
          )}
        </div>
        <div class="bottom">
          <div class="chips">
            <select
              class={`status status-${r.user.status}`}
              data-testid="row-status"
              aria-label={`Reading status of “${title}”`}
              value={r.user.status}
              onChange={(e) => actions.onStatus(r.id, e.currentTarget.value as ReadingStatus)}
            >
              {READING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            {r.user.tags.map((t) => (
              <span class="tag" key={t} data-testid="tag">
                <Highlight text={t} terms={terms} />
              </span>
            ))}
            {r.user.notes && (
              <span class="has-notes" title="Has notes">
                ✎ notes
              </span>
            )}
          </div>
          <div class="actions">
            {pdf && (
              <a
                class="icon"
                href={pdf}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="open-pdf"
                aria-label={`Open the PDF of “${title}”`}
                title="Open PDF"
              >
                PDF
              </a>
            )}
            <button
              type="button"
              class="icon"
              data-testid="copy-citation"
              aria-label={`Copy the BibTeX citation of “${title}”`}
              title="Copy BibTeX"
              onClick={() => actions.onCopy(r.id)}
            >
              Cite
            </button>
            <button
              type="button"
              class="icon"
              data-testid="edit"
              aria-label={`Edit tags and notes of “${title}”`}
              title="Tags and notes"
              onClick={() => actions.onEdit(r.id)}
            >
              Edit
            </button>
            <button
              type="button"
              class="icon danger"
              data-testid="remove"
              aria-label={`Remove “${title}”`}
              title="Remove"
              onClick={() => actions.onRemove(r.id)}
            >
              ✕
            </button>
          </div>
        </div>
      </div>
    </li>
  );
}
