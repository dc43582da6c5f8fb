/**
 * The deal narrative as nodes (src/pipeline/narrative.ts): each call gets nodes of its own, and
 * image paths are resolved on every call, not remembered from an earlier one.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Paragraph, RootContent, Text } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../../src/data/deal-schema.js';
import { parseNarrative } from '../../src/compose/index.js';
import { narrativeNodes } from '../../src/pipeline/narrative.js';
import { ROOT } from '../helpers/cli.js';

const deal = (body: string): Deal => ({ body, bodyLine: 10, path: 'data/deals/n.md' }) as Deal;
const firstText = (nodes: RootContent[]): Text => (nodes[0] as Paragraph).children[0] as Text;

describe('narrative nodes', () => {
  it('gives every call its own nodes: changing one result changes neither the next nor the parse', () => {
    const body = `第一段 **加粗** 与 [链接](https://kesong.example)。\n\n- 一\n- 二\n\n| a | b |\n| - | - |\n| 1 | 2 |\n`;
    const a = narrativeNodes(deal(body), join(ROOT, 'data/assets')).nodes;
    expect(a).toEqual(parseNarrative(body));
    firstText(a).value = 'CHANGED';
    (a[1] as { children: unknown[] }).children.length = 0;
    a.length = 1;
    const b = narrativeNodes(deal(body), join(ROOT, 'data/assets')).nodes;
    expect(firstText(b).value).toBe('第一段 ');
    expect(b).toEqual(parseNarrative(body));
    expect(b).not.toBe(a);
  });

  it('resolves images on each call: an asset that appears later is found, with a warning only before', () => {
    const assets = mkdtempSync(join(tmpdir(), 'dealdoc-narrative-'));
    const body = '介绍\n\n![产线布局](line-layout.png)\n';
    const before = narrativeNodes(deal(body), assets);
    expect(before.assets).toEqual([]);
    expect(before.diagnostics).toHaveLength(1);
    expect(before.diagnostics[0]!.format()).toMatch(/n\.md:12:.*line-layout\.png.* not found/);
    expect(JSON.stringify(before.nodes)).toContain('[产线布局]');
    copyFileSync(join(ROOT, 'data/assets/line-layout.png'), join(assets, 'line-layout.png'));
    const after = narrativeNodes(deal(body), assets);
    expect(after.diagnostics).toEqual([]);
    expect(after.assets).toEqual([join(assets, 'line-layout.png')]);
    const image = (after.nodes[1] as Paragraph).children[0] as { type: string; url: string };
    expect(image).toMatchObject({ type: 'image', url: join(assets, 'line-layout.png') });
  });

  it('reports the narrative limit with its line in the deal file on every call, not only the first', () => {
    const body = `ok\n\n${'>'.repeat(200)} deep\n`;
    for (let i = 0; i < 2; i++) expect(() => narrativeNodes(deal(body), join(ROOT, 'data/assets'))).toThrow();
  });
});
