/**
 * The handler table both writers implement (as in mdast-util-to-hast): one entry per node type
 * the document tree can hold — every mdast type plus the custom nodes of ./nodes.ts, which join
 * mdast's maps there. The table is complete by type: a node type without a handler in the PDF or
 * the DOCX writer is a compile error, and a handler that deliberately prints nothing (yaml,
 * definition, an HTML comment) is an entry of its own, not a gap.
 *
 * At run time a tree may still hold a type no handler knows (a hand-built or hostile tree):
 * `handlerOf` answers undefined for it — never something inherited from Object.prototype — and
 * each writer falls back to printing the node's children or value (documented in its dispatch).
 */
import type { Nodes, PhrasingContentMap } from 'mdast';
import type {} from './nodes.js';

/** Every node type a document tree can hold. */
export type NodeType = Nodes['type'];
type NodeOf<K extends NodeType> = Extract<Nodes, { type: K }>;

/** One handler: the writer's state, the node, and whatever else the writer passes down. */
export type Handler<State, N, Out, Args extends unknown[] = []> = (state: State, node: N, ...args: Args) => Out;

/** A writer's complete handler table over `NodeType`. */
export type Handlers<State, Out, Args extends unknown[] = []> = { readonly [K in NodeType]: Handler<State, NodeOf<K>, Out, Args> };

/** The handler of a node's type, or undefined for a type the tree should not hold. */
export function handlerOf<State, Out, Args extends unknown[]>(handlers: Handlers<State, Out, Args>, type: string): Handler<State, Nodes, Out, Args> | undefined {
  return Object.hasOwn(handlers, type) ? (handlers[type as NodeType] as Handler<State, Nodes, Out, Args>) : undefined;
}

/** Phrasing (inline) node types, complete by type like the handler tables. */
const PHRASING: { readonly [K in keyof PhrasingContentMap]: true } = {
  break: true,
  delete: true,
  emphasis: true,
  footnoteReference: true,
  html: true,
  image: true,
  imageReference: true,
  inlineCode: true,
  link: true,
  linkReference: true,
  strong: true,
  text: true,
};

/** Whether a node type is phrasing content (`html` is both phrasing and a block). */
export const isPhrasing = (type: string): type is keyof PhrasingContentMap => Object.hasOwn(PHRASING, type);

/** An HTML comment is invisible in every renderer: both writers print nothing for it (printing it would show authoring notes to the customer). */
export const isHtmlComment = (value: string): boolean => /^<!--[^]*-->$/.test(value.trim());
