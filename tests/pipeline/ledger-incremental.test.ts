/**
 * A ledger edit rebuilds only the reports dated on or after the edited rows whose printed figures
 * changed, and only the briefs of customers whose payment record changed (the computed model is
 * hashed, not only the input rows).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/money.js';
import { modelHash } from '../../src/pipeline/hash.js';
import { twoDealProject, runCli } from '../helpers/cli.js';

function mtimes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = join(e.parentPath, e.name);
    if (e.isFile() && !full.includes('/.dealdoc/')) out[relative(dir, full)] = statSync(full).mtimeMs;
  }
  return out;
}
/** Documents (job ids) with an output rewritten between two snapshots. */
const rewritten = (a: Record<string, number>, b: Record<string, number>) => [...new Set(Object.keys(b).filter((k) => a[k] !== b[k]).map((k) => k.replace(/\/(provision-report|proposal|swot-brief)\.\w+$/, (_m, d: string) => (d === 'provision-report' ? '' : `/${d}`))))].sort();

describe('modelHash', () => {
  it('is independent of key order, sees a Decimal change, and refuses what it cannot hash', () => {
    const a = modelHash({ x: new Decimal('1.10'), y: [1, 'a', { z: null }] });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(modelHash({ y: [1, 'a', { z: null }], x: new Decimal('1.1') })).toBe(a);
    expect(modelHash({ x: new Decimal('1.11'), y: [1, 'a', { z: null }] })).not.toBe(a);
    expect(modelHash({ x: new Decimal('1.10'), y: [1, 'a', { z: 'null' }] })).not.toBe(a);
    expect(modelHash({ x: new Map([['a', 1]]) })).toBeUndefined();
    expect(modelHash({ x: new Date(0) })).toBeUndefined();
  });
});

describe('incremental ledger: rebuild what the edit changes, in print', () => {
  let proj: string;
  let out: string;
  let payments: string;
  const build = () => {
    const r = runCli(['build', '--explain'], { cwd: proj });
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  const edit = (from: RegExp, to: string) => {
    const text = readFileSync(payments, 'utf8');
    expect(text).toMatch(from);
    writeFileSync(payments, text.replace(from, to));
  };

  beforeAll(() => {
    proj = twoDealProject();
    out = join(proj, 'out');
    payments = join(proj, 'data/receivables/payments.csv');
    build();
  }, 60_000);

  it('renaming August receipts (rows change, no printed figure does) rewrites nothing', () => {
    const before = mtimes(out);
    edit(/^SK-2608-005,/m, 'SK-2608-005A,');
    const r = build();
    expect(rewritten(before, mtimes(out))).toEqual([]);
    for (const id of ['receivables/2026-08', 'receivables/2026-09', 'receivables/2026-10', 'huaxin-aoi-2026/swot-brief']) {
      expect(r.stdout).toContain(`skipped ${id}: ledger rows changed; the figures it prints did not change`);
    }
  });

  it('a September receipt short by 0.70 rebuilds September and October and the customer’s brief, not August nor other briefs', () => {
    const before = mtimes(out);
    edit(/^(SK-2609-008,KS-2608-004,C-1001,2026\/9\/25,)"13,435.70"/m, '$1"13,435.00"');
    const r = build();
    expect(rewritten(before, mtimes(out))).toEqual(['huaxin-aoi-2026/swot-brief', 'receivables/2026-09', 'receivables/2026-10']);
    expect(r.stdout).toContain('skipped receivables/2026-08: up to date');
    expect(r.stdout).toContain('skipped penang-xray-2026/swot-brief: up to date');
  });

  it('an August receipt moved to September rebuilds August and September, whose figures change, and keeps October', () => {
    const before = mtimes(out);
    edit(/^(SK-2608-008,KS-2607-001,C-1001,)2026\/8\/29,/m, '$12026/9/2,');
    const r = build();
    expect(rewritten(before, mtimes(out))).toEqual(['receivables/2026-08', 'receivables/2026-09']);
    expect(r.stdout).toContain('skipped receivables/2026-10: ledger rows changed; the figures it prints did not change');
    // A later check agrees nothing is stale, and the next build is a no-op.
    expect(runCli(['check'], { cwd: proj }).code).toBe(0);
    const again = mtimes(out);
    build();
    expect(rewritten(again, mtimes(out))).toEqual([]);
  });

  it('an output modified by hand is rendered again even when the figures are unchanged', () => {
    writeFileSync(join(out, 'receivables/2026-10/provision-report.pdf'), 'tampered');
    edit(/^SK-2608-004,/m, 'SK-2608-004A,');
    const r = build();
    expect(r.stdout).toMatch(/built {3}receivables\/2026-10: ledger rows changed/);
    expect(readFileSync(join(out, 'receivables/2026-10/provision-report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
