/**
 * `dealdoc schema` as an editor uses it: every example deal, a fresh scaffold (both locales) and
 * hand-written deals in the forms the reader accepts validate with zero errors in a standard
 * JSON Schema validator (ajv, draft 2020-12); invalid deals fail — and the reader agrees.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scaffoldDeal } from '../../src/cli/scaffold.js';
import { DEAL_DESCRIPTIONS, ENUM_DESCRIPTIONS } from '../../src/data/deal-descriptions.js';
import { STAGES } from '../../src/data/deal-schema.js';
import { readDeal } from '../../src/data/deals/read.js';
import { dealJsonSchema } from '../../src/data/json-schema.js';
import { ROOT } from '../helpers/cli.js';

const { schema, undescribed } = dealJsonSchema();
// strict: false — enumDescriptions / markdownEnumDescriptions are editor keywords (VS Code, yaml-language-server).
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(schema);
const dir = mkdtempSync(join(tmpdir(), 'dealdoc-schema-'));

/** What an editor sees: YAML 1.2 core schema (numbers and booleans typed), or JSON. */
function editorData(name: string, text: string): unknown {
  if (name.endsWith('.json')) return JSON.parse(text);
  if (name.endsWith('.md')) return parse(text.split(/^---\s*$/m)[1]);
  return parse(text);
}

function errorsOf(name: string, text: string): string[] {
  validate(editorData(name, text));
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

async function readerErrors(name: string, text: string): Promise<string[]> {
  const path = join(dir, name);
  writeFileSync(path, text);
  const r = await readDeal(path, name, { defaultLocale: 'zh-CN', checkGlyphs: false });
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.format());
}

const HAND_WRITTEN = `---
# yaml-language-server: $schema=../../deal.schema.json
title: 手写的建议书
version: 1.0
date: 2026/12/1
rep: { name: 王芳, phone: 13800000000 }
customer:
  name: 手写客户
  situation:
contacts:
  - name: 赵总
    role: decision_maker
    guide: yes
    personal: { age: 45 }
  - { name: 钱工, guide: true, influence: high }
needs:
  goal: 降本
  problems:
    - problem: 人工检测慢
      solution: 自动检测
      criteria: [速度, { criterion: 精度, response: 0.01 mm }]
qualification:
  # budget: 已落实
  # timeline: Q1
stage: evaluation
quote:
  tax_rate: 13%
  items:
    - { name: 设备, qty: 2, unit_price: "¥12,000", discount: 5% }
    - { name: 服务, qty: 1, unit_price: 3000.50 }
  valid_until: 2026年12月31日
actions:
  - { action: 演示, due: 2026-12-05, done: false }
---
正文
`;

const YAML_DEAL = `# yaml-language-server: $schema=../../deal.schema.json
title: YAML deal
rep: { name: Li }
customer: { name: Acme }
needs: { goal: Speed, problems: [{ problem: Slow, solution: Fast }] }
stage: commitment
quote: { items: [{ name: Box, qty: 1, unit_price: 10 }] }
body: |
  ## Background

  Text.
`;

const JSON_DEAL = JSON.stringify({
  $schema: '../../deal.schema.json',
  title: 'JSON deal',
  rep: { name: 'Li' },
  customer: { name: 'Acme' },
  needs: { goal: 'Speed', problems: [{ problem: 'Slow', solution: 'Fast' }] },
  stage: 'evaluation',
  quote: { tax_rate: 0.13, items: [{ name: 'Box', qty: 2, unit_price: 1234.5, discount: 0.05 }] },
  contacts: [{ name: 'Wang', guide: true, personal: { age: 40 } }],
  body: '## Hi',
});

describe('dealdoc schema', () => {
  it('describes every field in Chinese and English, enum values included', () => {
    expect(undescribed).toEqual([]);
    const stage = (schema.properties as Record<string, { description: string; enumDescriptions: string[] }>).stage;
    expect(stage.description).toMatch(/销售阶段/);
    expect(stage.description).toMatch(/Sales stage/);
    expect(stage.description).toMatch(/evaluation = 评估比较/);
    expect(stage.enumDescriptions).toHaveLength(STAGES.length);
    for (const [path, values] of Object.entries(ENUM_DESCRIPTIONS)) {
      expect(DEAL_DESCRIPTIONS[path], path).toBeDefined();
      expect(Object.keys(values).length).toBeGreaterThan(1);
    }
    // every description has both languages
    for (const [path, d] of Object.entries(DEAL_DESCRIPTIONS)) {
      expect(d.zh, path).toMatch(/[\u4e00-\u9fff]/);
      expect(d.en, path).toMatch(/[A-Za-z]/);
    }
  });

  it('types numbers, booleans and dates as an editor sees them', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
    const s = schema as any;
    const item = s.properties.quote.properties.items.items.properties;
    expect(item.qty.anyOf.map((a: { type: string }) => a.type)).toContain('number');
    const guide = s.properties.contacts.anyOf[0].items.properties.guide;
    expect(JSON.stringify(guide)).toContain('"boolean"');
    expect(guide.default).toBe(false);
    expect(s.properties.quote.properties.tax_rate.default).toBe(0);
  });

  it.each(readdirSync(join(ROOT, 'data/deals')))('example deal %s validates with zero errors', (name) => {
    expect(errorsOf(name, readFileSync(join(ROOT, 'data/deals', name), 'utf8'))).toEqual([]);
  });

  it.each(['zh-CN', 'en'] as const)('a fresh scaffold (%s) validates in the editor and in the reader', async (locale) => {
    const text = scaffoldDeal('fresh-deal', locale);
    expect(text).toMatch(/^---\n# yaml-language-server: \$schema=\.\.\/\.\.\/deal\.schema\.json\n/);
    expect(errorsOf('fresh.md', text)).toEqual([]);
    expect(await readerErrors(`fresh-${locale}.md`, text)).toEqual([]);
  });

  it.each([
    ['hand-written.md', HAND_WRITTEN],
    ['yaml-deal.yaml', YAML_DEAL],
    ['json-deal.json', JSON_DEAL],
  ])('hand-written %s: zero errors in the editor and in the reader', async (name, text) => {
    expect(errorsOf(name, text)).toEqual([]);
    expect(await readerErrors(name, text)).toEqual([]);
  });

  it('the reader types the ledger forms: 13%, ¥12,000, 5%, 2026/12/1, 2026年12月31日, yes', async () => {
    const path = join(dir, 'forms.md');
    writeFileSync(path, HAND_WRITTEN);
    const { deal } = await readDeal(path, 'forms.md', { defaultLocale: 'zh-CN', checkGlyphs: false });
    expect(deal!.quote.tax_rate.toString()).toBe('0.13');
    expect(deal!.quote.items[0].unit_price!.toString()).toBe('12000');
    expect(deal!.quote.items[0].discount!.toString()).toBe('0.05');
    expect(deal!.date).toBe('2026-12-01');
    expect(deal!.quote.valid_until).toBe('2026-12-31');
    expect(deal!.contacts[0].guide).toBe(true);
  });

  it('a .yaml deal takes its body from body:', async () => {
    const path = join(dir, 'body.yaml');
    writeFileSync(path, YAML_DEAL);
    const { deal } = await readDeal(path, 'body.yaml', { defaultLocale: 'en', checkGlyphs: false });
    expect(deal!.body).toContain('## Background');
  });

  const breakIt = (from: string, to: string) => HAND_WRITTEN.replace(from, to);
  it.each([
    ['stage typo', breakIt('stage: evaluation', 'stage: evalution'), /stage/],
    ['unknown field', breakIt('title: 手写的建议书', 'title: 手写的建议书\ntitel: x'), /titel|additional/],
    ['negative qty', breakIt('qty: 2,', 'qty: -2,'), /qty/],
    ['qty not a number', breakIt('qty: 2,', 'qty: two,'), /qty/],
    ['not a date', breakIt('date: 2026/12/1', 'date: next week'), /date/],
    ['guide not boolean', breakIt('guide: yes', 'guide: maybe'), /guide/],
    ['tax rate over 100 %', breakIt('tax_rate: 13%', 'tax_rate: 1.3'), /tax_rate/],
    ['missing title', breakIt('title: 手写的建议书\n', ''), /title/],
  ])('%s fails in the editor and in the reader', async (_label, text, field) => {
    const editor = errorsOf('bad.md', text);
    expect(editor.length).toBeGreaterThan(0);
    expect(editor.join('\n') + JSON.stringify(validate.errors)).toMatch(field);
    expect((await readerErrors('bad.md', text)).length).toBeGreaterThan(0);
  });
});
