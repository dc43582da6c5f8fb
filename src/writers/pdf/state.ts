/**
 * The state every PDF handler shares: the pdfkit document, fonts, colours, the vertical cursor
 * and the current column, plus the inline-run collector used by phrasing handlers.
 *
 * Pagination is ours, not pdfkit's: blocks ask `ensure(height)` before drawing. `measure(fn)` runs
 * handlers without drawing to learn how a block will fall across pages (callout backgrounds
 * must be painted before their text); it replays exactly the same code path as the real pass.
 */
import type PDFDocument from 'pdfkit';
import type { Definition, FootnoteDefinition, Image, Nodes, PhrasingContent } from 'mdast';
import type { FontSet } from '../../fonts/fonts.js';
import type { DocMeta } from '../../tree/nodes.js';
import { handlerOf, isPhrasing, type Handler as TreeHandler, type Handlers as TreeHandlers } from '../../tree/handlers.js';
import type { RenderContext } from '../types.js';
import { fontKey, layoutTokens, singleLine, tokenize, runSize, type Line, type Run, type RunStyle, type Tokens } from './layout.js';
import type { FontKey } from './measure.js';
import { asEmbeddedFont, TextOut } from './text-out.js';
import { currentEmbeddedFont, usable as pdfkitInternals } from '../internals/pdfkit.js';
import { SIZES, type Geometry, type Palette } from './theme.js';
import type { LoadedImage } from './assets.js';

export type Doc = typeof PDFDocument;

export type Handler<N = Nodes> = TreeHandler<PdfState, N, void, [parent: Nodes | undefined]>;
/** The PDF handler table: complete over every node type (src/tree/handlers.ts). */
export type Handlers = TreeHandlers<PdfState, void, [parent: Nodes | undefined]>;

/** Called around page breaks, e.g. to continue a callout background or a quote bar. */
export interface PageHook {
  beforeBreak?(state: PdfState): void;
  afterBreak?(state: PdfState): void;
}

/** A heading waiting to be drawn together with the start of the block after it. */
export interface HeldBlock {
  height: number;
  before: number;
  after: number;
  draw: () => void;
}

export interface Segment {
  from: number;
  to: number;
}

export interface LinesOptions {
  x?: number;
  width?: number;
  size?: number;
  lineHeight?: number;
  align?: 'left' | 'right' | 'center';
  color?: string;
}

/** Distance from the top of a line box to its baseline: the ideographic em box is centred. */
export const baselineOffset = (size: number, lineHeight: number): number => (size * lineHeight - size) / 2 + 0.88 * size;

export class PdfState {
  y: number;
  /** Current column: lists, quotes and callouts narrow it. */
  x: number;
  width: number;
  /** Body size and line height of the current context (footnotes and callouts shrink them). */
  size: number = SIZES.body;
  lineHeight: number = SIZES.lineHeight;
  /** Base style for phrasing content in the current context (e.g. muted quotes). */
  inherit: RunStyle = {};
  textColor: string;
  listDepth = 0;
  /** Tight lists: paragraphs in items get almost no space. */
  tight = false;
  measuring = false;
  /** 0-based index of the current page (simulated while measuring). */
  page = 0;
  readonly coverPages = new Set<number>();
  /** Widow control for the document's end: a page break before this top-level block (a second render). */
  breakBefore: number | undefined;
  /** Set by the root handler when the last page came out near-empty: render again with this break. */
  retryBreakBefore: number | undefined;
  readonly hooks: PageHook[] = [];
  /** Draws the pending list marker at the first line of the item's content. */
  marker: ((baseline: number, lineTop: number) => void) | undefined;
  readonly footnoteNumbers = new Map<string, number>();
  readonly footnotes: FootnoteDefinition[] = [];
  readonly definitions = new Map<string, Definition>();
  readonly images = new Map<string, LoadedImage>();

  private pendingBreak = false;
  private pendingGap = 0;
  /** Set by `open()`: the first child of a container starts flush with it. */
  private swallowGap = false;
  private collecting = 0;
  private held: HeldBlock[] = [];
  private contentStart: number;
  private runs: Run[] = [];
  private style: RunStyle = {};
  private readonly embeddedFonts = new Map<FontKey, ReturnType<typeof asEmbeddedFont>>();
  /** Text drawing: glyphs go straight into the content stream (./text-out.ts). */
  readonly out: TextOut;

  constructor(
    readonly doc: Doc,
    readonly fonts: FontSet,
    readonly meta: DocMeta,
    readonly ctx: RenderContext,
    readonly geo: Geometry,
    readonly colors: Palette,
    readonly handlers: Handlers,
  ) {
    this.y = geo.top;
    this.contentStart = geo.top;
    this.x = geo.left;
    this.width = geo.right - geo.left;
    this.textColor = colors.text;
    this.out = new TextOut(doc as unknown as ConstructorParameters<typeof TextOut>[0], (key) => this.embedded(key));
  }

  /** pdfkit's embedded font for a face in this document (created on first use). */
  private embedded(key: FontKey): ReturnType<typeof asEmbeddedFont> {
    let ef = this.embeddedFonts.get(key);
    if (!ef) {
      this.setFace(key, this.size);
      ef = asEmbeddedFont(currentEmbeddedFont(this.doc));
      this.embeddedFonts.set(key, ef);
    }
    return ef;
  }

  // ── dispatch ──────────────────────────────────────────────────────────

  /**
   * Draw one node with its type's handler. A type no handler knows (only a hand-built tree has
   * one: the table is complete by type) prints its children, else its text value — as runs inside
   * phrasing, as a paragraph at block level (as the DOCX writer does) — never a crash.
   */
  one(node: Nodes, parent?: Nodes): void {
    const handler = handlerOf(this.handlers, node.type);
    if (handler) return handler(this, node, parent);
    const children: Nodes[] = 'children' in node && Array.isArray(node.children) ? node.children : [];
    const value = 'value' in node && typeof node.value === 'string' ? node.value : undefined;
    if (this.inline) {
      if (children.length) this.all(node);
      else if (value !== undefined) this.text(value);
    } else if (children.length && children.every((c) => isPhrasing(c.type))) {
      this.handlers.paragraph(this, { type: 'paragraph', children: children as PhrasingContent[] }, parent);
    } else if (children.length) this.all(node);
    else if (value !== undefined) this.handlers.paragraph(this, { type: 'paragraph', children: [{ type: 'text', value }] }, parent);
  }

  all(parent: Nodes): void {
    if (!('children' in parent)) return;
    for (const child of parent.children as Nodes[]) this.one(child, parent);
  }

  // ── phrasing: handlers push styled runs ───────────────────────────────

  collect(nodes: PhrasingContent[] | Nodes[], base: RunStyle = this.inherit): Run[] {
    const saved = [this.runs, this.style] as const;
    this.runs = [];
    this.style = base;
    this.collecting++;
    for (const node of nodes) this.one(node);
    this.collecting--;
    const runs = this.runs;
    [this.runs, this.style] = saved;
    return runs;
  }

  /** True while phrasing handlers collect runs (an image there prints as text, not as a block). */
  get inline(): boolean {
    return this.collecting > 0;
  }

  text(value: string): void {
    if (value) this.runs.push({ text: value, style: this.style });
  }

  hardBreak(): void {
    this.runs.push({ text: '\n', style: this.style, hard: true });
  }

  withStyle(patch: RunStyle, fn: () => void): void {
    const saved = this.style;
    this.style = { ...saved, ...patch };
    fn();
    this.style = saved;
  }

  // ── vertical flow ─────────────────────────────────────────────────────

  get bottom(): number {
    return this.geo.bottom;
  }

  /** Nothing drawn on this page yet (after any continuation decorations). */
  get atPageTop(): boolean {
    return this.y <= this.contentStart + 0.01 && !this.pendingBreak;
  }

  /** Usable height of a fresh page. */
  get pageRoom(): number {
    return this.geo.bottom - this.geo.top;
  }

  /** Ask for vertical space before the next block; collapses with other gaps and vanishes at a page top. */
  gap(amount: number): void {
    this.pendingGap = Math.max(this.pendingGap, amount);
  }

  /** Start a block: apply the pending gap, then make sure `height` fits (else break the page). */
  begin(height: number): void {
    if (this.held.length) return this.releaseHeld(height);
    if (!this.atPageTop && !this.swallowGap) this.y += this.pendingGap;
    this.pendingGap = 0;
    this.swallowGap = false;
    this.ensure(height);
  }

  /**
   * Keep-with-next: hold a heading until the next block starts, then place both together — that
   * block's `begin(height)` says how much of it must follow on the same page.
   */
  hold(block: Omit<HeldBlock, 'before'>): void {
    const before = this.swallowGap ? 0 : this.pendingGap;
    this.pendingGap = 0;
    this.swallowGap = false;
    this.held.push({ ...block, before });
  }

  /** Whether a heading is waiting for the block that follows it. */
  get holding(): boolean {
    return this.held.length > 0;
  }

  /** Draw held headings now (end of document, explicit page break). */
  flush(): void {
    if (this.held.length) this.releaseHeld(0);
  }

  private releaseHeld(next: number): void {
    const held = this.held;
    this.held = [];
    // At least two lines of what follows stay with a heading (a heading over one list item is an orphan too).
    const follow = next > 0 ? Math.max(next, 2 * this.size * this.lineHeight) : 0;
    const need = held.reduce((s, h, i) => s + (i ? h.before : 0) + h.height + h.after, 0) + follow;
    if (!this.atPageTop) this.y += held[0].before;
    this.ensure(Math.min(need, this.pageRoom));
    // A list marker waiting for its item's first line must not land on the heading.
    const marker = this.marker;
    this.marker = undefined;
    held.forEach((h, i) => {
      if (i && !this.atPageTop) this.y += h.before;
      h.draw();
      this.y += h.after;
    });
    this.marker = marker;
    this.pendingGap = 0;
    this.swallowGap = false;
    // When heading + block exceed a page, the block gets what is left: blocks that can split do
    // so, atomic ones re-check with ensure() (and only then leave the heading behind).
  }

  /** Start a container (quote, list item): like `begin`, and its first child adds no gap of its own. */
  open(height: number): void {
    this.begin(height);
    this.swallowGap = true;
  }

  ensure(height: number): void {
    if (this.pendingBreak || (this.y + height > this.bottom + 0.01 && !this.atPageTop)) this.newPage();
  }

  /** Explicit page break: taken lazily, so a break at the very end never leaves a blank page. */
  pageBreak(): void {
    this.flush();
    if (!this.atPageTop) this.pendingBreak = true;
    this.pendingGap = 0;
  }

  newPage(): void {
    for (let i = this.hooks.length - 1; i >= 0; i--) this.hooks[i].beforeBreak?.(this);
    if (!this.measuring) this.doc.addPage();
    this.page++;
    this.y = this.geo.top;
    this.pendingBreak = false;
    this.pendingGap = 0;
    this.swallowGap = false;
    for (const hook of this.hooks) hook.afterBreak?.(this);
    this.contentStart = this.y;
  }

  /** Run `fn` without drawing and report the vertical segment it would occupy on each page. */
  measure(fn: () => void): Segment[] {
    const saved = {
      y: this.y,
      page: this.page,
      measuring: this.measuring,
      marker: this.marker,
      pendingBreak: this.pendingBreak,
      pendingGap: this.pendingGap,
      swallowGap: this.swallowGap,
      held: [...this.held],
      contentStart: this.contentStart,
    };
    const segments: Segment[] = [];
    let from = this.y;
    const hook: PageHook = {
      beforeBreak: (s) => segments.push({ from, to: s.y }),
      afterBreak: (s) => {
        from = s.y;
      },
    };
    this.measuring = true;
    this.hooks.push(hook);
    fn();
    segments.push({ from, to: this.y });
    this.hooks.pop();
    Object.assign(this, saved);
    return segments;
  }

  /** Draw only in the real pass. */
  paint(fn: (doc: Doc) => void): void {
    if (!this.measuring) fn(this.doc);
  }

  /** Run `fn` with the column narrowed by `left` (and `right`) points. */
  indented(left: number, right: number, fn: () => void): void {
    const [x, width] = [this.x, this.width];
    this.x += left;
    this.width -= left + right;
    fn();
    [this.x, this.width] = [x, width];
  }

  // ── text ──────────────────────────────────────────────────────────────

  layout(runs: Run[], width = this.width, size = this.size, pre = false): Line[] {
    return layoutTokens(tokenize(runs, this.fonts, size, pre), this.fonts, width);
  }

  /** Measure runs once, to lay them out later (possibly at several widths). */
  tokens(runs: Run[], size = this.size): Tokens {
    return tokenize(runs, this.fonts, size);
  }

  layoutTokens(tokens: Tokens, width: number): Line[] {
    return layoutTokens(tokens, this.fonts, width);
  }

  /** Flow lines down the column, breaking pages between lines. */
  lines(lines: Line[], opts: LinesOptions = {}): void {
    const size = opts.size ?? this.size;
    const lh = size * (opts.lineHeight ?? this.lineHeight);
    for (const line of lines) {
      this.ensure(lh);
      const top = this.y;
      const x = opts.x ?? this.x;
      const width = opts.width ?? this.width;
      const shift = opts.align === 'right' ? width - line.width : opts.align === 'center' ? (width - line.width) / 2 : 0;
      const baseline = top + baselineOffset(size, opts.lineHeight ?? this.lineHeight);
      this.takeMarker(baseline, top);
      this.paint(() => this.drawLine(line, x + shift, baseline, size, opts.color ?? this.textColor));
      this.y += lh;
    }
  }

  /** A list item whose content drew nothing still owes its marker. */
  get markerPending(): boolean {
    return this.marker !== undefined;
  }

  /** Give a pending list marker its place (blocks other than text call this with their top). */
  takeMarker(baseline: number, top: number): void {
    const marker = this.marker;
    this.marker = undefined;
    if (marker && !this.measuring) marker(baseline, top);
  }

  setFont(style: RunStyle, size: number): void {
    this.setFace(fontKey(style), size);
  }

  /** Make a face of the chain pdfkit's current font (registered on first use). */
  setFace(face: FontKey, size: number): void {
    // pdfkit's typings only know paths/Buffers; since 0.20 it also takes a fontkit Font, which is
    // what we pass so that the 10 MB TrueType is parsed once per process. The family name makes it
    // a cache key, so switching fonts does not build a new embedded font each time.
    this.doc.font(this.fonts.font(face) as unknown as string, this.fonts.pdfName(face), size);
  }

  /** Paint one laid-out line with its baseline at `baseline`. */
  drawLine(line: Line, x: number, baseline: number, size: number, color: string): void {
    const doc = this.doc;
    const out = this.out;
    // Backgrounds first, then all text of the line in one text object, then rules and links.
    for (const f of line.frags) {
      const st = f.style;
      if (!st.code) continue;
      const s = runSize(st, size);
      const by = st.sup ? baseline - size * 0.38 : baseline;
      doc.rect(x + f.x - 1.5, by - s * 0.95, f.width + 3, s * 1.25).fill(this.colors.codeBg);
    }
    if (!pdfkitInternals()) this.drawPublic(line, x, baseline, size, color);
    else out.begin();
    for (const f of pdfkitInternals() ? line.frags : []) {
      const st = f.style;
      const s = runSize(st, size);
      const by = st.sup ? baseline - size * 0.38 : baseline;
      if (f.parts) out.glyphs(f.face, s, st.color ?? color, x + f.x, by, f.parts);
      else for (const g of singleLine([{ text: f.text, style: st }], this.fonts, s).frags) out.glyphs(g.face, s, st.color ?? color, x + f.x + g.x, by, g.parts ?? []);
    }
    if (pdfkitInternals()) out.end();
    for (const f of line.frags) {
      const st = f.style;
      if (!st.strike && !st.underline && !st.link && !st.emph) continue;
      const s = runSize(st, size);
      const fx = x + f.x;
      const by = st.sup ? baseline - size * 0.38 : baseline;
      if (st.emph) {
        // 着重号: one dot per em (a CJK character), centred under it.
        const n = Math.max(1, Math.round(f.width / s));
        const step = f.width / n;
        for (let k = 0; k < n; k++) doc.circle(fx + step * (k + 0.5), by + s * 0.3, s * 0.07);
        doc.fill(st.color ?? color);
      }
      if (st.strike || st.underline) {
        const ly = st.strike ? by - s * 0.3 : by + s * 0.14;
        doc.moveTo(fx, ly).lineTo(fx + f.width, ly).lineWidth(s * 0.06).strokeColor(st.color ?? color).stroke();
      }
      if (st.link) doc.link(fx, by - s * 0.95, f.width, s * 1.25, st.link);
    }
  }

  /**
   * The public path (another pdfkit version, see ../internals/pdfkit.ts): each fragment drawn with
   * `doc.text()`, which shapes it again; positions are still ours, so layout does not change.
   */
  private drawPublic(line: Line, x: number, baseline: number, size: number, color: string): void {
    for (const f of line.frags) {
      const st = f.style;
      const s = runSize(st, size);
      const by = st.sup ? baseline - size * 0.38 : baseline;
      this.setFace(f.face, s);
      this.doc.fillColor(st.color ?? color).text(f.text, x + f.x, by, { lineBreak: false, baseline: 'alphabetic' });
    }
  }

  /** One unbroken label (list numbers, footnote marks), left end at `x`. */
  drawText(text: string, x: number, baseline: number, size: number, color: string, style: RunStyle = {}): void {
    this.drawLine(singleLine([{ text, style }], this.fonts, size), x, baseline, size, color);
  }

  /** Inline image lookup filled by the asset pre-pass; undefined = refused or unreadable. */
  image(node: Pick<Image, 'url'>): LoadedImage | undefined {
    return this.images.get(node.url);
  }
}
