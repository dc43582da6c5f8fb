/**
 * Bounds for untrusted Markdown, checked line by line BEFORE remark sees the text (micromark and
 * the writers recurse per nesting level, and micromark's emphasis matching is quadratic in the
 * number of `*`/`_`/`~` runs of one paragraph). Each limit ends in a positioned message instead
 * of a hang or "Maximum call stack size exceeded". Figures are in docs/architecture.md.
 */

/** Narrative size (UTF-8 bytes): ~100 pages of prose, parsed in about a second. */
export const MAX_MARKDOWN_BYTES = 256 * 1024;
/** Nested containers (blockquotes, list items) on one line. Real narratives use 2–4. */
export const MAX_MARKDOWN_DEPTH = 32;
/** Runs of `*`, `_` or `~` in one paragraph (emphasis matching is quadratic in them). */
export const MAX_DELIMITER_RUNS = 2000;

export interface MarkdownProblem {
  /** 1-based, relative to the Markdown text. */
  line: number;
  column: number;
  message: string;
}

const FENCE = /^(`{3,}|~{3,})/;
const BULLET = /^[-*+](?=[ \t]|$)/;
const ORDERED = /^\d{1,9}[.)](?=[ \t]|$)/;
const DELIMITER_RUN = /[*_~]+/g;

/** Width of leading blanks (tab stops of 4) starting at `from`, and where they end. */
function blanks(line: string, from: number, column: number): { end: number; column: number } {
  let i = from;
  let col = column;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
    col = line[i] === '\t' ? col + 4 - (col % 4) : col + 1;
    i++;
  }
  return { end: i, column: col };
}

export function checkMarkdownBounds(markdown: string): MarkdownProblem | undefined {
  const bytes = Buffer.byteLength(markdown, 'utf8');
  if (bytes > MAX_MARKDOWN_BYTES) {
    return { line: 1, column: 1, message: `the narrative is ${Math.ceil(bytes / 1024)} KB; at most ${MAX_MARKDOWN_BYTES / 1024} KB is allowed (split it, or move material to an appendix document)` };
  }
  const lines = markdown.split('\n');
  /** Content columns of the open list items (a line indented less closes them). */
  const items: number[] = [];
  let fence: string | undefined;
  let fenceQuotes = 0;
  let runs = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    let i = 0;
    let col = 0;
    let quotes = 0;
    let markers = 0;
    // Container prefix: blanks, `>` and list markers, in any mix (`> - > 1. text`).
    for (;;) {
      const b = blanks(line, i, col);
      const rest = line.slice(b.end, b.end + 12);
      if (line[b.end] === '>' && (fence === undefined || quotes < fenceQuotes)) {
        quotes++;
        i = b.end + 1;
        col = b.column + 1;
        if (quotes + items.length > MAX_MARKDOWN_DEPTH) break;
        continue;
      }
      if (fence === undefined) {
        const m = BULLET.exec(rest) ?? ORDERED.exec(rest);
        if (m && (markers > 0 || !/^([-*_])([ \t]*\1){2,}[ \t]*$/.test(line.slice(b.end)))) {
          if (!markers) while (items.length && items[items.length - 1] > b.column) items.pop();
          const after = blanks(line, b.end + m[0].length, b.column + m[0].length);
          items.push(after.column > b.column + m[0].length + 4 ? b.column + m[0].length + 1 : after.column);
          markers++;
          i = b.end + m[0].length;
          col = b.column + m[0].length;
          if (quotes + items.length > MAX_MARKDOWN_DEPTH) break;
          continue;
        }
      }
      if (!markers && b.end < line.length) while (items.length && items[items.length - 1] > b.column) items.pop();
      i = b.end;
      col = b.column;
      break;
    }
    const depth = quotes + items.length;
    if (depth > MAX_MARKDOWN_DEPTH) {
      return { line: n + 1, column: i + 1, message: `Markdown nested ${depth} levels deep (blockquotes and lists); at most ${MAX_MARKDOWN_DEPTH} are allowed` };
    }
    const content = line.slice(i);
    const f = FENCE.exec(content);
    if (f) {
      if (fence === undefined) {
        fence = f[1][0].repeat(f[1].length);
        fenceQuotes = quotes;
      }
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && content.slice(f[1].length).trim() === '') fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    if (content.trim() === '') {
      runs = 0;
      continue;
    }
    DELIMITER_RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DELIMITER_RUN.exec(content))) {
      if (++runs > MAX_DELIMITER_RUNS) {
        return { line: n + 1, column: i + m.index + 1, message: `more than ${MAX_DELIMITER_RUNS} runs of * _ ~ in one paragraph (emphasis would take too long to match); separate paragraphs with a blank line or escape them (\\*)` };
      }
    }
  }
  return undefined;
}
