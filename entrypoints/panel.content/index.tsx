import { render } from 'preact';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import { extractPage } from '@/utils/extract';
import { panelAllowedOn, panelDisabledSites, panelEnabled } from '@/utils/settings';
import type { PageResult, Paper } from '@/utils/paper';
import { Panel } from '@/components/Panel';
import { readPrefs, reportPageState, type PanelPrefs } from '@/components/panel/api';
import css from './panel.css?inline';

declare global {
  // Set once per page so a second injection (after in-page navigation) does not run twice.
  var __papershelfPanel: boolean | undefined;
}

/**
 * Timings for the extension benchmark, on the page's performance timeline. Only the benchmark's build
 * (`wxt build --mode timing`) records them: entries there are visible to the page's own scripts, so
 * the build users install leaves none (the minifier drops this body).
 */
function measure(name: string, start: number, end?: number): void {
  if (import.meta.env.MODE !== 'timing') return;
  try {
    performance.measure(name, { start, end: end ?? performance.now() });
  } catch {
    // Browsers without measure options: nothing to record.
  }
}

/**
 * The full extractor and the in-page panel. Not listed in the manifest: the background injects it
 * only after the detector's quick check says the page may be a paper, so other pages never load it.
 *
 * The shadow root is open: page scripts could read the panel either way (they share the DOM), a
 * closed root would not keep page CSS out any better than an open one does, and the end-to-end tests
 * and assistive tools reach into an open root without a special hook. What keeps the page out is the
 * shadow boundary for CSS, text-only rendering, and http(s)-only links.
 *
 * Nothing here may throw into the page: every step is caught, and a failure means "no panel".
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (globalThis.__papershelfPanel) return;
    globalThis.__papershelfPanel = true;

    let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
    let shownFor = '';
    let lastKey = '';

    const remove = () => {
      ui?.remove();
      ui = undefined;
      shownFor = '';
    };

    /** Redraws the panel for this paper; keeps the panel's state when it is the same work. */
    const draw = async (paper: Paper, prefs: PanelPrefs | undefined) => {
      const hostname = location.hostname;
      const identity = `${location.href}\n${paper.title}`;
      const props = { paper, pageUrl: location.href, hostname, onDisable: remove };
      if (ui?.mounted && shownFor === identity) {
        render(<Panel key={identity} {...props} />, ui.mounted);
        return;
      }
      remove();
      const next = await createShadowRootUi(ctx, {
        name: 'papershelf-panel',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        mode: 'open',
        // Keys typed in the panel (the filter boxes) must not reach the page's shortcuts: seen from
        // the page, their target is the host element, not a text field.
        isolateEvents: true,
        css,
        onMount(container) {
          render(
            <Panel
              key={identity}
              {...props}
              initialFolded={prefs?.folded}
              initialPosition={prefs?.position}
            />,
            container,
          );
          return container;
        },
        onRemove(container) {
          if (container) render(null, container);
        },
      });
      ui = next;
      shownFor = identity;
      next.mount();
    };

    const update = async (force = false) => {
      const hostname = location.hostname;
      // Settings are read while the extractor runs (they answer from another process).
      const allowed = panelAllowedOn(hostname).catch(() => true);
      const prefs = readPrefs(hostname).catch(() => undefined);
      const extractStart = performance.now();
      let result: PageResult;
      try {
        // Each extraction reads the live document afresh (utils/extract forgets what it read before).
        result = extractPage(document, location.href);
      } catch {
        result = { kind: 'none', detected: false };
      }
      const detected = performance.now();
      measure('papershelf:extract', extractStart, detected);
      const p = result.paper;
      // Script-filled pages add references or citations later: those change the key too.
      const key = [
        location.href,
        result.kind,
        p?.title ?? '',
        p?.references.length ?? 0,
        p?.citations.length ?? 0,
        p?.keyTerms.length ?? 0,
        p?.abstract?.length ?? 0,
        result.works?.length ?? 0,
      ].join('\n');
      if (key === lastKey && !force) return;
      lastKey = key;

      const report = () =>
        void reportPageState({
          url: location.href,
          kind: result.kind,
          paper: result.kind === 'paper' ? p : undefined,
          works: result.works?.length ?? 0,
        });

      if (result.kind !== 'paper' || !p || !(await allowed)) {
        report();
        remove();
        return;
      }
      await draw(p, await prefs);
      // For the benchmark: detection to drawn panel, in the page's performance timeline.
      measure('papershelf:panel-drawn', detected);
      // After drawing: sending a paper with thousands of references costs main-thread time.
      report();
    };

    const safeUpdate = (force = false) => void update(force).catch(() => undefined);
    safeUpdate();

    // Single-page sites: re-detect on in-page navigation and while scripts fill the page in.
    ctx.addEventListener(window, 'wxt:locationchange', () => safeUpdate());
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastLook = 0;
    const observer = new MutationObserver((records) => {
      // Mounting the panel's own host element is not a page change.
      const host = ui?.shadowHost;
      if (
        host &&
        records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => n === host))
      )
        return;
      // At most one extraction every 1.5 s, however often the page changes; the last change is
      // always looked at (a change during a pending wait is covered by that look).
      if (timer !== undefined) return;
      const wait = Math.max(500, lastLook + 1500 - Date.now());
      timer = setTimeout(() => {
        timer = undefined;
        lastLook = Date.now();
        safeUpdate();
      }, wait);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });

    // Turned on or off (here or in the options page): follow at once.
    const unwatch = [
      panelEnabled.watch(() => safeUpdate(true)),
      panelDisabledSites.watch(() => safeUpdate(true)),
    ];
    ctx.onInvalidated(() => {
      observer.disconnect();
      clearTimeout(timer);
      unwatch.forEach((u) => u());
      remove();
    });
  },
});
