/**
 * A job renders one document in every requested format. Jobs are plain data (job-spec.ts) so
 * they can run in the main thread or in a worker; `executeJob` is the same code in both.
 */
import { createHash } from 'node:crypto';
import { extname, isAbsolute, join, relative } from 'node:path';
import { TemplateError } from '../compose/templates.js';
import { Diagnostic, InputError } from '../diagnostics.js';
import type { Format } from '../writers/types.js';
import { outputPaths, toData, type JobResult, type JobSpec } from './job-spec.js';
import { createContext, type BuildContext, type BuildOptions } from './context.js';
import { dealDocument, planDealDocument } from './deal-documents.js';
import { readDeal } from '../data/deals/read.js';
import { composePlan, renderTree } from './render.js';
import { executeReport } from './reports.js';
import { fsDiagnostic, isFsError } from './fs-errors.js';
import { writeAtomic } from './write.js';

/** The process's context for these options (cached in createContext). */
export function contextFor(options: BuildOptions): BuildContext {
  const created = createContext(options);
  if (!created.ctx) throw new Error(created.diagnostics.map((d) => d.format()).join('\n'));
  return created.ctx;
}

export async function executeJob(spec: JobSpec, options: BuildOptions): Promise<JobResult> {
  const started = performance.now();
  const ctx = contextFor(options);
  const result: JobResult = { id: spec.id, ok: false, outputs: [], deps: [], diagnostics: [], ms: 0 };
  const write = async (rel: string, bytes: Buffer) => {
    await writeAtomic(ctx.outDir, rel, bytes);
    result.outputs.push({ path: rel, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
  };
  try {
    if (spec.kind === 'deal') {
      const read = await readDeal(spec.file, spec.displayPath, { defaultLocale: ctx.config.locale, fonts: ctx.fonts });
      result.diagnostics.push(...read.diagnostics.map(toData));
      if (!read.deal) return finish(result, started);
      const planned = await planDealDocument(dealDocument(spec.doc), read.deal, ctx);
      result.diagnostics.push(...planned.diagnostics.map(toData));
      result.deps = planned.deps;
      result.customerId = read.deal.customer.id;
      result.asOf = planned.asOf;
      // A document its own checks refuse (an unfilled placeholder in a proposal) keeps its last good output.
      if (planned.diagnostics.some((d) => d.severity === 'error')) return finish(result, started);
      if (planned.modelHash) result.modelHash = planned.modelHash;
      // Only its ledger rows changed and the figures it prints did not: the outputs on disk stand.
      if (spec.unchangedIf && planned.modelHash === spec.unchangedIf) {
        result.unchanged = true;
        result.ok = !result.diagnostics.some((d) => d.severity === 'error');
        return finish(result, started);
      }
      const tree = composePlan(planned.plan, ctx);
      // One output per format the document is written in, named by job-spec.ts from the registry (the planner checks the same names).
      for (const path of outputPaths(spec)) {
        await write(path, await renderTree(tree, planned.plan, extname(path).slice(1) as Format, ctx));
      }
    } else {
      const outputs = await executeReport(spec, ctx);
      result.diagnostics.push(...outputs.diagnostics.map(toData));
      if (outputs.modelHash) result.modelHash = outputs.modelHash;
      if (outputs.unchanged) result.unchanged = true;
      for (const o of outputs.files) await write(o.path, o.bytes);
      result.asOf = spec.asOf;
    }
    result.ok = !result.diagnostics.some((d) => d.severity === 'error');
  } catch (e) {
    if (e instanceof InputError) {
      result.diagnostics.push(...e.diagnostics.map(toData));
      return finish(result, started);
    }
    if (e instanceof TemplateError) {
      result.diagnostics.push(toData(new Diagnostic({ file: displayFile(e.file), line: e.line, column: e.column, rule: 'template', message: `${e.reason} (while rendering ${spec.id})` })));
      return finish(result, started);
    }
    if (isFsError(e)) {
      // The output could not be written: blame the out folder's path, not the input.
      result.diagnostics.push(toData(fsDiagnostic(e, ctx.outDir)));
    } else {
      const file = spec.kind === 'deal' ? spec.displayPath : join(options.dataDir, ctx.config.provisioning.ledger_dir);
      result.diagnostics.push(toData(new Diagnostic({ file, rule: 'render', message: `could not render ${spec.id}: ${(e as Error).message}` })));
    }
  }
  return finish(result, started);
}

/** A path relative to the working directory when it lies inside it, else absolute. */
function displayFile(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function finish(result: JobResult, started: number): JobResult {
  result.ms = Math.round(performance.now() - started);
  return result;
}
