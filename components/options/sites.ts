/** A hostname from what the user typed: `https://arxiv.org/abs/1` or `arxiv.org`. */
export function hostnameOf(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return url.hostname && url.hostname.includes('.') ? url.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
