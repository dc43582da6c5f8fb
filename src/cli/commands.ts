/** Command bodies: translate flags into build requests, print summaries and diagnostics. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, check, exitCode, type BuildRequest } from '../build/build.js';
import { createContext } from '../build/context.js';
import { hasErrors, report, sortDiagnostics } from '../diagnostics.js';
import { parseIsoDate } from '../domain/dates.js';
import type { Format } from '../writers/types.js';
import { progressEvents } from './progress.js';
import { scaffoldDeal } from './scaffold.js';

export class UsageError extends Error {}

export interface BuildFlags {
  data: string;
  config?: string;
  out: string;
  only?: string[];
  format: Format[];
  asOf?: string;
  json?: boolean;
  quiet?: boolean;
  force?: boolean;
  explain?: boolean;
  jobs?: string;
  shard?: string;
}

export function requestFrom(opts: BuildFlags): BuildRequest {
  if (opts.asOf && !parseIsoDate(opts.asOf)) throw new UsageError(`--as-of needs a date YYYY-MM-DD, got "${opts.asOf}"`);
  let jobs: number | undefined;
  if (opts.jobs !== undefined) {
    if (!/^\d+$/.test(opts.jobs) || Number(opts.jobs) < 1) throw new UsageError(`--jobs needs a whole number ≥ 1, got "${opts.jobs}"`);
    jobs = Number(opts.jobs);
  }
  let shard: [number, number] | undefined;
  if (opts.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(opts.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard needs i/n with 1 ≤ i ≤ n, got "${opts.shard}"`);
    shard = [Number(m[1]), Number(m[2])];
  }
  return { dataDir: opts.data, outDir: opts.out, configPath: opts.config, only: opts.only, formats: opts.format, asOf: opts.asOf, force: opts.force, jobs, shard };
}

export async function runBuild(opts: BuildFlags): Promise<number> {
  const request = requestFrom(opts);
  const started = performance.now();
  const mode = opts.quiet || opts.json ? 'quiet' : process.stdout.isTTY && !process.env.CI ? 'bar' : 'lines';
  const events = progressEvents(mode);
  let summary;
  try {
    summary = await build(request, events);
  } finally {
    events.stop();
  }
  const code = exitCode(summary);
  if (opts.json) {
    process.stdout.write(
      JSON.stringify(
        { ok: code === 0, built: summary.built, skipped: summary.skipped, failed: summary.failed, removed: summary.removed, explain: summary.explain, diagnostics: summary.diagnostics.map((d) => d.toJSON()) },
        null,
        2,
      ) + '\n',
    );
    return code;
  }
  report(summary.diagnostics);
  if (opts.explain) for (const e of summary.explain.sort((a, b) => a.id.localeCompare(b.id))) process.stdout.write(`${e.action.padEnd(7)} ${e.id}: ${e.reason}\n`);
  if (!opts.quiet) {
    const secs = ((performance.now() - started) / 1000).toFixed(2);
    const errors = summary.diagnostics.filter((d) => d.severity === 'error').length;
    const parts = [
      summary.built.length ? `${summary.built.length} file(s) written` : summary.failed.length ? 'nothing written' : 'nothing to do: every output is up to date',
      summary.skipped.length && summary.built.length ? `${summary.skipped.length} document(s) up to date` : '',
      summary.removed.length ? `${summary.removed.length} stale file(s) removed` : '',
      errors ? `${errors} error(s)` : '',
    ].filter(Boolean);
    process.stdout.write(`${parts.join(', ')} (${secs} s)\n`);
  }
  return code;
}

export async function runCheck(opts: BuildFlags): Promise<number> {
  const result = await check(requestFrom(opts));
  report(result.diagnostics);
  for (const s of result.stale) process.stdout.write(`stale ${s.id}: ${s.reason}\n`);
  const bad = hasErrors(result.diagnostics) || result.stale.length > 0;
  if (!opts.quiet) process.stdout.write(bad ? `check failed: ${result.stale.length} stale document(s)\n` : 'ok: every output is up to date\n');
  return bad ? 1 : 0;
}

export async function runValidate(opts: { data: string; config?: string }): Promise<number> {
  const { ctx, diagnostics } = createContext({ dataDir: opts.data, outDir: 'out', configPath: opts.config, formats: [] });
  const all = [...diagnostics];
  let count = 0;
  if (ctx) {
    const { loadDeals } = await import('../build/deal-documents.js');
    const { validateLedger } = await import('../build/reports.js');
    const { deals, diagnostics: d } = await loadDeals(ctx);
    all.push(...d, ...(await validateLedger(ctx)));
    count = deals.length;
  }
  report(sortDiagnostics(all));
  const bad = hasErrors(all);
  // What was read from the ledger, so finance sees files, rows, customers, dates and totals at a glance.
  const summary = ctx ? await (await import('../build/reports.js')).ledgerSummaryLines(ctx) : undefined;
  if (summary) process.stdout.write(summary.join('\n') + '\n');
  process.stdout.write(bad ? `invalid input (${all.filter((d) => d.severity === 'error').length} error(s))\n` : `ok: ${count} deal(s) valid\n`);
  return bad ? 1 : 0;
}

export async function runSchema(): Promise<number> {
  const { z } = await import('zod');
  const { dealSchema } = await import('../data/deal-schema.js');
  const schema = z.toJSONSchema(dealSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  process.stdout.write(JSON.stringify({ ...schema, title: 'dealdoc deal file' }, null, 2) + '\n');
  return 0;
}

export async function runNewDeal(id: string, opts: { data: string; locale: string }): Promise<number> {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) throw new UsageError(`"${id}" is not a valid deal id (a-z, 0-9 and -)`);
  if (opts.locale !== 'zh-CN' && opts.locale !== 'en') throw new UsageError('--locale must be zh-CN or en');
  const dir = join(opts.data, 'deals');
  const file = join(dir, `${id}.md`);
  if (existsSync(file) || existsSync(join(dir, `${id}.json`))) {
    process.stderr.write(`error: ${file} already exists\n`);
    return 1;
  }
  await mkdir(dir, { recursive: true });
  await writeFile(file, scaffoldDeal(id, opts.locale), { flag: 'wx' });
  process.stdout.write(`created ${file}\n`);
  return 0;
}
