/**
 * Inline layout: styled runs → lines of positioned fragments. We break lines ourselves instead
 * of letting pdfkit wrap, so that every block (paragraphs, table cells, diagram boxes) is measured
 * once, can be split line by line across pages, and obeys the Chinese line-breaking rules
 * (no line starts with ，。、；：？！）」》 and none ends with （「《).
 */
import { faceOf, isInvisible, type FontSet, type Weight } from '../../fonts/fonts.js';
import { needsShaping, shapeChar, shapeCharAt, shapeWord, type FontKey, type Shaped } from './measure.js';
import { at } from '../must.js';

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
  /** Emphasis: a dot under each character (着重号), since CJK has no italics. */
  emph?: boolean;
}

export interface Run {
  text: string;
  style: RunStyle;
  /** A forced line break (mdast `break`, or a newline in preformatted text). */
  hard?: boolean;
}

interface Frag {
  text: string;
  /** The face of the font chain that prints this fragment. */
  face: FontKey;
  x: number;
  width: number;
  style: RunStyle;
  /** The glyphs to draw, as measured (absent: the text is shaped when drawn). */
  parts?: Shaped[];
}

export interface Line {
  frags: Frag[];
  width: number;
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
  face: FontKey;
  /** A line may break between the previous atom and this one. */
  breakBefore: boolean;
  /** Only as a last resort: after a hyphen inside a code (KS-3D-|AOI-500) too wide for the line. */
  emergency: boolean;
  /** Glyphs (absent for hard breaks and for preformatted spaces, which are positioned, not drawn). */
  shaped: Shaped | undefined;
}

/** A block's text measured once: lay it out at any width, or ask for its narrowest width. */
export interface Tokens {
  readonly atoms: readonly Atom[];
  readonly pre: boolean;
  readonly size: number;
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

/** The primary face of a style's weight (the first family of the chain). */
export const fontKey = (style: RunStyle): FontKey => faceOf(0, !!style.bold);

/** Scripts written without spaces between words, broken at dictionary word boundaries (ICU). */
const SEGMENTED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/;
let wordSegmenter: Intl.Segmenter | undefined;
let graphemeSegmenter: Intl.Segmenter | undefined;

/** Split text into grapheme clusters (never break or split a font run inside one). */
function graphemes(text: string): string[] {
  graphemeSegmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** Word boundaries of Thai (and Lao, Khmer, Myanmar) text, from ICU's dictionaries. */
function thaiWords(text: string): string[] {
  wordSegmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  return Array.from(wordSegmenter.segment(text), (s) => s.segment);
}

const MARK = /^\p{M}$/u;

/** The face of a code point: the first of the chain with its glyph; a combining mark stays with its base. */
function faceAt(fonts: FontSet, table: Uint16Array, bold: boolean, cp: number, prevFace: number): FontKey {
  if (cp < 0x300 || prevFace < 0) {
    const hit = cp < 0x10000 ? (table[cp] ?? 0) : 0;
    if (hit !== 0 && hit !== 0x7fff) return hit - 1;
  } else if (MARK.test(String.fromCodePoint(cp)) && fonts.font(prevFace).hasGlyphForCodePoint(cp)) return prevFace;
  const f = fonts.face(cp, bold);
  return f < 0 ? faceOf(0, bold) : f;
}
export const runSize = (style: RunStyle, size: number): number => (style.sup ? size * 0.68 : size);

function canBreak(prev: Atom | undefined, next: Atom): boolean {
  if (!prev || prev.kind === Kind.Hard || next.kind === Kind.Hard) return false;
  if (next.kind === Kind.Space) return false;
  if (prev.kind === Kind.Space) return true;
  const first = next.text[0] ?? '';
  const last = prev.text[prev.text.length - 1] ?? '';
  if (CLOSING.has(first) || OPENING.has(last)) return false;
  if ((first === '—' || first === '…') && last === first) return false;
  return prev.kind === Kind.Cjk || next.kind === Kind.Cjk;
}

const isLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

function pushAtom(tokens: Tokens, text: string, style: RunStyle, kind: Kind, shaped: Shaped | undefined, forceBreak: boolean, face: FontKey): void {
  const atoms = tokens.atoms as Atom[];
  const prev = atoms.length ? atoms[atoms.length - 1] : undefined;
  const width = kind === Kind.Hard ? 0 : shaped ? (shaped.width * runSize(style, tokens.size)) / 1000 : tokens.size * 0.36;
  const atom: Atom = { text, style, width, kind, face, breakBefore: false, emergency: false, shaped };
  atom.breakBefore = forceBreak || (tokens.pre ? kind !== Kind.Space || prev?.kind !== Kind.Space : canBreak(prev, atom));
  atoms.push(atom);
}

/** The word starting at `from` (up to a space or CJK character) has no lowercase letter: a model or document number. */
function codeLike(text: string, from: number): boolean {
  let j = from;
  while (j < text.length && !/[\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(text.charAt(j))) j++;
  return !/[a-z]/.test(text.slice(from, j));
}

function pushWord(tokens: Tokens, fonts: FontSet, face: FontKey, word: string, style: RunStyle, afterHyphen: boolean, afterCodeHyphen = false): void {
  const font = fonts.font(face);
  const first = tokens.atoms.length;
  if (!SEGMENTED.test(word)) pushAtom(tokens, word, style, Kind.Word, shapeWord(font, word), afterHyphen, face);
  // Thai has no spaces: a line may break at each dictionary word boundary (never inside a cluster).
  else thaiWords(word).forEach((w, i) => pushAtom(tokens, w, style, Kind.Word, shapeWord(font, w), i === 0 ? afterHyphen : true, face));
  // After a hyphen inside a code (KS-3D-|AOI-500): a break there only as a last resort.
  if (afterCodeHyphen && tokens.atoms.length > first) at(tokens.atoms as Atom[], first).emergency = true;
}

/** Measure styled runs once: atoms (words, CJK characters, spaces, hard breaks) with their glyphs and faces. */
export function tokenize(runs: Run[], fonts: FontSet, size: number, pre = false): Tokens {
  const tokens: Tokens = { atoms: [], pre, size };
  const atoms = tokens.atoms;
  for (const run of runs) {
    const style = run.style;
    const bold = !!style.bold;
    const primary = faceOf(0, bold);
    if (run.hard) {
      pushAtom(tokens, '\n', style, Kind.Hard, undefined, false, primary);
      continue;
    }
    const text = run.text;
    let wordStart = -1;
    let wordFace = primary;
    let afterHyphen = false;
    let breakNext = false;
    let codeHyphen = false;
    const table = fonts.table(bold);
    let lastFace = -1;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      if (pre) {
        if (cp === 0x0a) pushAtom(tokens, '\n', style, Kind.Hard, undefined, false, primary);
        else if (cp === 0x09) for (let k = 0; k < 4; k++) pushAtom(tokens, ' ', style, Kind.Space, undefined, false, primary);
        else if (cp === 0x20) pushAtom(tokens, ' ', style, Kind.Space, undefined, false, primary);
        else if (cp !== 0x0d && !(isInvisible(cp) && fonts.face(cp, bold) < 0)) {
          const ch = text.slice(i, i + len);
          const face = faceAt(fonts, table, bold, cp, -1);
          pushAtom(tokens, ch, style, Kind.Cjk, shapeChar(fonts.font(face), cp, ch), false, face);
        }
      } else if (cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x3000) {
        if (wordStart >= 0) {
          pushWord(tokens, fonts, wordFace, text.slice(wordStart, i), style, afterHyphen || breakNext, codeHyphen);
          wordStart = -1;
          afterHyphen = breakNext = codeHyphen = false;
        }
        if (atoms[atoms.length - 1]?.kind !== Kind.Space) {
          const ch = cp === 0x3000 ? '\u3000' : ' ';
          const face = cp === 0x3000 ? faceAt(fonts, table, bold, cp, -1) : primary;
          pushAtom(tokens, ch, style, Kind.Space, shapeChar(fonts.font(face), cp === 0x3000 ? 0x3000 : 0x20, ch), false, face);
        }
        lastFace = -1;
      } else if (cp === 0x200b) {
        // Zero-width space: a break opportunity the data gives (Thai, long identifiers), drawn as nothing.
        if (wordStart >= 0) {
          pushWord(tokens, fonts, wordFace, text.slice(wordStart, i), style, afterHyphen || breakNext, codeHyphen);
          wordStart = -1;
          afterHyphen = breakNext = codeHyphen = false;
        }
        breakNext = true;
        lastFace = -1;
      } else if (isCjk(cp)) {
        if (wordStart >= 0) {
          pushWord(tokens, fonts, wordFace, text.slice(wordStart, i), style, afterHyphen || breakNext, codeHyphen);
          wordStart = -1;
          afterHyphen = breakNext = codeHyphen = false;
        }
        const face = faceAt(fonts, table, bold, cp, -1);
        lastFace = face;
        const font = fonts.font(face);
        if ((cp === 0x2014 || cp === 0x2026) && text.charCodeAt(i + 1) === cp) {
          // ——/……: one unbreakable atom, shaped, so the font's joined glyph is used.
          const pair = text.slice(i, i + 2);
          pushAtom(tokens, pair, style, Kind.Cjk, shapeWord(font, pair, true), false, face);
          i++;
          continue;
        }
        // The cached glyph carries the character's string (same length: exactly this character), so
        // no new string is made per character.
        const shaped = shapeCharAt(font, cp, text, i, len);
        pushAtom(tokens, shaped.plain.length === len ? shaped.plain : text.slice(i, i + len), style, Kind.Cjk, shaped, false, face);
      } else {
        if (cp > 0x7e && isInvisible(cp) && (lastFace < 0 || !fonts.font(lastFace).hasGlyphForCodePoint(cp))) {
          // Variation selectors, joiners, soft hyphens the current font lacks: not drawn.
          if (wordStart >= 0) {
            pushWord(tokens, fonts, wordFace, text.slice(wordStart, i), style, afterHyphen || breakNext, codeHyphen);
            wordStart = -1;
            afterHyphen = breakNext = codeHyphen = false;
          }
          i += len - 1;
          continue;
        }
        const face = cp > 0x7e && isInvisible(cp) ? lastFace : faceAt(fonts, table, bold, cp, lastFace);
        if (wordStart >= 0 && face !== wordFace) {
          // The font changes inside a word: two atoms glued together (no break between them).
          pushWord(tokens, fonts, wordFace, text.slice(wordStart, i), style, afterHyphen || breakNext, codeHyphen);
          wordStart = -1;
          afterHyphen = breakNext = codeHyphen = false;
        }
        if (wordStart < 0) {
          wordStart = i;
          wordFace = face;
        }
        lastFace = face;
        // A hyphen or slash inside a Latin word may end a line when a letter follows ("KS-3D-|AOI-500").
        // Codes without lowercase letters (KS-3D-AOI-500, SV-EXT-WTY) break there only as a last resort (issue 9).
        if ((cp === 0x2d || cp === 0x2f) && i > wordStart && isLetter(text.charCodeAt(i + 1))) {
          const code = codeLike(text, wordStart);
          pushWord(tokens, fonts, wordFace, text.slice(wordStart, i + 1), style, afterHyphen || breakNext, codeHyphen);
          wordStart = -1;
          afterHyphen = !code;
          codeHyphen = code;
          breakNext = false;
        }
      }
      i += len - 1;
    }
    if (wordStart >= 0) pushWord(tokens, fonts, wordFace, text.slice(wordStart), style, afterHyphen || breakNext, codeHyphen);
  }
  return tokens;
}

/** Split an atom too wide for any line into single characters. */
function explode(atom: Atom, fonts: FontSet, size: number): Atom[] {
  const font = fonts.font(atom.face);
  // Grapheme clusters, not code points: a Thai consonant keeps its marks, an emoji its modifiers.
  return graphemes(atom.text).map((ch, i) => {
    const shaped = ch.length > 2 || needsShaping(ch) ? shapeWord(font, ch, true) : shapeChar(font, ch.codePointAt(0)!, ch);
    return {
      text: ch,
      style: atom.style,
      kind: Kind.Cjk,
      face: atom.face,
      width: (shaped.width * runSize(atom.style, size)) / 1000,
      breakBefore: i === 0 ? atom.breakBefore : !CLOSING.has(ch),
      emergency: false,
      shaped,
    };
  });
}

/** Break measured text into lines of at most `width` points. */
export function layoutTokens(tokens: Tokens, fonts: FontSet, width: number): Line[] {
  const { pre, size } = tokens;
  let atoms = tokens.atoms as Atom[];
  // Fast path (most table cells): no hard break and everything fits on one line.
  let total = 0;
  let simple = !pre;
  for (let i = 0; simple && i < atoms.length; i++) {
    const a = at(atoms, i);
    if (a.kind === Kind.Hard) simple = false;
    total += a.width;
  }
  if (simple && total <= width + 0.01) {
    const only = trimmed(atoms, 0, atoms.length);
    return only.length ? [toLine(only)] : [];
  }
  const lines: Atom[][] = [];
  /** lines[i] ended because the next atom did not fit (not at a hard break or the end). */
  const soft: boolean[] = [];
  let line: Atom[] = [];
  let w = 0;
  for (let i = 0; i < atoms.length; i++) {
    const a = at(atoms, i);
    if (a.kind === Kind.Hard) {
      lines.push(pre ? line : trimmed(line, 0, line.length));
      soft.push(false);
      [line, w] = [[], 0];
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
      if (graphemes(a.text).length > 1) {
        // concat, not splice(...spread): a word of 100,000 glyphs overflows the argument stack.
        atoms = atoms.slice(0, i).concat(explode(a, fonts, size), atoms.slice(i + 1));
        i--;
      } else {
        line.push(a);
        w += a.width;
      }
      continue;
    }
    let k = a.breakBefore ? line.length : -1;
    for (let j = line.length - 1; k < 0 && j > 0; j--) if (at(line, j).breakBefore) k = j;
    if (k < 0 && a.kind === Kind.Cjk && CLOSING.has(a.text) && a.width <= width * 0.34) {
      // No break before it and nowhere else: closing punctuation hangs past the line end rather
      // than start the next line (a code too wide for a narrow box, then "）").
      line.push(a);
      w += a.width;
      continue;
    }
    if (k < 0) {
      if (a.emergency) k = line.length;
      else for (let j = line.length - 1; k < 0 && j > 0; j--) if (at(line, j).emergency) k = j;
    }
    if (k < 0) k = line.length; // no opportunity at all: break before `a` rather than overflow
    const carry = line.splice(k);
    lines.push(pre ? line : trimmed(line, 0, line.length));
    soft.push(true);
    [line, w] = [[], 0];
    for (const c of carry) {
      if (c.kind === Kind.Space && line.length === 0 && !pre) continue;
      line.push(c);
      w += c.width;
    }
    i--;
  }
  if (line.length) {
    lines.push(pre ? line : trimmed(line, 0, line.length));
    soft.push(false);
  }
  if (!pre) for (let i = 1; i < lines.length; i++) if (soft[i - 1]) balanceLast(lines, i, width);
  return lines.map(toLine);
}

/**
 * A line holding one lone CJK character (with any closing punctuation glued to it) takes the
 * last breakable piece of the line above along, so "…报告" never ends as "…报" / "告"
 * — in body text, table cells and titles alike.
 */
function balanceLast(lines: Atom[][], i: number, width: number): void {
  const last = at(lines, i);
  const ink = last.filter((a) => a.kind !== Kind.Space);
  if (ink[0]?.kind !== Kind.Cjk || ink.slice(1).some((a) => a.breakBefore || a.kind !== Kind.Cjk)) return;
  const prev = at(lines, i - 1);
  let j = -1;
  for (let k = prev.length - 1; k > 0; k--) {
    if (at(prev, k).breakBefore) {
      j = k;
      break;
    }
  }
  // Leave at least two pieces above, and move only what fits beside the lone character.
  if (j < 2) return;
  const moved = trimmed(prev.slice(j), 0, prev.length - j);
  const w = moved.reduce((s, a) => s + a.width, 0) + last.reduce((s, a) => s + a.width, 0);
  if (w > width + 0.01) return;
  lines[i - 1] = trimmed(prev.slice(0, j), 0, j);
  lines[i] = [...moved, ...last];
}

/** atoms[from, to) without trailing (and, for the fast path, leading) spaces. */
function trimmed(atoms: Atom[], from: number, to: number): Atom[] {
  while (from < to && at(atoms, from).kind === Kind.Space) from++;
  while (to > from && at(atoms, to - 1).kind === Kind.Space) to--;
  return from === 0 && to === atoms.length ? atoms : atoms.slice(from, to);
}

function toLine(atoms: Atom[]): Line {
  const frags: Frag[] = [];
  let x = 0;
  let last: Frag | undefined;
  let parts: Shaped[] = [];
  let ink = false;
  for (const a of atoms) {
    if (!a.shaped || !last || last.style !== a.style || last.face !== a.face) {
      if (last && ink) frags.push(last);
      last = undefined;
      ink = false;
    }
    if (!a.shaped) {
      // Preformatted spaces are positioned, not drawn: indentation keeps a fixed half-em step.
    } else if (last) {
      last.text += a.text;
      last.width += a.width;
      parts.push(a.shaped);
      ink ||= a.kind !== Kind.Space;
    } else {
      parts = [a.shaped];
      last = { text: a.text, face: a.face, x, width: a.width, style: a.style, parts };
      ink = a.kind !== Kind.Space;
    }
    x += a.width;
  }
  if (last && ink) frags.push(last);
  return { frags, width: x };
}

/** One line, never broken (labels, running header, page numbers). */
export function singleLine(runs: Run[], fonts: FontSet, size: number): Line {
  return toLine(tokenize(runs, fonts, size).atoms.filter((a) => a.kind !== Kind.Hard));
}

/** Width in points of `text` set in one face at `size`, as `singleLine` lays it out. */
export function widthOf(fonts: FontSet, key: Weight, text: string, size: number): number {
  return singleLine([{ text, style: key === 'bold' ? BOLD : PLAIN }], fonts, size).width;
}

const PLAIN: RunStyle = {};
const BOLD: RunStyle = { bold: true };

/** Widest unbreakable piece; with `emergency`, codes count as broken after their hyphens too. */
export function minContentOf(tokens: Tokens, emergency = false): number {
  let max = 0;
  let cur = 0;
  for (const a of tokens.atoms) {
    if (a.kind === Kind.Space || a.kind === Kind.Hard) cur = 0;
    else {
      cur = a.breakBefore || (emergency && a.emergency) ? a.width : cur + a.width;
      max = Math.max(max, cur);
    }
  }
  return max;
}

/** Widest line, e.g. to size a label column. */
export const maxLineWidth = (lines: Line[]): number => lines.reduce((m, l) => Math.max(m, l.width), 0);

/** Plain runs for a literal string (deal values: never Markdown). */
export const plain = (text: string, style: RunStyle = {}): Run[] => [{ text, style }];
