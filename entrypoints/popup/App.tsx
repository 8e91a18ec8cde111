import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messages';
import { shortAuthors, safeHttpUrl } from '@/utils/display';
import type { LibraryRecord } from '@/utils/library/schema';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; records: LibraryRecord[]; total: number };

/** The toolbar popup: the reading list, newest first. */
export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    Promise.all([
      sendMessage('listPapers', { sort: 'savedAt', limit: 200 }),
      sendMessage('getStats', {}),
    ])
      .then(([list, stats]) =>
        setState({ status: 'ready', records: list.records, total: stats.count }),
      )
      .catch((error: unknown) =>
        setState({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  }, []);

  return (
    <main class="popup" aria-labelledby="popup-title">
      <header>
        <h1 id="popup-title">Papershelf</h1>
        {state.status === 'ready' && (
          <span class="count" data-testid="count">
            {state.total === 1 ? '1 paper' : `${state.total} papers`}
          </span>
        )}
      </header>
      {state.status === 'loading' && <p role="status">Loading your library…</p>}
      {state.status === 'error' && (
        <p role="alert" class="error">
          Could not read the library: {state.message}
        </p>
      )}
      {state.status === 'ready' && state.records.length === 0 && (
        <div class="empty" data-testid="empty">
          <p>Your reading list is empty.</p>
          <p>
            Open a paper page (arXiv, PubMed, a journal article…) and press <strong>Save</strong> in
            the Papershelf panel.
          </p>
        </div>
      )}
      {state.status === 'ready' && state.records.length > 0 && (
        <ul class="papers" aria-label="Saved papers">
          {state.records.map((r) => {
            const href = safeHttpUrl(r.paper.url ?? r.pageUrls[0]);
            return (
              <li key={r.id} data-testid="paper">
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" class="title">
                    {r.paper.title}
                  </a>
                ) : (
                  <span class="title">{r.paper.title}</span>
                )}
                <span class="meta">
                  {[shortAuthors(r.paper.authors), r.paper.year, r.paper.venue]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
