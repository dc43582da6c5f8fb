/** Small builders for the brief's tree nodes. Every value goes in as a text node: deal data is never Markdown. */
import type { BlockContent, ListItem, Paragraph, PhrasingContent } from 'mdast';
import type { Callout, DataTable, DataTableColumn } from '../../tree/nodes.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });

export const paragraph = (...children: (PhrasingContent | string)[]): Paragraph => ({
  type: 'paragraph',
  children: children.map((c) => (typeof c === 'string' ? text(c) : c)),
});

/** "Label: value" with the label in bold. */
export const labelled = (label: string, value: string): Paragraph => paragraph(strong(label), value);

export const bulletList = (items: Paragraph[]): BlockContent => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((p): ListItem => ({ type: 'listItem', spread: false, children: [p] })),
});

export const callout = (tone: Callout['tone'], title: string | undefined, children: BlockContent[]): Callout => ({
  type: 'callout',
  tone,
  ...(title === undefined ? {} : { title }),
  children,
});

export const table = (columns: DataTableColumn[], rows: string[][], opts: { caption?: string; dense?: boolean } = {}): DataTable => ({
  type: 'dataTable',
  ...(opts.caption === undefined ? {} : { caption: opts.caption }),
  columns,
  rows: rows.map((cells) => ({ cells })),
  ...(opts.dense ? { dense: true } : {}),
});

/** A column: label, relative width, alignment. */
export const col = (label: string, width = 1, align: DataTableColumn['align'] = 'left'): DataTableColumn => ({ label, width, align });

export const DASH = '—';
