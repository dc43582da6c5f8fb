/**
 * The one atomic-write helper. The bytes go to a temporary file in `out/.dealdoc/tmp/`, then are
 * renamed over the target (same file system, so the rename is atomic): a reader — or a build
 * killed with SIGKILL — sees the old file or the new one, never half of one. No fsync per file:
 * a killed process cannot lose written data (the kernel has it), and an fsync for each of
 * hundreds of documents cost more than rendering them; `DEALDOC_FSYNC=1` turns it on for
 * machines that must survive power loss mid-build.
 * (write-file-atomic puts its temporary file beside the target, where a killed build would
 * leave it in the folder users read; here leftovers stay in .dealdoc/tmp and the next build
 * sweeps them.)
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureRealDirs } from './outdir.js';

export const STATE_DIR = '.dealdoc';
const FSYNC = process.env.DEALDOC_FSYNC === '1';

export function tmpDirOf(outDir: string): string {
  return join(outDir, STATE_DIR, 'tmp');
}

/**
 * Write `out/rel` atomically. Every folder on the way (and `.dealdoc/tmp`) is checked with lstat
 * and made one level at a time: a symbolic link inside the out folder is refused, never followed.
 * On any failure (ENOSPC, EACCES, EROFS…) the temporary file is removed and the error rethrown.
 */
// Synchronous on purpose: in a worker (or a one-deal build) there is nothing else to do while a
// file is written, and a few sync calls cost far less than the thread-pool round trips of async ones.
export async function writeAtomic(outDir: string, rel: string, data: Buffer | string): Promise<void> {
  ensureRealDirs(outDir, `${STATE_DIR}/tmp`, true);
  ensureRealDirs(outDir, dirname(rel), true);
  const tmp = join(tmpDirOf(outDir), `${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    if (FSYNC) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, join(outDir, rel));
  } catch (e) {
    // Name the output in the diagnostic, not the temporary file.
    if (e instanceof Error && !(e as { target?: string }).target) (e as { target?: string }).target = join(outDir, rel);
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // never made, or already gone
    }
    throw e;
  }
}

/** Remove temporary files a killed build may have left (only through real folders). */
export async function sweepTmp(outDir: string): Promise<void> {
  try {
    ensureRealDirs(outDir, STATE_DIR, false);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  rmSync(tmpDirOf(outDir), { recursive: true, force: true });
}
