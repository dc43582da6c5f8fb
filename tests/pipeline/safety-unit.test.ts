/**
 * The out folder's rules, one by one, in process: manifest schema and path rules, ownership
 * before deletion, --out rules, lock takeover (with timings), atomic writes under injected
 * filesystem errors, and a worker pool whose workers die.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Injected filesystem failures for writeAtomic (root ignores chmod, so EACCES cannot be staged).
const inject = vi.hoisted(() => ({ write: undefined as string | undefined, rename: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string, syscall: string) => Object.assign(new Error(`${code}: injected, ${syscall}`), { code, syscall });
  return {
    ...fs,
    writeSync: (...args: Parameters<typeof fs.writeSync>) => {
      if (inject.write) throw fail(inject.write, 'write');
      return fs.writeSync(...args);
    },
    renameSync: (...args: Parameters<typeof fs.renameSync>) => {
      if (inject.rename) throw fail(inject.rename, 'rename');
      return fs.renameSync(...args);
    },
  };
});

const { acquireLock, procStartOf } = await import('../../src/pipeline/lock.js');
const { manifestSchema, readManifest } = await import('../../src/pipeline/manifest.js');
const { ensureRealDirs, makeDirs, outDirProblem, ownershipProblem, safeRelative } = await import('../../src/pipeline/outdir.js');
const { writeAtomic } = await import('../../src/pipeline/write.js');
const { fsDiagnostic } = await import('../../src/pipeline/fs-errors.js');
const { maxJobs, runJobs, threadCount } = await import('../../src/pipeline/pool.js');

const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
const tmp = (p = 'dealdoc-unit-') => mkdtempSync(join(tmpdir(), p));

function manifestWith(outputs: Record<string, string>, job = 'gone/proposal', extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    jobs: { [job]: { kind: 'deal', dealId: job.split('/')[0], deps: [], parts: {}, inputHash: 'x', outputs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { sha256: sha(v), size: v.length, mtimeMs: 0 }])), ...extra } },
  };
}

describe('manifest schema and path rules', () => {
  it('accepts what a build writes', () => {
    expect(manifestSchema.safeParse(manifestWith({ 'gone/proposal.pdf': 'x', 'gone/proposal.docx': 'y' })).success).toBe(true);
    const report = { version: 1, jobs: { 'receivables/2026-10': { kind: 'report', asOf: '2026-10-31', deps: [], parts: {}, inputHash: 'x', outputs: { 'receivables/2026-10/provision-report.xlsx': { sha256: sha('x'), size: 1, mtimeMs: 1 } } } } };
    expect(manifestSchema.safeParse(report).success).toBe(true);
  });

  it.each([
    ['../../victim.txt'],
    ['/etc/passwd'],
    ['notes.txt'],
    ['gone/../../victim.pdf'],
    ['gone/./proposal.pdf'],
    ['gone//proposal.pdf'],
    ['.dealdoc/lock'],
    ['gone\\..\\x.pdf'],
    ['gone/proposal.pdf\0'],
    ['other/proposal.pdf'],
    ['gone/proposal.pdf/../../x'],
  ])('rejects an output named %j', (rel) => {
    expect(manifestSchema.safeParse(manifestWith({ [rel]: 'x' })).success).toBe(false);
  });

  it('rejects ids and dates that would name paths', () => {
    expect(manifestSchema.safeParse(manifestWith({}, '../x/proposal')).success).toBe(false);
    expect(manifestSchema.safeParse(manifestWith({}, 'gone/proposal', { dealId: '../gone' })).success).toBe(false);
    expect(manifestSchema.safeParse(manifestWith({}, 'gone/proposal', { deps: ['../../etc/shadow'] })).success).toBe(false);
    expect(manifestSchema.safeParse({ version: 1, jobs: {}, ledger: { rawHash: 'x', ok: true, months: [{ asOf: '../../x', ledgerPart: 'y' }] } }).success).toBe(false);
    expect(manifestSchema.safeParse({ version: 1, jobs: { 'receivables/../x': { kind: 'report', deps: [], parts: {}, inputHash: 'x', outputs: {} } } }).success).toBe(false);
  });

  it('a malformed manifest is read as empty, with a warning; a missing one silently', async () => {
    const out = tmp();
    expect(await readManifest(out)).toEqual({ manifest: { version: 1, jobs: {} }, diagnostics: [] });
    mkdirSync(join(out, '.dealdoc'));
    for (const text of ['{not json', '[]', '{"version":2,"jobs":{}}', JSON.stringify(manifestWith({ '../x': 'x' })), '{"version":1,"jobs":{"__proto__":{"kind":"deal"}}}', '{"version":1,"jobs":{"\\u005f_proto__":{"kind":"deal"}}}']) {
      writeFileSync(join(out, '.dealdoc/manifest.json'), text);
      const r = await readManifest(out);
      expect(Object.keys(r.manifest.jobs), text).toEqual([]);
      expect(Object.getPrototypeOf(r.manifest.jobs), text).toBe(Object.prototype);
      expect(r.diagnostics.map((d) => d.format()).join(), text).toMatch(/manifest\.json: warning: ignored \(.+\)/);
    }
  });

  it('safeRelative', () => {
    expect(['a/b.pdf', 'receivables/2026-10/provision-report.xlsx'].every(safeRelative)).toBe(true);
    expect(['', '.', '..', 'a/..', '/a', 'C:/a', 'a\\b', '.dealdoc/x', 'a//b'].some(safeRelative)).toBe(false);
  });
});

describe('ownership before deletion', () => {
  it('only a regular file, reached through real folders, with the recorded hash, is ours', () => {
    const out = tmp();
    mkdirSync(join(out, 'a'));
    writeFileSync(join(out, 'a/proposal.pdf'), 'built');
    expect(ownershipProblem(out, 'a/proposal.pdf', sha('built'))).toBeUndefined();
    expect(ownershipProblem(out, 'a/proposal.pdf', sha('other'))).toBe('its content differs from what dealdoc wrote');
    expect(ownershipProblem(out, 'a/missing.pdf', sha('x'))).toBe('missing');
    expect(ownershipProblem(out, '../a/proposal.pdf', sha('built'))).toBe('not a plain path inside the out folder');
    const elsewhere = tmp();
    writeFileSync(join(elsewhere, 'proposal.pdf'), 'built');
    symlinkSync(elsewhere, join(out, 'linked'));
    expect(ownershipProblem(out, 'linked/proposal.pdf', sha('built'))).toBe('linked is a symbolic link; dealdoc never writes or deletes through links inside the out folder (replace it with a real folder)');
    symlinkSync(join(elsewhere, 'proposal.pdf'), join(out, 'a/link.pdf'));
    expect(ownershipProblem(out, 'a/link.pdf', sha('built'))).toBe('is a symbolic link');
  });
});

describe('--out rules', () => {
  const proj = tmp('dealdoc-outrules-');
  mkdirSync(join(proj, 'data/deals'), { recursive: true });
  writeFileSync(join(proj, 'dealdoc.config.yaml'), 'company: { name: x }\n');
  writeFileSync(join(proj, 'afile'), 'x');
  symlinkSync(join(proj, 'data'), join(proj, 'data-link'));
  const opts = { dataDir: join(proj, 'data'), configPath: join(proj, 'dealdoc.config.yaml') };
  it.each([
    [join(proj, 'out'), undefined],
    [join(proj, 'build/documents'), undefined],
    [join(proj, 'data'), /is the data folder/],
    [join(proj, 'data/deals'), /is inside the data folder/],
    [join(proj, 'data-link'), /is the data folder/],
    [join(proj, 'data-link/out'), /is inside the data folder/],
    [proj, /is the project folder/],
    [join(proj, 'data/..'), /is the project folder/],
    ['/', /is the filesystem root/],
    [homedir(), /is the home folder|contains the data folder/],
    [tmpdir(), /contains the data folder/],
    [join(proj, 'afile'), /is a file, not a folder/],
  ])('%s', (out, expected) => {
    const problem = outDirProblem(out, opts);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeUndefined();
  });
});

describe('making the out folder', () => {
  it('makes missing folders, and fails at once where mkdir cannot (Node\'s recursive mkdir spins forever on /proc/x)', () => {
    const base = tmp();
    makeDirs(join(base, 'a/b/c'));
    makeDirs(join(base, 'a/b/c'));
    expect(statSync(join(base, 'a/b/c')).isDirectory()).toBe(true);
    expect(() => makeDirs(join(base, 'a/b/c/../../x/y'))).not.toThrow();
    writeFileSync(join(base, 'afile'), 'x');
    expect(() => makeDirs(join(base, 'afile/sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    if (existsSync('/proc/self')) {
      const started = performance.now();
      expect(() => makeDirs('/proc/dealdoc-no-such/out')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe('atomic writes', () => {
  afterEach(() => {
    inject.write = inject.rename = undefined;
  });

  it('never through a link or a file in the way', () => {
    const out = tmp();
    const elsewhere = tmp();
    symlinkSync(elsewhere, join(out, 'deal'));
    expect(() => ensureRealDirs(out, 'deal', true)).toThrow(/is a symbolic link/);
    return expect(writeAtomic(out, 'deal/x.pdf', 'x'))
      .rejects.toMatchObject({ code: 'ELOOP' })
      .then(() => expect(readdirSync(elsewhere)).toEqual([]));
  });

  it('an output that is a link is replaced by the file; its target is untouched', async () => {
    const out = tmp();
    const elsewhere = tmp();
    writeFileSync(join(elsewhere, 'precious.pdf'), 'precious');
    mkdirSync(join(out, 'deal'));
    symlinkSync(join(elsewhere, 'precious.pdf'), join(out, 'deal/proposal.pdf'));
    await writeAtomic(out, 'deal/proposal.pdf', 'new');
    expect(readFileSync(join(elsewhere, 'precious.pdf'), 'utf8')).toBe('precious');
    expect(lstatSync(join(out, 'deal/proposal.pdf')).isFile()).toBe(true);
    expect(readFileSync(join(out, 'deal/proposal.pdf'), 'utf8')).toBe('new');
  });

  it.each([
    ['write', 'ENOSPC', 'cannot write: no space left on the device (ENOSPC)'],
    ['write', 'EIO', 'cannot write: input/output error (EIO)'],
    ['rename', 'EACCES', 'cannot rename: permission denied (EACCES)'],
    ['rename', 'EROFS', 'cannot rename: read-only file system (EROFS)'],
  ] as const)('%s failing with %s: the error names the output, the temporary file is gone, the old file stays', async (step, code, message) => {
    const out = tmp();
    await writeAtomic(out, 'deal/proposal.pdf', 'old');
    inject[step] = code;
    const err = await writeAtomic(out, 'deal/proposal.pdf', 'new bytes').catch((e: unknown) => e);
    expect(err).toMatchObject({ code });
    expect(fsDiagnostic(err, out).format()).toBe(`${join(out, 'deal/proposal.pdf')}: ${message}`);
    expect(readdirSync(join(out, '.dealdoc/tmp'))).toEqual([]);
    expect(readFileSync(join(out, 'deal/proposal.pdf'), 'utf8')).toBe('old');
  });
});

describe('locks that cannot stall', () => {
  const lockIn = () => {
    const dir = tmp();
    return join(dir, '.dealdoc/lock');
  };
  const take = async (path: string, opts: { staleMs?: number } = {}) => {
    const told: string[] = [];
    const started = performance.now();
    const lock = await acquireLock(path, { waitMs: 20_000, ...opts, onTakeOver: (w) => told.push(w) });
    const ms = performance.now() - started;
    await lock.release();
    return { told, ms };
  };
  const plant = (path: string, content: string, ageS = 0) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    const t = Date.now() / 1000 - ageS;
    utimesSync(path, t, t);
  };

  it('writes pid, host and start time; touches the lock while held; removes only its own', async () => {
    const path = lockIn();
    const lock = await acquireLock(path, { waitMs: 1000, heartbeatMs: 50 });
    const info = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), procStart: procStartOf(process.pid) });
    expect(Date.parse(info.started as string)).toBeLessThanOrEqual(Date.now());
    utimesSync(path, 1, 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(Date.now() - statSync(path).mtimeMs).toBeLessThan(1000);
    await lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('garbage is taken over at once, with the reason', async () => {
    const path = lockIn();
    plant(path, '\u0000\u0001 garbage ☃');
    const { told, ms } = await take(path);
    expect(told).toEqual([expect.stringMatching(/^lock taken over: it held no dealdoc lock data \(".*garbage/)]);
    expect(ms).toBeLessThan(1000);
  });

  it('a dead local owner, or a reused pid, is taken over at once', async () => {
    const path = lockIn();
    plant(path, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), procStart: '1', started: '2026-01-01T00:00:00Z' }));
    expect((await take(path)).told[0]).toMatch(/its owner \(pid \d+ on .+, started 2026-01-01T00:00:00Z\) is no longer running/);
    // pid 1 is alive, but it is not the process that took the lock.
    plant(path, JSON.stringify({ pid: 1, host: hostname(), procStart: 'not-its-start', started: '2026-01-01T00:00:00Z' }));
    const reused = await take(path);
    expect(reused.told[0]).toMatch(/pid 1 is now another process/);
    expect(reused.ms).toBeLessThan(1000);
    // The old `pid@host` format, not refreshed: taken over.
    plant(path, `1@${hostname()}\n`, 60);
    expect((await take(path)).told[0]).toMatch(/pid 1 holds no start time and the lock was not refreshed for 60 s/);
  });

  it('another host’s lock is taken over once it is not refreshed (stale period, default 10 s)', async () => {
    const path = lockIn();
    plant(path, JSON.stringify({ pid: 4242, host: 'build-agent-7', started: '2026-01-01T00:00:00Z' }), 3600);
    const old = await take(path);
    expect(old.told[0]).toMatch(/lock taken over: it was held by pid 4242 on build-agent-7, started 2026-01-01T00:00:00Z and not refreshed for 3600 s/);
    expect(old.ms).toBeLessThan(1000);
    plant(path, JSON.stringify({ pid: 4242, host: 'build-agent-7' }));
    const fresh = await take(path, { staleMs: 1500 });
    expect(fresh.told).toHaveLength(1);
    expect(fresh.ms).toBeGreaterThan(1000);
    expect(fresh.ms).toBeLessThan(4000);
  });

  it('an empty folder in place of the lock is removed; a full one is refused at once', async () => {
    const path = lockIn();
    mkdirSync(path, { recursive: true });
    expect((await take(path)).told).toEqual(['an empty folder was in place of the lock file; removed it']);
    mkdirSync(path);
    writeFileSync(join(path, 'x'), 'x');
    const started = performance.now();
    await expect(acquireLock(path, { waitMs: 600_000 })).rejects.toThrow(/is a folder \(not empty\) where the lock file should be; remove it/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a live owner is waited for, and named', async () => {
    const path = lockIn();
    const held = await acquireLock(path, { waitMs: 1000 });
    const waited: string[] = [];
    await expect(acquireLock(path, { waitMs: 300, onWait: (o) => waited.push(o) })).rejects.toThrow(/another dealdoc build \(pid \d+ on .+\) is still writing to this out folder/);
    expect(waited[0]).toMatch(new RegExp(`^${process.pid} on ${hostname()}, started `));
    const later = acquireLock(path, { waitMs: 5000 });
    setTimeout(() => void held.release(), 300);
    await (await later).release();
  });
});

describe('worker pool', () => {
  it('caps threads at 2 per core (16 at most) and by memory', () => {
    expect(maxJobs()).toBeLessThanOrEqual(16);
    expect(threadCount(300)).toBeLessThanOrEqual(maxJobs());
    expect(threadCount(undefined, 1_000_000)).toBe(1);
    expect(threadCount(1)).toBe(1);
  });

  it('a worker that runs out of memory or crashes costs only its job: a diagnostic each, the others finish', async () => {
    const specs = ['a', 'oom', 'b', 'crash', 'c', 'exit', 'd'].map((id) => ({ id, kind: 'deal' as const, doc: 'proposal', dealId: id, file: `/x/${id}.md`, displayPath: `data/deals/${id}.md`, formats: ['pdf' as const] }));
    const done: string[] = [];
    const results = await runJobs(specs, { dataDir: 'data', outDir: 'out', formats: ['pdf'] }, 2, (r) => done.push(r.id), {
      workerFile: join(import.meta.dirname, 'fixtures/crash-worker.mjs'),
      heapMb: 32,
    });
    expect(done.sort()).toEqual(['a', 'b', 'c', 'crash', 'd', 'exit', 'oom']);
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    for (const id of ['a', 'b', 'c', 'd']) expect(byId[id].ok, id).toBe(true);
    expect(byId.oom.ok).toBe(false);
    expect(byId.oom.diagnostics).toEqual([expect.objectContaining({ file: 'data/deals/oom.md', severity: 'error', message: 'could not render oom: the worker ran out of memory (heap cap 32 MB; set DEALDOC_WORKER_HEAP_MB to raise it)' })]);
    expect(byId.crash.diagnostics[0].message).toMatch(/^could not render crash: the worker stopped: boom outside the task$/);
    expect(byId.exit.ok).toBe(false);
    expect(byId.exit.diagnostics[0].message).toMatch(/^could not render exit: the worker stopped/);
  });
});
