/**
 * Every test file is in the group its cost says (vitest.config.ts): a file that runs the CLI,
 * LibreOffice or Chromium, or reads the shared examples build, is in `e2e` — in `unit` it would
 * get no examples build (`inject('examples')` is undefined there) and slow the fast group down.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E } from '../../vitest.config.js';
import { ROOT } from '../helpers/cli.js';

const testFiles = readdirSync(join(ROOT, 'tests'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
  .map((e) => relative(ROOT, join(e.parentPath, e.name)))
  .sort();

/** E2E holds exact paths and `folder/**\/*.test.ts` globs only. */
const inE2E = (file: string) => E2E.some((g) => (g.endsWith('/**/*.test.ts') ? file.startsWith(g.slice(0, -'**/*.test.ts'.length)) : file === g));

/** What makes a test file end-to-end: it spawns the CLI or a reader program, or reads the examples build. */
const E2E_SIGNS = /\brunCli\(|\bBIN\b|\binject\(|docxToPdfWithLibreOffice|\bsoffice\b|\bLIBREOFFICE\b|'libreoffice-(writer|calc)'|\bchromium\b|'npm'/;

describe('test groups', () => {
  it('every E2E entry names existing test files', () => {
    for (const g of E2E) {
      expect(g.endsWith('/**/*.test.ts') || existsSync(join(ROOT, g)), g).toBe(true);
      expect(testFiles.filter((f) => inE2E(f) && (f === g || g.includes('*'))).length, g).toBeGreaterThan(0);
    }
  });

  it('no unit test runs the CLI, LibreOffice or Chromium, or reads the examples build', () => {
    const misplaced = testFiles.filter((f) => !inE2E(f) && !f.startsWith('tests/harness/') && E2E_SIGNS.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(misplaced).toEqual([]);
  });

  it('the e2e group holds the end-to-end files and little else', () => {
    const e2e = testFiles.filter(inE2E);
    expect(e2e.length).toBeGreaterThan(15);
    expect(e2e.filter((f) => !E2E_SIGNS.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
