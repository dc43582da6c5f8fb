/** Command bodies: translate flags into build requests, print summaries and diagnostics. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build, check, exitCode, type BuildRequest } from '../pipeline/build.js';
import { createContext } from '../pipeline/context.js';
import { manifestPath } from '../pipeline/manifest.js';
import { outDirProblem } from '../pipeline/outdir.js';
import { maxJobs } from '../pipeline/pool.js';
import { hasErrors, sortDiagnostics } from '../diagnostics.js';
import { parseIsoDate } from '../domain/dates.js';
import type { Format } from '../writers/types.js';
import { UsageError } from './errors.js';
import { goFull, isSmallBuild, startLight } from './jit.js';
import { jsonReport, outputOf, printDiagnostics, type OutputFlags } from './output.js';
import { progressEvents } from './progress.js';
import { scaffoldDeal } from './scaffold.js';

export { UsageError };

export interface BuildFlags extends OutputFlags {
  data: string;
  config?: string;
  out: string;
  only?: string[];
  format: Format[];
  /** Registry ids (`--document`). */
  document?: string[];
  asOf?: string;
  json?: boolean;
  quiet?: boolean;
  force?: boolean;
  explain?: boolean;
  jobs?: string;
  shard?: string;
  /** Build without a config file, naming "dealdoc" as the seller. */
  allowDefaultCompany?: boolean;
}

/** `--only nosuch` is a typo, not "everything is up to date": exit 2 naming the ids that exist. */
export async function checkOnlyIds(request: BuildRequest): Promise<void> {
  if (!request.only?.length) return;
  const { discoverDeals, displayPath } = await import('../pipeline/deals.js');
  const files = await discoverDeals(request.dataDir);
  const known = new Set(files.map((f) => basename(f).replace(/\.[^.]+$/, '')));
  const missing = request.only.filter((id) => !known.has(id));
  if (missing.length) {
    // A deal may set `id:` unlike its file name: read (memoised, the build reuses it) only then.
    const { readDeal } = await import('../data/deals/read.js');
    for (const f of files) {
      const r = await readDeal(f, displayPath(f), { defaultLocale: 'zh-CN', checkGlyphs: false });
      if (r.deal) known.add(r.deal.id);
    }
  }
  const unknown = request.only.filter((id) => !known.has(id));
  if (unknown.length) {
    const ids = [...known].sort();
    throw new UsageError(`--only: no deal with id ${unknown.map((u) => `"${u}"`).join(', ')}${ids.length ? ` (deals: ${ids.join(', ')})` : ''}`);
  }
}

export function requestFrom(opts: BuildFlags): BuildRequest {
  if (opts.asOf && !parseIsoDate(opts.asOf)) throw new UsageError(`--as-of needs a date YYYY-MM-DD, got "${opts.asOf}"`);
  let jobs: number | undefined;
  if (opts.jobs !== undefined) {
    if (!/^\d+$/.test(opts.jobs) || Number(opts.jobs) < 1) throw new UsageError(`--jobs needs a whole number ≥ 1, got "${opts.jobs}"`);
    jobs = Number(opts.jobs);
    // More threads than cores × 2 (at most 16) only cost memory: clamp, and say so.
    if (jobs > maxJobs()) {
      process.stderr.write(`warning: --jobs ${opts.jobs} is more than this machine can use; using ${maxJobs()} (2 per core, 16 at most)\n`);
      jobs = maxJobs();
    }
  }
  const outProblem = outDirProblem(opts.out, { dataDir: opts.data, configPath: opts.config });
  if (outProblem) throw new UsageError(outProblem);
  let shard: [number, number] | undefined;
  if (opts.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(opts.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard needs i/n with 1 ≤ i ≤ n, got "${opts.shard}"`);
    shard = [Number(m[1]), Number(m[2])];
  }
  return { dataDir: opts.data, outDir: opts.out, configPath: opts.config, only: opts.only, formats: opts.format, asOf: opts.asOf, force: opts.force, jobs, shard, ...(opts.document ? { documents: opts.document } : {}) };
}

export async function runBuild(opts: BuildFlags): Promise<number> {
  const request = requestFrom(opts);
  const out = outputOf(opts);
  if (!opts.config && !existsSync('dealdoc.config.yaml') && !opts.allowDefaultCompany) {
    throw new UsageError(
      out.lang === 'zh'
        ? '没有 dealdoc.config.yaml：建议书封面需要贵公司的名称。运行 `dealdoc init` 新建，或用 --config 指定；一定要用默认值请加 --allow-default-company'
        : 'no dealdoc.config.yaml: the proposal cover needs your company. Run `dealdoc init`, pass --config FILE, or --allow-default-company to build with placeholder defaults',
    );
  }
  await checkOnlyIds(request);
  const started = performance.now();
  const mode = opts.quiet || opts.json ? 'quiet' : process.stdout.isTTY && !process.env.CI ? 'bar' : 'lines';
  const events = progressEvents(mode);
  // A one-deal build finishes sooner without TurboFan; anything bigger gets it back before a job runs
  // (jit.ts). A first build into an empty out folder parses deals and the ledger (even with --only),
  // and --force everything: TurboFan from the start.
  if (!opts.force && existsSync(manifestPath(request.outDir))) startLight();
  let summary;
  try {
    summary = await build(request, {
      ...events,
      planned(jobs) {
        if (!isSmallBuild(jobs)) goFull();
        events.planned?.(jobs);
      },
    });
  } finally {
    goFull();
    events.stop();
  }
  const code = exitCode(summary);
  if (opts.json) {
    const extra = { built: summary.built, skipped: summary.skipped, failed: summary.failed, removed: summary.removed, explain: summary.explain };
    process.stdout.write(jsonReport('build', code === 0, summary.diagnostics, out.lang, extra));
    return code;
  }
  printDiagnostics(summary.diagnostics, out);
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
  const request = requestFrom(opts);
  const out = outputOf(opts);
  await checkOnlyIds(request);
  const result = await check(request);
  const bad = hasErrors(result.diagnostics) || result.stale.length > 0;
  if (opts.json) {
    process.stdout.write(jsonReport('check', !bad, result.diagnostics, out.lang, { stale: result.stale }));
    return bad ? 1 : 0;
  }
  printDiagnostics(result.diagnostics, out);
  for (const s of result.stale) process.stdout.write(`stale ${s.id}: ${s.reason}\n`);
  if (!opts.quiet) process.stdout.write(bad ? `check failed: ${result.stale.length} stale document(s)\n` : 'ok: every output is up to date\n');
  return bad ? 1 : 0;
}

export async function runValidate(opts: { data: string } & OutputFlags): Promise<number> {
  const out = outputOf(opts);
  const { validate } = await import('../index.js');
  const result = await validate({ data: opts.data, config: opts.config });
  const all = result.diagnostics;
  const count = result.deals.length;
  const bad = !result.ok;
  if (opts.json) {
    process.stdout.write(jsonReport('validate', !bad, all, out.lang, { deals: count }));
    return bad ? 1 : 0;
  }
  printDiagnostics(sortDiagnostics(all), out);
  // What was read from the ledger, so finance sees files, rows, customers, dates and totals at a glance.
  const { ctx } = createContext({ dataDir: opts.data, outDir: 'out', configPath: opts.config, formats: [] });
  const summary = ctx ? await (await import('../pipeline/reports.js')).ledgerSummaryLines(ctx).catch(() => undefined) : undefined;
  if (summary) process.stdout.write(summary.join('\n') + '\n');
  const errors = all.filter((d) => d.severity === 'error').length;
  if (out.lang === 'zh') process.stdout.write(bad ? `输入有误（${errors} 个错误）\n` : `通过：${count} 个商机文件有效\n`);
  else process.stdout.write(bad ? `invalid input (${errors} error(s))\n` : `ok: ${count} deal(s) valid\n`);
  return bad ? 1 : 0;
}

export async function runSchema(opts: { catalog?: boolean; lang?: string } = {}): Promise<number> {
  if (opts.catalog) {
    const { catalogJsonSchema } = await import('../data/catalog.js');
    process.stdout.write(JSON.stringify(catalogJsonSchema(), null, 2) + '\n');
    return 0;
  }
  const { dealJsonSchema } = await import('../data/json-schema.js');
  const lang = opts.lang === undefined ? 'both' : opts.lang === 'zh' || opts.lang === 'zh-CN' ? 'zh' : opts.lang === 'en' ? 'en' : undefined;
  if (!lang) throw new UsageError(`--lang must be zh or en, got "${opts.lang}"`);
  process.stdout.write(JSON.stringify(dealJsonSchema(lang).schema, null, 2) + '\n');
  return 0;
}

export async function runNewDeal(id: string, opts: { data: string; locale: string }): Promise<number> {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) throw new UsageError(`"${id}" is not a valid deal id (a-z, 0-9 and -)`);
  if (opts.locale !== 'zh-CN' && opts.locale !== 'en') throw new UsageError('--locale must be zh-CN or en');
  const dir = join(opts.data, 'deals');
  const file = join(dir, `${id}.md`);
  if (['.md', '.json', '.yaml', '.yml'].some((ext) => existsSync(join(dir, id + ext)))) {
    process.stderr.write(`error: ${file} already exists\n`);
    return 1;
  }
  await mkdir(dir, { recursive: true });
  // deal.schema.json sits beside the data folder (dealdoc init writes it there).
  await writeFile(file, scaffoldDeal(id, opts.locale), { flag: 'wx' });
  process.stdout.write(`created ${file}\n`);
  return 0;
}
