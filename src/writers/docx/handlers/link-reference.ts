import type { LinkReference } from 'mdast';
import type { Marks, ParagraphChild, State } from '../state.js';
import { link } from './link.js';

/** A reference link whose definition exists is a link (same URL rules); otherwise its text. */
export function linkReference(state: State, node: LinkReference, marks: Marks): ParagraphChild[] {
  const definition = state.definitions.get(node.identifier);
  if (!definition) return state.inlines(node.children, marks);
  return link(state, { url: definition.url, children: node.children }, marks);
}
