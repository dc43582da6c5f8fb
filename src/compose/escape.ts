/**
 * Deal values are data, not Markdown: every value a template interpolates is escaped so that
 * `A | B *Co*`, `# x` or `[a](javascript:…)` print literally wherever they land (tables too).
 * CommonMark lets any ASCII punctuation be backslash-escaped, so we escape all of it.
 */
const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

export function escapeMarkdown(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return text
    .replace(/\r\n?|\n/g, ' ')
    // Leading whitespace could indent a code block at a line start; one space cannot, and English
    // needs it mid-line (' (' before a parenthesis).
    .replace(/^[ \t]+/, (ws) => (ws === ' ' ? ' ' : ''))
    .replace(PUNCT, (ch) => `\\${ch}`);
}
