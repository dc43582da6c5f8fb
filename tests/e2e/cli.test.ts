/** The command line as a user meets it: help, usage errors, schema, scaffolding, JSON summary, shards, lock, watch. */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyProject, runCli } from '../helpers/cli.js';

describe('dealdoc CLI', () => {
  it('prints help for every command and exits 2 on usage errors', () => {
    for (const cmd of [[], ['build'], ['check'], ['watch'], ['validate'], ['schema'], ['new', 'deal']]) {
      const r = runCli([...cmd, '--help']);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: dealdoc/);
    }
    expect(runCli(['frobnicate']).code).toBe(2);
    expect(runCli(['build', '--format', 'pdf,odt']).code).toBe(2);
    expect(runCli(['build', '--as-of', '2026-02-30']).stderr).toMatch(/--as-of needs a date/);
    expect(runCli(['build', '--shard', '3/2']).code).toBe(2);
    expect(runCli([]).code).toBe(2);
  });

  it('prints the JSON Schema of deal files, derived from the validating schema', () => {
    const r = runCli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'rep', 'customer', 'needs', 'stage', 'quote']));
    expect(schema.properties.stage.enum).toContain('evaluation');
    expect(schema.properties.contacts.items.properties.style.enum).toEqual(['peacock', 'owl', 'chameleon', 'koala', 'wolf']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('scaffolds a commented deal file that validates and builds (its brief; the proposal waits for the placeholders)', () => {
    const proj = copyProject();
    expect(runCli(['new', 'deal', 'acme-2027', '--locale', 'en'], { cwd: proj }).code).toBe(0);
    const text = readFileSync(join(proj, 'data/deals/acme-2027.md'), 'utf8');
    expect(text).toMatch(/# .*INTERNAL/);
    expect(runCli(['new', 'deal', 'acme-2027'], { cwd: proj }).code).toBe(1);
    expect(runCli(['new', 'deal', '../x'], { cwd: proj }).code).toBe(2);
    // The file parses; what it still lacks for a customer (placeholders, a zero price) is reported with positions.
    const v = runCli(['validate'], { cwd: proj });
    expect(v.stderr.split('\n').filter((l) => l.includes('acme-2027') && !/unfilled placeholder|unit price 0\.00/.test(l))).toEqual([]);
    expect(v.stderr).toMatch(/acme-2027\.md:\d+:\d+: unfilled placeholder "\(Customer name\)"/);
    const b = runCli(['build', '--only', 'acme-2027', '--format', 'pdf', '--json'], { cwd: proj });
    expect(b.code).toBe(1);
    const summary = JSON.parse(b.stdout);
    expect(summary.built.map((p: string) => p.replace(/^.*out\//, ''))).toEqual(['acme-2027/swot-brief.pdf']);
    expect(summary.diagnostics.every((d: { rule: string }) => d.rule.startsWith('proposal/'))).toBe(true);
  });

  it('--json reports diagnostics with file and line', () => {
    const proj = copyProject();
    appendFileSync(join(proj, 'data/deals/penang-xray-2026.json'), 'garbage');
    const r = runCli(['build', '--only', 'penang-xray-2026', '--json'], { cwd: proj });
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.ok).toBe(false);
    expect(summary.diagnostics[0]).toMatchObject({ file: 'data/deals/penang-xray-2026.json', severity: 'error' });
    expect(summary.diagnostics[0].line).toBeGreaterThan(1);
  });

  it('--shard i/n splits the outputs into disjoint parts that together are the whole', () => {
    const proj = copyProject();
    const parts = [1, 2, 3].map((i) => JSON.parse(runCli(['build', '--shard', `${i}/3`, '--format', 'xlsx', '--json'], { cwd: proj }).stdout) as { built: string[] });
    const all = parts.flatMap((p) => p.built);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(12); // 12 month ends × xlsx
    expect(parts.every((p) => p.built.length > 0)).toBe(true);
  });

  it('a second build on the same out folder waits for the first instead of interleaving', async () => {
    const proj = copyProject();
    const run = () =>
      new Promise<{ code: number; out: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'build', '--only', 'huaxin-aoi-2026', '--format', 'pdf'], { cwd: proj, env: { ...process.env, CI: '1' } });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (code) => resolve({ code: code ?? -1, out }));
      });
    const [a, b] = await Promise.all([run(), new Promise((r) => setTimeout(r, 150)).then(run)]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(`${a.out}\n${b.out}`).toMatch(/waiting for another dealdoc build/);
    expect(existsSync(join(proj, 'out/.dealdoc/lock'))).toBe(false);
  });

  it('watch rebuilds a deal when its file changes, until interrupted', async () => {
    const proj = copyProject();
    const child = spawn(process.execPath, [BIN, 'watch', '--only', 'qichen-burnin-2027', '--format', 'pdf'], { cwd: proj, env: { ...process.env, CI: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const until = async (re: RegExp, ms = 60_000) => {
      const end = Date.now() + ms;
      while (!re.test(out) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      return re.test(out);
    };
    expect(await until(/watching for changes/)).toBe(true);
    expect(out).toMatch(/2 file\(s\) written/);
    appendFileSync(join(proj, 'data/deals/qichen-burnin-2027.md'), '\n补充一句。\n');
    expect(await until(/2 file\(s\) written[^]*2 file\(s\) written/)).toBe(true);
    child.kill('SIGINT');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
  });
});
