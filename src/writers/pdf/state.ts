/**
 * The state every PDF handler shares, and the dispatch: `one(node)` draws a node with its type's
 * handler from the complete table (src/tree/handlers.ts). PdfState is built in layers, one
 * concern per module, each extending the one before:
 *   ./page-flow.ts   pagination: cursor, column, gaps, keep-with-next, page breaks, measure()
 *   ./typeset.ts     fonts and measurement: faces of the chain, embedded fonts, line layout
 *   ./drawing.ts     drawing: lines down the column, one line's glyphs, dots, rules, links
 *   ./runs.ts        the inline-run collector for phrasing handlers
 *   ./state.ts       dispatch and what the document carries (meta, footnotes, definitions, images)
 * Page furniture (running header, footer, page numbers, watermark) is drawn after the body, in
 * ./furniture.ts.
 */
import type { Definition, FootnoteDefinition, Image, Nodes, PhrasingContent } from 'mdast';
import type { FontSet } from '../../fonts/fonts.js';
import { handlerOf, isPhrasing, type Handler as TreeHandler, type Handlers as TreeHandlers } from '../../tree/handlers.js';
import type { DocMeta } from '../../tree/nodes.js';
import type { RenderContext } from '../types.js';
import type { LoadedImage } from './assets.js';
import type { Doc, FlowHook } from './page-flow.js';
import { RunCollector } from './runs.js';
import type { Geometry, Palette } from './theme.js';

export type { Doc } from './page-flow.js';
export { baselineOffset } from './drawing.js';

export type Handler<N = Nodes> = TreeHandler<PdfState, N, void, [parent: Nodes | undefined]>;
/** The PDF handler table: complete over every node type (src/tree/handlers.ts). */
export type Handlers = TreeHandlers<PdfState, void, [parent: Nodes | undefined]>;

/** Called around page breaks, e.g. to continue a callout background or a quote bar. */
export type PageHook = FlowHook<PdfState>;

export class PdfState extends RunCollector {
  listDepth = 0;
  /** Tight lists: paragraphs in items get almost no space. */
  tight = false;
  /** Widow control for the document's end: a page break before this top-level block (a second render). */
  breakBefore: number | undefined;
  /** Set by the root handler when the last page came out near-empty: render again with this break. */
  retryBreakBefore: number | undefined;
  readonly footnoteNumbers = new Map<string, number>();
  readonly footnotes: FootnoteDefinition[] = [];
  readonly definitions = new Map<string, Definition>();
  readonly images = new Map<string, LoadedImage>();

  constructor(
    doc: Doc,
    fonts: FontSet,
    readonly meta: DocMeta,
    readonly ctx: RenderContext,
    geo: Geometry,
    colors: Palette,
    readonly handlers: Handlers,
  ) {
    super(doc, geo, fonts, colors);
  }

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

  /** Inline image lookup filled by the asset pre-pass; undefined = refused or unreadable. */
  image(node: Pick<Image, 'url'>): LoadedImage | undefined {
    return this.images.get(node.url);
  }
}
