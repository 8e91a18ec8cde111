import polyfill from 'webextension-polyfill';
import type { browser as wxtBrowser } from 'wxt/browser';

/**
 * The promise-based `browser` API with Firefox's semantics in every browser (webextension-polyfill):
 * in Chrome it lets a runtime.onMessage listener answer by returning a Promise.
 *
 * Used by the background, popup, options and panel. The detector content script, which runs on every
 * page and must stay tiny, uses WXT's plain `browser` (the native API) instead: the polyfill would
 * double its size.
 */
export const browser = polyfill as unknown as typeof wxtBrowser;
