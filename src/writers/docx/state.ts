/**
 * The state every handler shares (as in mdast-util-to-hast): the document's metadata and
 * theme, the definitions and footnotes found in the tree, list/numbering bookkeeping, and
 * the current *frame* — where blocks are being written (list item, quote, table cell, note)
 * — which `paragraph()` and `run()` apply so handlers stay short.
 */
import type { Definition, FootnoteDefinition, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import type { Align, DocMeta } from '../../tree/nodes.js';
import type { RenderContext } from '../types.js';
import { handlerOf, isPhrasing } from '../../tree/handlers.js';
import { handlers } from './handlers/index.js';
import { SYMBOL_FONT } from './styles.js';
import { ALIGN } from './table-kit.js';
import { hasCjk, xmlSafe } from './text.js';
import { createTheme, INDENT_STEP, SIZE, type Theme } from './theme.js';
import { paragraphXml, runXml, TAB, withKeepNext, type ParagraphSpec, type RunChild, type RunSpec } from './xml.js';
import { at } from '../must.js';

/** A block as WordprocessingML: a `w:p` or a `w:tbl`. */
export type Block = string;

/** Characters of text in a node (to tell a short intro paragraph from a long one). */
function plainLength(node: Nodes): number {
  if ('value' in node && typeof node.value === 'string') return node.value.length;
  return 'children' in node && Array.isArray(node.children) ? (node.children as Nodes[]).reduce((n, c) => n + plainLength(c), 0) : 0;
}
/** An inline as WordprocessingML: runs, a hyperlink, a drawing. */
export type ParagraphChild = string;

/** A media part the document embeds. */
interface MediaPart {
  name: string;
  data: Uint8Array;
}

/** Inline formatting inherited from emphasis/strong/delete/link ancestors. */
export interface Marks {
  bold?: boolean;
  /** Italic when the run has no CJK (CJK is never slanted), else the 着重号 emphasis mark. */
  emphasis?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: boolean;
  superScript?: boolean;
  /** Half-points. */
  size?: number;
  color?: string;
}

interface ListFrame {
  reference: string;
  instance: number;
  level: number;
  tight: boolean;
  /** The item's first paragraph carries the number (or checkbox); later ones only indent. */
  first: boolean;
  checked?: boolean | null;
}

interface Frame {
  /** Twips available to content here (text width, cell width). */
  width: number;
  /** Left indent of content here (list items, quotes), in twips. */
  indent: number;
  quoteDepth: number;
  list?: ListFrame;
  /** Paragraphs inside a table cell: Table Text style and these run defaults. */
  cell?: { alignment?: Align; size?: number; color?: string; bold?: boolean };
  /** Inside a footnote: FootnoteText style, no nested footnotes. */
  note: boolean;
  /** Tighter spacing after paragraphs (callouts). */
  compact: boolean;
}

/** Paragraph options as handlers give them: numbering by list reference and instance. */
type ParagraphOptions = Omit<ParagraphSpec, 'numbering'> & { numbering?: { reference: string; level: number; instance: number } };

/** The package part blocks are being written for (relationships are per part). */
export type Part = 'document' | 'footnotes';

export class State {
  readonly theme: Theme;
  frame: Frame;
  readonly definitions = new Map<string, Definition>();
  readonly footnoteDefinitions = new Map<string, FootnoteDefinition>();
  /** Footnote id (1, 2, …, in order of first reference) by identifier. */
  readonly footnoteIds = new Map<string, number>();
  /** Footnote paragraphs by id, in id order. */
  readonly footnotes: { id: number; children: string[] }[] = [];
  /** Numbering references used (see numbering.ts); only these get definitions. */
  readonly numbering = new Set<string>();
  /** numId by "reference\u0000instance", in order of first use; 1 is docx's own default list. */
  readonly numIds = new Map<string, { numId: number; reference: string }>();
  /** Extra relationships (hyperlinks, images) by part. */
  readonly relationships: Record<Part, string[]> = { document: [], footnotes: [] };
  readonly media: MediaPart[] = [];
  part: Part = 'document';
  /** True while phrasing content is being written as runs (`html` prints as a run, not a paragraph). */
  inline = false;
  private instances = 0;
  private drawings = 0;
  private links = 0;

  constructor(
    readonly meta: DocMeta,
    readonly ctx: RenderContext,
    tree: Root,
  ) {
    this.theme = createTheme(meta);
    this.frame = { width: this.theme.textWidth, indent: 0, quoteDepth: 0, list: undefined, cell: undefined, note: false, compact: false };
    this.collect(tree);
  }

  /** Definitions and footnote definitions may sit anywhere in the tree. */
  private collect(node: Nodes): void {
    if (node.type === 'definition') this.definitions.set(node.identifier, node);
    if (node.type === 'footnoteDefinition' && !this.footnoteDefinitions.has(node.identifier)) this.footnoteDefinitions.set(node.identifier, node);
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children as Nodes[]) this.collect(child);
  }

  /** A new numbering instance: every Markdown list is a list of its own. */
  listInstance(): number {
    return ++this.instances;
  }

  /** Explicit drawing ids (docx would take them from a module-level counter). */
  drawingId(): number {
    return ++this.drawings;
  }

  /** The Word list (`w:num`) of a numbering reference's instance, numbered in order of first use. */
  numId(reference: string, instance: number): number {
    this.numbering.add(reference);
    const key = `${reference}\u0000${instance}`;
    let entry = this.numIds.get(key);
    if (!entry) {
      entry = { numId: this.numIds.size + 2, reference };
      this.numIds.set(key, entry);
    }
    return entry.numId;
  }

  /** Relationship id of an external hyperlink from the current part. */
  hyperlink(url: string): string {
    const id = `rIdN${++this.links}`;
    this.relationships[this.part].push(
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escAttr(url)}" TargetMode="External"/>`,
    );
    return id;
  }

  /** Relationship id of an embedded image from the current part. */
  image(data: Uint8Array, extension: string): string {
    const name = `image${this.media.length + 1}.${extension}`;
    this.media.push({ name: `word/media/${name}`, data });
    const id = `rIdM${this.media.length}`;
    this.relationships[this.part].push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/${name}"/>`);
    return id;
  }

  /** Render `fn` with part of the frame replaced; the old frame comes back afterwards. */
  within<T>(patch: Partial<Frame>, fn: () => T): T {
    const saved = this.frame;
    // One object shape for every frame (a spread would give each patch its own hidden class,
    // and every handler reading the frame would go megamorphic on big tables).
    this.frame = {
      width: 'width' in patch ? patch.width! : saved.width,
      indent: 'indent' in patch ? patch.indent! : saved.indent,
      quoteDepth: 'quoteDepth' in patch ? patch.quoteDepth! : saved.quoteDepth,
      list: 'list' in patch ? patch.list : saved.list,
      cell: 'cell' in patch ? patch.cell : saved.cell,
      note: 'note' in patch ? patch.note! : saved.note,
      compact: 'compact' in patch ? patch.compact! : saved.compact,
    };
    try {
      return fn();
    } finally {
      this.frame = saved;
    }
  }

  /** Render the content of a table cell `width` twips wide: lists, quotes and indents stop at the cell. */
  inCell<T>(width: number, cell: NonNullable<Frame['cell']>, fn: () => T): T {
    return this.within({ width, indent: 0, quoteDepth: 0, list: undefined, cell, compact: false }, fn);
  }

  /**
   * Blocks of a parent. Stray phrasing content at block level is gathered into paragraphs; `html`
   * is a block here and a run inside phrasing (its handler reads `inline`).
   */
  blocks(nodes: readonly RootContent[]): Block[] {
    const out: Block[] = [];
    let inline: PhrasingContent[] = [];
    const flush = () => {
      if (inline.length) out.push(this.paragraph(this.inlines(inline)));
      inline = [];
    };
    const wasInline = this.inline;
    this.inline = false;
    nodes.forEach((node, i) => {
      if (isPhrasing(node.type) && node.type !== 'html') {
        inline.push(node as PhrasingContent);
        return;
      }
      flush();
      const handler = handlerOf(handlers, node.type);
      if (!handler) {
        out.push(...this.unknownBlock(node));
        return;
      }
      const made = handler(this, node, {});
      // A short intro right under a heading stays with the block it introduces (a table, a
      // list), as in the PDF: heading and intro are never left alone at the foot of a page.
      const next = nodes[i + 1];
      if (node.type === 'paragraph' && nodes[i - 1]?.type === 'heading' && next && next.type !== 'heading' && made.length === 1 && plainLength(node) <= 160)
        made[0] = withKeepNext(at(made, 0), true);
      out.push(...made);
    });
    flush();
    this.inline = wasInline;
    return out;
  }

  /** Runs of phrasing content; a block node met here (a hand-built tree) gives its text as runs. */
  inlines(nodes: readonly PhrasingContent[], marks: Marks = {}): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    const wasInline = this.inline;
    this.inline = true;
    for (const node of nodes) {
      const handler = isPhrasing(node.type) ? handlerOf(handlers, node.type) : undefined;
      if (handler) out.push(...handler(this, node, marks));
      else out.push(...this.unknownInline(node as Nodes, marks));
    }
    this.inline = wasInline;
    return out;
  }

  /** Types no handler knows (only a hand-built tree has one: the table is complete by type): keep their text rather than lose it. */
  private unknownBlock(node: Nodes): Block[] {
    if ('children' in node && Array.isArray(node.children)) return this.blocks(node.children as RootContent[]);
    if ('value' in node && typeof node.value === 'string') return [this.paragraph([this.run(node.value)])];
    return [];
  }

  private unknownInline(node: Nodes, marks: Marks): ParagraphChild[] {
    if ('children' in node && Array.isArray(node.children)) return this.inlines(node.children as PhrasingContent[], marks);
    if ('value' in node && typeof node.value === 'string') return [this.run(node.value, marks)];
    return [];
  }

  /** A text run with the marks and the frame's cell defaults applied. */
  run(text: string, marks: Marks = {}): string {
    const clean = xmlSafe(text);
    const cell = this.frame.cell;
    const o: RunSpec = {};
    // A tab inside w:t is not a tab to Word: it must be its own w:tab element.
    if (clean.includes('\t')) o.children = clean.split('\t').flatMap((part, i): RunChild[] => (i === 0 ? [part] : [TAB, part]));
    else o.text = clean;
    if (marks.bold || cell?.bold) o.bold = true;
    // Emphasis is not the link colour (issue 9): italic Latin, 着重号 dots under Chinese.
    if (marks.emphasis) {
      if (hasCjk(clean)) o.emphasisMark = true;
      else o.italics = true;
    }
    const color = marks.color ?? cell?.color;
    if (color) o.color = color;
    if (marks.strike) o.strike = true;
    if (marks.superScript) o.superScript = true;
    // Table Text is already 9 pt: writing it on every run would only bloat the XML.
    const size = marks.size ?? (cell?.size === SIZE.table ? undefined : cell?.size);
    if (size !== undefined) o.size = size;
    if (marks.link) o.style = 'Hyperlink';
    else if (marks.code) o.style = 'InlineCode';
    return runXml(o);
  }

  /** A paragraph placed in the current frame: list number or checkbox, indents, quote, cell style. */
  paragraph(children: ParagraphChild[], options: ParagraphOptions = {}): string {
    const f = this.frame;
    let style = options.style;
    let alignment = options.alignment;
    if (f.cell) {
      style ??= 'TableText';
      if (f.cell.alignment) alignment ??= ALIGN[f.cell.alignment];
    }
    if (f.note) style ??= 'FootnoteText';
    if (f.quoteDepth > 0 && !options.heading) style ??= 'Quote';

    const { numbering, ...rest } = options;
    const props: ParagraphSpec = { ...rest, style, alignment };
    if (numbering) props.numbering = { numId: this.numId(numbering.reference, numbering.instance), level: numbering.level };
    const list = f.list;
    if (list) {
      if (list.first) {
        list.first = false;
        if (typeof list.checked === 'boolean') {
          children = [runXml({ text: list.checked ? '☑' : '☐', font: SYMBOL_FONT }), runXml({ children: [TAB] }), ...children];
          props.indent = { left: f.indent, hanging: INDENT_STEP };
        } else {
          props.numbering = { numId: this.numId(list.reference, list.instance), level: list.level };
          // The level's own indent applies unless a quote shifted the list.
          if (f.indent !== INDENT_STEP * (list.level + 1)) props.indent = { left: f.indent, hanging: INDENT_STEP };
        }
      } else {
        props.indent = { left: f.indent };
      }
      if (list.tight) props.spacing = { after: 40, ...options.spacing };
    } else if (f.indent > 0 && !options.indent) {
      props.indent = { left: f.indent };
    }
    if (f.compact && !props.spacing) props.spacing = { after: 60 };
    return paragraphXml(props, children);
  }
}

const escAttr = (s: string) => s.replace(/[&"'<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
