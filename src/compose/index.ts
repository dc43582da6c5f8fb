/**
 * Compose: a DocumentPlan → one document tree. The template renders Markdown (values escaped),
 * remark parses it, and each `{{slot "name"}}` placeholder is replaced by the plan's nodes
 * (custom nodes, or the rep's narrative parsed on its own so it cannot reach the template's slots).
 */
import type { Html, Parent, Root, RootContent } from 'mdast';
import type { DocumentPlan } from '../documents/types.js';
import { SLOT_PREFIX } from './helpers.js';
import { parseMarkdown } from './markdown.js';
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
  return m && m[1].startsWith(SLOT_PREFIX) ? m[1].slice(SLOT_PREFIX.length) : undefined;
}

/** Narrative Markdown from a deal file: raw HTML becomes literal text (the input is untrusted). */
export function parseNarrative(markdown: string): RootContent[] {
  const tree = parseMarkdown(markdown);
  literalHtml(tree);
  return tree.children;
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
