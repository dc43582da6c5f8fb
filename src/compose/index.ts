/**
 * Compose: a DocumentPlan → one document tree. The template renders Markdown (values escaped),
 * remark parses it, and each `{{slot "name"}}` placeholder is replaced by the plan's nodes
 * (custom nodes, or the rep's narrative parsed on its own so it cannot reach the template's slots).
 */
import type { Html, Parent, Root, RootContent } from 'mdast';
import type { DocumentPlan } from './document-plan.js';
import { SLOT_PREFIX } from './helpers.js';
import { parseMarkdown } from './markdown.js';
import { checkMarkdownBounds, MAX_DELIMITER_RUNS, MAX_MARKDOWN_DEPTH } from '../data/markdown-limits.js';
import type { TemplateStore } from './templates.js';

export { parseMarkdown } from './markdown.js';
export { createTemplateStore, type TemplateStore } from './templates.js';

export function compose(plan: DocumentPlan, templates: TemplateStore): Root {
  const markdown = templates.render(plan.template, plan.locale, plan.view);
  const tree = parseMarkdown(markdown);
  fillSlots(tree, plan.slots);
  return tree;
}

function fillSlots(parent: Parent, slots: DocumentPlan['slots']): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'html') {
      const name = slotName(child);
      if (name !== undefined) {
        out.push(...(slots[name] ?? []));
        continue;
      }
      // Any other raw HTML from a template prints as text, like the narrative's.
      out.push({ type: 'paragraph', children: [{ type: 'text', value: child.value }] });
      continue;
    }
    if ('children' in child) fillSlots(child as Parent, slots);
    out.push(child);
  }
  (parent as { children: RootContent[] }).children = out;
}

function slotName(node: Html): string | undefined {
  const m = /^<!--(.*)-->$/.exec(node.value.trim());
  return m?.[1]?.startsWith(SLOT_PREFIX) ? m[1].slice(SLOT_PREFIX.length) : undefined;
}

/**
 * Narrative Markdown from a deal file: raw HTML becomes literal text (the input is untrusted).
 * The text is bounded first (markdown-limits.ts; readDeal reports the same check with a position),
 * and the tree's depth is checked after parsing, so a writer never recurses without bound.
 */
export function parseNarrative(markdown: string): RootContent[] {
  const problem = checkMarkdownBounds(markdown);
  if (problem) throw new Error(`narrative line ${problem.line}: ${problem.message}`);
  let tree: Root;
  try {
    tree = parseMarkdown(markdown);
  } catch (e) {
    if (e instanceof RangeError) throw new Error('the narrative is nested too deeply to parse');
    throw e;
  }
  const deep = deepestNode(tree);
  if (deep.depth > MAX_TREE_DEPTH) throw new Error(`narrative line ${deep.line ?? '?'}: Markdown nested ${deep.depth} levels deep; at most ${MAX_TREE_DEPTH} are allowed`);
  literalHtml(tree);
  return tree.children;
}

/**
 * Depth of a parsed narrative the writers will recurse into: containers (list + item per level)
 * plus nested inline marks (at most one per two delimiter runs of a paragraph). The pre-scan keeps
 * real input below this; it is the safety net should the line scan under-count.
 */
export const MAX_TREE_DEPTH = 2 * MAX_MARKDOWN_DEPTH + MAX_DELIMITER_RUNS / 2 + 16;

/** Deepest node, iteratively (a deep tree must not overflow the stack here either). */
export function deepestNode(root: Parent): { depth: number; line?: number } {
  let best: { depth: number; line?: number } = { depth: 0 };
  const stack: [Parent | RootContent, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > best.depth) best = { depth, line: (node as { position?: { start: { line: number } } }).position?.start.line };
    if ('children' in node) for (const c of node.children as RootContent[]) stack.push([c, depth + 1]);
  }
  return best;
}

function literalHtml(parent: Parent): void {
  parent.children = (parent.children as RootContent[]).map((child) => {
    if (child.type === 'html') {
      return parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem'
        ? { type: 'paragraph', children: [{ type: 'text', value: child.value }], position: child.position }
        : { type: 'text', value: child.value, position: child.position };
    }
    if ('children' in child) literalHtml(child as Parent);
    return child;
  }) as Parent['children'];
}
