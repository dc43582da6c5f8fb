/**
 * The one atomic-write helper: write to a temporary file beside the target, fsync, rename.
 * A reader (or a build killed mid-way) sees the old file or the new one, never half of one.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export async function writeAtomic(path: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, data, { fsync: true });
}
