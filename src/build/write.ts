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
import { mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const STATE_DIR = '.dealdoc';
const FSYNC = process.env.DEALDOC_FSYNC === '1';

export function tmpDirOf(outDir: string): string {
  return join(outDir, STATE_DIR, 'tmp');
}

export async function writeAtomic(path: string, data: Buffer | string, tmpDir: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    if (FSYNC) await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

/** Remove temporary files a killed build may have left. */
export async function sweepTmp(outDir: string): Promise<void> {
  await rm(tmpDirOf(outDir), { recursive: true, force: true });
}
