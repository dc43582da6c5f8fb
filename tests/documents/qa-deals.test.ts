/**
 * Regressions found by building deals the examples do not cover (QA of issues 9, 12 and 13).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spacer } from '../../src/writers/docx/ruled-table.js';
import { contentWidths, unbreakableTwips } from '../../src/writers/docx/table-kit.js';
import { markBodyEnd } from '../../src/writers/docx/xml.js';
import { copyProject, runCli } from '../helpers/cli.js';
import { docxText, docxXml, pdftotext, unzip } from '../helpers/extract.js';
import { checkLayout, formatProblems } from '../helpers/layout.js';

describe('a quote in another currency than the catalogue', () => {
  it('refuses a SKU-only line instead of printing its price as 0.00', () => {
    const dir = copyProject();
    const f = join(dir, 'data/deals/penang-xray-2026.json');
    const deal = JSON.parse(readFileSync(f, 'utf8')) as { quote: { currency: string; items: Record<string, unknown>[] } };
    expect(deal.quote.currency).toBe('USD');
    delete deal.quote.items[0].unit_price; // KS-AXI-700: the catalogue lists it in CNY
    writeFileSync(f, JSON.stringify(deal, null, 2));
    const validated = runCli(['validate'], { cwd: dir });
    expect(validated.code).toBe(1);
    expect(validated.stderr).toMatch(/penang-xray-2026\.json:\d+:\d+: SKU "KS-AXI-700": the catalogue's list price is not in USD: give unit_price in USD in the deal \(quote\.items\[0\]\.sku\)/);
    const built = runCli(['build', '--only', 'penang-xray-2026', '--format', 'pdf'], { cwd: dir });
    expect(built.code).toBe(1);
    expect(existsSync(join(dir, 'out/penang-xray-2026/proposal.pdf'))).toBe(false);
  });
});

describe('a quote with a long product code (PDF)', () => {
  it('narrows the code column instead of squeezing every column mid-word', () => {
    const dir = copyProject();
    const f = join(dir, 'data/deals/penang-xray-2026.json');
    const deal = JSON.parse(readFileSync(f, 'utf8')) as { quote: { items: Record<string, unknown>[] } };
    deal.quote.items.push(
      { sku: 'SW-LIC-MES-10Y-PRO/EXT_2035-Σ', name: 'MES licence — 10 yrs (≥ 2035) «enterprise»', qty: '1', unit: 'licence', unit_price: '12345.67' },
      { sku: 'KIT-SPARE-#42-A/B/C-0001122334455', name: 'Spare-parts kit', qty: '3', unit: 'kit', unit_price: '1999.50' },
    );
    writeFileSync(f, JSON.stringify(deal, null, 2));
    const built = runCli(['build', '--only', 'penang-xray-2026', '--format', 'pdf', '-q'], { cwd: dir });
    expect(built.code).toBe(0);
    const tokens = ['Discount', 'licence', '«enterprise»', 'C-0001122334455', '12,345.67', 'Installation'];
    const problems = checkLayout(join(dir, 'out/penang-xray-2026/proposal.pdf'), { tokens, hyphenBreaks: true }).filter((p) => p.rule === 'split-token');
    expect(formatProblems('proposal.pdf', problems)).toBe('');
    // The header "No." stays on one line.
    expect(pdftotext(join(dir, 'out/penang-xray-2026/proposal.pdf'), 'layout')).toMatch(/^\s*No\.\s+Model/m);
  });
});

describe('the executive summary of an English proposal', () => {
  it('prints the investment with one pair of parentheses and the solutions with one full stop', () => {
    const dir = copyProject();
    const f = join(dir, 'data/deals/penang-xray-2026.json');
    const deal = JSON.parse(readFileSync(f, 'utf8')) as { needs: { problems: { solution: string }[] }; proposal?: { summary?: string } };
    if (deal.proposal) delete deal.proposal.summary;
    deal.needs.problems.forEach((p) => (p.solution = `${p.solution}.`));
    writeFileSync(f, JSON.stringify(deal, null, 2));
    const built = runCli(['build', '--only', 'penang-xray-2026', '-q'], { cwd: dir });
    expect(built.code).toBe(0);
    const pdf = pdftotext(join(dir, 'out/penang-xray-2026/proposal.pdf')).replace(/\s+/g, ' ');
    const docx = docxText(readFileSync(join(dir, 'out/penang-xray-2026/proposal.docx'))).replace(/\s+/g, ' ');
    for (const text of [pdf, docx]) {
      expect(text).toMatch(/Investment: USD [\d,.]+ \(incl\. tax\)/);
      expect(text).not.toContain('((');
      expect(text).toMatch(/Our solution: [^]*?three-year warranty\. /);
      expect(text).not.toContain('warranty..');
    }
  });
});

describe('the DOCX acceptance block', () => {
  it('keeps heading, intro and the whole short table together (LibreOffice left "Date" alone on a last page)', () => {
    const dir = copyProject();
    const built = runCli(['build', '--only', 'penang-xray-2026', '--format', 'docx', '-q'], { cwd: dir });
    expect(built.code).toBe(0);
    const xml = docxXml(readFileSync(join(dir, 'out/penang-xray-2026/proposal.docx')));
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p .*?<\/w:p>/g) ?? [];
    const intro = paragraphs.find((p) => p.includes('To accept this proposal'));
    expect(intro).toContain('<w:keepNext/>');
    const table = xml.slice(xml.indexOf('To accept this proposal'));
    const rows = table.slice(0, table.indexOf('</w:tbl>')).split('<w:tr>').slice(1);
    expect(rows.map((r) => />(Company|Name|Title|Signature|Date|For the customer)</.exec(r)?.[1])).toEqual(['For the customer', 'Company', 'Name', 'Title', 'Signature', 'Date']);
    // Every row but the last keeps with the next.
    rows.slice(0, -1).forEach((r) => expect(r).toContain('<w:keepNext/>'));
  });
});

describe('the end of a DOCX body', () => {
  it('after a closing table is one 1-pt paragraph holding the page-count bookmark (a full paragraph made a blank last page)', () => {
    const end = markBodyEnd(spacer());
    expect(end.match(/<w:p>/g)).toHaveLength(1);
    expect(end).toContain('w:line="20" w:lineRule="exact"');
    expect(end).toContain('w:name="DealdocBodyEnd"');
    // A body ending in text keeps the bookmark on its last run.
    const text = markBodyEnd('<w:p><w:r><w:t>x</w:t></w:r></w:p>');
    expect(text).toBe('<w:p><w:bookmarkStart w:id="0" w:name="DealdocBodyEnd"/><w:r><w:t>x</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>');
  });
});

describe('a criterion whose catalogue key no quoted product specifies', () => {
  it('is a warning that names the key', () => {
    const dir = copyProject();
    const f = join(dir, 'data/deals/qichen-burnin-2027.md');
    writeFileSync(f, readFileSync(f, 'utf8').replace('      products: [KS-BI-1000, KS-FIX-BI]\n', '      products: [KS-BI-1000, KS-FIX-BI]\n      criteria:\n        - { criterion: 支持边界扫描, key: no_such_key }\n'));
    const r = runCli(['validate'], { cwd: dir });
    expect(r.stderr).toMatch(/qichen-burnin-2027\.md:\d+:\d+: warning: purchase criterion "支持边界扫描" has no response, and no quoted product's catalogue entry has a specification "no_such_key"/);
  });
});

describe('DOCX column widths with a long product code', () => {
  it('keep every amount and short header whole; only the code column narrows to its hyphen pieces', () => {
    const header = ['No.', 'Model', 'Item', 'Qty', 'Unit', 'Unit price (USD)', 'Discount', 'Amount (USD)'];
    const rows = [
      ['1', 'KS-AXI-700', 'Inline automated X-ray inspection system', '1', 'set', '148,000.00', '—', '148,000.00'],
      ['4', 'SW-LIC-MES-10Y-PRO/EXT_2035-Σ', 'MES licence — 10 yrs (≥ 2035) «enterprise»', '1', 'licence', '12,345.67', '—', '12,345.67'],
      ['5', 'KIT-SPARE-#42-A/B/C-0001122334455', 'Spare-parts kit', '3', 'kit', '1,999.50', '—', '5,998.50'],
    ];
    const total = 9638; // A4 minus 2 cm margins, in twips
    const widths = contentWidths([0.5, 1.6, 3, 0.6, 0.7, 1.3, 0.9, 1.4], header, rows, total, 18);
    const need = (t: string, label = false) => unbreakableTwips(t, 18, label) + 170;
    expect(widths[0]).toBeGreaterThanOrEqual(need('No.', true));
    expect(widths[6]).toBeGreaterThanOrEqual(need('Discount', true));
    for (const c of [5, 7]) expect(widths[c]).toBeGreaterThanOrEqual(need('148,000.00'));
    expect(widths[1]).toBeGreaterThanOrEqual(unbreakableTwips('C-0001122334455', 18));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe('the DOCX running header with a long title', () => {
  it('shrinks both texts to share one line, as the PDF does (LibreOffice wrapped it onto two lines)', () => {
    const dir = copyProject();
    const f = join(dir, 'data/deals/qichen-burnin-2027.md');
    const title = '启辰智能车载无线充电模块与座舱控制模块全线高温带电老化、在线电流监控与逐板追溯系统升级建议书（第一期至第三期）';
    writeFileSync(f, readFileSync(f, 'utf8').replace('title: 启辰智能车载模块老化测试方案', `title: ${title}`));
    const built = runCli(['build', '--only', 'qichen-burnin-2027', '--format', 'docx', '-q'], { cwd: dir });
    expect(built.code).toBe(0);
    const parts = unzip(readFileSync(join(dir, 'out/qichen-burnin-2027/proposal.docx')));
    const header = Object.entries(parts).find(([name, xml]) => /^word\/header\d*\.xml$/.test(name) && xml.includes(title))?.[1] ?? '';
    const sizes = [...header.matchAll(/<w:r>(?:(?!<\/w:r>).)*?<w:sz w:val="(\d+)"\/>(?:(?!<\/w:r>).)*?启辰智能车载无线充电/g)].map((m) => Number(m[1]));
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toBeLessThan(16);
    expect(sizes[0]).toBeGreaterThanOrEqual(8);
  });
});
