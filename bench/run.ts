/**
 * `npm run bench`: the performance harness (not a test). Generates a seeded portfolio, runs the
 * CLI through the scenarios users hit, measures warm per-document render times, compares with
 * Pandoc when installed, and writes bench/results.md.
 *   BENCH_RUNS=3 (runs per scenario)  BENCH_DEALS=200  BENCH_INVOICES=5000
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generatePortfolio } from './generate.js';
import { measurePreviewLatency } from './preview-latency.js';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DEALS = Number(process.env.BENCH_DEALS ?? 200);
const INVOICES = Number(process.env.BENCH_INVOICES ?? 5000);
const MEASURE = join(ROOT, 'bench/measure.mjs');

interface Run {
  ms: number;
  rssMb: number;
  code: number;
  stdout: string;
}

function timed(args: string[], cwd: string): Run {
  const t = performance.now();
  const r = spawnSync(process.execPath, [MEASURE, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - t;
  const stats = /@@bench (\{.*\})/.exec(r.stderr);
  if (!stats) throw new Error(`no stats from dealdoc ${args.join(' ')}: ${r.stderr.slice(-2000)}`);
  const s = JSON.parse(stats[1]) as { code: number; maxRssKb: number };
  if (s.code !== 0) throw new Error(`dealdoc ${args.join(' ')} exited ${s.code}: ${r.stderr.slice(-3000)}`);
  return { ms: wall, rssMb: s.maxRssKb / 1024, code: s.code, stdout: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function dirBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.parentPath.includes('.dealdoc')) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

interface Row {
  scenario: string;
  ms: number;
  docs: number;
  rssMb: number;
  bytes?: number;
  target?: string;
}
const rows: Row[] = [];

function scenario(name: string, target: string | undefined, setup: () => void, args: string[], cwd: string, docs: number, outDir?: string) {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    setup();
    runs.push(timed(args, cwd));
  }
  const row: Row = { scenario: name, ms: median(runs.map((r) => r.ms)), docs, rssMb: Math.max(...runs.map((r) => r.rssMb)), target };
  if (outDir && existsSync(outDir)) row.bytes = dirBytes(outDir).bytes;
  rows.push(row);
  process.stdout.write(`${name}: ${row.ms.toFixed(0)} ms, peak ${row.rssMb.toFixed(0)} MB\n`);
}

async function warmRenders(projectDir: string) {
  const { createContext } = await import('../src/pipeline/context.js');
  const { loadDeals, planDealDocument } = await import('../src/pipeline/deal-documents.js');
  const { dealDocumentTypes } = await import('../src/documents/registry.js');
  const { composePlan, renderTree } = await import('../src/pipeline/render.js');
  const { executeReport } = await import('../src/pipeline/reports.js');
  const { loadFonts } = await import('../src/fonts/fonts.js');
  const cwd = process.cwd();
  process.chdir(projectDir);
  try {
    const { ctx } = createContext({ dataDir: 'data', outDir: 'out', formats: ['pdf', 'docx', 'xlsx'] });
    if (!ctx) throw new Error('no context');
    loadFonts();
    const { deals } = await loadDeals(ctx);
    const sample = deals.slice(0, 24);
    const times: Record<string, number[]> = {};
    const sizes: Record<string, number[]> = {};
    const pages: number[] = [];
    const md: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (const deal of sample) {
        for (const type of dealDocumentTypes()) {
          const doc = { name: type.id };
          const planned = await planDealDocument(type, deal, ctx);
          let t = performance.now();
          const tree = composePlan(planned.plan, ctx);
          const composeMs = performance.now() - t;
          if (doc.name === 'proposal' && round === 1) md.push(ctx.templates.render('proposal', deal.locale, planned.plan.view));
          if (round === 1) (times[`${doc.name} compose (template → tree)`] ??= []).push(composeMs);
          for (const format of ['pdf', 'docx'] as const) {
            t = performance.now();
            const bytes = await renderTree(tree, planned.plan, format, ctx);
            const ms = performance.now() - t;
            if (round === 1) {
              (times[`${doc.name}.${format}`] ??= []).push(ms);
              (sizes[`${doc.name}.${format}`] ??= []).push(bytes.length);
              if (doc.name === 'proposal' && format === 'pdf') pages.push((bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length);
            }
          }
        }
      }
    }
    for (let round = 0; round < 3; round++) {
      const t = performance.now();
      await executeReport({ id: 'r', kind: 'report', asOf: '2025-12-31' as never, dir: '2025-12', formats: ['pdf', 'docx', 'xlsx'] }, ctx);
      if (round > 0) (times['provision-report.pdf+docx+xlsx'] ??= []).push(performance.now() - t);
    }
    return { times, sizes, pages, md };
  } finally {
    process.chdir(cwd);
  }
}

function pandocCompare(md: string[]): { perDocMs: number; n: number } | undefined {
  try {
    execFileSync('pandoc', ['--version'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-pandoc-'));
  md.forEach((m, i) => writeFileSync(join(dir, `${i}.md`), m));
  const t = performance.now();
  md.forEach((_, i) => execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(dir, `${i}.docx`), join(dir, `${i}.md`)]));
  return { perDocMs: (performance.now() - t) / md.length, n: md.length };
}

async function main() {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const proj = mkdtempSync(join(tmpdir(), 'dealdoc-bench-'));
  generatePortfolio(proj, { deals: DEALS, invoices: INVOICES, customers: 200, months: 24, seed: 42 });
  const out = join(proj, 'out');
  const months = 25;
  const allDocs = DEALS * 4 + months * 3;

  scenario('cold full build', '≤ 12 s', () => rmSync(out, { recursive: true, force: true }), ['build'], proj, allDocs, out);
  scenario('no-op rebuild', '≤ 0.5 s', () => {}, ['build'], proj, 0);
  let n = 0;
  scenario('one deal edited', '≤ 1 s', () => appendFileSync(join(proj, 'data/deals/deal-007.md'), `\nEdit ${n++}.\n`), ['build'], proj, 4);
  mkdirSync(join(proj, 'tpl'), { recursive: true });
  cpSync(join(ROOT, 'templates/swot-brief.md.hbs'), join(proj, 'tpl/swot-brief.md.hbs'));
  appendFileSync(join(proj, 'dealdoc.config.yaml'), 'templates: tpl\n');
  timed(['build'], proj);
  scenario('one template edited (swot-brief)', undefined, () => appendFileSync(join(proj, 'tpl/swot-brief.md.hbs'), `\n{{!-- edit ${n++} --}}\n`), ['build'], proj, DEALS * 2);
  const payments = join(proj, 'data/receivables/payments.csv');
  scenario('one month of ledger rows edited', undefined, () => appendFileSync(payments, `P-EDIT-${n++},,C-2001,2025-12-15,10.00,CNY\n`), ['build'], proj, 0);
  const single = mkdtempSync(join(tmpdir(), 'dealdoc-single-'));
  cpSync(join(proj, 'data'), join(single, 'data'), { recursive: true });
  cpSync(join(proj, 'dealdoc.config.yaml'), join(single, 'dealdoc.config.yaml'));
  rmSync(join(single, 'tpl'), { recursive: true, force: true });
  writeFileSync(join(single, 'dealdoc.config.yaml'), readFileSync(join(single, 'dealdoc.config.yaml'), 'utf8').replace('templates: tpl\n', ''));
  scenario('--only one deal, fresh process, cold out/', '≤ 1 s', () => rmSync(join(single, 'out'), { recursive: true, force: true }), ['build', '--only', 'deal-007'], single, 4);
  scenario('cold full build, DOCX only', undefined, () => rmSync(out, { recursive: true, force: true }), ['build', '--format', 'docx'], proj, DEALS * 2 + months * 1, out);

  // dealdoc preview: edit one deal file on a warm server, time until the new proposal PDF is announced and served.
  const latency = await measurePreviewLatency(proj, join(proj, 'data/deals/deal-007.md'), 'deal-007');
  rows.push({ scenario: `preview: edit → updated proposal served (warm server, median of ${latency.servedMs.length} edits)`, ms: latency.medianServed, docs: 1, rssMb: 0, target: '≤ 300 ms' });
  process.stdout.write(`preview edit → page: ${latency.medianServed.toFixed(0)} ms\n`);

  const warm = await warmRenders(proj);
  const pandoc = pandocCompare(warm.md);

  const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`);
  lines.push(`Portfolio (seed 42): ${DEALS} deals (mixed zh-CN/en, 3–8 problems, 5–20 quote lines, 4–8 narrative sections), ${INVOICES} invoices over 24 months for 200 customers, two currencies. Median of ${RUNS} runs; peak RSS includes worker threads.`, '');
  lines.push('| scenario | wall (median) | documents | docs/s | peak RSS | output | target |', '|---|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const dps = r.docs && r.ms ? (r.docs / (r.ms / 1000)).toFixed(1) : '—';
    lines.push(`| ${r.scenario} | ${fmt(r.ms)} | ${r.docs || '—'} | ${dps} | ${r.rssMb ? `${r.rssMb.toFixed(0)} MB` : '—'} | ${r.bytes ? `${(r.bytes / 2 ** 20).toFixed(1)} MiB` : '—'} | ${r.target ?? ''} |`);
  }
  lines.push('', '## Per document, warm process (median of 24 deals; compose once per document, then each writer)', '', '| step | median | size (median) |', '|---|---:|---:|');
  for (const [k, v] of Object.entries(warm.times)) {
    const size = warm.sizes[k] ? `${(median(warm.sizes[k]) / 1024).toFixed(0)} KB` : '—';
    lines.push(`| ${k} | ${median(v).toFixed(1)} ms | ${size} |`);
  }
  lines.push('', `Proposal PDFs: median ${median(warm.pages)} pages.`);
  if (pandoc) {
    const ours = median(warm.times['proposal.docx']);
    lines.push('', '## Side by side with Pandoc (same proposal Markdown → DOCX)', '');
    lines.push(`Pandoc, one process per file: ${pandoc.perDocMs.toFixed(0)} ms per document (${pandoc.n} files). dealdoc warm: ${ours.toFixed(1)} ms per proposal DOCX → **${(pandoc.perDocMs / ours).toFixed(0)}×** Pandoc's throughput per core.`);
    const docxRow = rows.find((r) => r.scenario === 'cold full build, DOCX only');
    if (docxRow) lines.push(`Whole-build DOCX throughput (cold, incl. start-up, ${docxRow.docs} documents): ${(docxRow.docs / (docxRow.ms / 1000)).toFixed(1)} docs/s vs Pandoc ${(1000 / pandoc.perDocMs).toFixed(1)} docs/s → **${(docxRow.docs / (docxRow.ms / 1000) / (1000 / pandoc.perDocMs)).toFixed(1)}×**.`);
  } else {
    lines.push('', 'Pandoc not installed: no side-by-side comparison in this run (`apt-get install pandoc`).');
  }
  writeFileSync(join(ROOT, 'bench/results.md'), lines.join('\n') + '\n');
  process.stdout.write('\n' + lines.join('\n') + '\n');
}

await main();
