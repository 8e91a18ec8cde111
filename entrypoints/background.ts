import { browser } from '@/utils/browser';
import { badgeFor, type TabState } from '@/utils/badge';
import { openLibrary } from '@/utils/library/db';
import type { Library } from '@/utils/library/library';
import { requestPersistence } from '@/utils/library/persistence';
import {
  createBackgroundHandler,
  toRuntimeListener,
  type PageStateReport,
  type SaveTabsResult,
  type Sender,
} from '@/utils/messages';

/**
 * Wiring only: messages go to the library (utils/library through utils/messages), and the toolbar
 * badge, the context menu and the keyboard command follow what each tab shows. The background is the
 * only code that opens the database.
 */

const MENU_ID = 'papershelf-save';
const COMMAND = 'save-paper';

export default defineBackground(() => {
  // MV3 service workers stop when idle: every listener is registered synchronously here, and the
  // database is opened on first use (and again after a failure).
  let library: Promise<Library> | undefined;
  /**
   * The open library. Each call chains on the last, so concurrent callers share one connection; a
   * failed open is retried on the next call, and a connection the browser closed (site data cleared,
   * a newer schema elsewhere) is opened again.
   */
  const getLibrary = (): Promise<Library> =>
    (library = (library ?? Promise.reject(new Error('not open yet'))).then(
      (lib) => (lib.isOpen ? lib : openLibrary()),
      () => openLibrary(),
    ));

  /**
   * What each tab showed at its last report. Kept in session storage too, because an MV3 service
   * worker is stopped when idle and would otherwise forget which tabs show papers.
   */
  const tabs = new Map<number, PageStateReport>();
  /** Tabs reported or navigated since start-up: what session storage holds for them is older. */
  const touched = new Set<number>();
  const session = browser.storage.session;
  const restored = (session?.get(null) ?? Promise.resolve({}))
    .then((items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) {
        const tabId = Number(key.replace(/^tab:/, ''));
        if (key.startsWith('tab:') && !touched.has(tabId))
          tabs.set(tabId, value as PageStateReport);
      }
    })
    .catch(() => undefined);
  const remember = (tabId: number, report: PageStateReport | undefined) => {
    touched.add(tabId);
    if (report) tabs.set(tabId, report);
    else tabs.delete(tabId);
    if (!session) return;
    // The reference lists can be long and are not needed to save from the toolbar.
    const slim = report?.paper
      ? { ...report, paper: { ...report.paper, references: [], citations: [] } }
      : report;
    void (slim ? session.set({ [`tab:${tabId}`]: slim }) : session.remove(`tab:${tabId}`)).catch(
      () => undefined,
    );
  };
  const action =
    browser.action ??
    (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  const stateOf = (report: PageStateReport | undefined): TabState =>
    !report || report.kind === 'none'
      ? { kind: 'none' }
      : report.kind === 'listing'
        ? { kind: 'listing', works: report.works }
        : { kind: 'paper', saved: report.saved, title: report.title ?? report.paper?.title };

  const showBadge = async (tabId: number, state: TabState) => {
    const badge = badgeFor(state);
    try {
      await Promise.all([
        action.setBadgeText({ tabId, text: badge.text }),
        action.setBadgeBackgroundColor({ tabId, color: badge.color }),
        action.setTitle({ tabId, title: badge.title }),
      ]);
    } catch {
      // The tab closed meanwhile.
    }
  };

  const updateMenu = async (tabId: number) => {
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (active?.id !== tabId) return;
    const paper = tabs.get(tabId)?.kind === 'paper';
    await browser.contextMenus
      .update(MENU_ID, {
        enabled: paper,
        title: paper
          ? 'Save this paper to Papershelf'
          : 'Papershelf: no paper detected on this page',
      })
      .catch(() => undefined);
  };

  let handler: { lib: Library; handle: ReturnType<typeof createBackgroundHandler> } | undefined;
  const handle = async (message: unknown, sender: Sender) => {
    const lib = await getLibrary();
    if (handler?.lib !== lib) handler = { lib, handle: makeHandler(lib) };
    return handler.handle(message, sender);
  };

  const makeHandler = (lib: Library) =>
    createBackgroundHandler({
      library: lib,
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      onPageState(tabId, report) {
        remember(tabId, report);
        void showBadge(tabId, stateOf(report));
        void updateMenu(tabId);
      },
      async onInjectPanel(tabId, frameId) {
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [frameId ?? 0] },
          files: ['/content-scripts/panel.js'],
        });
      },
      onLibraryChange() {
        void refreshSavedStates();
      },
      onSaveTabs: () => saveTabs(lib),
    });

  /** "Save all paper tabs": every tab of the current window that shows a paper. */
  const saveTabs = async (lib: Library): Promise<SaveTabsResult> => {
    await restored;
    const result: SaveTabsResult = { saved: 0, merged: 0, notPapers: 0, failed: 0 };
    for (const tab of await browser.tabs.query({ lastFocusedWindow: true })) {
      const report = tab.id === undefined ? undefined : tabs.get(tab.id);
      if (report?.kind !== 'paper' || !report.paper) {
        if (/^https?:/.test(tab.url ?? '')) result.notPapers++;
        continue;
      }
      try {
        const { outcome } = await lib.savePaper(report.paper, report.url);
        if (outcome === 'created') result.saved++;
        else result.merged++;
      } catch {
        result.failed++;
      }
    }
    void refreshSavedStates();
    return result;
  };

  /** After any change to the library, tabs showing a paper may have become saved or unsaved. */
  const refreshSavedStates = async () => {
    await restored;
    const lib = await getLibrary();
    const entries = [...tabs].filter(([, r]) => r.kind === 'paper' && r.paper);
    if (entries.length === 0) return;
    const ids = await lib.findSaved(entries.map(([, r]) => r.paper!));
    entries.forEach(([tabId, report], i) => {
      const savedId = ids[i] ?? null;
      const next = { ...report, savedId, saved: savedId !== null };
      remember(tabId, next);
      void showBadge(tabId, stateOf(next));
    });
  };

  browser.runtime.onMessage.addListener(
    toRuntimeListener((message, sender) =>
      handle(message, sender).catch((error: unknown) => ({
        ok: false as const,
        error: {
          code: 'unavailable' as const,
          message: `The library could not be opened: ${error instanceof Error ? error.message : String(error)}`,
        },
      })),
    ) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );

  // Navigation: a new page (or an in-page navigation) starts with no state until its scripts report.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url === undefined) return;
    remember(tabId, undefined);
    void showBadge(tabId, { kind: 'none' });
    void updateMenu(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => remember(tabId, undefined));
  browser.tabs.onActivated.addListener(({ tabId }) => void updateMenu(tabId));

  /** Saves the paper the tab shows (context menu, keyboard command); says why not otherwise. */
  const saveFromTab = async (tabId: number | undefined) => {
    if (tabId === undefined) return;
    await restored;
    const report = tabs.get(tabId);
    if (report?.kind !== 'paper' || !report.paper) {
      await showBadge(tabId, stateOf(report));
      await action
        .setTitle({
          tabId,
          title:
            report?.kind === 'listing'
              ? 'Papershelf: this page lists several works; save them from the panel or a paper page'
              : 'Papershelf: no paper detected on this page, so there is nothing to save',
        })
        .catch(() => undefined);
      await action.setBadgeText({ tabId, text: '!' }).catch(() => undefined);
      setTimeout(() => void showBadge(tabId, stateOf(tabs.get(tabId))), 3000);
      return;
    }
    const lib = await getLibrary();
    const result = await lib.savePaper(report.paper, report.url);
    const next = { ...report, saved: true, savedId: result.record.id };
    remember(tabId, next);
    await showBadge(tabId, stateOf(next));
    // Let the panel (if any) show the new state.
    await browser.tabs
      .sendMessage(tabId, { event: 'libraryChanged', ids: [result.record.id] })
      .catch(() => undefined);
  };

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(
      () =>
        browser.contextMenus.create({
          id: MENU_ID,
          title: 'Save this paper to Papershelf',
          contexts: ['page'],
          documentUrlPatterns: ['http://*/*', 'https://*/*'],
        }),
      () => undefined,
    );
    void requestPersistence();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void saveFromTab(tab?.id).catch(() => undefined);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== COMMAND) return;
    const withTab = tab?.id
      ? Promise.resolve(tab.id)
      : browser.tabs.query({ active: true, lastFocusedWindow: true }).then(([t]) => t?.id);
    void withTab.then(saveFromTab).catch(() => undefined);
  });
});
