import { startDetector, type DetectorRuntime } from '@/utils/detector';
import { quickCheck } from '@/utils/quick-check';

/**
 * Runs on every http(s) page (declared in wxt.config.ts's manifest, at document_idle): a cheap
 * "could this be a paper?" look, nothing else. When the answer is "maybe", it asks the background to
 * inject the panel script (the full extractor and the panel UI), so pages that are not papers pay for
 * this small file only.
 *
 * A plain script rather than a WXT content script: WXT's content-script context cost more main-thread
 * time than the check itself. It uses the browser's native API (no polyfill), and utils/detector.ts
 * does the rest (re-checks after DOM changes and in-page navigation, stopping when the extension
 * context is gone).
 */
export default defineUnlistedScript(() => {
  try {
    // The benchmark's build (`wxt build --mode timing`) records each check's time; others do not.
    startDetector(window, lazyRuntime, quickCheck, import.meta.env.MODE === 'timing');
  } catch {
    // Never throw into the page.
  }
});

interface ExtensionApi {
  runtime?: DetectorRuntime;
}

/**
 * The native runtime API (`browser` in Firefox, `chrome` in Chrome), looked up on first use: the
 * first look at a page does not need it, and touching it sets up bindings that cost the page time.
 */
const lazyRuntime: DetectorRuntime = {
  get id() {
    return native()?.id;
  },
  // A property, not a method: WXT's auto-import reads `sendMessage(...) {` as a call of utils/messages'
  // sendMessage and would bundle the whole messaging layer (valibot) into this file.
  sendMessage: (message: unknown) => native()?.sendMessage(message),
};
let runtime: DetectorRuntime | undefined;
function native(): DetectorRuntime | undefined {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return (runtime ??= scope.browser?.runtime ?? scope.chrome?.runtime);
}
