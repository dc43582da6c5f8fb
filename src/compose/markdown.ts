/**
 * Markdown → mdast: remark-parse + remark-gfm + remark-cjk-friendly, then the clean-ups CJK
 * text needs (docs/library-internals.md, "Behaviour we rely on"): autolink literals cut at the first non-ASCII character, soft
 * line breaks between two CJK characters dropped, raw HTML kept as literal text (input is untrusted).
 */
import type { Link, Parent, Root, RootContent, Text } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

export function parseMarkdown(markdown: string): Root {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  cleanTree(tree);
  return tree;
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;

function cleanTree(parent: Parent): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'link' && isAutolinkLiteral(child)) {
      out.push(...splitAutolink(child));
      continue;
    }
    if (child.type === 'text') {
      child.value = child.value.replace(/([\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F])\n([\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F])/g, '$1$2');
    }
    if ('children' in child) cleanTree(child as Parent);
    out.push(child);
  }
  (parent as { children: RootContent[] }).children = out;
}

function isAutolinkLiteral(link: Link): boolean {
  const only = link.children.length === 1 ? link.children[0] : undefined;
  if (!only || only.type !== 'text') return false;
  return only.value === link.url || `http://${only.value}` === link.url || `mailto:${only.value}` === link.url;
}

/** `https://example.com/a，然后联系我们` → link `https://example.com/a` + text `，然后联系我们`. */
function splitAutolink(link: Link): RootContent[] {
  const text = (link.children[0] as Text).value;
  const cut = text.search(CJK);
  if (cut <= 0) return [link];
  const head = text.slice(0, cut);
  const tail = text.slice(cut);
  const prefix = link.url.slice(0, link.url.length - text.length);
  return [
    { ...link, url: prefix + head, children: [{ type: 'text', value: head }] },
    { type: 'text', value: tail },
  ];
}
