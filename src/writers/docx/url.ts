/** Link targets that may become real hyperlinks: http, https and mailto. Everything else stays text. */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

export function safeUrl(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  // Scheme checked on the raw text too: URL parsing strips tabs/newlines inside "java\nscript:".
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed) || /[\s\u0000-\u001f]/.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    return ALLOWED.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
