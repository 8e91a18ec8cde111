import { quickCheck, type QuickVerdict } from '@/utils/quick-check';

/**
 * The detector content script's runtime, without WXT's content-script context (which costs about
 * 1.9 ms of main-thread time on every page, more than the check itself): a plain script that
 *
 * - checks the page once when it runs (document_idle), and asks the background to inject the panel
 *   script when the check says "maybe";
 * - checks again, debounced, while the DOM changes during the 10 s after load or an in-page
 *   navigation (script-filled pages);
 * - checks again on in-page navigation: with the Navigation API's `currententrychange` event where
 *   the browser has it (it fires for history.pushState/replaceState, back/forward and fragment
 *   changes, including the page's own calls, which an isolated world cannot otherwise see), else
 *   with popstate/hashchange plus a once-a-second look at the address (what WXT did everywhere);
 * - stops when the extension context is gone (the extension was reloaded or removed);
 * - with `timing` (the benchmark's build only), records each check as the `papershelf:detector`
 *   performance measure: the page's scripts can read the timeline, so the build users install leaves
 *   no trace there;
 * - never throws into the page.
 *
 * Everything it touches comes in through `host`, so unit tests drive it with a fake page.
 */

/** The parts of `runtime` the detector uses (the native `browser.runtime` or `chrome.runtime`). */
export interface DetectorRuntime {
  /** Undefined once the extension context is invalidated. */
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown> | undefined;
}

/** The page as the detector sees it: a `Window`, or a fake of the parts it uses. */
export interface DetectorHost {
  readonly document: Document;
  readonly location: Pick<Location, 'href' | 'protocol' | 'hostname' | 'pathname' | 'search'>;
  /** The Navigation API (`window.navigation`), where the browser has it. */
  readonly navigation?: EventTarget | null;
  addEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
  removeEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
}

/** How long the DOM is watched after load or navigation, the debounce, and the fallback's poll. */
export const WATCH_MS = 10_000;
export const DEBOUNCE_MS = 400;
export const POLL_MS = 1000;

export interface DetectorHandle {
  /** Stops every listener, observer and timer (as when the extension context is invalidated). */
  stop(): void;
}

export function startDetector(
  host: DetectorHost,
  runtime: DetectorRuntime | undefined,
  check: (doc: Document, url: DetectorHost['location']) => QuickVerdict = quickCheck,
  timing = false,
): DetectorHandle {
  let done = false;
  let lastHref = host.location.href;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let watchEnd: ReturnType<typeof setTimeout> | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  let observing = false;
  const navigation = host.navigation ?? undefined;

  const alive = (): boolean => {
    try {
      return !done && Boolean(runtime?.id);
    } catch {
      return false; // A context torn down under us.
    }
  };

  const stopWatching = () => {
    if (observing) observer.disconnect();
    observing = false;
    clearTimeout(watchEnd);
  };

  const stop = () => {
    done = true;
    stopWatching();
    clearTimeout(debounce);
    clearInterval(poll);
    try {
      navigation?.removeEventListener('currententrychange', onLocation);
      host.removeEventListener('popstate', onLocation);
      host.removeEventListener('hashchange', onLocation);
    } catch {
      // Nothing left to remove.
    }
  };

  // The first look needs no test of the extension context (the browser has just run this script),
  // which spares pages that are not papers the cost of setting up the extension API's bindings.
  let first = true;
  const look = () => {
    if (!first && !alive()) return stop();
    first = false;
    const start = timing ? performance.now() : 0;
    try {
      if (check(host.document, host.location) === 'maybe') {
        // The panel script takes over (including in-page navigation): this script is done.
        stop();
        runtime?.sendMessage({ verb: 'injectPanel', payload: {} })?.catch(() => {
          // The extension was reloaded or the background is gone: nothing to do on this page.
        });
      }
    } catch {
      // Never throw into the page.
    }
    if (!timing) return;
    try {
      // The benchmark reads this from the page's timeline: the detector's cost on every page.
      performance.measure('papershelf:detector', { start });
    } catch {
      // Timeline full or measure options unsupported: nothing to record.
    }
  };

  // Script-filled pages: look again, debounced, while the DOM changes for a short while.
  const observer = new MutationObserver(() => {
    clearTimeout(debounce);
    debounce = setTimeout(look, DEBOUNCE_MS);
  });
  const watch = () => {
    if (!observing) observer.observe(host.document.documentElement, SUBTREE);
    observing = true;
    clearTimeout(watchEnd);
    watchEnd = setTimeout(stopWatching, WATCH_MS);
  };

  function onLocation() {
    if (!alive()) return stop();
    const href = host.location.href;
    if (href === lastHref) return;
    lastHref = href;
    // Out of the page's own call (history.pushState runs the listener synchronously).
    clearTimeout(debounce);
    debounce = setTimeout(look, 0);
    watch();
  }

  look();
  if (done) return { stop };
  watch();
  try {
    if (navigation) {
      navigation.addEventListener('currententrychange', onLocation);
    } else {
      host.addEventListener('popstate', onLocation);
      host.addEventListener('hashchange', onLocation);
      poll = setInterval(onLocation, POLL_MS);
    }
  } catch {
    // A page that broke these APIs: the first look stands.
  }
  return { stop };
}

const SUBTREE: MutationObserverInit = { childList: true, subtree: true };
