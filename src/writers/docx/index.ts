/**
 * DOCX writer: mdast + dealdoc's custom nodes → a Word document with real styles, real
 * lists, footnotes and page-number fields. Handlers live in ./handlers, one per node type,
 * and write WordprocessingML (./xml.ts); docx writes the package around it (./package.ts),
 * deterministic to the byte.
 */
import type { TreeWriter } from '../types.js';
import { coverPage } from './handlers/cover.js';
import { root } from './handlers/root.js';
import { assemble } from './package.js';
import { coverHeader, runningFooter, runningHeader } from './page.js';
import { State } from './state.js';
import { markBodyEnd } from './xml.js';
import { fontSetFor, DOCX_FONTS } from '../../fonts/fonts.js';
import { useDocxFonts } from './scripts.js';

export const renderDocx: TreeWriter = async (tree, meta, ctx) => {
  useDocxFonts(fontSetFor(ctx.fonts, meta.locale), meta.locale === 'zh-CN' ? DOCX_FONTS.latin : DOCX_FONTS.latinEn, DOCX_FONTS.eastAsia);
  const state = new State(meta, ctx, tree);
  const [first] = tree.children;
  const lead = first?.type === 'cover' ? first : undefined;
  const cover = lead ? coverPage(state, lead) : undefined;
  const body = root(state, lead ? { ...tree, children: tree.children.slice(1) } : tree);
  const hasBody = body.length > 0 || !cover;
  const banner = cover ? coverHeader(meta) : undefined;

  return assemble(
    {
      locale: meta.locale,
      orientation: meta.orientation,
      theme: state.theme,
      cover: cover !== undefined,
      coverHeader: banner !== undefined,
      body: hasBody,
      references: [...state.numbering].sort(),
    },
    {
      meta,
      cover,
      coverHeader: banner,
      body: hasBody ? [...body.slice(0, -1), markBodyEnd(body.at(-1) ?? '')] : undefined,
      header: hasBody ? runningHeader(meta, state.theme) : undefined,
      footer: hasBody ? runningFooter(meta) : undefined,
      footnotes: state.footnotes,
      lists: [...state.numIds.values()],
      relationships: state.relationships,
      media: state.media,
    },
  );
};
