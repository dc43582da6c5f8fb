/** Content hashes for build planning: sha256 of bytes, of files, of canonical JSON. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function hashFile(path: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(path));
  } catch {
    return undefined;
  }
}

/** Hash of several named parts, order-independent in names. */
export function hashParts(parts: Record<string, string | undefined>): string {
  const h = createHash('sha256');
  for (const key of Object.keys(parts).sort()) h.update(`${key}\0${parts[key] ?? '-'}\0`);
  return h.digest('hex');
}
