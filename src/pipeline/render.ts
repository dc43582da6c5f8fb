/** DocumentPlan → one tree → bytes per format. Writers load lazily: validating loads no PDF code. */
import type { Root } from 'mdast';
import { compose } from '../compose/index.js';
import type { DocumentPlan } from '../documents/types.js';
import type { Format, RenderContext, TreeWriter } from '../writers/types.js';
import type { BuildContext } from './context.js';

const writers: Partial<Record<Format, () => Promise<TreeWriter>>> = {
  pdf: async () => (await import('../writers/pdf/index.js')).renderPdf,
  docx: async () => (await import('../writers/docx/index.js')).renderDocx,
};

export function composePlan(plan: DocumentPlan, ctx: BuildContext): Root {
  return compose(plan, ctx.templates);
}

export async function renderTree(tree: Root, plan: DocumentPlan, format: Format, ctx: BuildContext): Promise<Buffer> {
  const load = writers[format];
  if (!load) throw new Error(`no tree writer for ${format}`);
  const renderCtx: RenderContext = { assetRoots: [ctx.assetsDir], fonts: ctx.fonts };
  return (await load())(tree, plan.meta, renderCtx);
}
