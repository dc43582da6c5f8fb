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
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const STATE_DIR = '.dealdoc';
const FSYNC = process.env.DEALDOC_FSYNC === '1';

export function tmpDirOf(outDir: string): string {
  return join(outDir, STATE_DIR, 'tmp');
}

// Synchronous on purpose: in a worker (or a one-deal build) there is nothing else to do while a
// file is written, and a few sync calls cost far less than the thread-pool round trips of async ones.
export async function writeAtomic(path: string, data: Buffer | string, tmpDir: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  mkdirSync(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    if (FSYNC) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}

/** Remove temporary files a killed build may have left. */
export async function sweepTmp(outDir: string): Promise<void> {
  await rm(tmpDirOf(outDir), { recursive: true, force: true });
}
