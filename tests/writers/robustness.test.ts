/**
 * Narratives are written by people: any Markdown must render in both writers without throwing,
 * with its text present. Hand-picked hard cases plus random combinations (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNarrative } from '../../src/compose/index.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { docxText, pdfText } from '../helpers/extract.js';
import { testMeta } from '../helpers/meta.js';

const meta = testMeta({ header: { left: '科松', right: '测试' }, brandColor: '#1F5FAF', created: new Date(0) });

const CASES: Record<string, string> = {
  deepLists: Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- 第 ${i} 层 level ${i}`).join('\n'),
  orderedStart: '7. 七\n8. 八\n\n   继续段落\n\n   > 引用里的列表\n   > 1. a\n   > 2. b',
  tables: '| a | b | c |\n|:-|:-:|-:|\n| `x|y` | **粗** | 1,234.50 |\n| | 空 | |\n| 很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的单元格 | b | c |',
  wideTable: `| ${Array.from({ length: 14 }, (_, i) => `列${i}`).join(' | ')} |\n| ${Array(14).fill('-').join(' | ')} |\n| ${Array.from({ length: 14 }, (_, i) => `值${i}`).join(' | ')} |`,
  footnotes: '正文[^1]和[^长注]。\n\n[^1]: 第一个注。\n[^长注]: 第二个注，**带粗体**。',
  refs: '[链接][r] 和 ![图][i] 和 [未定义][nope]\n\n[r]: https://example.com "标题"\n[i]: missing.png',
  html: '<div>块</div>\n\n行内 <span>x</span> 和 <!-- 注释 -->',
  code: '```ts\nconst x = 1;\n\tindented();\n' + 'x'.repeat(300) + '\n```\n\n    缩进代码块',
  headings: '# 一\n## 二\n### 三\n#### 四\n##### 五\n###### 六\n\nSetext\n======\n\nSetext 2\n--------',
  longWord: 'A'.repeat(500) + ' ' + 'https://example.com/' + 'path/'.repeat(60) + ' 中文' + '中'.repeat(400),
  breaks: '第一行  \n第二行\\\n第三行\n第四行',
  tasks: '- [ ] 待办\n- [x] 完成\n  - [ ] 子项',
  emphasis: '***粗斜*** ~~删除~~ **“引号”**后 _下划线_ `代码` **未闭合',
  quotes: '> 一级\n> > 二级\n> > > 三级\n> > > - 列表\n> > > ```\n> > > code\n> > > ```',
  rules: '---\n***\n___',
  punctuation: '，。、；：？！）」》开头的行（「《结尾的行'.repeat(20),
  empty: '',
  onlySpaces: '   \n\n   ',
  entities: '&amp; &lt;tag&gt; &copy; &#x4E2D; &nbsp;x',
};

async function renderBoth(markdown: string) {
  const tree = { type: 'root' as const, children: parseNarrative(markdown) };
  const [pdf, docx] = await Promise.all([renderPdf(tree, meta, { assetRoots: [] }), renderDocx(tree, meta, { assetRoots: [] })]);
  return { pdf: await pdfText(pdf), docx: docxText(docx) };
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('any Markdown renders', () => {
  it('a single 125,000-character word (the narrative limit) renders in PDF, broken across lines', async () => {
    const tree = { type: 'root' as const, children: parseNarrative('$'.repeat(125_000)) };
    const text = await pdfText(await renderPdf(tree, meta, { assetRoots: [] }));
    expect(squash(text).split('$').length - 1).toBeGreaterThanOrEqual(125_000);
  }, 60_000);

  for (const [name, md] of Object.entries(CASES)) {
    it(`renders ${name} in PDF and DOCX`, async () => {
      const { pdf, docx } = await renderBoth(md);
      // Visible words only: footnote labels and link titles are not printed.
      const visible = md.replace(/\[\^[^\]]*\]/g, ' ').replace(/"[^"]*"/g, ' ');
      const words = visible.match(/[\u4e00-\u9fff]{2,}/g) ?? [];
      for (const w of words.slice(0, 6)) {
        expect(squash(pdf), `${name} PDF: ${w}`).toContain(w);
        expect(squash(docx), `${name} DOCX: ${w}`).toContain(w);
      }
    });
  }

  it('renders random combinations of Markdown fragments', async () => {
    const fragment = fc.constantFrom(...Object.values(CASES), '**', '|', '- ', '> ', '#', '[', '](', '\n', '\n\n', '`', '~~', '<', '\\', '1. ', '   ', '中文', 'Latin');
    await fc.assert(
      fc.asyncProperty(fc.array(fragment, { maxLength: 12 }), async (parts) => {
        await renderBoth(parts.join(''));
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});
