import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { DocMeta } from '../../src/tree/nodes.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { docxText, docxToPdfWithLibreOffice, docxXml, pdftotext, unzip } from '../helpers/extract.js';
import { LIBREOFFICE, need } from '../helpers/prereqs.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ASSETS = join(ROOT, 'data/assets');

const md = (source: string): RootContent[] => (unified().use(remarkParse).use(remarkGfm).parse(source) as Root).children;
const root = (...children: RootContent[]): Root => ({ type: 'root', children });

const meta: DocMeta = {
  title: '华新精密 SMT 产线 3D AOI 升级建议书',
  locale: 'zh-CN',
  header: { left: '科松电子', right: '3D AOI 升级建议书' },
  footer: { confidentiality: '商业机密 · 仅供 华新精密 评估使用', pageLabel: '第 {page} 页 / 共 {pages} 页' },
  orientation: 'portrait',
  brandColor: '#1F5FAD',
  author: '李明',
  subject: '解决方案建议书',
  keywords: ['3D AOI', 'SMT'],
  created: new Date('2026-11-20T08:30:00Z'),
};
const ctx = { assetRoots: [ASSETS] };

/** A realistic proposal: cover, prose, lists, quote table with totals, the four diagrams, a callout. */
function proposal(): Root {
  return root(
    {
      type: 'cover',
      kicker: '解决方案建议书',
      title: '华新精密 SMT 产线 3D AOI 升级建议书',
      subtitle: '面向 2027 年一次直通率 99% 的在线检测与追溯方案',
      preparedFor: '致：华新精密制造有限公司',
      company: '深圳科松电子科技有限公司',
      lines: [
        { label: '客户经理', value: '李明' },
        { label: '日期', value: '2026年11月20日' },
      ],
      logo: join(ASSETS, 'kesong-logo.png'),
    },
    ...md(`# 一、项目背景

华新精密现有三条 SMT 线，**一次直通率 96.0%**，客户要求*逐板追溯*[^1]。

## 1.1 现状与问题

1. 人工目检漏检率高
   - 每线每班 2 名目检员
2. 2D AOI 误报率约 3%

另一个列表：

1. SPI 与 AOI 数据互不相通
2. 无法闭环

- [x] 完成现场调研
- [ ] 完成样板测试

> 客户原话：“明年直通率必须上 99%。”

详见 [科松官网](https://kesong.example/aoi) 与 [坏链接](javascript:alert(1))。

| 指标 | 现状 | 目标 |
| :--- | ---: | :---: |
| 一次直通率 | 96.0% | 99.0% |

[^1]: 见客户《供应商质量协议》第 4.2 条。

#### 深层标题
`),
    {
      type: 'dataTable',
      caption: '表 1  报价明细',
      columns: [
        { label: '项目', width: 3 },
        { label: '数量', align: 'right', width: 1 },
        { label: '金额（元）', align: 'right', width: 2 },
      ],
      rows: [
        { kind: 'group', cells: ['硬件'] },
        { cells: ['KS-3D-800 在线 3D AOI', '3', '2,040,000.00'] },
        { kind: 'subtotal', cells: ['硬件小计', '', '2,040,000.00'] },
        { kind: 'total', cells: ['合计（含税）', '', '2,225,000.00'] },
      ],
    },
    {
      type: 'needTree',
      labels: { goal: '目标', problem: '问题', solution: '解决方案', products: '产品与服务', criteria: '采购标准' },
      goal: '直通率达到 99%',
      problems: [
        { problem: '人工目检漏检', solution: '炉后 3D AOI 全检', products: ['KS-3D-800'], criteria: ['漏检率 < 0.05%'] },
        { problem: '2D AOI 误报高', solution: '3D 高度测量', products: ['AI 复判软件'], criteria: ['误报率 < 0.5%'] },
        { problem: '数据无法追溯', solution: 'SPI-AOI 闭环', products: ['闭环软件模块', 'MES 接口'], criteria: ['保存 3 年'] },
      ],
    },
    {
      type: 'swotGrid',
      labels: { strengths: '优势', weaknesses: '劣势', opportunities: '机会', threats: '威胁', empty: '（暂无）' },
      strengths: [{ text: '3D 测量精度高' }],
      weaknesses: [{ text: '单价较高' }],
      opportunities: [{ text: '客户需逐板追溯', source: '质量协议第 4.2 条' }],
      threats: [],
    },
    {
      type: 'peopleMap',
      labels: {
        influence: '影响力',
        attitude: '态度',
        levels: { high: '高', medium: '中', low: '低' },
        attitudes: { opponent: '反对', neutral: '中立', supporter: '支持' },
        guide: '向导',
      },
      people: [
        { name: '王建国', caption: '总经理', influence: 'high', attitude: 'supporter', guide: false },
        { name: '张伟', caption: '生产部经理', influence: 'high', attitude: 'supporter', guide: true },
        { name: '周丽', caption: '采购部经理', influence: 'high', attitude: 'opponent', guide: false },
        { name: '刘洋', caption: '工艺经理', influence: 'medium', attitude: 'neutral', guide: false },
        { name: '赵敏', caption: '品质经理', influence: 'medium', attitude: 'supporter', guide: false },
        { name: '孙强', caption: '设备主管', influence: 'low', attitude: 'neutral', guide: false },
      ],
    },
    {
      type: 'barChart',
      title: '年度节省',
      unit: '万元',
      bars: [
        { label: '目检人工', value: 86.4, display: '86.4' },
        { label: '返修工时', value: 52.1, display: '52.1' },
      ],
    },
    { type: 'callout', tone: 'warning', title: '注意', children: md('测算基于 2026 年数据。') as never },
    { type: 'pageBreak' },
    ...md('# 二、结论\n\n建议分两期实施。'),
  );
}

const render = (tree: Root, m: DocMeta = meta, c = ctx) => renderDocx(tree, m, c);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('renderDocx', () => {
  it('writes headings with Word heading styles; deeper than 3 becomes Heading 3', async () => {
    const xml = docxXml(await render(proposal()));
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>.*一、项目背景/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>.*1\.1 现状与问题/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/><\/w:pPr><w:r><w:t xml:space="preserve">深层标题/);
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>/);
    expect(xml).not.toContain('Heading4');
  });

  it('names the East Asian font and zh-CN language in the document defaults, with a fallback in the font table', async () => {
    const buf = await render(proposal());
    const parts = unzip(buf);
    expect(docxText(buf)).toContain('华新精密现有三条 SMT 线');
    expect(parts['word/styles.xml']).toMatch(/<w:rFonts [^>]*w:eastAsia="Noto Sans SC"/);
    // Latin text is tagged en-US (with zh-CN LibreOffice breaks Latin words anywhere), Chinese zh-CN.
    expect(parts['word/styles.xml']).toMatch(/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/);
    expect(parts['word/fontTable.xml']).toContain('<w:altName w:val="Microsoft YaHei"/>');
    expect(parts['word/styles.xml']).toContain('w:styleId="DealdocTable"');
  });

  it('gives every Markdown list its own numbering instance, so a second ordered list restarts', async () => {
    const xml = docxXml(await render(root(...md('1. a\n2. b\n\ntext\n\n1. c\n2. d\n'))));
    const ids = [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(4);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(ids[3]);
    expect(ids[0]).not.toBe(ids[2]);
  });

  it('nests list levels and marks task items with ☐/☑', async () => {
    const buf = await render(proposal());
    const xml = docxXml(buf);
    expect(xml).toMatch(/<w:ilvl w:val="1"\/>/);
    expect(docxText(buf)).toMatch(/☑\s*完成现场调研/);
    expect(docxText(buf)).toMatch(/☐\s*完成样板测试/);
  });

  it('marks the dataTable header row to repeat, keeps rows whole, bolds totals', async () => {
    const xml = docxXml(await render(proposal()));
    const table = xml.slice(xml.indexOf('表 1  报价明细'));
    const rows = table.slice(0, table.indexOf('</w:tbl>')).split('<w:tr>').slice(1);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('<w:tblHeader/>');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    const total = rows.find((r) => r.includes('合计（含税）'))!;
    expect(total).toMatch(/<w:b\/>[^]*合计（含税）/);
    expect(total).toMatch(/<w:top w:val="single"[^>]*w:sz="12"/);
    expect(rows[1]).toContain('w:gridSpan w:val="3"');
    expect(table).toMatch(/<w:jc w:val="right"\/>[^]*2,040,000.00/);
  });

  it('puts PAGE and PAGEREF (body page count) fields and the confidentiality line in the footer; header and no footer on the cover', async () => {
    const parts = unzip(await render(proposal()));
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGEREF DealdocBodyEnd</w:instrText>');
    expect(parts['word/document.xml']).toMatch(/<w:bookmarkStart w:id="\d+" w:name="DealdocBodyEnd"\/><w:r>/);
    expect(parts['word/document.xml']).toMatch(/<w:pgNumType w:start="1"\/>/);
    expect(footer).toContain('商业机密 · 仅供 华新精密 评估使用');
    const sections = parts['word/document.xml'].match(/<w:sectPr>.*?<\/w:sectPr>/g)!;
    expect(sections).toHaveLength(2);
    expect(sections[0]).not.toContain('footerReference');
    expect(sections[0]).not.toContain('headerReference');
    expect(sections[1]).toContain('footerReference');
    const header = Object.entries(parts).find(([name]) => /^word\/header\d*\.xml$/.test(name))![1];
    expect(header).toContain('科松电子');
    expect(header).toContain('3D AOI 升级建议书');
  });

  it('shows the internal banner in the header of every page, the cover included', async () => {
    const parts = unzip(await render(proposal(), { ...meta, banner: '内部资料 · 请勿外传' }));
    const headers = Object.entries(parts).filter(([name]) => /^word\/header\d*\.xml$/.test(name));
    expect(headers).toHaveLength(2);
    for (const [, xml] of headers) expect(xml).toContain('内部资料 · 请勿外传');
  });

  it('makes only http/https/mailto links hyperlinks; javascript: stays plain text', async () => {
    const parts = unzip(await render(proposal()));
    const xml = parts['word/document.xml'];
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="rIdN1"[^>]*>.*?科松官网/);
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="https://kesong.example/aoi"');
    expect(xml).toContain('坏链接');
    expect(xml).not.toMatch(/<w:hyperlink[^>]*>(?:(?!<\/w:hyperlink>).)*坏链接/);
    expect(Object.values(parts).join('')).not.toContain('javascript:');
  });

  it('embeds a PNG from an asset root scaled to the text width, and refuses anything else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealdoc-docx-img-'));
    const allowed = join(dir, 'allowed');
    mkdirSync(allowed);
    const wide = png(3000, 1000);
    writeFileSync(join(allowed, 'wide.png'), wide);
    writeFileSync(join(dir, 'outside.png'), wide);
    writeFileSync(join(allowed, 'fake.png'), 'not a png');
    symlinkSync(join(dir, 'outside.png'), join(allowed, 'link.png'));
    const tree = root(
      ...md(
        [
          `![宽图](${join(allowed, 'wide.png')})`,
          `![外部](${join(dir, 'outside.png')})`,
          `![逃逸](${join(allowed, '..', 'outside.png')})`,
          `![链接](${join(allowed, 'link.png')})`,
          `![伪造](${join(allowed, 'fake.png')})`,
          `![相对](wide.png)`,
          `![网络](https://example.com/a.png)`,
        ].join('\n\n'),
      ),
    );
    const buf = await render(tree, meta, { assetRoots: [allowed] });
    const parts = unzip(buf);
    expect(Object.keys(parts).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    const text = docxText(buf);
    for (const alt of ['外部', '逃逸', '链接', '伪造', '相对', '网络']) expect(text).toContain(`[${alt}]`);
    expect(text).not.toContain('[宽图]');
    // 3000 × 1000 px scaled to the 170 mm text width: cx = 170 mm in EMU (36000 per mm), aspect kept.
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(parts['word/document.xml'])!;
    expect(Number(cx)).toBeGreaterThan(170 * 36000 * 0.98);
    expect(Number(cx)).toBeLessThanOrEqual(170 * 36000 * 1.001);
    expect(Number(cx) / Number(cy)).toBeCloseTo(3, 1);
  });

  it('writes the texts of needTree, swotGrid, peopleMap and barChart', async () => {
    const text = docxText(await render(proposal()));
    for (const s of ['直通率达到 99%', '人工目检漏检', '炉后 3D AOI 全检', '漏检率 < 0.05%', '→']) expect(text).toContain(s);
    for (const s of ['优势', '3D 测量精度高', '质量协议第 4.2 条', '（暂无）']) expect(text).toContain(s);
    for (const s of ['王建国', '— 总经理', '★', '反对', '支持', '影响力 ↑', '向导']) expect(text).toContain(s);
    for (const s of ['年度节省', '目检人工', '86.4', '单位：万元']) expect(text).toContain(s);
    for (const s of ['注意', '测算基于 2026 年数据。']) expect(text).toContain(s);
  });

  it('merges the need-tree goal cell down across all problems', async () => {
    const xml = docxXml(await render(proposal()));
    const tree = xml.slice(xml.indexOf('>采购标准<'));
    expect(tree.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(1);
    expect(tree.slice(0, tree.indexOf('</w:tbl>')).match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(2);
  });

  it('writes footnotes as real Word footnotes', async () => {
    const parts = unzip(await render(proposal()));
    expect(parts['word/document.xml']).toContain('<w:footnoteReference w:id="1"/>');
    expect(parts['word/footnotes.xml']).toContain('见客户《供应商质量协议》第 4.2 条。');
  });

  it('prints raw HTML literally and strips characters XML cannot carry', async () => {
    const text = docxText(await render(root(...md('<b>bold?</b>\n\nA\u0001B\uFFFF'))));
    expect(text).toContain('<b>bold?</b>');
    expect(text).toContain('AB');
  });

  it('starts an ordered list at its Markdown start number', async () => {
    const parts = unzip(await render(root(...md('3. three\n4. four\n'))));
    expect(parts['word/numbering.xml']).toMatch(/<w:lvl w:ilvl="0"[^>]*><w:start w:val="3"\/>/);
  });

  it('drops HTML comments, keeps tabs as Word tabs', async () => {
    const buf = await render(root(...md('<!-- note for the rep -->\n\nA\tB')));
    expect(docxText(buf)).not.toContain('note for the rep');
    expect(docxXml(buf)).toMatch(/>A<\/w:t><w:tab\/><w:t xml:space="preserve">B</);
  });

  it('renders an empty tree, and a cover that is not first as a page of its own', async () => {
    expect(docxText(await render(root()))).toBe('');
    const xml = docxXml(await render(root(...md('前言'), { type: 'cover', title: '封面', company: '科松', lines: [] })));
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(1);
    expect(xml).toMatch(/封面.*<w:br w:type="page"\/>/);
  });

  it('keeps the text of node types it does not know', async () => {
    const odd = [
      { type: 'containerDirective', name: 'note', children: md('指令内容') },
      { type: 'toString', value: '原型名' },
    ] as unknown as RootContent[];
    const text = docxText(await render(root(...odd)));
    expect(text).toContain('指令内容');
    expect(text).toContain('原型名');
  });

  it('sets the core properties from the metadata', async () => {
    const core = unzip(await render(proposal()))['docProps/core.xml'];
    expect(core).toContain('<dc:creator>dealdoc</dc:creator>');
    expect(core).toContain('<dc:title>华新精密 SMT 产线 3D AOI 升级建议书</dc:title>');
    expect(core).toContain('<cp:keywords>3D AOI, SMT</cp:keywords>');
    expect(core.match(/>2026-11-20T08:30:00Z</g)).toHaveLength(2);
  });

  it('lays out A4 landscape when asked', async () => {
    const xml = docxXml(await render(root(...md('宽表')), { ...meta, orientation: 'landscape' }));
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('gives byte-identical output for the same tree, twice in one process', async () => {
    const a = await render(proposal());
    const b = await render(proposal());
    expect(sha(b)).toBe(sha(a));
    const names = Object.keys(unzip(a));
    expect(names).toEqual([...names].sort());
  });

  it('keeps the small parts of each document apart when they are compressed once per distinct text', async () => {
    // Footnotes, header, footer, numbering and core properties are kept deflated by text
    // (package.ts): another document in between must not leak into these parts, nor change bytes.
    const a = await render(proposal());
    const other = await render(root(...md('正文[^n]\n\n1. 一\n2. 二\n\n[^n]: 另一份文件的脚注。')), { ...meta, title: '另一份', header: { left: '别家', right: '另一份' } });
    const again = await render(proposal());
    expect(sha(again)).toBe(sha(a));
    const mine = unzip(again);
    const theirs = unzip(other);
    expect(mine['word/footnotes.xml']).toContain('见客户《供应商质量协议》第 4.2 条。');
    expect(mine['word/footnotes.xml']).not.toContain('另一份文件的脚注');
    expect(theirs['word/footnotes.xml']).toContain('另一份文件的脚注。');
    expect(theirs['word/footnotes.xml']).not.toContain('供应商质量协议');
    expect(theirs['docProps/core.xml']).toContain('<dc:title>另一份</dc:title>');
    expect(mine['docProps/core.xml']).toContain(`<dc:title>${meta.title}</dc:title>`);
    const headers = (parts: Record<string, string>) => Object.entries(parts).filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => x).join('');
    expect(headers(theirs)).toContain('别家');
    expect(headers(mine)).not.toContain('别家');
  });

  it('gives byte-identical output across processes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealdoc-docx-det-'));
    const input = join(dir, 'input.json');
    writeFileSync(input, JSON.stringify({ tree: proposal(), meta, ctx }));
    const script = join(dir, 'render.mts');
    writeFileSync(
      script,
      [
        `import { readFileSync } from 'node:fs';`,
        `import { createHash } from 'node:crypto';`,
        `import { renderDocx } from ${JSON.stringify(join(ROOT, 'src/writers/docx/index.ts'))};`,
        `const { tree, meta, ctx } = JSON.parse(readFileSync(${JSON.stringify(input)}, 'utf8'));`,
        `const buf = await renderDocx(tree, { ...meta, created: new Date(meta.created) }, ctx);`,
        `process.stdout.write(createHash('sha256').update(buf).digest('hex'));`,
      ].join('\n'),
    );
    const child = execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    await render(root(...md('[warm up the module-level counters](https://example.com)')));
    expect(child.trim()).toBe(sha(await render(proposal())));
  });

  it('opens in LibreOffice: headings, table values and page numbers are in the PDF', async () => {
    need(...LIBREOFFICE, 'poppler');
    const pdf = pdftotext(docxToPdfWithLibreOffice(await render(proposal())));
    const pages = pdf.split('\f').filter((p) => p.trim());
    for (const s of ['一、项目背景', '1.1 现状与问题', '2,225,000.00', '合计（含税）', '直通率达到 99%', '王建国', '86.4', '二、结论']) {
      expect(pdf.replace(/\s+/g, ' ')).toContain(s);
    }
    // pdftotext drops the spaces between CJK and digits.
    expect(pages[0]).not.toMatch(/第\s*\d+\s*页/);
    // Issue 9: as in the PDF, the cover is not counted: body pages are 第 1 页 … 第 N 页 / 共 N 页.
    const body = pages.length - 1;
    expect(pages[1]).toMatch(new RegExp(`第\\s*1\\s*页\\s*/\\s*共\\s*${body}\\s*页`));
    expect(pages[body]).toMatch(new RegExp(`第\\s*${body}\\s*页\\s*/\\s*共\\s*${body}\\s*页`));
  });
});

/** A valid opaque PNG of the given size (one grey scanline repeated). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const raw = Buffer.alloc((width + 1) * height, 0xcc);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
