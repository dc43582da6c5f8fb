/**
 * Before drawing: resolve what can sit anywhere in the tree (definitions, footnotes, numbered by
 * first reference) and load the images that will be drawn as blocks, in document order.
 */
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import { loadImage } from './assets.js';
import type { PdfState } from './state.js';
import { at } from '../must.js';

export async function prepare(state: PdfState, tree: Root): Promise<void> {
  const footnoteDefs = new Map<string, FootnoteDefinition>();
  const referenced: string[] = [];
  const seen = new Set<string>();
  const urls: string[] = [];
  const stack: [Nodes, Nodes | undefined][] = [[tree, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    if (node.type === 'definition' && !state.definitions.has(node.identifier)) state.definitions.set(node.identifier, node);
    else if (node.type === 'footnoteDefinition' && !footnoteDefs.has(node.identifier)) footnoteDefs.set(node.identifier, node);
    else if (node.type === 'footnoteReference' && !seen.has(node.identifier)) {
      seen.add(node.identifier);
      referenced.push(node.identifier);
    } else if (node.type === 'image' && parent?.type === 'paragraph') urls.push(node.url);
    else if (node.type === 'cover' && node.logo) urls.push(node.logo);
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push([at(children, i), node]);
    }
  }
  for (const id of referenced) {
    const def = footnoteDefs.get(id);
    if (!def) continue;
    state.footnotes.push(def);
    state.footnoteNumbers.set(id, state.footnotes.length);
  }
  // One after the other: object numbers must not depend on which PNG decodes first.
  for (const url of new Set(urls)) {
    const image = await loadImage(state.doc, url, state.ctx.assetRoots);
    if (image) state.images.set(url, image);
  }
}
