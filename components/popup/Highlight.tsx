import type { ComponentChild } from 'preact';
import { highlightRanges } from './search';

/**
 * `text` with the words the search matched in `<mark>`: built as Preact elements from text ranges,
 * so a title holding markup stays text.
 */
export function Highlight({ text, terms }: { text: string; terms?: ReadonlySet<string> }) {
  const ranges = terms?.size ? highlightRanges(text, terms) : [];
  if (!ranges.length) return <>{text}</>;
  const parts: ComponentChild[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
