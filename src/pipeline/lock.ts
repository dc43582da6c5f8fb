/**
 * One build at a time per out folder. The lock file (out/.dealdoc/lock) is written whole (to a
 * temporary file, then hard-linked into place, so no reader ever sees half of it) and says who
 * holds it: pid, host, the process's start time (from /proc, so a reused pid is not mistaken
 * for the owner) and a random token. The owner touches it every HEARTBEAT_MS.
 *
 * A second build waits (printing why) only for an owner that is provably alive: the same host,
 * a running pid with the recorded start time — or, on another host sharing the folder, a lock
 * touched within STALE_MS. Everything else is reported and taken over at once: garbage, a dead
 * or reused pid, a stale lock from another host, a folder or link in the lock's place. A folder
 * that is not empty is refused (it is not ours to delete). Lock libraries that judge staleness
 * by mtime alone would make a killed build's successor wait out the stale period.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, rmdirSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { OutPathError } from './outdir.js';

export interface Lock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for a live owner. */
  waitMs: number;
  /** A lock from another host not touched for this long is stale (default 10 s). */
  staleMs?: number;
  /** How often the owner touches its lock (default 2 s). */
  heartbeatMs?: number;
  onWait?: (owner: string) => void;
  /** Told why a lock that was not provably alive was taken over. */
  onTakeOver?: (why: string) => void;
}

interface LockInfo {
  pid: number;
  host: string;
  /** Start time of the process (Linux: clock ticks since boot, /proc/<pid>/stat field 22). */
  procStart?: string;
  started?: string;
  token?: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's start time, where the system says (Linux); undefined elsewhere or when gone. */
export function procStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** The lock's content, or undefined when it is not a dealdoc lock (JSON, or the old `pid@host`). */
export function parseLock(text: string): LockInfo | undefined {
  const t = text.trim();
  const legacy = /^(\d{1,10})@(\S{1,255})$/.exec(t);
  if (legacy?.[1] && legacy[2]) return { pid: Number(legacy[1]), host: legacy[2] };
  try {
    const j = JSON.parse(t) as Partial<LockInfo>;
    if (Number.isInteger(j.pid) && (j.pid as number) > 0 && typeof j.host === 'string' && j.host) {
      return { pid: j.pid as number, host: j.host, procStart: typeof j.procStart === 'string' ? j.procStart : undefined, started: typeof j.started === 'string' ? j.started : undefined, token: typeof j.token === 'string' ? j.token : undefined };
    }
  } catch {
    // not JSON
  }
  return undefined;
}

const describe = (o: LockInfo) => `${o.pid} on ${o.host}${o.started ? `, started ${o.started}` : ''}`;

/** undefined when the owner is provably alive (wait for it); else why the lock is not. */
function deadReason(info: LockInfo | undefined, text: string, ageMs: number, staleMs: number): string | undefined {
  if (!info) return `it held no dealdoc lock data (${JSON.stringify(text.slice(0, 40))})`;
  if (info.host !== hostname()) {
    return ageMs > staleMs ? `it was held by pid ${describe(info)} and not refreshed for ${Math.round(ageMs / 1000)} s` : undefined;
  }
  if (!alive(info.pid)) return `its owner (pid ${describe(info)}) is no longer running`;
  const now = procStartOf(info.pid);
  if (info.procStart && now && now !== info.procStart) return `pid ${info.pid} is now another process (the owner, started ${info.started ?? info.procStart}, ended)`;
  if (!info.procStart && ageMs > staleMs) return `pid ${info.pid} holds no start time and the lock was not refreshed for ${Math.round(ageMs / 1000)} s`;
  return undefined;
}

// Synchronous: a lock is a handful of tiny file operations, each of which would otherwise be a
// thread-pool round trip the build waits for (most of a no-op build's idle time).
function place(path: string, content: string): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, content, { flag: 'wx' });
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    // No hard links on this file system: create exclusively and write (a reader may briefly see it empty).
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    quietly(() => unlinkSync(tmp));
  }
}

/** Run a file operation whose failure changes nothing (the file is already gone, or not ours). */
function quietly<T>(op: () => T): T | undefined {
  try {
    return op();
  } catch {
    return undefined;
  }
}

export async function acquireLock(path: string, opts: LockOptions): Promise<Lock> {
  const staleMs = opts.staleMs ?? 10_000;
  const heartbeatMs = opts.heartbeatMs ?? 2_000;
  mkdirSync(dirname(path), { recursive: true });
  const token = randomBytes(8).toString('hex');
  const procStart = procStartOf(process.pid);
  const started = new Date(Date.now() - Math.round(process.uptime() * 1000)).toISOString();
  const content = JSON.stringify({ dealdoc: 'lock', pid: process.pid, host: hostname(), procStart, started, token }) + '\n';
  const deadline = Date.now() + opts.waitMs;
  let told = false;
  for (;;) {
    if (place(path, content)) {
      const beat = setInterval(() => {
        const now = new Date();
        utimes(path, now, now).catch(() => {});
      }, heartbeatMs);
      beat.unref();
      return {
        async release() {
          clearInterval(beat);
          // Remove it only while it is still ours.
          const now = quietly(() => readFileSync(path, 'utf8')) ?? '';
          if (parseLock(now)?.token === token) quietly(() => unlinkSync(path));
        },
      };
    }
    const info = quietly(() => lstatSync(path));
    if (!info) continue;
    if (info.isDirectory()) {
      try {
        rmdirSync(path);
      } catch {
        throw new OutPathError(path, 'is a folder (not empty) where the lock file should be; remove it and build again', 'EISDIR');
      }
      opts.onTakeOver?.('an empty folder was in place of the lock file; removed it');
      continue;
    }
    if (!info.isFile()) {
      quietly(() => unlinkSync(path));
      opts.onTakeOver?.('something other than a file (a link?) was in place of the lock file; removed it');
      continue;
    }
    const text = quietly(() => readFileSync(path, 'utf8')) ?? '';
    const owner = parseLock(text);
    const why = deadReason(owner, text, Date.now() - info.mtimeMs, staleMs);
    if (why) {
      quietly(() => unlinkSync(path));
      opts.onTakeOver?.(`lock taken over: ${why}`);
      continue;
    }
    if (Date.now() > deadline) throw new OutPathError(path, `another dealdoc build (pid ${describe(owner!)}) is still writing to this out folder; try again when it has finished`, 'EBUSY');
    if (!told) {
      opts.onWait?.(describe(owner!));
      told = true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
