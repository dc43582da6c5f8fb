/** `dealdoc diff`: what changed for the customer, to the cent, from the CLI as a user runs it. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDeals } from '../../src/diff/deal-diff.js';
import { diffJson, formatDiff } from '../../src/diff/format.js';
import { loadDealFile } from '../../src/diff/load.js';
import { copyProject, ROOT, runCli } from '../helpers/cli.js';

const ORIGINAL = readFileSync(join(ROOT, 'data/deals/huaxin-aoi-2026.md'), 'utf8');
const EN_ORIGINAL = readFileSync(join(ROOT, 'data/deals/penang-xray-2026.json'), 'utf8');

/** Write two versions of a deal into a temp folder; returns their paths. */
function versions(edit: (text: string) => string, name = 'huaxin-aoi-2026.md', original = ORIGINAL): [string, string] {
  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-diff-'));
  const a = join(dir, 'old');
  const b = join(dir, 'new');
  execFileSync('mkdir', ['-p', a, b]);
  writeFileSync(join(a, name), original);
  const changed = edit(original);
  expect(changed, 'the edit must change the file').not.toBe(original);
  writeFileSync(join(b, name), changed);
  return [join(a, name), join(b, name)];
}

const diff = (a: string, b: string, ...flags: string[]) => runCli(['diff', a, b, ...flags]);

/** The same comparison in this process (what the CLI prints), to keep the test fast. */
async function inProcess(a: string, b: string, opts: { internal?: boolean } = {}) {
  const [x, y] = await Promise.all([loadDealFile(a, 'zh-CN'), loadDealFile(b, 'zh-CN')]);
  const d = diffDeals(x.deal!, y.deal!);
  return { text: formatDiff(d, opts), json: JSON.parse(JSON.stringify(diffJson(d, opts))) };
}

describe('dealdoc diff OLD NEW', () => {
  it('names a changed discount with the line and total deltas to the cent', () => {
    const [a, b] = versions((t) => t.replace('unit_price: 385000.00\n      discount: 0.05', 'unit_price: 385000.00\n      discount: 0.07'));
    const r = diff(a, b);
    expect(r.code, r.stderr).toBe(0);
    // 3 × 385,000 × 2 % = 23,100.00; tax 13 % = 3,003.00.
    expect(r.stdout).toContain('KS-3D-AOI-500 折扣 5% → 7%，行金额 −¥23,100.00');
    expect(r.stdout).toContain('含税总价 −¥26,103.00');
    expect(r.stdout).toMatch(/小计 ¥[\d,]+\.\d\d → ¥[\d,]+\.\d\d \(−¥23,100\.00\)/);
    expect(r.stdout).toMatch(/税额 .*\(−¥3,003\.00\)/);
    const j = JSON.parse(diff(a, b, '--json').stdout);
    expect(j.quote.lines).toEqual([
      { kind: 'changed', key: 'KS-3D-AOI-500', name: expect.any(String), fields: [{ field: 'discount', old: '0.05', new: '0.07' }], oldTotal: '1097250.00', newTotal: '1074150.00', delta: '-23100.00' },
    ]);
    expect(j.quote.total.delta).toBe('-26103.00');
    expect(j.quote.tax.delta).toBe('-3003.00');
    expect(Object.keys(j).sort()).toEqual(['currency', 'customer', 'customerFacingChanged', 'id', 'internalChanges', 'locale', 'narrative', 'quote', 'title']);
    expect(j).toMatchObject({ id: 'huaxin-aoi-2026', locale: 'zh-CN', currency: 'CNY', customer: [], internalChanges: 0 });
    expect(j.quote.subtotal).toEqual({ old: '1356950.00', new: '1333850.00', delta: '-23100.00' });
    expect(j.customerFacingChanged).toBe(true);
    expect(j.narrative).toEqual([]);
  });

  it('names added and removed lines, and a quantity and price change, with their totals', async () => {
    const [a, b] = versions((t) =>
      t
        .replace(/ {4}- sku: SV-SPARE-KIT\n( {6}.*\n)+?(?= {4}- sku)/, '')
        .replace('unit_price: 36000.00', 'unit_price: 36000.50')
        .replace(/(- sku: KS-MES-TRC\n(?: {6}.*\n)*? {6}qty: )3/, '$14')
        .replace('  items:\n', '  items:\n    - sku: NEW-1\n      name: 培训加课\n      qty: 2\n      unit_price: 1234.565\n      discount: 0.1\n'),
    );
    const { json: j, text } = await inProcess(a, b);
    const byKey = Object.fromEntries(j.quote.lines.map((l: { key: string }) => [l.key, l]));
    // 2 × 1,234.565 × 0.9 = 2,222.217 → 2,222.22 (half-up at the line).
    expect(byKey['NEW-1']).toMatchObject({ kind: 'added', newTotal: '2222.22', delta: '2222.22' });
    expect(byKey['SV-SPARE-KIT']).toMatchObject({ kind: 'removed', oldTotal: '22000.00', delta: '-22000.00' });
    expect(byKey['KS-MES-TRC'].fields).toEqual([
      { field: 'qty', old: '3', new: '4' },
      { field: 'unit_price', old: '36000', new: '36000.5' },
    ]);
    // 4 × 36,000.50 − 3 × 36,000.00 = 36,002.00
    expect(byKey['KS-MES-TRC'].delta).toBe('36002.00');
    const subtotalDelta = 2222.22 - 22000 + 36002; // exact in cents here
    expect(j.quote.subtotal.delta).toBe(subtotalDelta.toFixed(2));
    // Totals are the project's arithmetic: tax rounded once on the subtotal.
    const { old: so, new: sn } = j.quote.subtotal;
    expect(j.quote.total.new).toBe((Math.round(Number(sn) * 113) / 100).toFixed(2));
    expect(j.quote.total.old).toBe((Math.round(Number(so) * 113) / 100).toFixed(2));
    expect(text).toContain('+ NEW-1 新增');
    expect(text).toContain('- SV-SPARE-KIT 删除');
    expect(text).toContain('KS-MES-TRC 数量 3 → 4，单价 ¥36,000.00 → ¥36,000.50，行金额 +¥36,002.00');
  });

  it('a reordered quote (the customer sees new line numbers) is a customer-facing change with both orders; totals unchanged', async () => {
    const [a, b] = versions((t) => {
      const i = t.indexOf('    - sku: SV-EXT-WTY');
      const j = t.indexOf('  payment_terms:');
      const rest = t.slice(0, i) + t.slice(j);
      const k = rest.indexOf('    - sku: KS-3D-AOI-500');
      return rest.slice(0, k) + t.slice(i, j) + rest.slice(k);
    });
    const { text, json } = await inProcess(a, b);
    expect(json.quote.order.new[0]).toBe('SV-EXT-WTY');
    expect(json.quote.order.old.at(-1)).toBe('SV-EXT-WTY');
    expect(json.quote.lines).toEqual([]);
    expect(json.quote.total.delta).toBe('0.00');
    expect(json.customerFacingChanged).toBe(true);
    expect(text).toMatch(/行顺序 KS-3D-AOI-500, .*SV-EXT-WTY → SV-EXT-WTY, KS-3D-AOI-500, /);
  });

  it('reports a narrative-only change by heading, with no quote section', async () => {
    const [a, b] = versions((t) => t.replace('## 实施计划\n', '## 实施计划\n\n新增一句说明。\n').replace('## 服务承诺', '## 售后服务承诺'));
    const r = diff(a, b);
    expect(r.stdout).toContain('“实施计划” 已修改');
    expect(r.stdout).toContain('“服务承诺” 删除');
    expect(r.stdout).toContain('“售后服务承诺” 新增');
    expect(r.stdout).not.toContain('报价');
    expect(r.stdout).not.toContain('项目背景');
    const j = (await inProcess(a, b)).json;
    expect(j.quote.lines).toEqual([]);
    expect(j.quote.total.delta).toBe('0.00');
    expect(j.narrative).toEqual(expect.arrayContaining([{ kind: 'changed', heading: '实施计划' }]));
    expect(diff(a, b, '--exit-code').code).toBe(1);
  });

  it('keeps internal changes apart, shown only with --internal; --exit-code is 0 for them', async () => {
    const [a, b] = versions((t) => t.replace('    title: 总经理', '    title: 董事总经理').replace(/^stage: \w+$/m, 'stage: commitment'));
    const r = diff(a, b, '--exit-code');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('客户可见内容没有变化');
    expect(r.stdout).not.toContain('董事总经理');
    expect(r.stdout).toMatch(/内部信息变化/);
    const i = { stdout: (await inProcess(a, b, { internal: true })).text };
    expect(i.stdout).toContain('contacts[“王建国”].title: “总经理” → “董事总经理”');
    const j = (await inProcess(a, b)).json;
    expect(j.internal).toBeUndefined();
    expect(j.internalChanges).toBeGreaterThan(0);
    expect(JSON.stringify(j)).not.toContain('董事总经理');
    expect((await inProcess(a, b, { internal: true })).json.internal.length).toBeGreaterThan(0);
  });

  it('reports terms and criteria in English for an English deal', () => {
    const deal = JSON.parse(EN_ORIGINAL);
    const [a, b] = versions(
      () => {
        const next = structuredClone(deal);
        next.quote.payment_terms = 'Net 45';
        const problem = next.needs.problems[0];
        problem.criteria = [...(problem.criteria ?? []), { criterion: 'Uptime ≥ 99%', response: 'Remote monitoring included' }];
        return JSON.stringify(next, null, 2);
      },
      'penang-xray-2026.json',
      EN_ORIGINAL,
    );
    const r = diff(a, b, '--exit-code');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/quote\.payment_terms: “.*” → “Net 45”/);
    expect(r.stdout).toContain('criteria[“Uptime ≥ 99%”]');
    expect(r.stdout).toContain('Content and terms');
  });

  it('exits 2 with a diagnostic for an invalid version or bad usage', () => {
    const [a, b] = versions((t) => t.replace('qty: 3', 'qty: -3'));
    const r = diff(a, b);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/new\/huaxin-aoi-2026\.md:\d+:\d+: must be greater than 0/);
    expect(runCli(['diff', a]).code).toBe(2);
  });
});

describe('dealdoc diff ID --since REV', () => {
  it('compares the deal file at a git revision with the working copy', () => {
    const proj = copyProject();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: proj, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'v1');
    const file = join(proj, 'data/deals/huaxin-aoi-2026.md');
    writeFileSync(file, ORIGINAL.replace('discount: 0.05', 'discount: 0.07'));
    const r = runCli(['diff', 'huaxin-aoi-2026', '--since', 'HEAD', '--exit-code'], { cwd: proj });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('KS-3D-AOI-500 折扣 5% → 7%，行金额 −¥23,100.00；含税总价 −¥26,103.00');
    git('commit', '-qam', 'v2');
    expect(runCli(['diff', 'huaxin-aoi-2026', '--since', 'HEAD', '--exit-code'], { cwd: proj }).code).toBe(0);
    const back = runCli(['diff', 'data/deals/huaxin-aoi-2026.md', '--since', 'HEAD~1', '--json'], { cwd: proj });
    expect(JSON.parse(back.stdout).quote.total.delta).toBe('-26103.00');
    const missing = runCli(['diff', 'huaxin-aoi-2026', '--since', 'no-such-rev'], { cwd: proj });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/not found at revision no-such-rev/);
    expect(runCli(['diff', 'nope', '--since', 'HEAD'], { cwd: proj }).code).toBe(2);
  });
});
