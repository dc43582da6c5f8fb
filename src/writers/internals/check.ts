/**
 * Version checks for the libraries whose internals dealdoc reaches into (pdfkit, fontkit, docx,
 * exceljs; docs/library-internals.md lists every reach-in). exceljs has no public path left (the
 * XLSX writer refuses another version: xlsx/render.ts). Each adapter asks `internalsUsable(lib)` once:
 * when the installed version is not the one the reach-ins were checked against, or when
 * DEALDOC_LIBRARY_INTERNALS=off, the adapter uses the library's public API instead and says so
 * once on stderr. package.json pins the three to exact versions, so this is a guard for
 * installs that bypass the lock file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The versions every reach-in was checked against. */
export const CHECKED = { pdfkit: '0.20.2', fontkit: '2.0.4', docx: '9.15.2', exceljs: '4.4.0' } as const;
export type Library = keyof typeof CHECKED;

const decided = new Map<Library, boolean>();

const installed = new Map<Library, string>();

/** The installed version of `lib` (read once per process). */
export function installedVersion(lib: Library): string {
  let version = installed.get(lib);
  if (version === undefined) installed.set(lib, (version = readInstalledVersion(lib)));
  return version;
}

function readInstalledVersion(lib: Library): string {
  try {
    // Walk up from the entry point: the packages' `exports` do not all expose package.json.
    let dir = dirname(require.resolve(lib));
    for (let i = 0; i < 6; i++, dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === lib && pkg.version) return pkg.version;
    }
  } catch {
    /* not installed */
  }
  return 'unknown';
}

/** Whether the reach-ins into `lib` may be used; warns once per process when they may not. */
export function internalsUsable(lib: Library): boolean {
  let ok = decided.get(lib);
  if (ok === undefined) {
    const version = installedVersion(lib);
    const off = process.env.DEALDOC_LIBRARY_INTERNALS === 'off';
    ok = !off && version === CHECKED[lib];
    decided.set(lib, ok);
    if (!ok && !off) {
      process.stderr.write(`dealdoc: warning: ${lib} ${version} is not the version dealdoc was checked against (${CHECKED[lib]}); using its public API instead (slower, same text)\n`);
    }
  }
  return ok;
}

/** Tests: decide again (after changing DEALDOC_LIBRARY_INTERNALS). */
export function resetInternalsCheck(): void {
  decided.clear();
}
