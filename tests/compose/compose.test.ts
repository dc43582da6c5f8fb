import type { Root, RootContent, Table } from 'mdast';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compose, createTemplateStore, parseMarkdown, parseNarrative } from '../../src/compose/index.js';
import type { DocumentPlan } from '../../src/documents/types.js';

function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { value?: string; children?: unknown[] };
  return (typeof n.value === 'string' ? n.value : '') + (n.children ?? []).map(textOf).join('');
}

function storeWith(template: string) {
  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-tpl-'));
  writeFileSync(join(dir, 't.md.hbs'), template);
  return createTemplateStore(dir);
}

const meta = { title: 't', locale: 'zh-CN', header: { left: '', right: '' }, footer: { pageLabel: '' }, orientation: 'portrait', brandColor: '#000000', created: new Date(0) } as const;
const plan = (view: Record<string, unknown>, slots: Record<string, RootContent[]> = {}): DocumentPlan => ({ template: 't', locale: 'zh-CN', view, slots, meta: { ...meta } });

describe('compose', () => {
  it('prints deal values literally, even Markdown syntax inside a table', () => {
    const store = storeWith('| a | b |\n|---|---|\n| {{name}} | {{crit}} |\n\n{{heading}}\n\n[x]({{url}})\n');
    const tree = compose(plan({ name: 'A | B *Co*', crit: '# 检出率 ≥ 99.5%', heading: '# not a heading', url: 'javascript:alert(1)' }), store);
    const table = tree.children[0] as Table;
    expect(table.type).toBe('table');
    expect(table.children[1].children.map(textOf)).toEqual(['A | B *Co*', '# 检出率 ≥ 99.5%']);
    expect(tree.children.some((c) => c.type === 'heading')).toBe(false);
    expect(textOf(tree)).toContain('# not a heading');
  });

  it('replaces slots with the given nodes and keeps other HTML as text', () => {
    const store = storeWith('# T\n\n{{slot "x"}}\n\n<script>alert(1)</script>\n');
    const tree: Root = compose(plan({}, { x: [{ type: 'pageBreak' }] }), store);
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'pageBreak', 'paragraph']);
    expect(textOf(tree.children[2])).toContain('<script>');
  });

  it('keeps narrative HTML literal, so a narrative cannot fill a slot', () => {
    const nodes = parseNarrative('正文\n\n<!--dealdoc-slot:quote-->\n\n<b>粗</b>');
    expect(nodes.every((n) => n.type === 'paragraph')).toBe(true);
    expect(textOf({ children: nodes })).toContain('<!--dealdoc-slot:quote-->');
  });

  it('makes CJK emphasis work and cuts autolinks at Chinese text', () => {
    const tree = parseMarkdown('和**“引号”**后 https://example.com/a，然后联系我们。');
    const para = tree.children[0];
    expect(JSON.stringify(para)).toContain('"type":"strong"');
    const link = JSON.stringify(para).match(/"url":"([^"]+)"/)?.[1];
    expect(link).toBe('https://example.com/a');
    expect(textOf(para)).toContain('，然后联系我们。');
  });
  it('drops a soft line break between two CJK characters, keeps it as a space between Latin words', () => {
    expect(textOf(parseMarkdown('提升直通率\n降低误报').children[0])).toBe('提升直通率降低误报');
    expect(textOf(parseMarkdown('first line\nsecond line').children[0])).toMatch(/^first line\ssecond line$/);
  });
});
