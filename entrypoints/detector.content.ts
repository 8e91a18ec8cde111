import { browser } from 'wxt/browser';
import { quickCheck } from '@/utils/quick-check';

/**
 * Runs on every http(s) page: a cheap "could this be a paper?" look, nothing else. When the answer is
 * "maybe", it asks the background to inject the panel script (the full extractor and the panel UI), so
 * pages that are not papers pay for this small file only.
 *
 * Single-page sites change content without a page load: it looks again on in-page navigation, and for
 * a few seconds after each load or navigation while scripts fill the page in.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    let requested = false;
    const look = () => {
      if (requested || ctx.isInvalid) return;
      const start = performance.now();
      try {
        if (quickCheck(document, location) === 'maybe') {
          requested = true;
          stopWatching();
          browser.runtime.sendMessage({ verb: 'injectPanel', payload: {} }).catch(() => {
            // The extension was reloaded or the background is gone: nothing to do on this page.
          });
        }
      } catch {
        // Never throw into the page.
      }
      try {
        // The benchmark reads this from the page's timeline: the detector's cost on every page.
        performance.measure('papershelf:detector', { start });
      } catch {
        // Timeline full or measure options unsupported: nothing to record.
      }
    };

    // Script-filled pages: look again, debounced, while the DOM changes for a short while.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(look, 400);
    });
    let stopAt = 0;
    const watch = () => {
      stopAt = Date.now() + 10_000;
      observer.observe(document.documentElement, { childList: true, subtree: true });
      ctx.setTimeout(() => {
        if (Date.now() >= stopAt) stopWatching();
      }, 10_500);
    };
    const stopWatching = () => {
      observer.disconnect();
      clearTimeout(timer);
    };

    look();
    if (!requested) watch();
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      look();
      if (!requested) watch();
    });
    ctx.onInvalidated(stopWatching);
  },
});
