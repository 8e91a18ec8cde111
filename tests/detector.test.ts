import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEBOUNCE_MS,
  POLL_MS,
  WATCH_MS,
  startDetector,
  type DetectorHandle,
  type DetectorHost,
  type DetectorRuntime,
} from '../utils/detector';
import type { QuickVerdict } from '../utils/quick-check';

/** A fake page: the test document, an address the test changes, window events, maybe Navigation. */
function fakePage(withNavigation: boolean) {
  const events = new EventTarget();
  const navigation = withNavigation ? new EventTarget() : undefined;
  const location = {
    href: 'https://site.example/',
    protocol: 'https:',
    hostname: 'site.example',
    pathname: '/',
    search: '',
  };
  const host: DetectorHost = {
    document,
    location,
    navigation,
    addEventListener: (type, listener) => events.addEventListener(type, listener),
    removeEventListener: (type, listener) => events.removeEventListener(type, listener),
  };
  /** What history.pushState does to the address (and, with the Navigation API, the event it fires). */
  const push = (path: string) => {
    location.pathname = path;
    location.href = `https://site.example${path}`;
    navigation?.dispatchEvent(new Event('currententrychange'));
  };
  return { host, events, navigation, push };
}

function fakeRuntime(): DetectorRuntime & { id?: string; sent: unknown[] } {
  const runtime = {
    id: 'ext-id' as string | undefined,
    sent: [] as unknown[],
    sendMessage(message: unknown) {
      runtime.sent.push(message);
      return Promise.resolve(undefined);
    },
  };
  return runtime;
}

/** Changes the DOM and lets the MutationObserver deliver its records. */
async function mutate() {
  document.body.append(document.createElement('div'));
  await Promise.resolve();
}
/** Runs what is due now (fake timers run a 0 ms timeout 1 ms later, as Node does). */
const soon = () => vi.advanceTimersByTimeAsync(1);

const measures = () => performance.getEntriesByName('papershelf:detector').length;

describe('the detector runtime (a plain content script)', () => {
  let handle: DetectorHandle | undefined;
  beforeEach(() => {
    // Timers only: the measures the detector records go to the real performance timeline.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    document.body.replaceChildren();
    performance.clearMeasures();
  });
  afterEach(() => {
    handle?.stop();
    handle = undefined;
    vi.useRealTimers();
  });

  it('checks once at start, asks for the panel on "maybe", then stops everything', async () => {
    const { host, push } = fakePage(true);
    const runtime = fakeRuntime();
    const check = vi.fn((): QuickVerdict => 'maybe');
    handle = startDetector(host, runtime, check, true);
    expect(check).toHaveBeenCalledTimes(1);
    expect(runtime.sent).toEqual([{ verb: 'injectPanel', payload: {} }]);
    expect(measures()).toBe(1);
    await mutate();
    push('/elsewhere');
    await vi.advanceTimersByTimeAsync(WATCH_MS);
    expect(check).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('looks again, debounced, while the DOM changes during the 10 s after load, and not later', async () => {
    const { host } = fakePage(true);
    const runtime = fakeRuntime();
    const check = vi.fn((): QuickVerdict => 'no');
    handle = startDetector(host, runtime, check, true);
    expect(check).toHaveBeenCalledTimes(1);

    await mutate();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 50);
    await mutate();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 50);
    expect(check).toHaveBeenCalledTimes(1); // still debounced
    await vi.advanceTimersByTimeAsync(50);
    expect(check).toHaveBeenCalledTimes(2); // one look for both changes
    expect(measures()).toBe(2);

    await vi.advanceTimersByTimeAsync(WATCH_MS);
    await mutate();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(check).toHaveBeenCalledTimes(2);
    expect(runtime.sent).toEqual([]);
  });

  it('asks for the panel when a later look says "maybe" (a script-filled page)', async () => {
    const { host } = fakePage(true);
    const runtime = fakeRuntime();
    let verdict: QuickVerdict = 'no';
    const check = vi.fn(() => verdict);
    handle = startDetector(host, runtime, check);
    verdict = 'maybe';
    await mutate();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(runtime.sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('with the Navigation API: looks again on an in-page navigation, and watches the DOM anew', async () => {
    const { host, navigation, push } = fakePage(true);
    const runtime = fakeRuntime();
    const seen: string[] = [];
    const check = vi.fn((_doc: Document, url: DetectorHost['location']): QuickVerdict => {
      seen.push(url.href);
      return 'no';
    });
    handle = startDetector(host, runtime, check);
    await vi.advanceTimersByTimeAsync(WATCH_MS + 1000);
    expect(vi.getTimerCount()).toBe(0); // no polling when the browser reports navigations

    // An event that does not change the address (replaceState with the same URL) is ignored.
    navigation!.dispatchEvent(new Event('currententrychange'));
    await soon();
    expect(check).toHaveBeenCalledTimes(1);

    push('/paper/42');
    expect(check).toHaveBeenCalledTimes(1); // not inside the page's own pushState call
    await soon();
    expect(check).toHaveBeenCalledTimes(2);
    await mutate();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(check).toHaveBeenCalledTimes(3);
    expect(seen[2]).toBe('https://site.example/paper/42');
  });

  it('without the Navigation API: popstate, hashchange and a once-a-second address check', async () => {
    const { host, events, push } = fakePage(false);
    const runtime = fakeRuntime();
    const check = vi.fn((): QuickVerdict => 'no');
    handle = startDetector(host, runtime, check);
    await vi.advanceTimersByTimeAsync(WATCH_MS + 1000);
    expect(check).toHaveBeenCalledTimes(1);

    push('/a'); // history.pushState, which this world cannot see: the poll finds it
    await vi.advanceTimersByTimeAsync(POLL_MS + 1);
    expect(check).toHaveBeenCalledTimes(2);

    push('/b');
    events.dispatchEvent(new Event('popstate'));
    await soon();
    expect(check).toHaveBeenCalledTimes(3);

    push('/b#part');
    events.dispatchEvent(new Event('hashchange'));
    await soon();
    expect(check).toHaveBeenCalledTimes(4);

    await vi.advanceTimersByTimeAsync(POLL_MS * 3); // the address did not change again
    expect(check).toHaveBeenCalledTimes(4);
  });

  it('stops, without throwing, once the extension context is invalidated', async () => {
    const { host, events, push } = fakePage(false);
    const runtime = fakeRuntime();
    const check = vi.fn((): QuickVerdict => 'no');
    handle = startDetector(host, runtime, check);
    runtime.id = undefined; // what the browser does to an orphaned content script
    await mutate();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(check).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    push('/later');
    events.dispatchEvent(new Event('popstate'));
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('never throws into the page', async () => {
    const { host } = fakePage(true);
    const failing = vi.fn((): QuickVerdict => {
      throw new Error('broken page');
    });
    expect(() => (handle = startDetector(host, fakeRuntime(), failing, true))).not.toThrow();
    expect(measures()).toBe(1);
    handle!.stop();

    // A background that is gone (a rejected message), or an API that throws outright.
    const rejecting = fakeRuntime();
    rejecting.sendMessage = () => Promise.reject(new Error('Receiving end does not exist'));
    expect(() => (handle = startDetector(host, rejecting, () => 'maybe'))).not.toThrow();
    await soon();
    const throwing = fakeRuntime();
    throwing.sendMessage = () => {
      throw new Error('Extension context invalidated.');
    };
    expect(() => (handle = startDetector(host, throwing, () => 'maybe'))).not.toThrow();

    // No extension API at all: the first look runs, and there is nothing to ask.
    const check = vi.fn((): QuickVerdict => 'maybe');
    expect(() => (handle = startDetector(host, undefined, check))).not.toThrow();
    expect(check).toHaveBeenCalledTimes(1);
  });

  it("leaves nothing on the page's performance timeline unless built for timing", () => {
    const { host } = fakePage(true);
    const check = vi.fn((): QuickVerdict => 'no');
    handle = startDetector(host, fakeRuntime(), check);
    expect(check).toHaveBeenCalledTimes(1);
    expect(measures()).toBe(0);
  });
});
