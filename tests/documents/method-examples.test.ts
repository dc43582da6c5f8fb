/**
 * The method's derivations read back from the example documents the real CLI built (global
 * setup): the brief's decision page, the credit risk of an overdue customer, catalogue
 * specifications in "Us" and "how we meet it", price floors, the proposal's executive summary,
 * acceptance block and draft watermark — all from pdftotext / the DOCX's text.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { docxText, unzip } from '../helpers/extract.js';
import { need } from '../helpers/prereqs.js';

// These tests read the PDFs with poppler's pdftotext: without it, fail here with the package to install.
need('poppler');

const examples = inject('examples');
const squash = (s: string) => s.replace(/\s+/g, '');
const file = (deal: string, doc: string) => join(examples.out, deal, doc);
/** pdftotext of the given pages, whitespace removed (table cells wrap anywhere). */
const pdfRaw = (deal: string, doc: string, first?: number, last?: number) =>
  execFileSync('pdftotext', [...(first ? ['-f', String(first), '-l', String(last ?? first)] : []), '-enc', 'UTF-8', file(deal, `${doc}.pdf`), '-'], { encoding: 'utf8' });
const pdf = (deal: string, doc: string, first?: number, last?: number) => squash(pdfRaw(deal, doc, first, last));
const docx = (deal: string, doc: string) => squash(docxText(readFileSync(file(deal, `${doc}.docx`))));
const pages = (deal: string, doc: string) => pdfRaw(deal, doc).split('\f').map(squash).filter((p) => p.length > 0);

describe('brief page 1 is the decision page', () => {
  it('carries the verdict, stage, next step, credit status, three dated actions, price floor and internal notes', () => {
    const p1 = pdf('huaxin-aoi-2026', 'swot-brief', 1);
    for (const s of ['0.决策页', '结论：合格', '当前阶段评估比较', '下一步向评估小组', '2026年11月27日', '回款状况', '未收：¥', '最重要的三件事', '价格底线', 'KS-3D-AOI-500', '354,200.00', '内部备注', '本单价格底线：AOI整机折扣不超过8%'])
      expect(p1).toContain(squash(s));
    // Exactly three actions on page 1, each dated.
    expect(p1.match(/最重要的三件事负责人完成时间1.*?2.*?3/)).not.toBeNull();
  });
  it('shows internal notes in the brief of every example, and never in a proposal (PDF, DOCX, metadata)', () => {
    const notes: Record<string, string> = {
      'huaxin-aoi-2026': '张经理透露技术评分占60%',
      'ruisheng-ict-2027': 'IT部马经理与智联云工老板是大学同学',
      'qichen-burnin-2027': '只有吴工一个联系人',
      'penang-xray-2026': 'TansaysVisiRaywilltable',
    };
    for (const [deal, note] of Object.entries(notes)) {
      expect(pdf(deal, 'swot-brief', 1, 2)).toContain(note);
      expect(docx(deal, 'swot-brief')).toContain(note);
      expect(pdf(deal, 'proposal')).not.toContain(note);
      const parts = unzip(readFileSync(file(deal, 'proposal.docx')));
      for (const xml of Object.values(parts)) expect(squash(xml)).not.toContain(note);
      expect(readFileSync(file(deal, 'proposal.pdf')).toString('latin1')).not.toContain('internal_notes');
    }
  });
});

describe('receivables in the method (ruisheng: ¥230,248.80 more than 90 days overdue)', () => {
  it('puts the credit risk on page 1 and lowers the verdict to at risk', () => {
    const p1 = pdf('ruisheng-ict-2027', 'swot-brief', 1);
    expect(p1).toContain(squash('结论：有风险'));
    expect(p1).toContain(squash('回款状况：回款风险'));
    expect(p1).toContain(squash('逾期 90 天以上 ¥230,248.80'));
    expect(p1).toContain(squash('坏账准备：¥185,238.64'));
    // The first of the three actions: collect, owned by the rep, due before the next step (2027-01-25).
    expect(p1).toContain(squash('1先收回逾期货款 ¥230,248.80，再谈新的付款条件；新单提高预付比例陈静2027-01-24'));
  });
  it('is a SWOT threat with its source in PDF and DOCX', () => {
    for (const text of [pdf('ruisheng-ict-2027', 'swot-brief'), docx('ruisheng-ict-2027', 'swot-brief')]) {
      expect(text).toContain(squash('瑞声汽车电子回款风险：未收 ¥580,820.00，其中¥230,248.80 逾期超过 90 天，坏账准备 ¥185,238.64'));
      expect(text).toContain(squash('应收账款 · 截至 2027-01-18'));
    }
  });
  it('warns that 30% prepayment is too little for such a customer, with the line and column', () => {
    expect(examples.stderr).toMatch(/data\/deals\/ruisheng-ict-2027\.md:\d+:\d+: warning: the customer has overdue receivables, but the payment terms ask only 30% prepayment \(at least 50% for a credit-risk customer\) \(quote\.payment_terms\)/);
    expect(examples.stderr).not.toMatch(/huaxin-aoi-2026\.md.*prepayment/);
  });
  it('leaves a customer who pays normally qualified', () => {
    expect(pdf('huaxin-aoi-2026', 'swot-brief', 1)).toContain(squash('回款状况：回款正常'));
  });
});

describe('catalogue', () => {
  it('answers a criterion with its catalogue specification in the brief ("Us") and the proposal ("how we meet it")', () => {
    const spec = '支持 01005 至 55 × 55 mm 元件，0.3 mm 间距 BGA 外露焊点与 QFN 侧面爬锡';
    // Criterion, then the need's products (SKUs may wrap at a hyphen), then the catalogue's statement.
    for (const text of [pdf('huaxin-aoi-2026', 'proposal'), docx('huaxin-aoi-2026', 'proposal')]) expect(text).toMatch(new RegExp(`${squash('支持 0201 元件与 0.4 mm 间距 BGA 外露焊点检测在线 3D AOI 检测设备')}[^。]{0,60}安装调试与培训（SV-?INST）${squash(spec).replace(/[.()×]/g, '\\$&')}`));
    const brief = pdf('huaxin-aoi-2026', 'swot-brief');
    expect(brief).toMatch(new RegExp(`${squash('支持 0201 元件与 0.4 mm 间距 BGA 外露焊点检测')}${squash(spec).replace(/[.()×]/g, '\\$&')}目录KS-3D-?AOI-500`));
    // A comparison row without our figure takes the catalogue's ("Us" column).
    expect(brief).toContain(squash('检出率 ≥ 99.5%'));
  });
  it('fills a SKU-only quote line with the catalogue name (qichen KS-FIX-BI)', () => {
    expect(pdf('qichen-burnin-2027', 'proposal')).toContain(squash('KS-FIX-BI老化测试夹具'));
  });
  it('flags a discount below the floor: validate warning with position, highlighted line in the brief', () => {
    expect(examples.stderr).toMatch(/data\/deals\/ruisheng-ict-2027\.md:\d+:\d+: warning: KS-SP-PIN: 5% off the list price is below the floor \(at most 0% without approval\): needs approval \(quote\.items\[6\]\.discount\)/);
    expect(pdf('ruisheng-ict-2027', 'swot-brief', 1)).toContain(squash('KS-SP-PIN 1,285.10 0% 1,285.10 1,220.85 (−5%) 需审批'));
    expect(pdf('huaxin-aoi-2026', 'swot-brief', 1)).not.toContain('需审批');
  });
  it('does not compare a USD quote with CNY list prices', () => {
    expect(examples.stderr).not.toMatch(/penang-xray-2026\.json.*below the floor/);
  });
});

describe('the proposal', () => {
  const all = ['huaxin-aoi-2026', 'ruisheng-ict-2027', 'qichen-burnin-2027', 'penang-xray-2026'];
  it('has an executive summary after the cover and an acceptance block at the end, in PDF and DOCX', () => {
    for (const deal of all) {
      const zh = deal !== 'penang-xray-2026';
      const ps = pages(deal, 'proposal');
      const summary = zh ? ['方案摘要', '您的目标：', '我们的方案：', '投资：¥'] : ['Executive summary', 'Your goal:', 'Our solution:', 'Investment: USD'];
      for (const s of summary) expect(ps[1]).toContain(squash(s));
      const accept = zh ? ['客户确认', '客户名称', '授权代表（签字）', '盖章', '日期'] : ['Accepted by', 'Company', 'Name', 'Title', 'Signature', 'Date'];
      const last = ps.slice(-2).join('');
      for (const s of accept) expect(last).toContain(squash(s));
      const d = docx(deal, 'proposal');
      for (const s of [...summary, ...accept]) expect(d).toContain(squash(s));
    }
    expect(pages('huaxin-aoi-2026', 'proposal')[1]).toContain(squash('投资：¥1,533,353.50（含税，人民币壹佰伍拾叁万叁仟叁佰伍拾叁元伍角）'));
  });
  it('prints no filler', () => {
    for (const deal of all) for (const text of [pdf(deal, 'proposal'), docx(deal, 'proposal')]) {
      expect(text).not.toContain('方案满足，详见技术规格');
      expect(text).not.toContain('Met—seetechnicalspecification');
    }
  });
  it('marks a proposal before evaluation as a draft on every page (PDF and DOCX), and only those', () => {
    // qichen: discover_needs; ruisheng: procurement_design — both before evaluation.
    for (const deal of ['qichen-burnin-2027', 'ruisheng-ict-2027']) {
      const ps = pages(deal, 'proposal');
      expect(ps.length).toBeGreaterThan(1);
      for (const p of ps) expect(p).toContain('草稿');
      const headers = Object.entries(unzip(readFileSync(file(deal, 'proposal.docx')))).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
      expect(headers.length).toBeGreaterThanOrEqual(2); // the cover's and the running one
      for (const [, xml] of headers) expect(xml).toMatch(/<v:textpath [^>]*string="草稿"/);
    }
    for (const deal of ['huaxin-aoi-2026', 'penang-xray-2026']) {
      for (const p of pages(deal, 'proposal')) expect(p).not.toMatch(/草稿|DRAFT/);
      expect(Object.values(unzip(readFileSync(file(deal, 'proposal.docx')))).join('')).not.toContain('v:textpath');
    }
  });
});
