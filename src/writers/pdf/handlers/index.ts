/** The PDF writer's handler table: one small handler per node type (mdast + dealdoc nodes). */
import type { Handlers } from '../state.js';
import { barChart } from './barChart.js';
import { blockquote } from './blockquote.js';
import { hardBreak } from './break.js';
import { callout } from './callout.js';
import { code } from './code.js';
import { cover } from './cover.js';
import { dataTable } from './dataTable.js';
import { definition, yaml } from './definition.js';
import { deleteHandler } from './delete.js';
import { emphasis } from './emphasis.js';
import { footnoteDefinition } from './footnoteDefinition.js';
import { footnoteReference } from './footnoteReference.js';
import { heading } from './heading.js';
import { html } from './html.js';
import { image } from './image.js';
import { imageReference } from './imageReference.js';
import { inlineCode } from './inlineCode.js';
import { link } from './link.js';
import { linkReference } from './linkReference.js';
import { list } from './list.js';
import { listItem } from './listItem.js';
import { needTree } from './needTree.js';
import { pageBreak } from './pageBreak.js';
import { paragraph } from './paragraph.js';
import { peopleMap } from './peopleMap.js';
import { root } from './root.js';
import { strong } from './strong.js';
import { swotGrid } from './swotGrid.js';
import { table } from './table.js';
import { text } from './text.js';
import { thematicBreak } from './thematicBreak.js';

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
