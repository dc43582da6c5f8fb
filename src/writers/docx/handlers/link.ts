import type { Link } from 'mdast';
import type { Marks, ParagraphChild, State } from '../state.js';
import { safeUrl } from '../url.js';

/** Only http, https and mailto become hyperlinks; any other target keeps just its text. */
export function link(state: State, node: Pick<Link, 'url' | 'children'>, marks: Marks): ParagraphChild[] {
  const url = safeUrl(node.url);
  if (!url) return state.inlines(node.children, marks);
  const id = state.hyperlink(url);
  return [`<w:hyperlink w:history="1" r:id="${id}">${state.inlines(node.children, { ...marks, link: true }).join('')}</w:hyperlink>`];
}
