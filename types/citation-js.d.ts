// citation-js ships no TypeScript types. These declare only what utils/formats/bibtex.ts uses: the
// BibTeX grammar (text -> raw entries) and the biblatex -> CSL-JSON mapping, both reached through
// the input plugin registry, which the bibtex plugin fills when it is imported for its side effect.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      /** Runs the parser registered for `type` on `input` (synchronously). */
      data(input: unknown, type: string): unknown;
    };
  };
  /** citation-js's logger keeps every message in `_log`, even when silent; the reader empties it. */
  export const logger: { _log: unknown[]; level: string };
}

declare module '@citation-js/plugin-bibtex';
