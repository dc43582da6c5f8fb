import type { Link } from 'mdast';
import type { Handler, PdfState } from '../state.js';

const SAFE = /^(https?:\/\/|mailto:)[^\s\0]*$/i;

/** Only http(s) and mailto URLs become link annotations; `javascript:`, `file:` etc. stay text. */
export function safeUrl(url: string | undefined): string | undefined {
  const u = url?.trim();
  return u && SAFE.test(u) ? u : undefined;
}

export function linked(state: PdfState, url: string | undefined, fn: () => void): void {
  const safe = safeUrl(url);
  if (safe) state.withStyle({ link: safe, color: state.colors.brand, underline: true }, fn);
  else fn();
}

export const link: Handler<Link> = (state, node) => linked(state, node.url, () => state.all(node));
