/** `dealdoc preview`: the warm build service + the local HTTP server + (optionally) a browser. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { requestFrom, UsageError, type BuildFlags } from '../cli/commands.js';
import { loadConfig } from '../config/load.js';
import { inGitRepo } from '../diff/load.js';
import { formatDiff } from '../diff/format.js';
import { diffSince } from '../diff/run.js';
import { startServer, type ChangesProvider } from './server.js';
import { PreviewService } from './service.js';

export interface PreviewFlags {
  data: string;
  config?: string;
  out: string;
  port?: string;
  open?: boolean;
}

function portOf(flag: string | undefined, configPath: string | undefined): number {
  if (flag !== undefined) {
    if (!/^\d+$/.test(flag) || Number(flag) > 65535) throw new UsageError(`--port needs a port number 0–65535, got "${flag}"`);
    return Number(flag);
  }
  const configured = loadConfig(configPath).config?.preview?.port;
  return configured ?? 0;
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    spawn(cmd, args, { detached: true, stdio: 'ignore' }).on('error', () => process.stderr.write(`could not open a browser; visit ${url}\n`)).unref();
  } catch {
    process.stderr.write(`could not open a browser; visit ${url}\n`);
  }
}

export async function runPreview(opts: PreviewFlags, signal?: AbortSignal): Promise<number> {
  const port = portOf(opts.port, opts.config);
  const flags: BuildFlags = { data: opts.data, config: opts.config, out: opts.out, format: ['pdf', 'docx', 'xlsx'] };
  const request = requestFrom(flags);
  const configPath = resolve(opts.config ?? 'dealdoc.config.yaml');
  const log = (line: string) => process.stdout.write(line + '\n');
  const service = new PreviewService({ request, configPath, log });
  const locale = loadConfig(opts.config).config?.locale ?? 'zh-CN';

  const changes: ChangesProvider = async (dealId) => {
    const entry = service.snapshot().docs.find((d) => d.dealId === dealId && d.source);
    if (!entry?.source) return { reason: 'no such deal' };
    if (!(await inGitRepo(entry.source))) return { reason: 'The data folder is not in a git repository: no history to compare with.' };
    const { diff, failed } = await diffSince(entry.source, 'HEAD', locale);
    if (!diff) return { reason: failed.flatMap((f) => f.diagnostics.map((d) => d.format())).join('\n') };
    return { text: formatDiff(diff) };
  };

  await service.start();
  let server;
  try {
    server = await startServer(service, { port, changes });
  } catch (e) {
    await service.close();
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(`error: cannot listen on 127.0.0.1:${port}: ${code === 'EADDRINUSE' ? 'the port is in use (pick another with --port, or --port 0 for a free one)' : (e as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`dealdoc preview: ${server.url} (Ctrl-C to stop)\n`);
  if (opts.open) openBrowser(server.url);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    signal?.addEventListener('abort', () => done());
  });
  await server.close();
  await service.close();
  return 0;
}
