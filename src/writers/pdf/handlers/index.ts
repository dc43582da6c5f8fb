/**
 * The PDF writer's handler table: one small handler per node type (mdast + dealdoc nodes), in
 * files named like the DOCX writer's (`handlers/<node-type>.ts`). Complete by type: a node type
 * without an entry here is a compile error (src/tree/handlers.ts).
 */
import type { Handlers } from '../state.js';
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
import { html } from './html.js';
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
import { root } from './root.js';
import { strong } from './strong.js';
import { swotGrid } from './swot-grid.js';
import { table } from './table.js';
import { tableCell } from './table-cell.js';
import { tableRow } from './table-row.js';
import { text } from './text.js';
import { thematicBreak } from './thematic-break.js';
import { yaml } from './yaml.js';

export const handlers: Handlers = {
  root,
  // blocks
  heading,
  paragraph,
  blockquote,
  list,
  listItem,
  code,
  thematicBreak,
  table,
  tableRow,
  tableCell,
  html,
  image,
  definition,
  footnoteDefinition,
  yaml,
  // phrasing
  text,
  emphasis,
  strong,
  delete: deleteHandler,
  inlineCode,
  break: hardBreak,
  link,
  linkReference,
  imageReference,
  footnoteReference,
  // dealdoc nodes
  cover,
  dataTable,
  needTree,
  swotGrid,
  peopleMap,
  barChart,
  pageBreak,
  callout,
};
