import type { Image } from 'mdast';
import { fitPx, imageRun, loadImage } from '../image.js';
import type { Marks, ParagraphChild, State } from '../state.js';

export const altText = (state: State, alt: string | null | undefined): string =>
  `[${alt?.trim() || (state.meta.locale === 'zh-CN' ? '图片' : 'image')}]`;

/** A PNG/JPEG under an asset root, scaled to fit the text width; anything else prints its alt text. */
export function image(state: State, node: Image, marks: Marks): ParagraphChild[] {
  const result = loadImage(node.url, state.ctx.assetRoots);
  if (!result.ok) return [state.run(altText(state, node.alt), marks)];
  const { data, type, width, height } = result.image;
  return [imageRun(state, { type, data }, fitPx(width, height, state.frame.width - state.frame.indent, state.theme.textHeight * 0.6), node.alt ?? '', node.title ?? '')];
}
