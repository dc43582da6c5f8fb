/**
 * End to end: the worked example rendered to PDF and DOCX by the real writers, figures read
 * back out as a reader would copy them (pdf.js text, DOCX runs).
 */
import type { Root } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import { planProvisionReport } from '../../src/documents/provision-report/index.js';
import type { DocumentPlan } from '../../src/documents/types.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { docxText, docxXml, pdfPageCount, pdfText } from '../helpers/extract.js';
import { ctx, workedExample } from './fixture.js';
import { dataTables, parseFigure } from './tree-helpers.js';

const KEY_FIGURES = ['55,000.00', '100,000.00', '102,184.50', '10,218.46', '48,888.88', '9,777.78', '3,333.33', '1,666.67', '309,406.71', '21,662.91', '12,000.00', '321,406.71', '33,662.91', '287,743.80', '7,662.91', '5,000.00'];

let plan: DocumentPlan;
let tree: Root;
let pdf: Buffer;
let docx: Buffer;

beforeAll(async () => {
  plan = planProvisionReport(workedExample(), ctx());
  tree = compose(plan, createTemplateStore());
  pdf = await renderPdf(tree, plan.meta, { assetRoots: [] });
  docx = await renderDocx(tree, plan.meta, { assetRoots: [] });
}, 120_000);

/** Every figure printed in any table of the tree (money, shares, rates, days, FX rates). */
function tableFigures(): Set<string> {
  const out = new Set<string>();
  for (const t of dataTables(tree)) for (const r of t.rows) for (const c of r.cells) if (parseFigure(c) !== undefined) out.add(c);
  return out;
}

describe('provision report rendered to PDF and DOCX', () => {
  it('PDF: landscape pages with every key figure, the boundary rule and the page footer', async () => {
    const text = await pdfText(pdf);
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (const f of KEY_FIGURES) expect(text, f).toContain(f);
    expect(text).toContain('逾期天数 = 截止日 − 到期日；超过 30 天不含 30 天');
    expect(text).toContain(`第 1 页 / 共 ${pages} 页`);
    expect(text).toContain('内部资料 · 请勿外传');
    expect(text).toContain('明细合计 321,406.71 = 账龄合计 321,406.71 = 汇总 321,406.71');
  });

  it('PDF: every figure of every table can be read back from the page text', async () => {
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    const missing = [...tableFigures()].filter((f) => !text.includes(f));
    expect(missing).toEqual([]);
  });

  it('PDF pages are A4 landscape', async () => {
    const { getDocumentProxy } = await import('unpdf');
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const page = await doc.getPage(1);
    const [, , w, h] = page.view;
    expect(Math.round(w)).toBe(842);
    expect(Math.round(h)).toBe(595);
  });

  it('DOCX: every figure of every table, the journal accounts and the reconciliation line', () => {
    const text = docxText(docx);
    const missing = [...tableFigures()].filter((f) => !text.includes(f));
    expect(missing).toEqual([]);
    for (const f of KEY_FIGURES) expect(text, f).toContain(f);
    expect(text).toContain('信用减值损失');
    expect(text).toContain('逾期天数 = 截止日 − 到期日；超过 30 天不含 30 天');
    expect(text).toContain('明细合计 33,662.91 = 账龄合计 33,662.91 = 汇总 33,662.91');
  });

  it('DOCX: landscape section', () => {
    expect(docxXml(docx)).toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
  });
});
