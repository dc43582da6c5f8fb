/**
 * PDF writer: mdast + dealdoc nodes → PDF with pdfkit. A table of handlers (./handlers) draws
 * each node type on a shared state (./state.ts); we paginate and break lines ourselves.
 *
 * Deterministic: CreationDate/ModDate come from meta.created and are passed to the constructor
 * (the trailer /ID is computed there), images are embedded one by one before drawing, and
 * nothing reads the clock.
 */
import PDFDocument from 'pdfkit';
import type { Root } from 'mdast';
import type { DocMeta } from '../../tree/nodes.js';
import { fontSetFor } from '../../fonts/fonts.js';
import type { RenderContext, TreeWriter } from '../types.js';
import { decoratePages } from './furniture.js';
import { handlers } from './handlers/index.js';
import { prepare } from './prepass.js';
import { PdfState } from './state.js';
import { ownSubsets } from './speed.js';
import { pageGeometry, palette, SIZES } from './theme.js';

/** PDF info dictionary; pdfkit would write absent keys as the string "undefined". */
function documentInfo(meta: DocMeta): PDFKit.DocumentInfo {
  const info: PDFKit.DocumentInfo = { Title: meta.title, CreationDate: meta.created, ModDate: meta.created, Producer: 'dealdoc', Creator: 'dealdoc' };
  if (meta.author) info.Author = meta.author;
  if (meta.subject) info.Subject = meta.subject;
  if (meta.keywords?.length) info.Keywords = meta.keywords.join(', ');
  return info;
}

export const renderPdf: TreeWriter = async (tree: Root, meta: DocMeta, ctx: RenderContext): Promise<Buffer> => {
  const first = await renderOnce(tree, meta, ctx, undefined);
  // The last page came out near-empty: render once more with the tail moved over whole.
  if (first.retry === undefined) return first.pdf!;
  return (await renderOnce(tree, meta, ctx, first.retry)).pdf!;
};

/**
 * One pass over the tree. A first pass that ends on a near-empty page returns only where to
 * break: its document is dropped unfinished (no page furniture, subsets, compression), since
 * only the second pass is written.
 */
async function renderOnce(tree: Root, meta: DocMeta, ctx: RenderContext, breakBefore: number | undefined): Promise<{ pdf?: Buffer; retry?: number }> {
  const fonts = fontSetFor(ctx.fonts, meta.locale);
  const geo = pageGeometry(meta.orientation);
  const doc = new PDFDocument({
    size: 'A4',
    layout: meta.orientation,
    margins: { top: geo.top, bottom: geo.height - geo.bottom, left: geo.left, right: geo.width - geo.right },
    bufferPages: true,
    // The pre-parsed fontkit Font (typed as a path by @types/pdfkit): no Helvetica, no re-parse.
    font: fonts.regular as unknown as string,
    lang: meta.locale,
    displayTitle: true,
    info: documentInfo(meta),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const state = new PdfState(doc, fonts, meta, ctx, geo, palette(meta.brandColor), handlers);
  state.breakBefore = breakBefore;
  // Fixed order: font resource names and subset tags do not depend on what is drawn first.
  for (const key of ['bold', 'regular'] as const) state.setFont(key === 'bold' ? { bold: true } : {}, SIZES.body);
  await prepare(state, tree);
  state.one(tree);
  if (breakBefore === undefined && state.retryBreakBefore !== undefined) return { retry: state.retryBreakBefore };
  decoratePages(state);
  ownSubsets(doc);
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks) };
}
