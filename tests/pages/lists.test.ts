/**
 * Issue 9: every list item's first line carries its marker. Since 83e2989 the first item of a
 * list right under a heading printed without its marker, and an empty marker line followed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { pdfText, pdftotext } from '../helpers/extract.js';
import { checkLayout, formatProblems, markerOf, readPages, segments } from '../helpers/layout.js';
import { testMeta } from '../helpers/meta.js';

const md = (s: string): RootContent[] => (unified().use(remarkParse).use(remarkGfm).parse(s) as Root).children;
const tmp = mkdtempSync(join(tmpdir(), 'dealdoc-lists-'));
const meta = testMeta({ title: '列表' });

async function pdf(markdown: string): Promise<string> {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, await renderPdf({ type: 'root', children: md(markdown) }, meta, { assetRoots: [] }));
  return file;
}

describe('list markers (PDF)', () => {
  it('the first item of a list right under a heading carries its marker, and no empty marker line follows', async () => {
    const file = await pdf(['## 服务承诺', '', '- 4 小时到场：宝安服务站', '- 备件当天发货', '', '## 下一步', '', '1. 汇报试用数据', '2. 确认验收指标', '', '## 联系我们', '', '短介绍。', '', '- 电话：138 0000 0000', '- 邮箱：x@y.example'].join('\n'));
    const problems = checkLayout(file, { shortPages: [1] });
    expect(formatProblems(file, problems)).toBe('');
    const segs = segments(readPages(file)[0]);
    for (const [marker, text] of [['•', '4 小时到场'], ['1.', '汇报试用数据'], ['•', '电话']]) {
      const item = segs.find((s) => s.text.includes(text));
      expect(item, text).toBeDefined();
      // the marker is on the item's first line, just left of its text (or the segment's first word)
      const found = item!.words[0].text === marker ? marker : markerOf(segs, item!)?.text;
      expect(found, text).toBe(marker);
    }
  });

  it('bullets sit on their item\'s line in extracted text, and · / • / ・ each extract as themselves (Noto Sans SC draws them with one glyph)', async () => {
    const file = await pdf(['李明 · 大客户经理，ベン・ツール', '', '- 第一项 · 说明', '- 第二项'].join('\n'));
    const layout = pdftotext(file, 'layout');
    expect(layout).toMatch(/•\s+第一项 · 说明/);
    expect(layout).toMatch(/•\s+第二项/);
    expect(layout).not.toMatch(/^\s*•\s*$/m);
    expect(layout).toContain('李明 · 大客户经理，ベン・ツール');
    const js = await pdfText(new Uint8Array((await import('node:fs')).readFileSync(file)));
    expect(js).toContain('李明 · 大客户经理，ベン・ツール');
    expect(js).toMatch(/•\s*第一项 · 说明/);
  });
});
