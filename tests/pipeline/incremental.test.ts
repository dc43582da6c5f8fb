/**
 * Build like a build tool: identical bytes for identical inputs, only what changed is rebuilt,
 * `check` tells stale from fresh without writing, a killed build never leaves a partial file.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { BIN, copyProject, ROOT, runCli } from '../helpers/cli.js';

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    const rel = relative(dir, full);
    if (rel.startsWith('.dealdoc')) continue;
    out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

function mtimes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    if (!full.includes('/.dealdoc/')) out[relative(dir, full)] = statSync(full).mtimeMs;
  }
  return out;
}

const changed = (a: Record<string, number>, b: Record<string, number>) => Object.keys(b).filter((k) => a[k] !== b[k]).sort();

/** A small project: two deals and three closed months, so each build takes seconds. */
function smallProject(): string {
  const dir = copyProject();
  for (const f of readdirSync(join(dir, 'data/deals'))) if (!/^(huaxin|penang)/.test(f)) rmSync(join(dir, 'data/deals', f));
  appendFileSync(join(dir, 'dealdoc.config.yaml'), '');
  const cfg = readFileSync(join(dir, 'dealdoc.config.yaml'), 'utf8').replace('  # periods: { from: 2025-11, to: 2026-10 }', '  periods: { from: 2026-08, to: 2026-10 }');
  writeFileSync(join(dir, 'dealdoc.config.yaml'), cfg);
  return dir;
}

describe('deterministic output', () => {
  it('two clean builds in different folders, at different times, with and without SOURCE_DATE_EPOCH, are byte-identical', () => {
    // The shared examples build (tests/helpers/examples-setup.ts) ran with SOURCE_DATE_EPOCH set, in UTC.
    const first = inject('examples');
    expect(first.code).toBe(0);
    const proj = copyProject();
    const r = runCli(['build', '--out', join(proj, 'elsewhere/out')], { cwd: proj, env: { TZ: 'America/New_York' } });
    expect(r.code).toBe(0);
    const a = hashes(first.out);
    const b = hashes(join(proj, 'elsewhere/out'));
    expect(Object.keys(a).length).toBeGreaterThan(40);
    expect(b).toEqual(a);
  });
});

describe('incremental builds', () => {
  const proj = smallProject();
  const out = join(proj, 'out');
  const build = (...args: string[]) => runCli(['build', ...args], { cwd: proj });

  it('a second build with nothing changed writes nothing and says so', () => {
    expect(build().code).toBe(0);
    const before = mtimes(out);
    const r = build();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing to do: every output is up to date/);
    expect(changed(before, mtimes(out))).toEqual([]);
  });

  it('check exits 0 after a build, 1 after a data change, and never writes', () => {
    const before = mtimes(out);
    expect(runCli(['check'], { cwd: proj }).code).toBe(0);
    appendFileSync(join(proj, 'data/deals/penang-xray-2026.json'), '\n');
    const r = runCli(['check'], { cwd: proj });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stale penang-xray-2026\/proposal: deal file changed/);
    expect(changed(before, mtimes(out))).toEqual([]);
    expect(existsSync(join(out, '.dealdoc/lock'))).toBe(false);
  });

  it('editing one deal file rebuilds that deal’s documents only', () => {
    const before = mtimes(out);
    const r = build('--explain');
    expect(r.code).toBe(0);
    expect(changed(before, mtimes(out))).toEqual(['penang-xray-2026/proposal.docx', 'penang-xray-2026/proposal.pdf', 'penang-xray-2026/swot-brief.docx', 'penang-xray-2026/swot-brief.pdf']);
    expect(r.stdout).toMatch(/built\s+penang-xray-2026\/proposal: deal file changed/);
    expect(r.stdout).toMatch(/skipped huaxin-aoi-2026\/proposal: up to date/);
  });

  it('changing a template rebuilds exactly the documents that use it', () => {
    mkdirSync(join(proj, 'tpl'));
    cpSync(join(ROOT, 'templates/proposal.md.hbs'), join(proj, 'tpl/proposal.md.hbs'));
    appendFileSync(join(proj, 'dealdoc.config.yaml'), 'templates: tpl\n');
    build();
    const before = mtimes(out);
    appendFileSync(join(proj, 'tpl/proposal.md.hbs'), '\nEdited by hand.\n');
    const r = build('--explain');
    expect(r.stdout).toMatch(/proposal: template changed/);
    expect(changed(before, mtimes(out))).toEqual(['huaxin-aoi-2026/proposal.docx', 'huaxin-aoi-2026/proposal.pdf', 'penang-xray-2026/proposal.docx', 'penang-xray-2026/proposal.pdf']);
  });

  it('a payment dated in the latest month rebuilds only that month’s report', () => {
    const payments = join(proj, 'data/receivables/payments.csv');
    const lines = readFileSync(payments, 'utf8').trimEnd().split('\n');
    const header = (lines[0] ?? '').split(',');
    const last = lines.find((l) => l.includes('2026/10/') || l.includes('2026-10-'))!;
    const cells = last.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    cells[header.indexOf('收款单号')] = 'SK-TEST-0001';
    cells[header.indexOf('收款日期')] = '2026/10/30';
    cells[header.indexOf('收款金额')] = '"1.00"';
    writeFileSync(payments, [...lines, cells.join(',')].join('\n') + '\n');
    const before = mtimes(out);
    const r = build('--explain');
    expect(r.code).toBe(0);
    const rebuilt = changed(before, mtimes(out));
    expect(rebuilt.filter((f) => f.startsWith('receivables/'))).toEqual(['receivables/2026-10/provision-report.docx', 'receivables/2026-10/provision-report.pdf', 'receivables/2026-10/provision-report.xlsx']);
    expect(r.stdout).toMatch(/skipped receivables\/2026-09: up to date/);
  });

  it('removes the outputs of a deleted deal and never touches files it did not write', () => {
    writeFileSync(join(out, 'notes-by-user.txt'), 'mine');
    rmSync(join(proj, 'data/deals/penang-xray-2026.json'));
    const r = build();
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'penang-xray-2026'))).toBe(false);
    expect(readFileSync(join(out, 'notes-by-user.txt'), 'utf8')).toBe('mine');
  });

  it('a build killed with SIGKILL at random moments leaves only complete files, and the next build completes', async () => {
    for (const delay of [300, 900, 1600, 2500]) {
      const child = spawn(process.execPath, [BIN, 'build', '--force', '--jobs', '1'], { cwd: proj, stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      // The build may have finished within the delay: only wait for an exit that has not happened yet.
      const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
      child.kill('SIGKILL');
      await exited;
      for (const [rel] of Object.entries(mtimes(out))) {
        if (rel === 'notes-by-user.txt') continue;
        const head = readFileSync(join(out, rel)).subarray(0, 4).toString('latin1');
        expect(head === '%PDF' || head === 'PK\u0003\u0004', rel).toBe(true);
        const bytes = readFileSync(join(out, rel));
        if (rel.endsWith('.pdf')) expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF'), rel).toBe(true);
        else expect(bytes.subarray(-22, -18).toString('latin1'), `${rel} ends with a ZIP directory`).toBe('PK\u0005\u0006');
      }
    }
    const r = build();
    expect(r.code).toBe(0);
    expect(runCli(['check'], { cwd: proj }).code).toBe(0);
    // Four killed builds, then a full one and a check: give it room on a loaded 2-core machine.
  }, 180_000);
});
