/**
 * Edit-to-updated-page latency of `dealdoc preview` on a warm server: the real CLI serves a
 * project; each edit rewrites one deal file (a discount and a sentence of the narrative), and we
 * time from the write to (a) the Server-Sent Event announcing the new proposal PDF and (b) that
 * PDF served over HTTP with the announced hash. Median of PREVIEW_EDITS edits (default 9).
 *
 * Alone:  npm run build && npx tsx bench/preview-latency.ts [PROJECT_DIR] [DEAL_ID]
 * (default: a copy of the example data, deal huaxin-aoi-2026). `bench/run.ts` calls it on the
 * generated portfolio.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export interface PreviewLatency {
  sseMs: number[];
  servedMs: number[];
  medianSse: number;
  medianServed: number;
  deals: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface Snapshot {
  docs: { id: string; stamp: string; state: string }[];
}

export async function measurePreviewLatency(projectDir: string, dealFile: string, dealId: string, edits = Number(process.env.PREVIEW_EDITS ?? 9)): Promise<PreviewLatency> {
  const env = { ...process.env, CI: '1' };
  const server = spawn(process.execPath, [join(ROOT, 'bin/dealdoc.js'), 'preview', '--port', '0'], { cwd: projectDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  try {
    const base = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`preview did not start:\n${log}`)), 15 * 60_000);
      const onData = (b: Buffer) => {
        log += b.toString();
        const m = /dealdoc preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
        if (m?.[1]) {
          clearTimeout(timer);
          done(m[1]);
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.on('exit', (code) => fail(new Error(`preview exited ${code}:\n${log}`)));
    });
    const docId = `${dealId}/proposal`;
    const briefId = `${dealId}/swot-brief`;
    let latest: Snapshot = { docs: [] };
    let waiter: (() => void) | undefined;
    const events = await new Promise<import('node:http').IncomingMessage>((done) => get(`${base}events`, done));
    let buffer = '';
    events.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let at;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (data) {
          latest = JSON.parse(data.slice(6)) as Snapshot;
          waiter?.();
        }
      }
    });
    const until = (pred: (s: Snapshot) => boolean) =>
      new Promise<void>((done) => {
        const check = () => {
          if (pred(latest)) {
            waiter = undefined;
            done();
          }
        };
        waiter = check;
        check();
      });
    const stampOf = (s: Snapshot, id: string) => s.docs.find((d) => d.id === id);
    const fetchPdf = (path: string) =>
      new Promise<Buffer>((done, fail) =>
        get(`${base}out/${path}`, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => (res.statusCode === 200 ? done(Buffer.concat(chunks)) : fail(new Error(`HTTP ${res.statusCode}`))));
        }).on('error', fail),
      );

    const original = readFileSync(dealFile, 'utf8');
    const sseMs: number[] = [];
    const servedMs: number[] = [];
    await until((s) => stampOf(s, docId)?.state === 'ok');
    // Let the background warm-up of per-deal contexts finish.
    await new Promise((r) => setTimeout(r, 1500));
    for (let i = 0; i <= edits; i++) {
      const before = stampOf(latest, docId)!.stamp;
      const beforeBrief = stampOf(latest, briefId)?.stamp;
      const edited = original.replace(/discount: 0\.\d+/, `discount: 0.0${(i % 8) + 1}`) + `\n\nEdit ${i} at ${Date.now()}.\n`;
      const t0 = performance.now();
      writeFileSync(dealFile, edited);
      await until((s) => {
        const d = stampOf(s, docId);
        return Boolean(d && d.state === 'ok' && d.stamp !== before);
      });
      const t1 = performance.now();
      const stamp = stampOf(latest, docId)!.stamp;
      const pdf = await fetchPdf(`${dealId}/proposal.pdf`);
      const t2 = performance.now();
      if (createHash('sha256').update(pdf).digest('hex') !== stamp) throw new Error('served PDF does not match the announced version');
      if (i > 0) {
        // The first edit after start-up is reported apart (it is not "warm").
        sseMs.push(t1 - t0);
        servedMs.push(t2 - t0);
      } else process.stdout.write(`first edit after start-up: ${(t2 - t0).toFixed(0)} ms\n`);
      // Wait for the rest of the deal (the brief) and the index refresh before the next edit (a person edits seconds apart).
      await until((s) => stampOf(s, briefId)?.stamp !== beforeBrief && stampOf(s, briefId)?.state === 'ok');
      await new Promise((r) => setTimeout(r, 500));
    }
    writeFileSync(dealFile, original);
    events.destroy();
    const deals = new Set(latest.docs.filter((d) => d.id.includes('/proposal')).map((d) => d.id)).size;
    return { sseMs, servedMs, medianSse: median(sseMs), medianServed: median(servedMs), deals };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const given = process.argv[2];
  let proj = given;
  if (!proj) {
    proj = mkdtempSync(join(tmpdir(), 'dealdoc-preview-bench-'));
    cpSync(join(ROOT, 'data'), join(proj, 'data'), { recursive: true });
    cpSync(join(ROOT, 'dealdoc.config.yaml'), join(proj, 'dealdoc.config.yaml'));
  }
  const dealId = process.argv[3] ?? 'huaxin-aoi-2026';
  const r = await measurePreviewLatency(proj, join(proj, 'data/deals', `${dealId}.md`), dealId);
  process.stdout.write(`preview, ${r.deals} deals: edit → SSE median ${r.medianSse.toFixed(0)} ms; edit → PDF served median ${r.medianServed.toFixed(0)} ms (${r.sseMs.length} edits: ${r.servedMs.map((x) => x.toFixed(0)).join(', ')} ms)\n`);
  if (!given) rmSync(proj, { recursive: true, force: true });
}
