import type { FootnoteReference } from 'mdast';
import type { Marks, ParagraphChild, State } from '../state.js';
import { isParagraph } from '../xml.js';

/**
 * Real Word footnotes, numbered in order of first reference. A second reference to the same
 * note repeats its number; an undefined note (or one inside a note) prints as written.
 */
export function footnoteReference(state: State, node: FootnoteReference, marks: Marks): ParagraphChild[] {
  const definition = state.footnoteDefinitions.get(node.identifier);
  if (!definition || state.frame.note) return [state.run(`[^${node.label ?? node.identifier}]`, marks)];
  const known = state.footnoteIds.get(node.identifier);
  if (known !== undefined) return [state.run(String(known), { ...marks, superScript: true })];
  const id = state.footnoteIds.size + 1;
  state.footnoteIds.set(node.identifier, id);
  const part = state.part;
  state.part = 'footnotes';
  const children = state
    .within({ note: true, list: undefined, cell: undefined, indent: 0, quoteDepth: 0, compact: false }, () => state.blocks(definition.children))
    .filter(isParagraph);
  state.part = part;
  state.footnotes.push({ id, children: children.length ? children : ['<w:p/>'] });
  return [`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`];
}
