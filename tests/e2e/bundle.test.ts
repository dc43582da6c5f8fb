/**
 * The command line runs from one bundle with V8's code cache (scripts/bundle.mjs,
 * bin/bundle-loader.cjs). What a user gets must be what dist/ compiles to — byte for byte — and
 * the cache must be used when it belongs to the bundle, ignored when it does not.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES_EPOCH, ROOT } from '../helpers/cli.js';

const loader = createRequire(import.meta.url)(join(ROOT, 'bin/bundle-loader.cjs')) as {
  loadBundle(file: string): { exports: Record<string, unknown>; cache: 'used' | 'rejected' | 'none' };
  saveCache(bundle: unknown): void;
};

function node(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, CI: '1', LANG: 'en_US.UTF-8', ...env }, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function sums(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.parentPath.includes('.dealdoc')) continue;
    const file = join(e.parentPath, e.name);
    out[relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

describe('the bundled command line', () => {
  it('loads with its code cache, in the main thread and in a worker thread', () => {
    const probe = `
      const l = require(${JSON.stringify(join(ROOT, 'bin/bundle-loader.cjs'))});
      const { Worker } = require('node:worker_threads');
      console.log(typeof l.load().main, l.cacheState());
      const w = new Worker('const l = require(' + JSON.stringify(${JSON.stringify(join(ROOT, 'bin/bundle-loader.cjs'))}) + '); l.load(); require("node:worker_threads").parentPort.postMessage(typeof l.load().runJob + " " + l.cacheState());', { eval: true, resourceLimits: { maxOldGenerationSizeMb: 384 } });
      w.on('message', (m) => { console.log(m); w.terminate(); });`;
    const r = node(['-e', probe]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['function used', 'function used']);
    // Switched off, the same bundle compiles as usual.
    expect(node(['-e', probe], { DEALDOC_CODE_CACHE: 'off' }).stdout.trim().split('\n')).toEqual(['function none', 'function none']);
  });

  it('writes byte-identical documents to the unbundled dist/ (every example, every format)', () => {
    const bundled = mkdtempSync(join(tmpdir(), 'dealdoc-bundled-'));
    const plain = mkdtempSync(join(tmpdir(), 'dealdoc-plain-'));
    const env = { SOURCE_DATE_EPOCH: EXAMPLES_EPOCH };
    const a = node([BIN, 'build', '--quiet', '--out', bundled], env);
    const b = node(['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(join(ROOT, 'dist/cli/main.js'))}); process.exitCode = await main(['build', '--quiet', '--out', ${JSON.stringify(plain)}]);`], env);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stderr).toBe(b.stderr);
    const left = sums(bundled);
    expect(Object.keys(left).length).toBeGreaterThan(40);
    expect(left).toEqual(sums(plain));
  });
});

describe('the code cache', () => {
  const token = (code: string) => createHash('sha256').update(code).digest('hex');
  const bundle = (dir: string, code: string) => {
    const file = join(dir, 'b.cjs');
    writeFileSync(file, `${code}\n//# dealdoc-bundle ${token(code)}\n`);
    return file;
  };

  /** A bundle in a fresh folder, run once and its cache saved: the next load must use that cache. */
  const primed = (code: string): string => {
    const file = bundle(mkdtempSync(join(tmpdir(), 'dealdoc-cache-')), code);
    const first = loader.loadBundle(file);
    expect(first.cache).toBe('none');
    (first.exports.v as () => number)();
    loader.saveCache(first);
    return file;
  };
  const run = (file: string) => {
    const r = loader.loadBundle(file);
    return { cache: r.cache, v: (r.exports.v as () => number)() };
  };

  it('is used for the bundle it was made from, ignored for another one, and the code that runs is the file on disk', () => {
    const file = primed('module.exports = { v: () => 1 };');
    expect(run(file)).toEqual({ cache: 'used', v: 1 });
    // Rebuilt with other code of the same length: the old cache names another bundle.
    bundle(dirname(file), 'module.exports = { v: () => 2 };');
    expect(run(file)).toEqual({ cache: 'none', v: 2 });
  });

  it('is ignored when its bytes are damaged (same length, right token)', () => {
    const file = primed('module.exports = { v: () => 4 };');
    expect(run(file).cache).toBe('used');
    const bytes = readFileSync(`${file}.cache`);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    writeFileSync(`${file}.cache`, bytes);
    expect(run(file)).toEqual({ cache: 'none', v: 4 });
  });

  it('is ignored when the bundle carries no token', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealdoc-cache-'));
    const file = join(dir, 'b.cjs');
    writeFileSync(file, 'module.exports = { v: 3 };\n');
    writeFileSync(`${file}.cache`, Buffer.alloc(200, 0x61));
    const r = loader.loadBundle(file);
    expect(r.cache).toBe('none');
    expect(r.exports.v).toBe(3);
  });
});
