import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { authorName, safeHttpUrl } from '@/utils/display';
import type { Paper } from '@/utils/paper';
import type { PanelPosition } from '@/utils/settings';
import * as api from './panel/api';
import { KeyTerms } from './panel/KeyTerms';
import { Network } from './panel/Network';
import { WorksTable } from './panel/WorksTable';
import { formatReference, identifierLinks, paperFromWorkRef, toBibtex } from './panel/works';

/**
 * The in-page panel: the paper at a glance (title, authors, venue, identifiers, PDF, abstract), its
 * key terms, its citation network and reference/citation tables, Save / Saved with undo, and copy
 * as BibTeX or as a formatted reference. Folds to a tab (Escape), moves to the other side, or turns
 * itself off for the site; the choices are remembered (utils/settings).
 *
 * Everything from the page is rendered as Preact text; links only for http(s) (safeHttpUrl).
 */

export interface PanelProps {
  paper: Paper;
  /** The page the paper was found on (saved with it). */
  pageUrl: string;
  /** The page's hostname: the key of the per-site choices. */
  hostname: string;
  initialPosition?: PanelPosition;
  initialFolded?: boolean;
  /** Called after the user turned the panel off for this site: the host removes the panel. */
  onDisable?: () => void;
}

const AUTHORS_SHOWN = 6;
const ABSTRACT_SHOWN = 300;

type Saved = string | null | undefined;

interface Status {
  text: string;
  undo?: () => Promise<void>;
  /** Text the user can copy by hand when the clipboard refused. */
  manualCopy?: string;
}

/** The start of a long text, cut at a word boundary. */
function cutAtWord(text: string, max: number): string {
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  return (space > max * 0.6 ? head.slice(0, space) : head).replace(/[\s,;:.]+$/, '');
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The popover top layer keeps the panel above the page whatever its z-indexes and transforms. */
const TOP_LAYER = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

export function Panel(props: PanelProps) {
  const { paper, pageUrl, hostname } = props;
  const [folded, setFolded] = useState(Boolean(props.initialFolded));
  const [position, setPosition] = useState<PanelPosition>(props.initialPosition ?? 'right');
  const [paperId, setPaperId] = useState<Saved>(undefined);
  const [refSaved, setRefSaved] = useState<Saved[]>([]);
  const [citSaved, setCitSaved] = useState<Saved[]>([]);
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>({ text: '' });
  const [authorsOpen, setAuthorsOpen] = useState(false);
  const [abstractOpen, setAbstractOpen] = useState(false);
  const rootRef = useRef<HTMLElement>(null);
  const tabRef = useRef<HTMLButtonElement>(null);
  const foldRef = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef(false);
  // The network and the tables come one frame after the summary, so the panel appears at once.
  const [full, setFull] = useState(false);
  const [topLayer, setTopLayer] = useState(TOP_LAYER);

  useEffect(() => {
    const show = () => setFull(true);
    // After the next frame; a tab in the background gets no frames, so a timer too.
    let soon: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      soon = setTimeout(show, 0);
    });
    const late = setTimeout(show, 150);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(soon);
      clearTimeout(late);
    };
  }, []);

  // One findSaved call for the paper and every listed work.
  useEffect(() => {
    let live = true;
    const works = [paper, ...paper.references, ...paper.citations].map(api.identityOf);
    const nRef = paper.references.length;
    api
      .findSaved(works)
      .then((ids) => {
        if (!live) return;
        setPaperId(ids[0] ?? null);
        setRefSaved(ids.slice(1, 1 + nRef));
        setCitSaved(ids.slice(1 + nRef));
      })
      .catch(() => {
        if (!live) return;
        // The background may be restarting: let the user try to save anyway.
        setPaperId((id) => id ?? null);
      });
    return () => {
      live = false;
    };
  }, [paper]);

  useLayoutEffect(() => {
    const el = rootRef.current;
    if (!topLayer || !el) return;
    try {
      if (!el.matches(':popover-open')) el.showPopover();
    } catch {
      // Refused: a closed popover is hidden, so drop the attribute; position: fixed still shows it.
      setTopLayer(false);
    }
  });

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (folded ? tabRef.current : foldRef.current)?.focus();
  }, [folded]);

  const fold = (next: boolean) => {
    moveFocus.current = true;
    setFolded(next);
    void api.rememberFolded(hostname, next).catch(() => undefined);
  };

  const move = () => {
    const next: PanelPosition = position === 'right' ? 'left' : 'right';
    setPosition(next);
    setStatus({ text: `Panel moved to the ${next}.` });
    void api.rememberPosition(next).catch(() => undefined);
  };

  const disable = async () => {
    try {
      await api.disableOnSite(hostname);
      props.onDisable?.();
    } catch (error) {
      setStatus({ text: `Could not turn the panel off: ${message(error)}` });
    }
  };

  const save = async () => {
    const r = await api.savePaper(paper, pageUrl);
    setPaperId(r.id);
    setStatus({
      text:
        r.outcome === 'created'
          ? 'Saved to your library.'
          : r.outcome === 'merged'
            ? 'Saved: merged with the copy already in your library.'
            : 'Saved: already in your library, nothing new.',
      undo:
        r.outcome === 'created'
          ? async () => {
              await api.removePaper(r.id);
              setPaperId(null);
              setStatus({ text: 'Save undone: removed from your library.' });
            }
          : undefined,
    });
  };

  const remove = async (id: string) => {
    const { undoToken } = await api.removePaper(id);
    setPaperId(null);
    setStatus({
      text: 'Removed from your library.',
      undo: undoToken
        ? async () => {
            const restored = await api.undoRemove(undoToken);
            setPaperId(restored.id ?? id);
            setStatus({ text: 'Restored: saved in your library again.' });
          }
        : undefined,
    });
  };

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    try {
      if (paperId) await remove(paperId);
      else await save();
    } catch (error) {
      setStatus({
        text: `${paperId ? 'Could not remove' : 'Could not save'}: ${message(error)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  const undo = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (error) {
      setStatus({ text: `Could not undo: ${message(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const saveRow = async (kind: 'references' | 'citations', index: number) => {
    const work = paper[kind][index];
    if (!work) return;
    const key = `${kind}:${index}`;
    setSaving((s) => new Set(s).add(key));
    const set = kind === 'references' ? setRefSaved : setCitSaved;
    const title = (work.title ?? work.raw ?? 'the work').trim();
    try {
      // No page URL: this page's URL identifies this page's paper, not the listed work.
      const r = await api.savePaper(paperFromWorkRef(work));
      set((ids) => {
        const next = ids.slice();
        next[index] = r.id;
        return next;
      });
      setStatus({ text: `Saved “${title}” to your library.` });
    } catch (error) {
      setStatus({ text: `Could not save “${title}”: ${message(error)}` });
    } finally {
      setSaving((s) => {
        const next = new Set(s);
        next.delete(key);
        return next;
      });
    }
  };

  const copy = async (what: 'bibtex' | 'reference') => {
    const text =
      what === 'bibtex' ? toBibtex(paper, await api.readKeyPattern()) : formatReference(paper);
    const name = what === 'bibtex' ? 'BibTeX' : 'Reference';
    if (await api.copyText(text)) setStatus({ text: `${name} copied to the clipboard.` });
    else
      setStatus({
        text: `The browser did not allow copying. Select the ${name} below and copy it.`,
        manualCopy: text,
      });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Escape in a filter box with text clears the box (the browser's own behaviour) instead.
    const target = e.target as HTMLInputElement | null;
    if (target?.localName === 'input' && target.value) return;
    if (e.key === 'Escape' && !folded) {
      e.stopPropagation();
      fold(true);
    }
  };

  const [refSaving, citSaving] = useMemo(() => {
    const refs = new Set<number>();
    const cits = new Set<number>();
    for (const k of saving) {
      const [kind, i] = k.split(':');
      (kind === 'references' ? refs : cits).add(Number(i));
    }
    return [refs, cits];
  }, [saving]);

  const rootClass = `panel ${position}${folded ? ' folded' : ''}`;
  const popover = topLayer ? 'manual' : undefined;

  if (folded) {
    return (
      <aside
        ref={rootRef}
        popover={popover}
        class={rootClass}
        aria-label="Papershelf"
        data-testid="papershelf-panel"
        data-folded="true"
      >
        <button
          ref={tabRef}
          type="button"
          class="tab"
          data-testid="unfold"
          aria-expanded="false"
          aria-label={`Open the Papershelf panel${paperId ? ' (paper saved)' : ''}`}
          onClick={() => fold(false)}
        >
          {/* Three books on a shelf: drawn, because emoji fonts are not everywhere. */}
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" class="tab-icon">
            <rect x="3" y="4" width="3.5" height="12" rx="0.8" />
            <rect x="7.5" y="2.5" width="3.5" height="13.5" rx="0.8" />
            <rect x="12.2" y="5" width="3.5" height="11" rx="0.8" transform="rotate(-12 14 10.5)" />
            <rect x="2" y="16.5" width="16" height="1.6" rx="0.8" />
          </svg>
          {paperId ? (
            <span class="tab-saved" aria-hidden="true">
              ✓
            </span>
          ) : null}
        </button>
      </aside>
    );
  }

  const ids = identifierLinks(paper);
  const pdf = safeHttpUrl(paper.pdfUrl);
  // A paper known only by its DOI (a page that gave nothing else) has no title to show.
  const shownTitle = paper.title || 'Untitled paper';
  const longAuthors = paper.authors.length > AUTHORS_SHOWN + 1;
  const authors =
    longAuthors && !authorsOpen ? paper.authors.slice(0, AUTHORS_SHOWN) : paper.authors;
  const abstract = paper.abstract?.trim() ?? '';
  const longAbstract = abstract.length > ABSTRACT_SHOWN + 80;
  const venueYear = [paper.venue, paper.year]
    .filter((v) => v !== undefined && v !== '')
    .join(' · ');
  const hasNetwork = paper.citations.length + paper.references.length > 0;

  return (
    <aside
      ref={rootRef}
      popover={popover}
      class={rootClass}
      aria-labelledby="ps-title"
      data-testid="papershelf-panel"
      data-folded="false"
      onKeyDown={onKeyDown}
    >
      <header class="bar">
        <span class="brand" aria-hidden="true">
          Papershelf
        </span>
        <button
          type="button"
          class="icon"
          data-testid="move"
          aria-label={`Move the panel to the ${position === 'right' ? 'left' : 'right'}`}
          title="Move to the other side"
          onClick={move}
        >
          {position === 'right' ? '⇤' : '⇥'}
        </button>
        <button
          ref={foldRef}
          type="button"
          class="icon"
          data-testid="fold"
          aria-expanded="true"
          aria-label="Fold the panel (Escape)"
          title="Fold (Esc)"
          onClick={() => fold(true)}
        >
          –
        </button>
        <button
          type="button"
          class="icon"
          data-testid="disable-site"
          aria-label={`Turn the panel off on ${hostname}`}
          title={`Turn off on ${hostname} (Papershelf's options turn it back on)`}
          onClick={() => void disable()}
        >
          ×
        </button>
      </header>

      <div class="body">
        <h2 id="ps-title" data-testid="panel-title">
          {shownTitle}
        </h2>
        {paper.authors.length > 0 && (
          <p class="authors">
            <span data-testid="panel-authors">{authors.map(authorName).join(', ')}</span>
            {longAuthors && (
              <>
                {' '}
                <button
                  type="button"
                  class="link"
                  aria-expanded={authorsOpen}
                  data-testid="authors-more"
                  onClick={() => setAuthorsOpen(!authorsOpen)}
                >
                  {authorsOpen ? 'fewer' : `and ${paper.authors.length - AUTHORS_SHOWN} more`}
                </button>
              </>
            )}
          </p>
        )}
        {venueYear && (
          <p class="meta" data-testid="panel-venue">
            {venueYear}
          </p>
        )}
        {(ids.length > 0 || pdf) && (
          <ul class="ids" aria-label="Identifiers and links" data-testid="panel-ids">
            {ids.map((id) => (
              <li key={id.kind}>
                <span class="id-label">{id.label}</span>{' '}
                {id.href ? (
                  <a
                    href={id.href}
                    target="_blank"
                    rel="noopener noreferrer"
                    data-testid={`id-${id.kind}`}
                  >
                    {id.value}
                  </a>
                ) : (
                  <span data-testid={`id-${id.kind}`}>{id.value}</span>
                )}
              </li>
            ))}
            {pdf && (
              <li>
                <a href={pdf} target="_blank" rel="noopener noreferrer" data-testid="pdf-link">
                  PDF
                </a>
              </li>
            )}
          </ul>
        )}

        <div class="actions">
          <button
            type="button"
            class="primary"
            data-testid="save-toggle"
            aria-pressed={paperId ? 'true' : 'false'}
            aria-describedby="ps-status"
            disabled={paperId === undefined || busy}
            onClick={() => void toggle()}
          >
            {paperId ? 'Saved' : 'Save'}
          </button>
          <span class="copy" role="group" aria-label="Copy citation">
            <button type="button" data-testid="copy-bibtex" onClick={() => void copy('bibtex')}>
              Copy BibTeX
            </button>
            <button
              type="button"
              data-testid="copy-reference"
              onClick={() => void copy('reference')}
            >
              Copy reference
            </button>
          </span>
        </div>
        <p class="status-line">
          <span
            id="ps-status"
            class="status"
            role="status"
            aria-live="polite"
            data-testid="panel-status"
          >
            {status.text}
          </span>
          {status.undo && (
            <button
              type="button"
              class="link"
              data-testid="undo"
              disabled={busy}
              onClick={() => status.undo && void undo(status.undo)}
            >
              Undo
            </button>
          )}
        </p>
        {status.manualCopy && (
          <textarea
            class="manual-copy"
            readOnly
            aria-label="Citation to copy"
            data-testid="manual-copy"
            value={status.manualCopy}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}

        {abstract && (
          <section aria-labelledby="ps-abstract">
            <h3 id="ps-abstract">Abstract</h3>
            <p class="abstract" data-testid="abstract">
              {longAbstract && !abstractOpen ? `${cutAtWord(abstract, ABSTRACT_SHOWN)}…` : abstract}
            </p>
            {longAbstract && (
              <button
                type="button"
                class="link"
                aria-expanded={abstractOpen}
                data-testid="abstract-more"
                onClick={() => setAbstractOpen(!abstractOpen)}
              >
                {abstractOpen ? 'Show less' : 'Show the whole abstract'}
              </button>
            )}
          </section>
        )}

        {paper.keyTerms.length > 0 && (
          <section aria-labelledby="ps-terms">
            <h3 id="ps-terms">Key terms</h3>
            <KeyTerms terms={paper.keyTerms} computed={Boolean(paper.keyTermsComputed)} />
          </section>
        )}

        {full && hasNetwork && (
          <section aria-labelledby="ps-network">
            <h3 id="ps-network">Citation network</h3>
            <Network
              title={shownTitle}
              citations={paper.citations}
              references={paper.references}
              citationSaved={citSaved}
              referenceSaved={refSaved}
              paperSaved={Boolean(paperId)}
            />
          </section>
        )}

        {full && paper.citations.length > 0 && (
          <section aria-labelledby="ps-citations">
            <h3 id="ps-citations">Cited by ({paper.citations.length})</h3>
            <WorksTable
              kind="citations"
              label="Citations"
              works={paper.citations}
              saved={citSaved}
              saving={citSaving}
              onSave={(i) => void saveRow('citations', i)}
            />
          </section>
        )}
        {full && paper.references.length > 0 && (
          <section aria-labelledby="ps-references">
            <h3 id="ps-references">References ({paper.references.length})</h3>
            <WorksTable
              kind="references"
              label="References"
              works={paper.references}
              saved={refSaved}
              saving={refSaving}
              onSave={(i) => void saveRow('references', i)}
            />
          </section>
        )}
      </div>
    </aside>
  );
}
