/**
 * What keeps a proposal from reaching a customer, and the catalogue as an input — through the
 * real CLI: an unfilled scaffold is refused with positioned errors while its brief still
 * builds; catalogue mistakes are positioned diagnostics; a changed catalogue rebuilds the deal
 * documents; `dealdoc schema --catalog` prints the catalogue's JSON Schema.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, runCli } from '../helpers/cli.js';
import { need } from '../helpers/prereqs.js';

// These tests read the PDFs with poppler's pdftotext: without it, fail here with the package to install.
need('poppler');

const squash = (s: string) => s.replace(/\s+/g, '');
const pdf = (f: string) => squash(execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }));

describe('an unfilled scaffold', () => {
  const dir = copyProject();
  const made = runCli(['new', 'deal', 'fresh-deal'], { cwd: dir });
  const built = runCli(['build', '--only', 'fresh-deal', '--format', 'pdf'], { cwd: dir });
  const validated = runCli(['validate'], { cwd: dir });

  it('is refused as a proposal with positioned errors, and its brief still builds', () => {
    expect(made.code).toBe(0);
    expect(built.code).toBe(1);
    for (const out of [built.stderr, validated.stderr]) {
      expect(out).toMatch(/data\/deals\/fresh-deal\.md:\d+:\d+: unfilled placeholder "（客户全称）" in a customer-facing document \(customer\.name\)/);
      expect(out).toMatch(/data\/deals\/fresh-deal\.md:\d+:\d+: unit price 0\.00 for "（产品名称）" in a customer-facing quote: give the price \(or leave the line out\) \(quote\.items\[0\]\.unit_price\)/);
    }
    expect(validated.code).toBe(1);
    expect(existsSync(join(dir, 'out/fresh-deal/proposal.pdf'))).toBe(false);
    expect(pdf(join(dir, 'out/fresh-deal/swot-brief.pdf'))).toContain(squash('0. 决策页'));
  });
  it('builds once filled in (criteria nobody answers are only warnings)', () => {
    const f = join(dir, 'data/deals/fresh-deal.md');
    const text = readFileSync(f, 'utf8')
      .replace(/（客户简称）/g, '苏州新客')
      .replace('（销售代表）', '陈静')
      .replace('（客户全称）', '苏州新客电子有限公司')
      .replace('（客户的业务目标）', '降低返修率')
      .replace('（客户面临的问题）', '返修多')
      .replace('（我们的解决方案）', '在线 AOI')
      .replace('{ sku: SKU-1, name: （产品名称）, qty: 1, unit: 台, unit_price: 0.00 }', '{ sku: KS-3D-AOI-500, qty: 1 }')
      .replace('criteria: []                   #', 'criteria: [{ criterion: 误报率 ≤ 0.3%, key: false_call_rate }, 操作简单]  #');
    writeFileSync(f, text);
    const r = runCli(['build', '--only', 'fresh-deal', '--format', 'pdf'], { cwd: dir });
    expect(r.stderr).toMatch(/fresh-deal\.md:\d+:\d+: warning: purchase criterion "操作简单" has no response and no catalogue specification/);
    expect(r.code).toBe(0);
    const proposal = pdf(join(dir, 'out/fresh-deal/proposal.pdf'));
    // Name and price from the catalogue; the key answers the criterion; the other prints alone; draft before evaluation.
    expect(proposal).toContain(squash('在线 3D AOI 检测设备'));
    expect(proposal).toContain('385,000.00');
    expect(proposal).toContain(squash('误报率 ≤ 0.3%'));
    expect(proposal).toContain(squash('误报率 ≤ 0.3%（量产板，3D 高度 + AI 复判）'));
    expect(proposal).toContain('草稿');
    expect(proposal).not.toContain('方案满足');
  });
});

describe('the catalogue', () => {
  it('reports a bad entry at its line and column, and a SKU it lacks on a line without name and price', () => {
    const dir = copyProject();
    const cat = join(dir, 'data/catalog.yaml');
    writeFileSync(cat, readFileSync(cat, 'utf8').replace('    list_price: 48000.00\n', '    list_price: abc\n'));
    const deal = join(dir, 'data/deals/qichen-burnin-2027.md');
    writeFileSync(deal, readFileSync(deal, 'utf8').replace('    - sku: KS-FIX-BI\n', '    - sku: KS-NOPE\n').replace('      unit_price: 2400.00\n', ''));
    const r = runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(1);
    const line = readFileSync(cat, 'utf8').split('\n').findIndex((l) => l.includes('list_price: abc')) + 1;
    expect(r.stderr).toContain(`data/catalog.yaml:${line}:17: "abc" is not a number (items[1].list_price)`);
    expect(r.stderr).toMatch(/data\/deals\/qichen-burnin-2027\.md:\d+:\d+: SKU "KS-NOPE" is not in the catalogue: give name and unit_price in the deal, or add the SKU to data\/catalog\.yaml \(quote\.items\[1\]\.sku\)/);
  });
  it('is an input of the build: a changed catalogue rebuilds the deal documents', () => {
    const dir = copyProject();
    expect(runCli(['build', '--only', 'qichen-burnin-2027', '--format', 'pdf'], { cwd: dir }).code).toBe(0);
    expect(runCli(['build', '--only', 'qichen-burnin-2027', '--format', 'pdf', '--explain'], { cwd: dir }).stdout).not.toContain('catalogue changed');
    const cat = join(dir, 'data/catalog.yaml');
    writeFileSync(cat, readFileSync(cat, 'utf8').replace('name: { zh: 老化测试夹具, en: Burn-in fixture }', 'name: { zh: 老化测试治具, en: Burn-in fixture }'));
    const r = runCli(['build', '--only', 'qichen-burnin-2027', '--format', 'pdf', '--explain'], { cwd: dir });
    expect(r.stdout).toMatch(/built\s+qichen-burnin-2027\/proposal: catalogue changed/);
    expect(r.stdout).toMatch(/built\s+qichen-burnin-2027\/swot-brief: catalogue changed/);
    expect(pdf(join(dir, 'out/qichen-burnin-2027/proposal.pdf'))).toContain('老化测试治具');
  });
  it('has a JSON Schema', () => {
    const r = runCli(['schema', '--catalog']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { title: string; properties: { items: { items: { properties: Record<string, unknown>; required: string[] } } } };
    expect(schema.title).toBe('dealdoc product catalogue');
    expect(Object.keys(schema.properties.items.items.properties)).toEqual(['sku', 'name', 'description', 'unit', 'list_price', 'max_discount', 'family', 'specs']);
    expect(schema.properties.items.items.required).toEqual(['sku', 'name', 'unit', 'list_price']);
    expect(JSON.stringify(schema.properties.items.items.properties)).toContain('price floor');
  });
});
