/**
 * Bounds for untrusted Markdown, checked line by line BEFORE remark sees the text (micromark and
 * the writers recurse per nesting level, and micromark's emphasis matching is quadratic in the
 * number of `*`/`_`/`~` runs of one paragraph). Each limit ends in a positioned message instead
 * of a hang or "Maximum call stack size exceeded". Figures are in docs/architecture.md.
 */

/** Narrative size (UTF-8 bytes): ~60 pages of prose. */
const MAX_MARKDOWN_BYTES = 128 * 1024;
/** Nested containers (blockquotes, list items) on one line. Real narratives use 2–4. */
export const MAX_MARKDOWN_DEPTH = 32;
/** Lines: micromark spends ~0.1–0.3 ms on each block whatever its size. */
const MAX_MARKDOWN_LINES = 5000;
/** Σ over lines of their container depth (every line re-enters each of its containers). */
const MAX_CONTAINER_WORK = 20_000;
/**
 * Inline delimiters — runs of `*` `_` `~` and each `[` `]` — in one paragraph: matching emphasis
 * and link labels is quadratic in them (64,000 `]` in one paragraph take a minute).
 */
export const MAX_DELIMITER_RUNS = 1000;
/** One run of the same delimiter (`~~~…`): GFM autolinks are quadratic in a long run inside a URL. */
const MAX_DELIMITER_RUN_LENGTH = 100;
/** The same over the whole narrative (the quadratic cost, paid paragraph by paragraph). */
const MAX_DELIMITER_RUNS_TOTAL = 20_000;

export interface MarkdownProblem {
  /** 1-based, relative to the Markdown text. */
  line: number;
  column: number;
  message: string;
}

/** The whole match is the fence (its one group too). */
const FENCE = /^(`{3,}|~{3,})/;
const BULLET = /^[-*+](?=[ \t]|$)/;
const ORDERED = /^\d{1,9}[.)](?=[ \t]|$)/;
const DELIMITER_RUN = /[*_~]+|[[\]]/g;

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
  if (lines.length > MAX_MARKDOWN_LINES) {
    return { line: MAX_MARKDOWN_LINES + 1, column: 1, message: `the narrative has ${lines.length.toLocaleString('en')} lines; at most ${MAX_MARKDOWN_LINES.toLocaleString('en')} are allowed` };
  }
  let work = 0;
  let allRuns = 0;
  /** Open list items: content column and the number of `>` before them (a line indented less, or with fewer `>`, closes them). */
  const items: { col: number; q: number }[] = [];
  /**
   * Close what a container marker or content at `column`, after `q` times `>`, ends: an item of the
   * same quote level whose content starts further right, and (except at a `>`, which may be
   * followed by more) items that need more `>` than the line has — with everything inside them.
   */
  const close = (q: number, column: number, atQuote = false) => {
    const cut = items.findIndex((it) => (it.q === q && it.col > column) || (!atQuote && it.q > q));
    if (cut >= 0) items.length = cut;
  };
  let fence: string | undefined;
  let fenceQuotes = 0;
  /** Content column of the list item the fence is in (0 outside lists). */
  let fenceColumn = 0;
  let runs = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? ''; // n < lines.length
    if (fence !== undefined) {
      // Inside fenced code: only the containers the fence is in, then a closing fence. A line
      // without those containers ends them, and the fence with them (no lazy continuation).
      let p = 0;
      let col = 0;
      let q = 0;
      while (q < fenceQuotes) {
        const b = blanks(line, p, col);
        if (line[b.end] !== '>') break;
        q++;
        p = b.end + 1;
        col = b.column + 1;
      }
      const b = blanks(line, p, col);
      const blank = b.end >= line.length;
      if (blank || (q === fenceQuotes && b.column >= fenceColumn)) {
        const close = FENCE.exec(line.slice(b.end));
        if (close && close[0][0] === fence[0] && close[0].length >= fence.length && line.slice(b.end + close[0].length).trim() === '') fence = undefined;
        continue;
      }
      fence = undefined;
      close(fenceQuotes, fenceColumn);
    }
    let i = 0;
    let col = 0;
    let quotes = 0;
    let markers = 0;
    // Container prefix: blanks, `>` and list markers, in any mix (`> - > 1. text`).
    let afterQuote = false;
    for (;;) {
      const b = blanks(line, i, col);
      const rest = line.slice(b.end, b.end + 12);
      // Four columns of indentation past the enclosing container's content: indented code, not a container.
      let base = col + (afterQuote ? 1 : 0);
      for (const it of items) if (it.q === quotes && it.col <= b.column && it.col > base) base = it.col;
      if (b.column - base >= 4) {
        if (!markers && b.end < line.length) close(quotes, b.column);
        i = b.end;
        break;
      }
      afterQuote = false;
      if (line[b.end] === '>') {
        // A `>` left of an open item's content closes that item (and what it contains).
        if (!markers) close(quotes, b.column, true);
        afterQuote = true;
        quotes++;
        i = b.end + 1;
        col = b.column + 1;
        if (quotes + items.length > MAX_MARKDOWN_DEPTH) break;
        continue;
      }
      {
        const m = BULLET.exec(rest) ?? ORDERED.exec(rest);
        if (m && (markers > 0 || !/^([-*_])([ \t]*\1){2,}[ \t]*$/.test(line.slice(b.end)))) {
          if (!markers) close(quotes, b.column);
          const after = blanks(line, b.end + m[0].length, b.column + m[0].length);
          items.push({ col: after.column > b.column + m[0].length + 4 ? b.column + m[0].length + 1 : after.column, q: quotes });
          markers++;
          i = b.end + m[0].length;
          col = b.column + m[0].length;
          if (quotes + items.length > MAX_MARKDOWN_DEPTH) break;
          continue;
        }
      }
      if (!markers && b.end < line.length) close(quotes, b.column);
      i = b.end;
      col = b.column;
      break;
    }
    const depth = quotes + items.length;
    if (depth > MAX_MARKDOWN_DEPTH) {
      return { line: n + 1, column: i + 1, message: `Markdown nested ${depth} levels deep (blockquotes and lists); at most ${MAX_MARKDOWN_DEPTH} are allowed` };
    }
    work += depth;
    if (work > MAX_CONTAINER_WORK) {
      return { line: n + 1, column: 1, message: `too many deeply nested lines (${MAX_CONTAINER_WORK.toLocaleString('en')} line × level at most); flatten the lists or quotes` };
    }
    const content = line.slice(i);
    const f = FENCE.exec(content);
    if (f && !(f[0][0] === '`' && content.slice(f[0].length).includes('`'))) {
      fence = f[0];
      fenceQuotes = quotes;
      fenceColumn = items.at(-1)?.col ?? 0;
      continue;
    }
    if (content.trim() === '') {
      runs = 0;
      continue;
    }
    DELIMITER_RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DELIMITER_RUN.exec(content))) {
      if (m[0].length > MAX_DELIMITER_RUN_LENGTH && !/^[-*_](\s*[-*_])*\s*$/.test(content.trim())) {
        return { line: n + 1, column: i + m.index + 1, message: `a run of ${m[0].length} "${m[0][0]}" (at most ${MAX_DELIMITER_RUN_LENGTH} in a row); escape them or shorten the run` };
      }
      if (++runs > MAX_DELIMITER_RUNS) {
        return { line: n + 1, column: i + m.index + 1, message: `more than ${MAX_DELIMITER_RUNS} runs of * _ ~ [ ] in one paragraph (emphasis and links would take too long to match); separate paragraphs with a blank line or escape them (\\*)` };
      }
      if (++allRuns > MAX_DELIMITER_RUNS_TOTAL) {
        return { line: n + 1, column: i + m.index + 1, message: `more than ${MAX_DELIMITER_RUNS_TOTAL.toLocaleString('en')} runs of * _ ~ [ ] in the narrative; escape them (\\*) or use fewer` };
      }
    }
  }
  return undefined;
}
