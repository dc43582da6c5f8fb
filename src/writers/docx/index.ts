/**
 * DOCX writer: mdast + dealdoc's custom nodes → a Word document with real styles, real
 * lists, footnotes and page-number fields; then a post-pass that makes the bytes
 * deterministic. Handlers live in ./handlers, one per node type.
 */
import { Document, Paragraph, SectionType, type ISectionOptions } from 'docx';
import type { TreeWriter } from '../types.js';
import { addFontFallbacks } from './font-table.js';
import { coverPage } from './handlers/cover.js';
import { normalizeParts, packParts } from './normalize.js';
import { numberingConfig } from './numbering.js';
import { coverHeader, pageProperties, runningFooter, runningHeader } from './page.js';
import { State } from './state.js';
import { addTableStyle, documentStyles } from './styles.js';
import { xmlSafe } from './text.js';

export const renderDocx: TreeWriter = async (tree, meta, ctx) => {
  const state = new State(meta, ctx, tree);
  const [first] = tree.children;
  const lead = first?.type === 'cover' ? first : undefined;
  const cover = lead ? coverPage(state, lead) : undefined;
  const body = state.blocks(lead ? tree.children.slice(1) : tree.children);

  const page = pageProperties(meta);
  const sections: ISectionOptions[] = [];
  if (cover) {
    const header = coverHeader(meta);
    sections.push({ properties: page, headers: header ? { default: header } : undefined, children: cover });
  }
  if (body.length > 0 || !cover) {
    sections.push({
      properties: { ...page, type: SectionType.NEXT_PAGE },
      headers: { default: runningHeader(meta, state.theme) },
      footers: { default: runningFooter(meta) },
      children: body.length ? body : [new Paragraph({})],
    });
  }

  const doc = new Document({
    creator: 'dealdoc',
    lastModifiedBy: xmlSafe(meta.author ?? 'dealdoc'),
    title: xmlSafe(meta.title),
    subject: xmlSafe(meta.subject ?? ''),
    keywords: xmlSafe((meta.keywords ?? []).join(', ')),
    revision: 1,
    styles: documentStyles(meta, state.theme),
    numbering: numberingConfig(state.numbering),
    footnotes: state.footnotes,
    sections,
  });
  const tableStyle = addTableStyle(state.theme);
  return normalizeParts(await packParts(doc), {
    created: meta.created,
    transform: (parts) => {
      tableStyle(parts);
      addFontFallbacks(parts);
    },
  });
};
