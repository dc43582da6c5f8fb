/**
 * `dealdoc build`: read & validate every input, compose each document into one tree, render it
 * with each writer, write atomically. A broken input costs only its own documents; its
 * diagnostics are collected and the exit code says so.
 */
import { join } from 'node:path';
import { Diagnostic, hasErrors, sortDiagnostics } from '../diagnostics.js';
import { createContext, type BuildContext, type BuildOptions } from './context.js';
import { DEAL_DOCUMENTS, loadDeals } from './deals.js';
import { composePlan, renderTree } from './render.js';
import { buildReports } from './reports.js';
import { writeAtomic } from './write.js';

export interface BuildSummary {
  built: string[];
  failed: string[];
  diagnostics: Diagnostic[];
}

export async function build(options: BuildOptions, log: (line: string) => void = () => {}): Promise<BuildSummary> {
  const { ctx, diagnostics } = createContext(options);
  const summary: BuildSummary = { built: [], failed: [], diagnostics };
  if (!ctx) return summary;
  const treeFormats = ctx.options.formats.filter((f) => f === 'pdf' || f === 'docx');

  if (!options.asOf) {
    const { deals, diagnostics: dealDiags } = await loadDeals(ctx);
    summary.diagnostics.push(...dealDiags);
    const wanted = options.only?.length ? deals.filter((d) => options.only!.includes(d.id)) : deals;
    for (const id of options.only ?? []) {
      if (!deals.some((d) => d.id === id) && !dealDiags.some((d) => String(d.file).includes(id))) {
        summary.diagnostics.push(new Diagnostic({ file: join(options.dataDir, 'deals'), rule: 'only', message: `no deal with id "${id}"` }));
      }
    }
    for (const deal of wanted) {
      for (const doc of DEAL_DOCUMENTS) {
        const outBase = join(ctx.outDir, deal.id, doc.name);
        try {
          const { plan, diagnostics: planDiags } = doc.plan(deal, ctx);
          summary.diagnostics.push(...planDiags);
          const tree = composePlan(plan, ctx);
          for (const format of treeFormats) {
            const bytes = await renderTree(tree, plan, format, ctx);
            await writeAtomic(`${outBase}.${format}`, bytes);
            summary.built.push(`${outBase}.${format}`);
            log(`built ${relativeOut(ctx, `${outBase}.${format}`)}`);
          }
        } catch (e) {
          summary.failed.push(outBase);
          summary.diagnostics.push(new Diagnostic({ file: deal.path, rule: 'render', message: `could not render ${doc.name}: ${(e as Error).message}` }));
        }
      }
    }
  }
  if (!options.only?.length || options.asOf) await buildReports(ctx, summary, log);
  summary.diagnostics = sortDiagnostics(summary.diagnostics);
  return summary;
}

export function relativeOut(ctx: BuildContext, path: string): string {
  return path.startsWith(ctx.outDir) ? join(ctx.options.outDir, path.slice(ctx.outDir.length + 1)) : path;
}

export function exitCode(summary: BuildSummary): number {
  return hasErrors(summary.diagnostics) || summary.failed.length ? 1 : 0;
}
