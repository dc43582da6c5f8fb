/** Run the real CLI (bin/dealdoc.js → dist/) as a user would. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/dealdoc.js');
/**
 * SOURCE_DATE_EPOCH of the shared examples build (tests/helpers/examples-setup.ts) and of the page
 * references (2025-12-01T00:00:00Z): documents of deals without a `date:` would otherwise change daily.
 */
export const EXAMPLES_EPOCH = '1764547200';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  // Messages in English unless a test asks otherwise (the example config's locale is zh-CN).
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...opts.env };
  delete env.SOURCE_DATE_EPOCH;
  if (opts.env?.SOURCE_DATE_EPOCH) env.SOURCE_DATE_EPOCH = opts.env.SOURCE_DATE_EPOCH;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A throwaway project folder with a copy of the example data and config. */
export function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-proj-'));
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  cpSync(join(ROOT, 'dealdoc.config.yaml'), join(dir, 'dealdoc.config.yaml'));
  return dir;
}

/**
 * A copy of the examples cut down for ledger tests: two deals (huaxin, customer C-1001; penang,
 * C-1003) and three month ends (2026-08, -09, -10).
 */
export function twoDealProject(): string {
  const dir = copyProject();
  for (const f of readdirSync(join(dir, 'data/deals'))) if (!/^(huaxin|penang)/.test(f)) rmSync(join(dir, 'data/deals', f));
  const cfg = join(dir, 'dealdoc.config.yaml');
  writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('  # periods: { from: 2025-11, to: 2026-10 }', '  periods: { from: 2026-08, to: 2026-10 }'));
  return dir;
}
