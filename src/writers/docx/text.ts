/** Text clean-up shared by every run the writer emits. */

/** Han, kana, hangul, CJK symbols and punctuation, full-width forms. */
const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

export const hasCjk = (text: string): boolean => CJK.test(text);

/**
 * Characters XML 1.0 cannot carry (C0 controls but tab/newline, U+FFFE/FFFF, lone surrogates).
 * One of them in document.xml and Word refuses to open the file, so they never reach a run.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// eslint-disable-next-line no-control-regex
const MAYBE_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Fast path first: almost every string is clean, and the full pattern (with lookbehind) is slow. */
export const xmlSafe = (text: string): string => (MAYBE_INVALID.test(text) ? text.replace(XML_INVALID, '') : text);

/**
 * Markdown soft line breaks: a space between Latin words, nothing between two CJK
 * characters (Chinese has no inter-word spaces, a space there reads as a typo).
 */
export function softBreaks(text: string): string {
  if (!text.includes('\n')) return text;
  return text.replace(/[ \t]*\r?\n[ \t]*/g, (_m, offset: number, whole: string) => {
    const before = whole.slice(Math.max(0, offset - 2), offset);
    const after = whole.slice(offset + _m.length, offset + _m.length + 2);
    const b = Array.from(before).pop() ?? '';
    const a = Array.from(after)[0] ?? '';
    return b && a && hasCjk(b) && hasCjk(a) ? '' : ' ';
  });
}

