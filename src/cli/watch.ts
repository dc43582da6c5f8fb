/** `dealdoc watch`: rebuild what is affected when data, templates or config change (debounced). */
import { watch as chokidarWatch } from 'chokidar';
import { resolve } from 'node:path';
import { build } from '../pipeline/build.js';
import { resetContexts } from '../pipeline/context.js';
import { BUILTIN_TEMPLATES } from '../compose/templates.js';
import { checkOnlyIds, requestFrom, type BuildFlags } from './commands.js';
import { outputOf, printDiagnostics } from './output.js';

export async function runWatch(opts: BuildFlags, signal?: AbortSignal): Promise<number> {
  const request = requestFrom(opts);
  const output = outputOf(opts);
  await checkOnlyIds(request);
  const targets = [resolve(opts.data), BUILTIN_TEMPLATES, resolve(opts.config ?? 'dealdoc.config.yaml')];
  const out = resolve(opts.out);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const once = async () => {
    const started = Date.now();
    resetContexts();
    const summary = await build(request);
    printDiagnostics(summary.diagnostics, output, (l) => process.stdout.write(l + '\n'));
    process.stdout.write(`[${new Date().toLocaleTimeString('en-GB')}] ${watchStatus(summary)} in ${Date.now() - started} ms — watching for changes (Ctrl-C to stop)\n`);
  };
  const trigger = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (running) {
        again = true;
        return;
      }
      running = once().catch((e) => void process.stderr.write(`${(e as Error).message}\n`));
      await running;
      running = undefined;
      if (again) {
        again = false;
        trigger();
      }
    }, 200);
  };

  const watcher = chokidarWatch(targets, { ignoreInitial: true, ignored: (p: string) => p.startsWith(out) || /(^|\/)\.[^/]/.test(p.slice(1)) });
  watcher.on('all', trigger);
  await once();
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop);
  });
  await watcher.close();
  clearTimeout(timer);
  await running;
  return 0;
}

/**
 * One line after each rebuild. An invalid input is never "up to date": its documents were not
 * rebuilt (the last good ones stay in place) until it is fixed.
 */
export function watchStatus(summary: { built: string[]; failed: string[]; diagnostics: { severity: string; file?: unknown }[] }): string {
  const invalid = new Set(summary.diagnostics.filter((d) => d.severity === 'error').map((d) => String(d.file))).size;
  const parts: string[] = [];
  if (summary.built.length) parts.push(`${summary.built.length} file(s) written`);
  if (invalid) parts.push(`not rebuilt: ${invalid} invalid file(s) — fix them; the last good documents are kept`);
  else if (summary.failed.length) parts.push(`not rebuilt: ${summary.failed.length} document(s) failed`);
  if (!parts.length) parts.push('up to date');
  return parts.join('; ');
}
