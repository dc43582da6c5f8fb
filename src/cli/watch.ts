/** `dealdoc watch`: rebuild what is affected when data, templates or config change (debounced). */
import { watch as chokidarWatch } from 'chokidar';
import { resolve } from 'node:path';
import { build } from '../build/build.js';
import { resetContexts } from '../build/context.js';
import { BUILTIN_TEMPLATES } from '../compose/templates.js';
import { report } from '../diagnostics.js';
import { requestFrom, type BuildFlags } from './commands.js';

export async function runWatch(opts: BuildFlags, signal?: AbortSignal): Promise<number> {
  const request = requestFrom(opts);
  const targets = [resolve(opts.data), BUILTIN_TEMPLATES, resolve(opts.config ?? 'dealdoc.config.yaml')];
  const out = resolve(opts.out);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const once = async () => {
    const started = Date.now();
    resetContexts();
    const summary = await build(request);
    report(summary.diagnostics, (l) => process.stdout.write(l + '\n'));
    const files = summary.built.length;
    process.stdout.write(`[${new Date().toLocaleTimeString('en-GB')}] ${files ? `${files} file(s) written` : 'up to date'} in ${Date.now() - started} ms — watching for changes (Ctrl-C to stop)\n`);
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
