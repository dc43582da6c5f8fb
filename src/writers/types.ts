import type { Root } from 'mdast';
import type { DocMeta } from '../tree/nodes.js';
import type { FontChainSpec } from '../fonts/fonts.js';

export type { Format } from '../tree/nodes.js';

/** What a document writer needs besides the tree and its metadata. */
export interface RenderContext {
  /** Folders images may be read from (absolute). Anything else is refused. */
  assetRoots: string[];
  /** The font fallback chain (default: the families dealdoc ships). */
  fonts?: FontChainSpec;
}

export type TreeWriter = (tree: Root, meta: DocMeta, ctx: RenderContext) => Promise<Buffer>;
