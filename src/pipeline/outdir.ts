/**
 * The out folder's rules: dealdoc writes and deletes only below `out/`, never through a symbolic
 * link, and deletes only files it wrote (their bytes still hash as the manifest recorded).
 * Every path that comes from the manifest passes `safeRelative` first.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';

/** An out-folder path problem, shaped like a Node errno error so callers report it the same way. */
export class OutPathError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly code = 'EUNSAFE',
  ) {
    super(message);
    this.name = 'OutPathError';
  }
}

/**
 * Whether `rel` is a plain relative path below the out folder: no absolute path, no `..` or `.`
 * segment, no empty segment, no backslash or NUL, not inside `.dealdoc/`.
 */
export function safeRelative(rel: string): boolean {
  if (typeof rel !== 'string' || rel.length === 0 || rel.length > 1024) return false;
  if (isAbsolute(rel) || /[\\\0]/.test(rel) || /^[A-Za-z]:/.test(rel)) return false;
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return false;
  return parts[0] !== '.dealdoc';
}

/**
 * Walk `rel`'s folders below `outDir` with lstat: each must be a real folder, never a symbolic
 * link. With `create`, missing folders are made (one level at a time, so a link is never
 * followed). Throws OutPathError naming the offending path.
 */
export function ensureRealDirs(outDir: string, relDir: string, create: boolean): void {
  if (relDir === '' || relDir === '.') return;
  let cur = outDir;
  for (const part of relDir.split('/')) {
    cur = join(cur, part);
    let info;
    try {
      info = lstatSync(cur);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !create) throw e;
      try {
        mkdirSync(cur);
        continue;
      } catch (m) {
        // Another worker made it meanwhile: check what is there now.
        if ((m as NodeJS.ErrnoException).code !== 'EEXIST') throw m;
        info = lstatSync(cur);
      }
    }
    if (info.isSymbolicLink()) throw new OutPathError(cur, 'is a symbolic link; dealdoc never writes or deletes through links inside the out folder (replace it with a real folder)', 'ELOOP');
    if (!info.isDirectory()) throw new OutPathError(cur, 'is a file where dealdoc needs a folder', 'ENOTDIR');
  }
}

/**
 * `mkdir -p` one level at a time. Node's `mkdirSync(dir, { recursive: true })` never returns when
 * mkdir fails with ENOENT although the parent exists (`--out /proc/x`): here that is an error.
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let cur = resolve(dir); !existsSync(cur); cur = dirname(cur)) {
    missing.push(cur);
    if (dirname(cur) === cur) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Why dealdoc may not delete `out/rel`, or undefined when the file is provably its own. */
export function ownershipProblem(outDir: string, rel: string, recordedSha256: string): string | undefined {
  if (!safeRelative(rel)) return 'not a plain path inside the out folder';
  try {
    ensureRealDirs(outDir, dirname(rel), false);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return `${relative(outDir, (e as OutPathError).path ?? outDir) || '.'} ${(e as Error).message}`;
  }
  const full = join(outDir, rel);
  let info;
  try {
    info = lstatSync(full);
  } catch {
    return 'missing';
  }
  if (info.isSymbolicLink()) return 'is a symbolic link';
  if (!info.isFile()) return 'is not a regular file';
  const now = createHash('sha256').update(readFileSync(full)).digest('hex');
  if (now !== recordedSha256) return 'its content differs from what dealdoc wrote';
  return undefined;
}

/** `path` resolved through any links in its existing part (the rest appended as is). */
export function realish(path: string): string {
  const abs = resolve(path);
  let head = abs;
  const tail: string[] = [];
  for (;;) {
    try {
      return join(realpathSync.native(head), ...tail.reverse());
    } catch {
      const up = dirname(head);
      if (up === head) return abs;
      tail.push(head.slice(up.length).replace(/^[/\\]/, ''));
      head = up;
    }
  }
}

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/**
 * Why `--out` cannot be used, or undefined. The out folder may not be the filesystem root, the
 * home folder, the project (config) folder, the data folder or inside it, or a parent of the
 * data folder; an existing file is not a folder. Paths are compared after resolving links.
 */
export function outDirProblem(out: string, opts: { dataDir: string; configPath?: string }): string | undefined {
  const o = realish(out);
  const data = realish(opts.dataDir);
  const configFile = opts.configPath ?? 'dealdoc.config.yaml';
  const projectDir = realish(dirname(resolve(configFile)));
  if (o === parse(o).root) return `--out ${out} is the filesystem root; choose a folder of its own, such as "out"`;
  if (o === realish(homedir())) return `--out ${out} is the home folder; choose a folder of its own, such as "out"`;
  if (o === projectDir) return `--out ${out} is the project folder (where the config lives); choose a folder of its own, such as "out"`;
  if (inside(o, data)) return `--out ${out} is ${o === data ? 'the data folder' : 'inside the data folder'} (${opts.dataDir}); documents must not be written among their inputs`;
  if (inside(data, o)) return `--out ${out} contains the data folder (${opts.dataDir}); choose a folder of its own, such as "out"`;
  try {
    if (!statSync(o).isDirectory()) return `--out ${out} is a file, not a folder`;
  } catch {
    // Does not exist yet: the build makes it.
  }
  return undefined;
}
