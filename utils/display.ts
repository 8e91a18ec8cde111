import type { Author } from './paper';

/** One author as people write it: "Ashish Vaswani", or the literal form. */
export function authorName(a: Author): string {
  if (a.literal) return a.literal;
  return [a.given, a.family].filter(Boolean).join(' ');
}

/** A short author list: "Vaswani, Shazeer, Parmar et al." (family names, `max` of them). */
export function shortAuthors(authors: readonly Author[], max = 3): string {
  const names = authors.map((a) => a.family ?? a.literal ?? a.given ?? '').filter(Boolean);
  if (names.length === 0) return '';
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} et al.`;
}

/** Only http(s) URLs may become links; anything else (javascript:, data:, …) is dropped. */
export function safeHttpUrl(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
