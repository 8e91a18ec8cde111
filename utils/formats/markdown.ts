import { authorName, safeHttpUrl } from '@/utils/display';
import { doiUrl } from '@/utils/paper-ids';
import { paperYear } from './common';
import type { ExportItem, FormatDescriptor, SerializeOptions } from './types';

/**
 * A Markdown reading list, to paste into notes, a wiki or an issue. Export only.
 *
 * Page text is data, never markup: every character Markdown or HTML could act on is escaped, so a
 * title such as `[click](javascript:…)` or `<img onerror=…>` shows as text. Titles link only to
 * http(s) URLs (the paper's page, else its DOI), and a URL is written in `<…>`-free form with the
 * characters that could end the link percent-encoded.
 */

/** Field map: what each part of a list item shows, in order. */
export const MARKDOWN_PARTS = [
  ['title', 'linked to url, else https://doi.org/<doi>, else arXiv (http(s) only)'],
  ['authors', 'all, "; "-separated'],
  ['year', 'year'],
  ['venue', 'venue, in italics'],
  ['status', 'status'],
  ['keyTerms', 'top key terms, else keywords'],
  ['tags', 'tags'],
  ['notes', 'notes, as a quote block'],
] as const;

/**
 * Escapes the characters Markdown (CommonMark + GFM) or HTML act on inside a line: emphasis, code,
 * links and images, raw HTML and entities, strikethrough, tables, math, and the autolinks GFM makes
 * of bare `https://…`, `www.…` and e-mail addresses. Line breaks become spaces. Characters that only
 * matter at the start of a line (`#`, `-`, `>`…) are handled by `escapeLineStart`.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()<>!|~&@$]/g, (c) => `\\${c}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.');
}

/** Escapes a line's first character when it would start a block (heading, list, quote, table…). */
function escapeLineStart(line: string): string {
  return line.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^([#>+\-*=|:])/, '\\$1');
}

/** A link target that cannot break out of `(…)`: spaces, parentheses, brackets and angles encoded. */
function linkTarget(url: string): string {
  // Percent-encoded by hand: encodeURIComponent leaves ( ) ' as they are.
  return url.replace(
    /[\s()<>[\]\\"'`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function paperLink(item: ExportItem): string | undefined {
  const p = item.paper;
  return (
    safeHttpUrl(p.url) ??
    (p.doi ? safeHttpUrl(doiUrl(p.doi)) : undefined) ??
    (p.arxivId ? safeHttpUrl(`https://arxiv.org/abs/${p.arxivId}`) : undefined)
  );
}

export function formatItem(item: ExportItem): string {
  const p = item.paper;
  // A paper known only by its DOI (a page that gave nothing else) is listed by that DOI.
  const title = escapeMarkdown(p.title || (p.doi ? `Untitled (doi:${p.doi})` : 'Untitled'));
  const link = paperLink(item);
  const lines = [link ? `[${title}](${linkTarget(link)})` : `**${title}**`];
  const details = [
    p.authors.map(authorName).filter(Boolean).map(escapeMarkdown).join('; '),
    String(paperYear(p) ?? ''),
    p.venue ? `*${escapeMarkdown(p.venue)}*` : '',
  ].filter(Boolean);
  if (details.length) lines.push(details.join(' · '));
  const meta: string[] = [];
  if (item.status) meta.push(`Status: ${escapeMarkdown(item.status)}`);
  const terms = p.keyTerms.length ? p.keyTerms.map((t) => t.term) : p.keywords;
  if (terms.length) meta.push(`Key terms: ${terms.slice(0, 8).map(escapeMarkdown).join(', ')}`);
  if (item.tags?.length) meta.push(`Tags: ${item.tags.map(escapeMarkdown).join(', ')}`);
  if (meta.length) lines.push(meta.join(' · '));
  // Hard line breaks (two trailing spaces) keep the parts on their own lines inside one list item.
  let out = `- ${lines.join('  \n  ')}`;
  const notes = (item.notes ?? '')
    .split(/\r?\n/)
    .map((l) => escapeLineStart(escapeMarkdown(l)))
    .filter(Boolean);
  if (notes.length) out += `\n${notes.map((l) => `  > ${l}`).join('  \n')}`;
  return out;
}

export function serialize(items: readonly ExportItem[], options: SerializeOptions = {}): string {
  const heading = `# ${escapeMarkdown(options.title ?? 'Reading list')}`;
  const count = `${items.length} paper${items.length === 1 ? '' : 's'}`;
  return `${heading}\n\n${count}\n\n${items.map(formatItem).join('\n')}\n`;
}

export const markdown: FormatDescriptor = {
  id: 'markdown',
  label: 'Markdown reading list',
  extension: 'md',
  mimeType: 'text/markdown',
  serialize,
};
