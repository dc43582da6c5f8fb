/**
 * Inline layout: styled runs → lines of positioned fragments. We break lines ourselves instead
 * of letting pdfkit wrap, so that every block (paragraphs, table cells, diagram boxes) is measured
 * once, can be split line by line across pages, and obeys the Chinese line-breaking rules
 * (no line starts with ，。、；：？！）」》 and none ends with （「《).
 */
import type { FontSet } from '../fonts.js';
import { widthOf, type FontKey } from './measure.js';

export interface RunStyle {
  bold?: boolean;
  color?: string;
  strike?: boolean;
  underline?: boolean;
  /** Only ever an http(s)/mailto URL: the link handler checks before setting it. */
  link?: string;
  /** Inline code: grey background. */
  code?: boolean;
  /** Superscript (footnote references). */
  sup?: boolean;
}

export interface Run {
  text: string;
  style: RunStyle;
  /** A forced line break (mdast `break`, or a newline in preformatted text). */
  hard?: boolean;
}

export interface Frag {
  text: string;
  x: number;
  width: number;
  style: RunStyle;
}

export interface Line {
  frags: Frag[];
  width: number;
}

export interface LayoutOptions {
  width: number;
  size: number;
  /** Preformatted: keep spaces and newlines, break anywhere. */
  pre?: boolean;
}

const enum Kind {
  Space,
  Word,
  Cjk,
  Hard,
}

interface Atom {
  text: string;
  style: RunStyle;
  width: number;
  kind: Kind;
  /** A line may break between the previous atom and this one. */
  breakBefore: boolean;
}

const CLOSING = new Set([...'，。、；：？！）」』》〉】〕｝］〗〙〛”’·‥…—～%‰℃°,.;:!?)]}>ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ']);
const OPENING = new Set([...'（「『《〈【〔｛［〖〘〚“‘([{<￥＄']);

export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x2014 ||
    cp === 0x2026 ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x00b7
  );
}

export const fontKey = (style: RunStyle): FontKey => (style.bold ? 'bold' : 'regular');
export const runSize = (style: RunStyle, size: number): number => (style.sup ? size * 0.68 : size);

function canBreak(prev: Atom | undefined, next: Atom): boolean {
  if (!prev || prev.kind === Kind.Hard || next.kind === Kind.Hard) return false;
  if (next.kind === Kind.Space) return false;
  if (prev.kind === Kind.Space) return true;
  const first = next.text[0];
  const last = prev.text[prev.text.length - 1];
  if (CLOSING.has(first) || OPENING.has(last)) return false;
  if ((first === '—' || first === '…') && last === first) return false;
  return prev.kind === Kind.Cjk || next.kind === Kind.Cjk;
}

function tokenize(runs: Run[], fonts: FontSet, size: number, pre: boolean): Atom[] {
  const atoms: Atom[] = [];
  const push = (text: string, style: RunStyle, kind: Kind, forceBreak = false): void => {
    const prev = atoms[atoms.length - 1];
    const width = kind === Kind.Hard ? 0 : pre && kind === Kind.Space ? size * 0.36 : widthOf(fonts, fontKey(style), text, runSize(style, size));
    const atom: Atom = { text, style, width, kind, breakBefore: false };
    atom.breakBefore = forceBreak || (pre ? kind !== Kind.Space || prev?.kind !== Kind.Space : canBreak(prev, atom));
    atoms.push(atom);
  };
  for (const run of runs) {
    if (run.hard) {
      push('\n', run.style, Kind.Hard);
      continue;
    }
    let word = '';
    let afterHyphen = false;
    const flushWord = (): void => {
      if (word) push(word, run.style, Kind.Word, afterHyphen);
      word = '';
      afterHyphen = false;
    };
    const chars = [...run.text];
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const cp = ch.codePointAt(0)!;
      if (pre) {
        if (ch === '\n') push('\n', run.style, Kind.Hard);
        else if (ch === '\t') for (let i = 0; i < 4; i++) push(' ', run.style, Kind.Space);
        else if (ch !== '\r') push(ch, run.style, ch === ' ' ? Kind.Space : Kind.Cjk);
      } else if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u3000') {
        flushWord();
        const prev = atoms[atoms.length - 1];
        if (prev?.kind !== Kind.Space) push(ch === '\u3000' ? ch : ' ', run.style, Kind.Space);
      } else if (isCjk(cp)) {
        flushWord();
        push(ch, run.style, Kind.Cjk);
      } else {
        word += ch;
        // A hyphen or slash inside a Latin word may end a line when a letter follows ("KS-3D-|AOI-500").
        if ((ch === '-' || ch === '/') && word.length > 1 && /[A-Za-z]/.test(chars[i + 1] ?? '')) {
          flushWord();
          afterHyphen = true;
        }
      }
    }
    flushWord();
  }
  return atoms;
}

/** Split an atom too wide for any line into single characters. */
function explode(atom: Atom, fonts: FontSet, size: number): Atom[] {
  return [...atom.text].map((ch, i) => ({
    text: ch,
    style: atom.style,
    kind: Kind.Cjk,
    width: widthOf(fonts, fontKey(atom.style), ch, runSize(atom.style, size)),
    breakBefore: i === 0 ? atom.breakBefore : !CLOSING.has(ch),
  }));
}

export function layoutRuns(runs: Run[], fonts: FontSet, opts: LayoutOptions): Line[] {
  const { width, size } = opts;
  const pre = opts.pre ?? false;
  const atoms = tokenize(runs, fonts, size, pre);
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  let w = 0;
  const flush = (): void => {
    while (!pre && line.length && line[line.length - 1].kind === Kind.Space) line.pop();
    lines.push(line);
    line = [];
    w = 0;
  };
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    if (a.kind === Kind.Hard) {
      flush();
      continue;
    }
    if (a.kind === Kind.Space && line.length === 0 && !pre) continue;
    if (w + a.width <= width + 0.01 || a.kind === Kind.Space) {
      line.push(a);
      w += a.width;
      continue;
    }
    if (line.length === 0) {
      // Alone on a line and still too wide: split it, or accept a single glyph wider than the line.
      if ([...a.text].length > 1) {
        atoms.splice(i, 1, ...explode(a, fonts, size));
        i--;
      } else {
        line.push(a);
        w += a.width;
      }
      continue;
    }
    let k = a.breakBefore ? line.length : -1;
    for (let j = line.length - 1; k < 0 && j > 0; j--) if (line[j].breakBefore) k = j;
    if (k < 0) k = line.length; // no opportunity at all: break before `a` rather than overflow
    const carry = line.splice(k);
    flush();
    for (const c of carry) {
      if (c.kind === Kind.Space && line.length === 0 && !pre) continue;
      line.push(c);
      w += c.width;
    }
    i--;
  }
  if (line.length) flush();
  return lines.map((atomsOfLine) => toLine(atomsOfLine, pre));
}

function toLine(atoms: Atom[], pre: boolean): Line {
  const frags: Frag[] = [];
  let x = 0;
  let last: Frag | undefined;
  for (const a of atoms) {
    if (pre && a.kind === Kind.Space) {
      // Preformatted spaces are positioned, not drawn: indentation keeps a fixed half-em step.
      last = undefined;
    } else if (last && last.style === a.style) {
      last.text += a.text;
      last.width += a.width;
    } else {
      last = { text: a.text, x, width: a.width, style: a.style };
      frags.push(last);
    }
    x += a.width;
  }
  return { frags: frags.filter((f) => f.text.trim() !== ''), width: x };
}

/**
 * Width of the widest piece that can never be broken (a word, a number, a CJK character with
 * the punctuation glued to it): a table column narrower than this would split it mid-word.
 */
export function minContentWidth(runs: Run[], fonts: FontSet, size: number): number {
  let max = 0;
  let cur = 0;
  for (const a of tokenize(runs, fonts, size, false)) {
    if (a.kind === Kind.Space || a.kind === Kind.Hard) cur = 0;
    else {
      cur = a.breakBefore ? a.width : cur + a.width;
      max = Math.max(max, cur);
    }
  }
  return max;
}

/** Widest line, e.g. to size a label column. */
export const maxLineWidth = (lines: Line[]): number => lines.reduce((m, l) => Math.max(m, l.width), 0);

/** Plain runs for a literal string (deal values: never Markdown). */
export const plain = (text: string, style: RunStyle = {}): Run[] => [{ text, style }];
