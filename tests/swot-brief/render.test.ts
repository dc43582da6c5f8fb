/**
 * The brief as a reader gets it: rendered to PDF and DOCX, text extracted (pdftotext, the DOCX
 * XML, LibreOffice's conversion), and the facts the issue names found in that text.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import type { Deal } from '../../src/data/deal-schema.js';
import { QUESTION_IDS, ROLE_INFO, STAGE_INFO, STYLE_INFO, assessDeal, findGaps } from '../../src/domain/method/index.js';
import { planSwotBrief } from '../../src/documents/swot-brief/index.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { docxText, docxToPdfWithLibreOffice, hasCommand, pdfText, pdftotext } from '../helpers/extract.js';
import { briefContext, DOC_DATE, fixtureDeal } from './fixture.js';
import { LIBREOFFICE, need } from '../helpers/prereqs.js';

const dir = mkdtempSync(join(tmpdir(), 'dealdoc-swot-brief-'));
/** Line breaks inside table cells and diagram boxes fall anywhere: compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');

interface Rendered {
  deal: Deal;
  pdf: string;
  docx: string;
  docxFile: string;
}

const rendered = new Map<string, Promise<Rendered>>();
const render = (name: 'rich-zh' | 'rich-en' | 'sparse-zh'): Promise<Rendered> => {
  if (!rendered.has(name)) rendered.set(name, renderOnce(name));
  return rendered.get(name)!;
};

async function renderOnce(name: 'rich-zh' | 'rich-en' | 'sparse-zh'): Promise<Rendered> {
  const deal = fixtureDeal(name);
  const plan = planSwotBrief(deal, briefContext());
  const tree = compose(plan, createTemplateStore());
  const ctx = { assetRoots: [] };
  const [pdf, docx] = await Promise.all([renderPdf(tree, plan.meta, ctx), renderDocx(tree, plan.meta, ctx)]);
  const pdfFile = join(dir, `${name}.pdf`);
  const docxFile = join(dir, `${name}.docx`);
  writeFileSync(pdfFile, pdf);
  writeFileSync(docxFile, docx);
  const text = hasCommand('pdftotext') ? pdftotext(pdfFile) : await pdfText(pdf);
  return { deal, pdf: squash(text), docx: squash(docxText(docx)), docxFile };
}

/** Everything the issue says a reader must find in the brief. */
function expectedFacts(deal: Deal): string[] {
  const t = (b: Readonly<Record<'zh-CN' | 'en', string>>) => b[deal.locale];
  const a = assessDeal(deal, DOC_DATE);
  const swotHeadings = deal.locale === 'zh-CN' ? ['优势S', '劣势W', '机会O', '威胁T'] : ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'];
  const unknown = deal.locale === 'zh-CN' ? '未知' : 'unknown';
  return [
    ...deal.contacts.flatMap((c) => [c.name, ...(c.role ? [t(ROLE_INFO[c.role].label)] : []), ...(c.style ? [t(STYLE_INFO[c.style].label)] : [])]),
    ...deal.competitors.map((c) => c.name),
    ...swotHeadings,
    ...(['strengths', 'weaknesses', 'opportunities', 'threats'] as const).flatMap((q) => a.swot[q].map((e) => t(e.text))),
    ...QUESTION_IDS.map((id) => deal.qualification[id] ?? unknown),
    ...findGaps(deal, DOC_DATE).map((g) => t(g.text)),
    t(STAGE_INFO[deal.stage].action),
  ].map(squash);
}

describe.each(['rich-zh', 'rich-en', 'sparse-zh'] as const)('rendered SWOT brief %s', (name) => {
  let r: Rendered;
  beforeAll(async () => {
    r = await render(name);
  });

  it('shows every contact with role and style, every competitor, the SWOT, the answers, the gaps and the sales action in the PDF', () => {
    for (const fact of expectedFacts(r.deal)) expect(r.pdf).toContain(fact);
  });

  it('shows the same facts in the DOCX', () => {
    for (const fact of expectedFacts(r.deal)) expect(r.docx).toContain(fact);
  });

  it('is marked internal', () => {
    const mark = squash(r.deal.locale === 'zh-CN' ? '内部资料 / 请勿外传' : 'Internal — do not forward');
    expect(r.pdf).toContain(mark);
  });
});

describe('derivations read back from the generated documents', () => {
  it('a competitor weakness on a criterion the customer named is an opportunity, with its source', async () => {
    const r = await render('rich-zh');
    for (const text of [r.pdf, r.docx]) {
      expect(text).toContain(squash('机会 O'));
      expect(text).toContain(squash('某国际品牌：交期 16 周（采购标准「交期 ≤ 8 周」）'));
      expect(text).toContain(squash('某国际品牌弱项 · 交期 ≤ 8 周'));
    }
  });

  it('a missing evaluator is a gap and a missing budget answer makes the deal not qualified', async () => {
    const r = await render('sparse-zh');
    for (const text of [r.pdf, r.docx]) {
      expect(text).toContain(squash('【高】没有已知的评估者'));
      expect(text).toContain(squash('预算 未知'));
      expect(text).toContain(squash('结论：不合格'));
    }
  });
});

describe('SWOT brief DOCX through LibreOffice', () => {
  beforeAll(() => need(...LIBREOFFICE));
  it('keeps the facts when a Word-compatible reader converts it', async () => {
    const r = await render('rich-zh');
    // pdf.js reads LibreOffice's table cells one by one; pdftotext would interleave the 2×2 SWOT cells line by line.
    const text = squash(await pdfText(readFileSync(docxToPdfWithLibreOffice(r.docxFile))));
    for (const fact of expectedFacts(r.deal)) expect(text).toContain(fact);
  }, 180_000);
});
