/**
 * One build at a time per out folder. The lock file holds the owner's pid: a second build
 * waits for a live owner (printing why) and takes over the lock of a dead one at once — a
 * build killed with SIGKILL never blocks the next. (Lock libraries that judge staleness by
 * mtime would make the next build wait out the stale period.)
 */
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface Lock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireLock(path: string, opts: { waitMs: number; onWait?: (owner: string) => void }): Promise<Lock> {
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + opts.waitMs;
  let told = false;
  for (;;) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(`${process.pid}@${hostname()}\n`);
      await fh.close();
      return { release: () => unlink(path).catch(() => {}) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = (await readFile(path, 'utf8').catch(() => '')).trim();
    const [pidText, host] = owner.split('@');
    const pid = Number(pidText);
    if (!owner || (host === hostname() && pid && !alive(pid))) {
      await unlink(path).catch(() => {});
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another dealdoc build (pid ${owner}) is writing to this out folder; try again when it has finished`);
    if (!told) {
      opts.onWait?.(owner);
      told = true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
