/**
 * Assets (images, logos) referenced by deal files and config resolve only inside the data
 * folder's `assets/`: no absolute paths, no `..`, no URLs, no symlinks leading out, PNG/JPEG
 * only, size-capped. Anything else is a warning and the image prints as its alt text.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export const MAX_ASSET_BYTES = 10 * 1024 * 1024;
const ALLOWED = new Set(['.png', '.jpg', '.jpeg']);

export type AssetResult = { path: string } | { error: string };

export function resolveAsset(assetsDir: string, ref: string): AssetResult {
  let name = ref.trim();
  try {
    name = decodeURIComponent(name);
  } catch {
    return { error: `"${ref}" is not a valid file name` };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(name) || isAbsolute(name) || name.startsWith('\\')) {
    return { error: `"${ref}": images must be files in the data folder's assets/ (no URLs or absolute paths)` };
  }
  if (!ALLOWED.has(extname(name).toLowerCase())) return { error: `"${ref}": only PNG and JPEG images are supported` };
  const root = resolve(assetsDir);
  const full = resolve(root, name);
  if (!isInside(root, full)) return { error: `"${ref}" points outside the assets folder` };
  if (!existsSync(full)) return { error: `"${ref}" not found in ${relative(process.cwd(), root) || '.'}` };
  const real = realpathSync(full);
  if (!isInside(realpathSync(root), real)) return { error: `"${ref}" points outside the assets folder` };
  const info = statSync(real);
  if (!info.isFile()) return { error: `"${ref}" is not a file` };
  if (info.size > MAX_ASSET_BYTES) return { error: `"${ref}" is larger than 10 MB` };
  return { path: real };
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

export function assetsDirOf(dataDir: string): string {
  return join(resolve(dataDir), 'assets');
}
