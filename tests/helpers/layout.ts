/**
 * Layout invariants read from a PDF's text layer (poppler's `pdftotext -bbox`: every word with its
 * box), so they hold for our PDFs and for DOCX rendered through LibreOffice alike:
 *
 * - list markers: a marker (•, ◦, ▪, "1.", "(2)", "a.") always has its item's text on its baseline;
 * - no text outside the left/right margins or off the page, no text overlapping other text;
 * - no page (except allowed short ones, e.g. the cover) with fewer than three lines of content;
 * - kinsoku: no continuation line that starts with closing punctuation or holds one lone CJK character;
 * - unbreakable tokens (model numbers, invoice numbers, dates, amounts) never split across lines.
 */
import { execFileSync } from 'node:child_process';

export interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export interface Page {
  width: number;
  height: number;
  words: Word[];
}

/** Words on one baseline that are close enough to read as one run of text (one line of a cell or paragraph). */
export interface Segment extends Word {
  words: Word[];
}

export interface Problem {
  page: number;
  rule: 'marker' | 'margin' | 'overlap' | 'short-page' | 'kinsoku' | 'lone-char' | 'split-token';
  text: string;
}

export interface LayoutOptions {
  /** 1-based pages allowed to hold fewer than three lines (default: page 1, the cover). */
  shortPages?: number[];
  /** Content box in points: header/footer live above `top` / below `bottom` (default 25 mm / 20 mm sides). */
  margins?: { left: number; right: number; top: number; bottom: number };
  /** Strings that must never be split across lines (SKUs, invoice numbers, dates, amounts). */
  tokens?: string[];
  minLines?: number;
  /**
   * Accept a code (a token with letters) broken right after - / _ & (Word and LibreOffice break
   * there; so does the PDF, as a last resort, in a box too narrow for it). Dates and numbers never.
   */
  hyphenBreaks?: boolean;
  /** Rules not to report (e.g. 'lone-char' for DOCX: Word and LibreOffice break its lines). */
  skip?: Problem['rule'][];
}

const MM = 72 / 25.4;
const DEFAULT_MARGINS = { left: 20 * MM, right: 20 * MM, top: 25 * MM, bottom: 25 * MM };

/** Pieces of the draft watermark as pdftotext splits the diagonal text (草稿; DRAFT as "DR", "AFT"…). */
const isWatermark = (t: string) => /^(草|稿|草稿)$/.test(t) || (t.length > 0 && 'DRAFT'.includes(t));

export function readPages(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages: Page[] = [];
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(re)) {
    if (m[1]) pages.push({ width: +m[1], height: +m[2], words: [] });
    else {
      const w = { x0: +m[3], y0: +m[4], x1: +m[5], y1: +m[6], text: decode(m[7]) };
      // The draft watermark (草稿 / DRAFT, large and diagonal) lies over the text on purpose.
      if (isWatermark(w.text) && w.y1 - w.y0 > 40) continue;
      pages.at(-1)!.words.push(w);
    }
  }
  return pages;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Group a page's words into segments: same baseline, gaps under ~0.6 of the text height. */
export function segments(page: Page): Segment[] {
  const words = [...page.words].sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
  const rows: Word[][] = [];
  for (const w of words) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0].y1 - w.y1) < 1) row.push(w);
    else rows.push([w]);
  }
  const segs: Segment[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    let cur: Segment | undefined;
    for (const w of row) {
      const h = w.y1 - w.y0;
      if (cur && w.x0 - cur.x1 < 0.6 * h) {
        cur.words.push(w);
        cur.text += (w.x0 - cur.x1 > 0.15 * h ? ' ' : '') + w.text;
        cur.x1 = Math.max(cur.x1, w.x1);
        cur.y0 = Math.min(cur.y0, w.y0);
      } else {
        cur = { ...w, words: [w] };
        segs.push(cur);
      }
    }
  }
  return segs;
}

const MARKER = /^(?:[•◦▪●○■·]|[1-9]\d{0,2}[.)]|\([1-9]\d{0,2}\)|[a-z][.)])$/;
const CLOSING = /^[，。、；：？！）」』》〉】〕％,.;:!?)\]}]/;
const CJK = /^[\u3400-\u9fff\uf900-\ufaff][，。、；：？！）」』》]?$/;

/** The item text a marker segment introduces: on the marker's line (its centre inside the text's box), just right of it. */
export function markerText(segs: Segment[], marker: Segment): Segment | undefined {
  // On the same line means on the same baseline (as text extraction and copy-paste see it), not
  // merely overlapping: a marker raised or shrunk off the baseline reads as a line of its own.
  return segs.find((o) => o !== marker && Math.abs(o.y1 - marker.y1) <= 0.25 * (o.y1 - o.y0) && o.x0 > marker.x0 && o.x0 - marker.x1 < 40);
}

/** The marker segment printed on the line of `item` (just left of it), if any. */
export function markerOf(segs: Segment[], item: Segment): Segment | undefined {
  return segs.find((m) => MARKER.test(m.text.trim()) && markerText(segs, m) === item);
}

/** The segment directly above `s` that `s` continues (same left edge, one line pitch away). */
function lineAbove(segs: Segment[], s: Segment): Segment | undefined {
  const h = s.y1 - s.y0;
  return segs.find((o) => o !== s && Math.abs(o.x0 - s.x0) < 2 && s.y1 - o.y1 > 0.5 * h && s.y1 - o.y1 < 1.3 * h);
}

export function checkPages(pages: Page[], opts: LayoutOptions = {}): Problem[] {
  const m = opts.margins ?? DEFAULT_MARGINS;
  const shortPages = new Set(opts.shortPages ?? [1]);
  const minLines = opts.minLines ?? 3;
  const problems: Problem[] = [];
  const squash = (t: string) => t.replace(/\s+/g, '');

  pages.forEach((page, i) => {
    const n = i + 1;
    const add = (rule: Problem['rule'], text: string) => problems.push({ page: n, rule, text });
    const segs = segments(page);

    for (const w of page.words) {
      // CJK full stops and commas may hang into the margin (LibreOffice's default for Asian text).
      const hang = /[，。、；：）」』》]$/.test(w.text) ? w.y1 - w.y0 : 0;
      if (w.x0 < m.left - 2 || w.x1 > page.width - m.right + 2 + hang || w.y0 < 0 || w.y1 > page.height) add('margin', w.text);
    }
    for (let a = 0; a < page.words.length; a++) {
      const p = page.words[a];
      for (let b = a + 1; b < page.words.length; b++) {
        const q = page.words[b];
        const ox = Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0);
        const oy = Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0);
        if (ox <= 0 || oy <= 0) continue;
        const smaller = Math.min((p.x1 - p.x0) * (p.y1 - p.y0), (q.x1 - q.x0) * (q.y1 - q.y0));
        if (ox * oy > 0.35 * smaller) add('overlap', `${p.text} / ${q.text}`);
      }
    }
    for (const s of segs) {
      if (MARKER.test(s.text.trim()) && !markerText(segs, s) && !/[-/_&]$/.test(lineAbove(segs, s)?.text ?? '')) add('marker', `lone list marker "${s.text}"`);
      const above = lineAbove(segs, s);
      if (!above) continue;
      if (CLOSING.test(s.text)) add('kinsoku', `line starts with closing punctuation: "${above.text}" / "${s.text}"`);
      // "无" (none) alone is a whole value (an empty internal-notes box), not a wrapped character.
      if (CJK.test(s.text.trim()) && s.text.trim() !== '无') add('lone-char', `lone character on its own line: "${above.text}" / "${s.text}"`);
      // A number ends the line above ("SHA-256" is a code, not a number: its digest may follow on the next line).
      const last = above.text.match(/(?:^|[^A-Za-z\d-])[\d,]+$/);
      if (last && /^\d/.test(s.text) && /\d/.test(last[0])) add('split-token', `number split: "${above.text}" / "${s.text}"`);
    }
    if (!shortPages.has(n)) {
      const baselines = new Set(segs.filter((s) => s.y0 >= m.top - 4 && s.y1 <= page.height - m.bottom + 4).map((s) => Math.round(s.y1)));
      if (baselines.size < minLines) add('short-page', `only ${baselines.size} line(s) of content: ${segs.map((s) => s.text).join(' | ').slice(0, 120)}`);
    }
  });

  // A token is split when one line ends with its start and another line on that page begins with the rest.
  pages.forEach((page, i) => {
    const texts = segments(page).map((s) => squash(s.text));
    for (const token of opts.tokens ?? []) {
      const t = squash(token);
      for (let k = 2; k < t.length - 1; k++) {
        const [head, tail] = [t.slice(0, k), t.slice(k)];
        if (opts.hyphenBreaks && /[-/_&]$/.test(head) && /[A-Za-z]/.test(t)) continue;
        if (texts.some((x) => x.endsWith(head)) && texts.some((x) => x.startsWith(tail))) {
          problems.push({ page: i + 1, rule: 'split-token', text: `"${token}" split as "${head}" / "${tail}"` });
          break;
        }
      }
    }
  });
  return problems.filter((p) => !opts.skip?.includes(p.rule));
}

export function checkLayout(pdf: string, opts: LayoutOptions = {}): Problem[] {
  return checkPages(readPages(pdf), opts);
}

export const formatProblems = (file: string, problems: Problem[]): string =>
  problems.map((p) => `${file}${p.page ? ` p.${p.page}` : ''}: ${p.rule}: ${p.text}`).join('\n');
