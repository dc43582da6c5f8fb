/**
 * The handler table: one small function per node type, block handlers returning Word
 * paragraphs/tables, inline handlers returning runs — the same node names as the PDF writer.
 */
import type { PhrasingContentMap, RootContentMap } from 'mdast';
import type { Block, Marks, ParagraphChild, State } from '../state.js';
import { barChart } from './bar-chart.js';
import { blockquote } from './blockquote.js';
import { hardBreak } from './break.js';
import { callout } from './callout.js';
import { code } from './code.js';
import { cover } from './cover.js';
import { dataTable } from './data-table.js';
import { definition } from './definition.js';
import { deleteHandler } from './delete.js';
import { emphasis } from './emphasis.js';
import { footnoteDefinition } from './footnote-definition.js';
import { footnoteReference } from './footnote-reference.js';
import { heading } from './heading.js';
import { html, htmlInline } from './html.js';
import { image } from './image.js';
import { imageReference } from './image-reference.js';
import { inlineCode } from './inline-code.js';
import { link } from './link.js';
import { linkReference } from './link-reference.js';
import { list } from './list.js';
import { listItem } from './list-item.js';
import { needTree } from './need-tree.js';
import { pageBreak } from './page-break.js';
import { paragraph } from './paragraph.js';
import { peopleMap } from './people-map.js';
import { strong } from './strong.js';
import { swotGrid } from './swot-grid.js';
import { table } from './table.js';
import { text } from './text.js';
import { thematicBreak } from './thematic-break.js';
import { yaml } from './yaml.js';

/** Block-level node types (table rows and cells are drawn by `table`). */
export type BlockType = Exclude<keyof RootContentMap, keyof PhrasingContentMap | 'tableRow' | 'tableCell'> | 'html';
export type InlineType = keyof PhrasingContentMap;

export const blockHandlers: { [K in BlockType]: (state: State, node: RootContentMap[K]) => Block[] } = {
  barChart,
  blockquote,
  callout,
  code,
  cover,
  dataTable,
  definition,
  footnoteDefinition,
  heading,
  html,
  list,
  listItem,
  needTree,
  pageBreak,
  paragraph,
  peopleMap,
  swotGrid,
  table,
  thematicBreak,
  yaml,
};

export const inlineHandlers: { [K in InlineType]: (state: State, node: PhrasingContentMap[K], marks: Marks) => ParagraphChild[] } = {
  break: hardBreak,
  delete: deleteHandler,
  emphasis,
  footnoteReference,
  html: htmlInline,
  image,
  imageReference,
  inlineCode,
  link,
  linkReference,
  strong,
  text,
};
