import { useState } from 'preact/hooks';
import type { KeyTerm } from '@/utils/paper';

const SHOWN = 12;

/** Three decimals, as pages print them (0.204, 0.140). */
export const formatWeight = (w: number): string => (w >= 1 ? '1' : w.toFixed(3));

/**
 * Key terms as chips, highest weight first, each with its weight as a number and a bar scaled to the
 * strongest term (weights are relative: the page's or YAKE's scale, in (0, 1]).
 */
export function KeyTerms({ terms, computed }: { terms: readonly KeyTerm[]; computed: boolean }) {
  const [all, setAll] = useState(false);
  const sorted = terms.slice().sort((a, b) => b.weight - a.weight);
  const max = sorted[0]?.weight || 1;
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  return (
    <div class="key-terms" data-testid="key-terms">
      {computed && (
        <p class="note" data-testid="key-terms-computed">
          Computed by Papershelf from the title and abstract (the page gives none).
        </p>
      )}
      <ul class="chips" aria-label={computed ? 'Key terms (computed)' : 'Key terms'}>
        {shown.map((t) => (
          <li key={t.term} class="chip" data-testid="key-term" data-weight={t.weight}>
            <span class="chip-term">{t.term}</span>
            <span class="chip-weight">
              <span class="sr-only">weight </span>
              {formatWeight(t.weight)}
            </span>
            <span class="chip-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(4, Math.round((t.weight / max) * 100))}%` }} />
            </span>
          </li>
        ))}
      </ul>
      {sorted.length > SHOWN && (
        <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Fewer terms' : `All ${sorted.length} terms`}
        </button>
      )}
    </div>
  );
}
