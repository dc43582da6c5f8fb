import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeal } from '../../src/data/deals/read.js';

const dir = mkdtempSync(join(tmpdir(), 'dealdoc-deal-'));

const VALID = `---
title: 测试建议书
rep: { name: 李明 }
customer:
  name: 测试客户
needs:
  goal: 提升良率
  problems:
    - problem: 漏检
      solution: 3D AOI
      criteria: [检出率 ≥ 99.5%]
stage: evaluation
quote:
  tax_rate: 0.13
  items:
    - { sku: A-1, name: 设备, qty: 2, unit: 台, unit_price: 1000.00 }
  valid_until: 2026-12-31
---
## 背景

正文。
`;

async function read(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const r = await readDeal(path, `data/deals/${name}`, { defaultLocale: 'zh-CN' });
  return { ...r, messages: r.diagnostics.map((d) => d.format()) };
}

describe('reading deal files', () => {
  it('accepts a valid deal, takes its id from the file name and types its fields', async () => {
    const r = await read('good-deal.md', VALID);
    expect(r.messages).toEqual([]);
    expect(r.deal?.id).toBe('good-deal');
    expect(r.deal?.quote.items[0].unit_price.toFixed(2)).toBe('1000.00');
    expect(r.deal?.quote.valid_until).toBe('2026-12-31');
    expect(r.deal?.body).toContain('## 背景');
    expect(r.deal?.bodyLine).toBe(19);
  });

  it.each([
    ['a negative quantity', VALID.replace('qty: 2', 'qty: -2'), 'data/deals/x.md:16:34: must be greater than 0, got -2 (quote.items[0].qty)'],
    ['a wrong enum value', VALID.replace('stage: evaluation', 'stage: closing'), 'data/deals/x.md:12:8: expected one of discover_needs | internal_deliberation | procurement_design | evaluation | commitment | use_maintenance, got "closing" (stage)'],
    ['a malformed date', VALID.replace('2026-12-31', '2026-02-30'), 'data/deals/x.md:17:16: "2026-02-30" is not a valid date (YYYY-MM-DD) (quote.valid_until)'],
    ['a missing required field', VALID.replace('title: 测试建议书\n', ''), 'data/deals/x.md:2:1: required field is missing (title)'],
    ['an unknown field', VALID.replace('stage: evaluation', 'stage: evaluation\nstaeg: x'), 'data/deals/x.md:13:1: unknown field "staeg" (staeg)'],
    ['a YAML syntax error', VALID.replace('rep: { name: 李明 }', 'rep: { name: 李明'), 'data/deals/x.md:'],
  ])('reports %s as exactly one positioned diagnostic', async (_what, text, expected) => {
    const r = await read('x.md', text);
    expect(r.deal).toBeUndefined();
    expect(r.messages).toHaveLength(1);
    if (expected.endsWith(':')) expect(r.messages[0]).toMatch(/^data\/deals\/x\.md:\d+:\d+: YAML syntax error/);
    else expect(r.messages[0]).toBe(expected);
  });

  it('never runs JavaScript front matter', async () => {
    (globalThis as Record<string, unknown>).__pwned = undefined;
    const r = await read('js.md', '---js\n{ title: (globalThis.__pwned = 1, "x") }\n---\n');
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(r.messages[0]).toMatch(/^data\/deals\/js\.md:1:1: a deal file must start with YAML front matter/);
  });

  it('reports characters the font cannot draw, with line and field', async () => {
    // Emoji print (Noto Emoji is in the chain); a private-use character has no font anywhere.
    const r = await read('glyph.md', VALID.replace('goal: 提升良率', 'goal: 提升良率 😀 \ue000'));
    expect(r.messages).toEqual([
      'data/deals/glyph.md:7:9: character "\ue000" (U+E000, private-use character) cannot be printed: no font of the chain has a glyph for it (add a font that has it under fonts: in the config) (needs.goal)',
    ]);
  });

  it('reads JSON deal files with positions and the body field', async () => {
    const json = JSON.stringify({ title: 'T', locale: 'en', rep: { name: 'R' }, customer: { name: 'C' }, needs: { goal: 'G', problems: [{ problem: 'P', solution: 'S' }] }, stage: 'evaluation', quote: { items: [{ name: 'I', qty: '1', unit_price: 'abc' }] }, body: '## Hi' }, null, 2);
    const r = await read('j.json', json);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/^data\/deals\/j\.json:\d+:\d+: "abc" is not a number \(quote\.items\[0\]\.unit_price\)$/);
    const ok = await read('j2.json', json.replace('"abc"', '"10.50"'));
    expect(ok.messages).toEqual([]);
    expect(ok.deal?.body).toBe('## Hi');
    expect(ok.deal?.locale).toBe('en');
  });

  it('stops alias bombs quickly and keeps __proto__ an ordinary (rejected) key', async () => {
    const bomb = ['---', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) bomb.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const r = await read('bomb.md', [...bomb, 'title: x', '---', ''].join('\n'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.deal).toBeUndefined();
    expect(r.messages.join('\n')).toMatch(/alias|unknown field/i);
    const proto = await read('proto.md', VALID.replace('title:', '__proto__: { isAdmin: true }\ntitle:'));
    expect(proto.messages).toEqual(['data/deals/proto.md:2:1: unknown field "__proto__" (__proto__)']);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses ids that could escape the out folder', async () => {
    const r = await read('x2.md', VALID.replace('title:', 'id: ../../etc\ntitle:'));
    expect(r.messages[0]).toMatch(/\(id\)$/);
  });
});
