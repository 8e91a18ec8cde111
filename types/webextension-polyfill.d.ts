// webextension-polyfill ships no types; utils/browser.ts gives it WXT's `browser` type.
declare module 'webextension-polyfill' {
  const browser: unknown;
  export default browser;
}
