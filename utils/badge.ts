/**
 * What the toolbar button says about the current tab: a paper not yet saved, a paper already in the
 * library, a listing of N works, or nothing. Pure, so the rules are unit-tested; the background applies
 * the result with browser.action.
 */

export type TabState =
  | { kind: 'none' }
  | { kind: 'paper'; saved: boolean; title?: string }
  | { kind: 'listing'; works: number };

export interface Badge {
  text: string;
  color: string;
  title: string;
}

const BLUE = '#1f5fbf';
const GREEN = '#1e7f3c';
const GREY = '#5b6576';

/** Badge text is limited to about four characters. */
function count(n: number): string {
  return n > 999 ? '999+' : String(n);
}

function shorten(title: string): string {
  return title.length > 80 ? `${title.slice(0, 79)}…` : title;
}

export function badgeFor(state: TabState): Badge {
  switch (state.kind) {
    case 'paper':
      return state.saved
        ? {
            text: '✓',
            color: GREEN,
            title: `Papershelf: saved in your library${state.title ? ` — ${shorten(state.title)}` : ''}`,
          }
        : {
            text: '+',
            color: BLUE,
            title: `Papershelf: paper detected, not saved yet${state.title ? ` — ${shorten(state.title)}` : ''}`,
          };
    case 'listing':
      return {
        text: count(state.works),
        color: GREY,
        title: `Papershelf: a list of ${state.works} ${state.works === 1 ? 'work' : 'works'}`,
      };
    default:
      return { text: '', color: GREY, title: 'Papershelf: no paper on this page' };
  }
}
