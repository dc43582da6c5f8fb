/**
 * Issue 9: DOCX quote totals were written into the narrow 序号 cell of a fixed-width grid, so
 * "小计（不含税）" stacked one character per line; fixed widths also split model numbers.
 */
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../src/tree/nodes.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { textTwips } from '../../src/writers/docx/table-kit.js';
import { docxXml } from '../helpers/extract.js';
import { testMeta } from '../helpers/meta.js';

const meta = testMeta({ title: '报价' });

/** The quote table as the proposal builds it (序号 is a narrow column). */
const quote: DataTable = {
  type: 'dataTable',
  columns: [
    { label: '序号', align: 'center', width: 0.6 },
    { label: '型号', width: 1.4 },
    { label: '名称', width: 3 },
    { label: '数量', align: 'right', width: 0.7 },
    { label: '单位', align: 'center', width: 0.6 },
    { label: '单价（元）', align: 'right', width: 1.3 },
    { label: '折扣', align: 'right', width: 0.7 },
    { label: '金额（元）', align: 'right', width: 1.5 },
  ],
  rows: [
    { cells: ['1', 'KS-3D-AOI-500', '在线 3D AOI 检测设备', '3', '台', '385,000.00', '5%', '1,097,250.00'] },
    { cells: ['2', 'KS-SPARE-KIT-2026-LONG', '备件包', '1', '套', '22,000.00', '—', '22,000.00'] },
    { kind: 'subtotal', cells: ['小计（不含税）', '', '', '', '', '', '', '1,119,250.00'] },
    { kind: 'subtotal', cells: ['增值税（13%）', '', '', '', '', '', '', '145,502.50'] },
    { kind: 'total', cells: ['合计（含税）', '', '', '', '', '', '', '1,264,752.50'] },
  ],
};

const rowsOf = (xml: string) => [...xml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]);
const cellsOf = (tr: string) => [...tr.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((m) => m[0]);
const twips = (tc: string) => Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/.exec(tc)![1]);

describe('DOCX tables: widths from content, merged total labels', () => {
  it('writes each total label in one cell spanning the empty columns, never in the 序号 column alone', async () => {
    const xml = docxXml(await renderDocx({ type: 'root', children: [quote] } as Root, meta, { assetRoots: [] }));
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const rows = rowsOf(xml);
    for (const label of ['小计（不含税）', '增值税（13%）', '合计（含税）']) {
      const tr = rows.find((r) => r.includes(label))!;
      const [first, ...rest] = cellsOf(tr);
      expect(first, label).toContain(label);
      expect(first, label).toMatch(/<w:gridSpan w:val="7"\/>/);
      expect(twips(first)).toBeGreaterThan(grid[0] * 3);
      expect(rest).toHaveLength(1);
      expect(rest[0]).toContain('.');
    }
    // the totals stay together with the last item (keep-with-next on the rows above them)
    const last = rows.findIndex((r) => r.includes('KS-SPARE-KIT'));
    expect(rows[last]).toContain('<w:keepNext/>');
    expect(rows[last]).toContain('<w:cantSplit/>');
    expect(rows[0]).toContain('<w:tblHeader/>');
  });

  it('sizes columns so the header label and the longest model number fit on one line', async () => {
    const xml = docxXml(await renderDocx({ type: 'root', children: [quote] } as Root, meta, { assetRoots: [] }));
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const pad = 170; // cell margins, left + right
    expect(grid[0]).toBeGreaterThanOrEqual(textTwips('序号', 18) + pad);
    expect(grid[1]).toBeGreaterThanOrEqual(textTwips('KS-SPARE-KIT-2026-LONG', 18) + pad);
    expect(grid[7]).toBeGreaterThanOrEqual(textTwips('1,264,752.50', 18) + pad);
  });
});

describe('DOCX need tree', () => {
  it('keeps its rows together (keep-with-next on every row but the last, rows never split)', async () => {
    const tree = {
      type: 'needTree',
      labels: { goal: '目标', problem: '问题', solution: '解决方案', products: '产品/服务', criteria: '采购标准' },
      goal: '直通率 99%',
      problems: [1, 2, 3].map((n) => ({ problem: `问题 ${n}`, solution: `方案 ${n}`, products: [`KS-${n}`], criteria: [`标准 ${n}`] })),
    };
    const xml = docxXml(await renderDocx({ type: 'root', children: [tree] } as unknown as Root, meta, { assetRoots: [] }));
    const rows = rowsOf(xml);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    for (const r of rows.slice(0, -1)) expect(r).toContain('<w:keepNext/>');
  });
});
