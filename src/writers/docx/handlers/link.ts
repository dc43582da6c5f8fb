import type { Link } from 'mdast';
import { ExternalHyperlink, type ParagraphChild } from 'docx';
import type { Marks, State } from '../state.js';
import { safeUrl } from '../url.js';

/** Only http, https and mailto become hyperlinks; any other target keeps just its text. */
export function link(state: State, node: Pick<Link, 'url' | 'children'>, marks: Marks): ParagraphChild[] {
  const url = safeUrl(node.url);
  if (!url) return state.inlines(node.children, marks);
  return [new ExternalHyperlink({ link: url, children: state.inlines(node.children, { ...marks, link: true }) })];
}
