/** Command bodies: translate flags into build options, print summaries and diagnostics. */
import { existsSync } from 'node:fs';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { build, exitCode } from '../build/build.js';
import { createContext } from '../build/context.js';
import { loadDeals } from '../build/deals.js';
import { validateLedger } from '../build/reports.js';
import { dealSchema } from '../data/deal-schema.js';
import { hasErrors, report, sortDiagnostics } from '../diagnostics.js';
import { parseIsoDate } from '../domain/dates.js';
import type { Format } from '../writers/types.js';
import { scaffoldDeal } from './scaffold.js';

interface CommonFlags {
  data: string;
  config?: string;
}

export async function runBuild(opts: CommonFlags & { out: string; only?: string[]; format: Format[]; asOf?: string; json?: boolean; quiet?: boolean }): Promise<number> {
  if (opts.asOf && !parseIsoDate(opts.asOf)) {
    process.stderr.write(`error: --as-of needs a date YYYY-MM-DD, got "${opts.asOf}"\n`);
    return 2;
  }
  const started = performance.now();
  const log = opts.quiet || opts.json ? () => {} : (line: string) => process.stdout.write(line + '\n');
  const summary = await build({ dataDir: opts.data, outDir: opts.out, configPath: opts.config, only: opts.only, formats: opts.format, asOf: opts.asOf }, log);
  const code = exitCode(summary);
  if (opts.json) {
    process.stdout.write(
      JSON.stringify({ ok: code === 0, built: summary.built, failed: summary.failed, diagnostics: summary.diagnostics.map((d) => d.toJSON()) }, null, 2) + '\n',
    );
  } else {
    report(summary.diagnostics);
    if (!opts.quiet) {
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      const errors = summary.diagnostics.filter((d) => d.severity === 'error').length;
      process.stdout.write(`${summary.built.length} files written in ${secs} s${errors ? `, ${errors} error(s)` : ''}\n`);
    }
  }
  return code;
}

export async function runValidate(opts: CommonFlags): Promise<number> {
  const { ctx, diagnostics } = createContext({ dataDir: opts.data, outDir: 'out', configPath: opts.config, formats: [] });
  const all = [...diagnostics];
  let count = 0;
  if (ctx) {
    const { deals, diagnostics: d } = await loadDeals(ctx);
    all.push(...d, ...(await validateLedger(ctx)));
    count = deals.length;
  }
  report(sortDiagnostics(all));
  const bad = hasErrors(all);
  process.stdout.write(bad ? `invalid input (${all.filter((d) => d.severity === 'error').length} error(s))\n` : `ok: ${count} deal(s) valid\n`);
  return bad ? 1 : 0;
}

export function runSchema(): number {
  const schema = z.toJSONSchema(dealSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  process.stdout.write(JSON.stringify({ ...schema, title: 'dealdoc deal file' }, null, 2) + '\n');
  return 0;
}

export async function runNewDeal(id: string, opts: CommonFlags & { locale: string }): Promise<number> {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) {
    process.stderr.write(`error: "${id}" is not a valid deal id (a-z, 0-9 and -)\n`);
    return 2;
  }
  if (opts.locale !== 'zh-CN' && opts.locale !== 'en') {
    process.stderr.write(`error: --locale must be zh-CN or en\n`);
    return 2;
  }
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
