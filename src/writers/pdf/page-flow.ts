/**
 * Pagination of the PDF state (the first layer of PdfState, see ./state.ts): the vertical cursor,
 * the current column, gaps between blocks, keep-with-next for headings, page breaks and the hooks
 * that continue a box or a bar across them, and the pending list marker.
 *
 * Pagination is ours, not pdfkit's: blocks ask `ensure(height)` before drawing. `measure(fn)` runs
 * handlers without drawing to learn how a block will fall across pages (callout backgrounds
 * must be painted before their text); it replays exactly the same code path as the real pass.
 */
import type PDFDocument from 'pdfkit';
import { SIZES, type Geometry } from './theme.js';
import { at } from '../must.js';

export type Doc = typeof PDFDocument;

/** Called around page breaks, e.g. to continue a callout background or a quote bar. */
export interface FlowHook<S> {
  beforeBreak?(state: S): void;
  afterBreak?(state: S): void;
}

/** A heading waiting to be drawn together with the start of the block after it. */
interface HeldBlock {
  height: number;
  before: number;
  after: number;
  draw: () => void;
}

export interface Segment {
  from: number;
  to: number;
}

export class PageFlow {
  y: number;
  /** Current column: lists, quotes and callouts narrow it. */
  x: number;
  width: number;
  /** Body size and line height of the current context (footnotes and callouts shrink them). */
  size: number = SIZES.body;
  lineHeight: number = SIZES.lineHeight;
  measuring = false;
  /** 0-based index of the current page (simulated while measuring). */
  page = 0;
  readonly coverPages = new Set<number>();
  readonly hooks: FlowHook<this>[] = [];
  /** Draws the pending list marker at the first line of the item's content. */
  marker: ((baseline: number, lineTop: number) => void) | undefined;

  private pendingBreak = false;
  private pendingGap = 0;
  /** Set by `open()`: the first child of a container starts flush with it. */
  private swallowGap = false;
  private held: HeldBlock[] = [];
  private contentStart: number;

  constructor(
    readonly doc: Doc,
    readonly geo: Geometry,
  ) {
    this.y = geo.top;
    this.contentStart = geo.top;
    this.x = geo.left;
    this.width = geo.right - geo.left;
  }

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
    if (!this.atPageTop) this.y += at(held, 0).before;
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
    for (let i = this.hooks.length - 1; i >= 0; i--) this.hooks[i]?.beforeBreak?.(this);
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
    const hook: FlowHook<this> = {
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
}
