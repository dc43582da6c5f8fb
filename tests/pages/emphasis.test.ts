/** Issue 9: emphasis printed in the link colour; now 着重号 dots (PDF) / w:em + italic Latin (DOCX). */
import type { Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/writers/docx/index.js';
import { docxXml } from '../helpers/extract.js';
import { testMeta } from '../helpers/meta.js';

const md = (s: string): RootContent[] => (unified().use(remarkParse).parse(s) as Root).children;
const meta = testMeta({ title: '强调' });

describe('emphasis is not the link colour', () => {
  it('DOCX: Chinese emphasis gets the 着重号 mark, Latin emphasis is italic, neither is brand-coloured', async () => {
    const xml = docxXml(await renderDocx({ type: 'root', children: md('正文 *重点内容* 与 *first pass yield* 及[链接](https://example.com)。') }, meta, { assetRoots: [] }));
    const run = (text: string) => new RegExp(`<w:r><w:rPr>((?:(?!</w:rPr>).)*)</w:rPr><w:t[^>]*>${text}</w:t>`).exec(xml)?.[1] ?? '';
    expect(run('重点内容')).toContain('<w:em w:val="dot"/>');
    expect(run('first pass yield')).toContain('<w:i/>');
    for (const r of [run('重点内容'), run('first pass yield')]) expect(r).not.toContain('1F5A96');
  });
});
