import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DataTable, DocMeta } from '../../src/tree/nodes.js';
import * as fontkit from 'fontkit';
import { loadFonts } from '../../src/fonts/fonts.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { setSharedCaches } from '../../src/writers/pdf/speed.js';
import { pdffonts, pdfPageCount, pdfText, pdftotext } from '../helpers/extract.js';

const md = (s: string): RootContent[] => (unified().use(remarkParse).use(remarkGfm).parse(s) as Root).children;
const root = (...children: RootContent[]): Root => ({ type: 'root', children });
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const pages = (text: string): string[] => text.split('\f');
const count = (hay: string, needle: string): number => hay.split(needle).length - 1;
const latin1 = (b: Buffer): string => b.toString('latin1');

const tmp = mkdtempSync(join(tmpdir(), 'dealdoc-pdf-test-'));
const assets = join(tmp, 'assets');
const outside = join(tmp, 'outside');
const ctx = { assetRoots: [assets] };

function meta(over: Partial<DocMeta> = {}): DocMeta {
  return {
    title: '测试文档',
    locale: 'zh-CN',
    header: { left: '科颂智能检测', right: '页眉右侧标题' },
    footer: { pageLabel: '第 {page} 页 / 共 {pages} 页', confidentiality: '商业机密 · 仅供评估使用' },
    orientation: 'portrait',
    brandColor: '#1F5A96',
    created: new Date('2026-11-20T00:00:00Z'),
    ...over,
  };
}

function writeFile(path: string, data: Uint8Array): string {
  writeFileSync(path, data);
  return path;
}

/** A tiny RGBA PNG (alpha → pdfkit decodes it asynchronously). */
function rgbaPng(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set([x * 8, y * 8, 160, (x + y) * 4], y * (w * 4 + 1) + 1 + x * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const cover: RootContent = {
  type: 'cover',
  kicker: '解决方案建议书',
  title: '封面标题：产线升级建议书',
  subtitle: '面向 2027 年的检测方案',
  preparedFor: '致：华新精密制造有限公司',
  company: '科颂智能检测技术有限公司',
  lines: [{ label: '日期', value: '2026年11月20日' }],
};

function bigTable(rows: number): DataTable {
  return {
    type: 'dataTable',
    caption: '表 1　大表',
    columns: [
      { label: '序号', align: 'center', width: 0.6 },
      { label: '品名规格', width: 3 },
      { label: '金额（元）', align: 'right', width: 1.4 },
    ],
    rows: [
      ...Array.from({ length: rows }, (_, i) => ({ cells: [String(i + 1), `R${String(i + 1).padStart(3, '0')}号 检测设备配件`, `${(i + 1) * 1000}.00`] })),
      { cells: ['', '合计', '7,260,000.00'], kind: 'total' as const },
    ],
  };
}

let sample: Buffer;
let sampleText: string;

beforeAll(async () => {
  execFileSync('mkdir', ['-p', assets, outside]);
  sample = await renderPdf(
    root(
      cover,
      ...md(`# 一、项目背景

华新精密现有三条 SMT 线，主要生产智能手表与 TWS 耳机主板。English words mixed in: *first pass yield* and **bold**.

## 1.1 现状

- 一次直通率 96.0%
- 返修成本约 27 万元/月

第二段正文，出现在标题之后。`),
    ),
    meta(),
    ctx,
  );
  sampleText = await pdfText(sample);
});

describe('renderPdf: text, order and page furniture', () => {
  it('prints headings and paragraphs in order, Chinese round-trips', () => {
    const order = ['封面标题：产线升级建议书', '一、项目背景', '华新精密现有三条 SMT 线', 'first pass', '1.1 现状', '一次直通率 96.0%', '第二段正文'];
    const at = order.map((s) => sampleText.indexOf(s));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('numbers pages without the cover: 第 1 页 / 共 N 页', async () => {
    const doc = await renderPdf(root(cover, ...md('# 甲\n\n正文'), { type: 'pageBreak' }, ...md('# 乙\n\n正文'), { type: 'pageBreak' }), meta(), ctx);
    expect(await pdfPageCount(doc)).toBe(3); // the trailing page break adds no blank page
    const text = pages(await pdfText(doc));
    expect(text[0]).not.toContain('第 ');
    expect(text[1]).toContain('第 1 页 / 共 2 页');
    expect(text[2]).toContain('第 2 页 / 共 2 页');
  });

  it('puts the running header on every page but the cover', () => {
    const [coverPage, ...rest] = pages(sampleText);
    expect(coverPage).not.toContain('页眉右侧标题');
    expect(coverPage).not.toContain('商业机密');
    for (const p of rest) expect(p).toContain('科颂智能检测');
    for (const p of rest) expect(p).toContain('页眉右侧标题');
    for (const p of rest) expect(p).toContain('商业机密 · 仅供评估使用');
  });

  it('shows the internal banner on every page, cover included, and uses English labels', async () => {
    const doc = await renderPdf(
      root(cover, ...md('# Internal brief\n\nBody text.'), { type: 'pageBreak' }, ...md('More.')),
      meta({ locale: 'en', banner: '内部资料 / Internal — do not forward', footer: { pageLabel: 'Page {page} of {pages}' } }),
      ctx,
    );
    const text = pages(await pdfText(doc));
    expect(text).toHaveLength(3);
    for (const p of text) expect(p).toContain('Internal — do not forward');
    expect(text[2]).toContain('Page 2 of 2');
  });

  it('lays out landscape pages when asked', async () => {
    const doc = await renderPdf(root(...md('横向页面')), meta({ orientation: 'landscape' }), ctx);
    expect(latin1(doc)).toContain('/MediaBox [0 0 841.89 595.28]');
  });

  it('embeds Noto Sans SC as subsets (pdffonts)', () => {
    const file = writeFile(join(tmp, 'fonts.pdf'), sample);
    const out = pdffonts(file);
    expect(out).toMatch(/[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(out).toMatch(/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(out).not.toMatch(/Helvetica/);
  });

  it('embeds subsets that are valid TrueType: each glyph has the outline and advance of the source glyph', () => {
    // Streams in file order: pdfkit writes each font file, then that font's ToUnicode map.
    const streams: Buffer[] = [];
    const pdf = latin1(sample);
    for (const m of pdf.matchAll(/<<([^]*?)>>\nstream\n/g)) {
      if (!m[1].includes('/FlateDecode') || m[1].includes('/Subtype /Image')) continue;
      const start = m.index + m[0].length;
      const length = Number(/\/Length (\d+)/.exec(m[1])![1]);
      streams.push(inflateSync(sample.subarray(start, start + length)));
    }
    const source = loadFonts();
    let checked = 0;
    let fonts = 0;
    const faces = new Set<fontkit.Font>();
    streams.forEach((data, i) => {
      if (data.readUInt32BE(0) !== 0x00010000) return;
      fonts++;
      const subset = fontkit.create(data) as fontkit.Font;
      const cmap = latin1(streams[i + 1]);
      expect(cmap).toContain('beginbfrange');
      let original: fontkit.Font | undefined;
      for (const range of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g)) {
        const entries = [...range[2].matchAll(/<([0-9a-f ]+)>/g)].map((e) => e[1].split(' '));
        entries.forEach((units, k) => {
          const gid = parseInt(range[1], 16) + k;
          if (gid === 0 || units.length !== 1) return;
          const glyph = subset.getGlyph(gid);
          const cp = parseInt(units[0], 16);
          // Which face this subset was cut from: the one whose outline the first glyph has.
          if (!original) {
            if (glyph.path.commands.length === 0) return;
            original = [source.regular, source.bold].find((f) => f.glyphForCodePoint(cp).path.toSVG() === glyph.path.toSVG());
            expect(original).toBeDefined();
          }
          const want = original!.glyphForCodePoint(cp);
          expect(glyph.advanceWidth).toBe(want.advanceWidth);
          expect(glyph.path.toSVG()).toBe(want.path.toSVG());
          checked++;
        });
      }
      if (original) faces.add(original);
    });
    expect(fonts).toBe(2);
    expect(faces.size).toBe(2);
    expect(checked).toBeGreaterThan(40);
  });

  it('never starts a line with closing punctuation', async () => {
    const para = Array.from({ length: 30 }, (_, i) => `第${i}句话包含逗号，句号。顿号、分号；冒号：问号？叹号！括号（内容）引号「内容」书名号《书》`).join('');
    const doc = await renderPdf(root({ type: 'paragraph', children: [{ type: 'text', value: para }] }), meta(), ctx);
    const lines = pdftotext(writeFile(join(tmp, 'kinsoku.pdf'), doc)).split('\n').filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.trim()).not.toMatch(/^[，。、；：？！）」》]/);
    for (const line of lines) expect(line.trim()).not.toMatch(/[（「《]$/);
  });
});

describe('renderPdf: tables', () => {
  it('spreads a 120-row dataTable over pages, header on each, every row exactly once', async () => {
    const doc = await renderPdf(root(...md('# 报价'), bigTable(120)), meta(), ctx);
    const text = pages(await pdfText(doc));
    expect(text.length).toBeGreaterThanOrEqual(3);
    for (const p of text) expect(p).toContain('品名规格');
    const all = text.join('\n');
    for (let i = 1; i <= 120; i++) expect(count(all, `R${String(i).padStart(3, '0')}号`), `row ${i}`).toBe(1);
    expect(all).toContain('7,260,000.00');
  });

  it('splits a row taller than a page between lines and keeps all of its text', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `第${i}句说明文字较长。`).join('') + '完结标记';
    const table: DataTable = {
      type: 'dataTable',
      columns: [{ label: '项目' }, { label: '说明', width: 4 }],
      rows: [{ cells: ['前一行', '短'] }, { cells: ['超长行', long] }, { cells: ['后一行', '短'] }],
    };
    const doc = await renderPdf(root(table), meta(), ctx);
    const text = pages(await pdfText(doc));
    expect(text.length).toBeGreaterThanOrEqual(2);
    const all = text.join('').replace(/\s/g, '');
    for (let i = 0; i < 400; i++) expect(all, `sentence ${i}`).toContain(`第${i}句说明文字较长。`);
    expect(all).toContain('完结标记');
    expect(all.indexOf('前一行')).toBeLessThan(all.indexOf('后一行'));
    const pageOf = (s: string): number => text.findIndex((p) => p.replace(/\s/g, '').includes(s));
    expect(pageOf('第0句')).toBe(pageOf('前一行')); // split, not pushed whole to the next page
    expect(pageOf('完结标记')).toBeGreaterThan(pageOf('第0句'));
    for (const p of text) expect(p).toContain('说明');
  });

  it('never splits a word in a narrow column, and lets a total label span the empty cells', async () => {
    const table: DataTable = {
      type: 'dataTable',
      columns: [
        { label: 'No.', align: 'center', width: 0.3 },
        { label: 'Item', width: 4 },
        { label: 'Discount', align: 'right', width: 0.3 },
        { label: 'Amount (USD)', align: 'right', width: 1 },
      ],
      rows: [
        { cells: ['1', 'Inline automated X-ray inspection system', '4%', '284,160.00'] },
        { cells: ['Total (incl. tax)', '', '', '432,250.00'], kind: 'total' },
      ],
    };
    const text = await pdfText(await renderPdf(root(table), meta({ locale: 'en' }), ctx));
    expect(text).toContain('Discount');
    expect(text).toContain('Total (incl. tax)');
    expect(text).toContain('432,250.00');
  });

  it('renders GFM tables through the same engine, with styled cells', async () => {
    const doc = await renderPdf(root(...md('| 阶段 | 时间 |\n| :-- | --: |\n| 合同签订 | **2026-12** |\n| 验收 | 2027-04 |')), meta(), ctx);
    const text = await pdfText(doc);
    for (const s of ['阶段', '时间', '合同签订', '2026-12', '验收', '2027-04']) expect(text).toContain(s);
  });
});

describe('renderPdf: diagrams and custom nodes', () => {
  it('prints the texts of need tree, SWOT grid, people map, bar chart and callout', async () => {
    const doc = await renderPdf(
      root(
        {
          type: 'needTree',
          labels: { goal: '业务目标', problem: '问题', solution: '解决方案', products: '产品/服务', criteria: '采购标准' },
          goal: '直通率提升到百分之九十九',
          problems: [
            { problem: '人工目检漏检', solution: '部署三维检测', products: ['KS-3D800 设备'], criteria: ['检出率达标'] },
            { problem: '误报率高', solution: '人工智能复判', products: ['复判工作站', '培训服务'], criteria: ['误报率达标', '节拍达标'] },
          ],
        },
        {
          type: 'swotGrid',
          labels: { strengths: '优势 S', weaknesses: '劣势 W', opportunities: '机会 O', threats: '威胁 T', empty: '（暂无）' },
          strengths: [{ text: '精度高' }],
          weaknesses: [{ text: '交期长', source: '来源：竞争对手交期六周' }],
          opportunities: [{ text: '追溯要求' }],
          threats: [],
        },
        {
          type: 'peopleMap',
          labels: {
            influence: '影响力',
            attitude: '态度',
            levels: { low: '低', medium: '中', high: '高' },
            attitudes: { opponent: '反对', neutral: '中立', supporter: '支持' },
            guide: '向导',
          },
          people: [
            { name: '王建国', caption: '总经理', influence: 'high', attitude: 'supporter', guide: false },
            { name: '张伟', caption: '生产经理', influence: 'high', attitude: 'supporter', guide: true },
            { name: '周丽', caption: '采购经理', influence: 'medium', attitude: 'opponent', guide: false },
          ],
        },
        {
          type: 'barChart',
          title: '年节约构成',
          unit: '万元',
          bars: [
            { label: '返修成本', value: 228, display: '228.0' },
            { label: '零值项', value: 0, display: '0.0' },
            { label: '负值项', value: -12, display: '(12.0)' },
          ],
        },
        { type: 'callout', tone: 'warning', title: '待确认事项', children: md('请在 **12 月 15 日**前确认。') as never },
      ),
      meta(),
      ctx,
    );
    const text = (await pdfText(doc)).replace(/\s/g, '');
    const expected = ['业务目标', '直通率提升到百分之九十九', '人工目检漏检', '部署三维检测', 'KS-3D800设备', '检出率达标', '培训服务', '节拍达标'];
    expected.push('优势S', '劣势W', '机会O', '威胁T', '精度高', '来源：竞争对手交期六周', '（暂无）');
    expected.push('影响力', '态度', '反对', '中立', '支持', '王建国', '总经理', '张伟', '周丽', '向导');
    expected.push('年节约构成', '返修成本', '228.0', '0.0', '(12.0)', '单位：万元', '待确认事项', '12月15日');
    for (const s of expected) expect(text, s).toContain(s);
  });

  it('keeps a heading on the page where the block after it starts', async () => {
    const filler = Array.from({ length: 24 }, (_, i) => `填充段落${i}，用于把页面写到接近底部。`).join('\n\n');
    const swot = {
      type: 'swotGrid' as const,
      labels: { strengths: '优势 S', weaknesses: '劣势 W', opportunities: '机会 O', threats: '威胁 T', empty: '（暂无）' },
      strengths: Array.from({ length: 6 }, (_, i) => ({ text: `优势条目${i}` })),
      weaknesses: [{ text: '劣势条目' }],
      opportunities: [{ text: '机会条目' }],
      threats: [{ text: '威胁条目' }],
    };
    const doc = await renderPdf(root(...md(filler), ...md('## 竞争态势'), swot), meta(), ctx);
    const text = pages(await pdfText(doc));
    const page = text.findIndex((p) => p.includes('竞争态势'));
    expect(page).toBeGreaterThan(0);
    expect(text[page]).toContain('优势条目0');
    expect(text[page]).toContain('威胁条目');
  });

  it('keeps every line of a callout that runs over a page', async () => {
    const body = Array.from({ length: 70 }, (_, i) => `提示段落${i}：这里是较长的说明内容。`).join('\n\n');
    const doc = await renderPdf(root({ type: 'callout', tone: 'info', title: '长提示', children: md(body) as never }), meta(), ctx);
    const text = (await pdfText(doc)).replace(/\s/g, '');
    expect(await pdfPageCount(doc)).toBeGreaterThan(1);
    for (let i = 0; i < 70; i++) expect(text).toContain(`提示段落${i}：`);
  });
});

describe('renderPdf: Markdown nodes', () => {
  it('covers lists, task items, quotes, code, html, footnotes, breaks and references', async () => {
    const doc = await renderPdf(
      root(
        ...md(`3. 第三项
4. 第四项
   - 嵌套项目

- [x] 已完成任务
- [ ] 未完成任务

> 引用文字

\`\`\`ts
const 变量 = 1;
\`\`\`

<div>原样输出的HTML</div>

正文带脚注[^a]和 \`行内代码\` 与 ~~删除线~~。  
硬换行之后

[参考链接][ref] ![参考图][img]

---

[ref]: https://example.com/ref
[img]: /nowhere.png
[^a]: 脚注内容在文末。`),
      ),
      meta(),
      ctx,
    );
    const text = await pdfText(doc);
    for (const s of ['3.', '第三项', '4.', '第四项', '嵌套项目', '已完成任务', '未完成任务', '引用文字', 'const 变量 = 1;', '<div>原样输出的HTML</div>']) expect(text).toContain(s);
    for (const s of ['行内代码', '删除线', '硬换行之后', '参考链接', '[参考图]', '注释', '脚注内容在文末。']) expect(text).toContain(s);
    expect(text.indexOf('脚注内容在文末。')).toBeGreaterThan(text.indexOf('硬换行之后'));
    expect(latin1(doc)).toContain('/URI (https://example.com/ref)');
  });

  it('links only http(s) and mailto URLs: javascript: stays text', async () => {
    const doc = await renderPdf(
      root(...md('[官网](https://kesong.example) [邮件](mailto:a@b.example) [危险](javascript:alert(1)) [文件](file:///etc/passwd)')),
      meta(),
      ctx,
    );
    const raw = latin1(doc);
    expect(raw).toContain('/URI (https://kesong.example)');
    expect(raw).toContain('/URI (mailto:a@b.example)');
    expect(raw).not.toMatch(/javascript/i);
    expect(raw).not.toContain('/etc/passwd');
    expect(count(raw, '/Subtype /Link')).toBe(2);
    const text = await pdfText(doc);
    for (const s of ['官网', '邮件', '危险', '文件']) expect(text).toContain(s);
  });

  it('embeds images inside assetRoots only; others print their alt text', async () => {
    const inside = writeFile(join(assets, 'ok.png'), readFileSync(fileURLToPath(new URL('../../data/assets/kesong-logo.png', import.meta.url))));
    copyFileSync(inside, join(outside, 'secret.png'));
    writeFile(join(assets, 'fake.png'), Buffer.from('not an image at all'));
    const refused = await renderPdf(
      root(...md(`![外部图片](${join(outside, 'secret.png')})\n\n![穿越](${assets}/../outside/secret.png)\n\n![假图](${join(assets, 'fake.png')})\n\n![相对](ok.png)`)),
      meta(),
      ctx,
    );
    expect(latin1(refused)).not.toContain('/Subtype /Image');
    const text = await pdfText(refused);
    for (const s of ['[外部图片]', '[穿越]', '[假图]', '[相对]']) expect(text).toContain(s);

    const accepted = await renderPdf(root(...md(`![标志](${inside})`)), meta(), ctx);
    expect(count(latin1(accepted), '/Subtype /Image')).toBe(1);
    expect(await pdfText(accepted)).not.toContain('[标志]');
  });

  it('renders an empty document as one page', async () => {
    const doc = await renderPdf(root(), meta(), ctx);
    expect(await pdfPageCount(doc)).toBe(1);
  });
});

describe('renderPdf: determinism', () => {
  const mixed = (): Root =>
    root(cover, ...md(`# 标题\n\n正文 **粗体** [链接](https://a.example)\n\n![透明图](${join(assets, 'alpha.png')})\n\n![透明图二](${join(assets, 'alpha2.png')})`), bigTable(30));

  beforeAll(() => {
    writeFile(join(assets, 'alpha.png'), rgbaPng(40, 30));
    writeFile(join(assets, 'alpha2.png'), rgbaPng(30, 40));
  });

  it('gives byte-identical output for two renders, with or without the shared caches', async () => {
    const a = await renderPdf(mixed(), meta(), ctx);
    const b = await renderPdf(mixed(), meta(), ctx);
    expect(sha(b)).toBe(sha(a));
    expect(count(latin1(a), '/SMask')).toBe(2);
    setSharedCaches(false);
    try {
      expect(sha(await renderPdf(mixed(), meta(), ctx))).toBe(sha(a));
    } finally {
      setSharedCaches(true);
    }
  });

  it('gives the same bytes in a fresh process', async () => {
    const buf = await renderPdf(mixed(), meta(), ctx);
    const treeFile = writeFile(join(tmp, 'tree.json'), Buffer.from(JSON.stringify({ tree: mixed(), meta: meta(), ctx })));
    const writer = new URL('../../src/writers/pdf/index.ts', import.meta.url).href;
    const script = writeFile(
      join(tmp, 'hash.mts'),
      Buffer.from(`import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { renderPdf } from '${writer}';
const { tree, meta, ctx } = JSON.parse(readFileSync(${JSON.stringify(treeFile)}, 'utf8'));
const buf = await renderPdf(tree, { ...meta, created: new Date(meta.created) }, ctx);
process.stdout.write(createHash('sha256').update(buf).digest('hex'));
`),
    );
    const cwd = fileURLToPath(new URL('../..', import.meta.url));
    const out = execFileSync('npx', ['tsx', script], { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'America/Los_Angeles' }, timeout: 60_000 });
    expect(out.trim()).toBe(sha(buf));
  });
});
