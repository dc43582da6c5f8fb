/** Build progress: a bar on a terminal, plain lines in CI or when piped, nothing with --quiet. */
import { createRequire } from 'node:module';
import type cliProgressTypes from 'cli-progress';
import type { BuildEvents } from '../pipeline/build.js';

export function progressEvents(mode: 'bar' | 'lines' | 'quiet', write: (s: string) => void = (s) => process.stdout.write(s)): BuildEvents & { stop(): void } {
  if (mode === 'quiet') return { stop() {}, waiting: (o) => process.stderr.write(`waiting for another dealdoc build (pid ${o}) to finish…\n`) };
  let bar: cliProgressTypes.SingleBar | undefined;
  let done = 0;
  const started = Date.now();
  return {
    waiting: (owner) => write(`waiting for another dealdoc build (pid ${owner}) to finish…\n`),
    planned(jobs) {
      const total = jobs.filter((j) => j.reason).length;
      if (total === 0) return;
      if (mode === 'bar') {
        // Loaded only on a terminal: CI and pipes never pay for it.
        const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressTypes;
        bar = new cliProgress.SingleBar(
          { format: ' {bar} {value}/{total} | {elapsed}s | {current}', hideCursor: true, clearOnComplete: true, etaBuffer: 20 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { current: '', elapsed: 0 });
      }
    },
    done(result) {
      done++;
      if (bar) bar.update(done, { current: result.id, elapsed: ((Date.now() - started) / 1000).toFixed(1) });
      else write(`${result.ok ? (result.unchanged ? 'unchanged' : 'built') : 'FAILED'} ${result.id} (${result.ms} ms)\n`);
    },
    stop() {
      bar?.stop();
    },
  };
}
