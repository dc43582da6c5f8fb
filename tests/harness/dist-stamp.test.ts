/**
 * The harness cannot test stale code: dist/ (what bin/dealdoc.js runs) is rebuilt by the global
 * setup whenever the sources differ from the last build's stamp (scripts/dist-stamp.mjs).
 * The staleness check on throwaway folders, the rebuild through a stand-in `npm run build`, and
 * the repository itself after the global setup.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distState, sourceHash, stampPath, writeStamp } from '../../scripts/dist-stamp.mjs';
import { ensureFreshDist } from '../global-setup.js';
import { ROOT } from '../helpers/cli.js';

/** A project as `npm run build` leaves it: sources, a dist/ with its build id, no stamp yet. */
function built(): string {
  const root = mkdtempSync(join(tmpdir(), 'dealdoc-stamp-'));
  mkdirSync(join(root, 'src/cli'), { recursive: true });
  mkdirSync(join(root, 'dist/cli'), { recursive: true });
  writeFileSync(join(root, 'src/cli/main.ts'), "export const hello = 'v1';\n");
  writeFileSync(join(root, 'tsconfig.json'), '{}\n');
  writeFileSync(join(root, 'dist/cli/main.js'), "export const hello = 'v1';\n");
  writeFileSync(join(root, 'dist/build-id.json'), '{"version":"0.0.0","code":"aaaa"}\n');
  return root;
}

describe('the staleness check', () => {
  it('is fresh right after a build stamps it, and stays fresh when files are only touched', () => {
    const root = built();
    expect(distState(root)).toEqual({ fresh: false, reason: 'no build stamp (.tmp/dist-stamp.json)' });
    writeStamp(root);
    expect(distState(root)).toEqual({ fresh: true, reason: 'up to date' });
    utimesSync(join(root, 'src/cli/main.ts'), new Date(), new Date(Date.now() + 60_000));
    expect(distState(root).fresh).toBe(true);
  });

  it('is stale when a source is edited, added or removed, or the compiler options change', () => {
    const edits: ((root: string) => void)[] = [
      (r) => writeFileSync(join(r, 'src/cli/main.ts'), "export const hello = 'v2';\n"),
      (r) => writeFileSync(join(r, 'src/cli/extra.ts'), 'export {};\n'),
      (r) => rmSync(join(r, 'src/cli/main.ts')),
      (r) => writeFileSync(join(r, 'tsconfig.json'), '{ "compilerOptions": { "noUncheckedIndexedAccess": true } }\n'),
    ];
    for (const edit of edits) {
      const root = built();
      writeStamp(root);
      edit(root);
      expect(distState(root)).toEqual({ fresh: false, reason: 'sources changed since the last build' });
    }
  });

  it('is stale when dist/ is missing, or was rebuilt without the stamp', () => {
    const root = built();
    writeStamp(root);
    writeFileSync(join(root, 'dist/build-id.json'), '{"version":"0.0.0","code":"bbbb"}\n');
    expect(distState(root).reason).toBe('dist/ was changed after the stamp was written');
    rmSync(join(root, 'dist'), { recursive: true });
    expect(distState(root).reason).toBe('dist/ is missing or incomplete');
  });
});

describe('the global setup', () => {
  /** A project whose `npm run build` copies src/cli/main.ts to dist/ and stamps it, like the real one. */
  function project(): string {
    const root = built();
    const build = `
      import { copyFileSync, readFileSync } from 'node:fs';
      import { writeStamp } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts/dist-stamp.mjs')).href)};
      if (readFileSync('src/cli/main.ts', 'utf8').includes('syntax error')) { console.error('src/cli/main.ts(1,1): error TS1005'); process.exit(2); }
      copyFileSync('src/cli/main.ts', 'dist/cli/main.js');
      writeStamp(process.cwd());
    `;
    writeFileSync(join(root, 'build.mjs'), build);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'stamp-test', private: true, type: 'module', scripts: { build: 'node build.mjs' } }));
    return root;
  }

  it('rebuilds a stale dist/ once, then finds it fresh; the rebuilt code is the edited code', () => {
    const root = project();
    expect(ensureFreshDist(root)).toMatchObject({ rebuilt: true, reason: 'no build stamp (.tmp/dist-stamp.json)' });
    expect(ensureFreshDist(root)).toMatchObject({ rebuilt: false });
    writeFileSync(join(root, 'src/cli/main.ts'), "export const hello = 'v2';\n");
    expect(ensureFreshDist(root)).toMatchObject({ rebuilt: true, reason: 'sources changed since the last build' });
    expect(readFileSync(join(root, 'dist/cli/main.js'), 'utf8')).toContain("'v2'");
  });

  it('stops the run when the build fails, with the compiler output', () => {
    const root = project();
    writeFileSync(join(root, 'src/cli/main.ts'), 'syntax error\n');
    expect(() => ensureFreshDist(root)).toThrow(/dist\/ is stale \(no build stamp.*\) and `npm run build` failed \(exit 2\)[^]*error TS1005/);
  });
});

describe('this repository', () => {
  it('runs its CLI tests on a dist/ built from the current sources', () => {
    // The global setup ran before this file: the stamp names the sources as they are now.
    const stamp = JSON.parse(readFileSync(stampPath(ROOT), 'utf8')) as { sources: string; code: string };
    expect(stamp.sources).toBe(sourceHash(ROOT));
    expect(stamp.code).toBe((JSON.parse(readFileSync(join(ROOT, 'dist/build-id.json'), 'utf8')) as { code: string }).code);
    expect(distState(ROOT)).toEqual({ fresh: true, reason: 'up to date' });
  });
});
