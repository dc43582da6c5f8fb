/** The two versions a diff compares: deal files on disk, or a deal file at a git revision. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import type { Deal } from '../data/deal-schema.js';
import { Diagnostic } from '../diagnostics.js';
import type { Locale } from '../tree/nodes.js';
import { DEAL_FILE, displayPath } from '../pipeline/deals.js';

export interface LoadedDeal {
  deal?: Deal;
  diagnostics: Diagnostic[];
}

const readOpts = (defaultLocale: Locale) => ({ defaultLocale, checkGlyphs: false });

export async function loadDealFile(file: string, defaultLocale: Locale): Promise<LoadedDeal> {
  const { readDeal } = await import('../data/deals/read.js');
  if (!existsSync(file)) return { diagnostics: [new Diagnostic({ file: displayPath(file), rule: 'diff', message: 'file not found' })] };
  return readDeal(file, displayPath(file), readOpts(defaultLocale));
}

/** A deal file by path, or by id in `<data>/deals/` (file name first, then each file's `id:`). */
export async function findDealFile(idOrPath: string, dataDir: string, defaultLocale: Locale): Promise<string | undefined> {
  if (existsSync(idOrPath) && DEAL_FILE.test(idOrPath)) return idOrPath;
  const dir = join(dataDir, 'deals');
  for (const ext of ['.md', '.markdown', '.json']) if (existsSync(join(dir, idOrPath + ext))) return join(dir, idOrPath + ext);
  const names = await readdir(dir).catch(() => [] as string[]);
  const { readDeal } = await import('../data/deals/read.js');
  for (const n of names.filter((x) => DEAL_FILE.test(x)).sort()) {
    const f = join(dir, n);
    const r = await readDeal(f, displayPath(f), readOpts(defaultLocale));
    if (r.deal?.id === idOrPath) return f;
  }
  return undefined;
}

function git(args: string[], cwd: string): Promise<{ ok: boolean; stdout: Buffer; stderr: string }> {
  return new Promise((done) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => done({ ok: !err, stdout, stderr: stderr.toString('utf8').trim() }));
  });
}

/** Whether `file` is inside a git work tree (and git is installed). */
export async function inGitRepo(file: string): Promise<boolean> {
  const r = await git(['rev-parse', '--is-inside-work-tree'], dirname(file)).catch(() => ({ ok: false, stdout: Buffer.alloc(0) }));
  return r.ok && r.stdout.toString().trim() === 'true';
}

/** The deal file as it was at git revision `rev` (`git show REV:path`), parsed like the file itself. */
export async function loadDealAtRevision(file: string, rev: string, defaultLocale: Locale): Promise<LoadedDeal> {
  const shown = displayPath(file);
  const fail = (message: string): LoadedDeal => ({ diagnostics: [new Diagnostic({ file: shown, rule: 'diff', message })] });
  if (rev.startsWith('-') || /[\s:]/.test(rev)) return fail(`"${rev}" is not a git revision`);
  const dir = dirname(await realpath(file));
  const top = await git(['rev-parse', '--show-toplevel'], dir).catch(() => undefined);
  if (!top?.ok) return fail('not in a git repository (needed for --since)');
  const rel = relative(await realpath(top.stdout.toString('utf8').trim()), join(dir, basename(file))).split('\\').join('/');
  const shownAt = await git(['show', `${rev}:${rel}`], dir);
  if (!shownAt.ok) return fail(`not found at revision ${rev}: ${shownAt.stderr.split('\n')[0]}`);
  // Parsed through the same reader (file name = default id and format), from a private temp copy.
  const tmp = await mkdtemp(join(tmpdir(), 'dealdoc-diff-'));
  try {
    const copy = join(tmp, basename(file));
    await writeFile(copy, shownAt.stdout);
    const { readDeal } = await import('../data/deals/read.js');
    const r = await readDeal(copy, `${rev}:${shown}`, readOpts(defaultLocale));
    return r;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
