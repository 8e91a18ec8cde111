// The part of jsdom's API the tests use. jsdom ships no types, and @types/jsdom would bring its own
// Node and undici typings into a project that type-checks against the browser's.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
