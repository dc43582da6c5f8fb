/**
 * Missing system tools fail the tests that need them with one message naming the Debian package
 * (tests/helpers/prereqs.ts), and .ci/run installs every package that message can name.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { ALL_PREREQS, missingPrereqs, need, PrereqError, prereqMessage } from '../helpers/prereqs.js';

const nowhere = { PATH: '/nonexistent', loProgram: '/nonexistent', chromium: '/nonexistent/chromium' };

/** A PATH holding stand-ins for the given commands (each prints `output` and exits 0). */
function fakeBin(commands: string[], output = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-prereqs-'));
  for (const c of commands) {
    writeFileSync(join(dir, c), `#!/bin/sh\nprintf '%s' '${output}'\n`);
    chmodSync(join(dir, c), 0o755);
  }
  return dir;
}

describe('test prerequisites', () => {
  it('name the Debian package of every missing tool, in one message', () => {
    const missing = missingPrereqs(ALL_PREREQS, nowhere);
    expect(new Set(missing.map((m) => m.debian))).toEqual(new Set(['libreoffice-writer-nogui', 'libreoffice-calc-nogui', 'fonts-noto-cjk', 'poppler-utils', 'chromium', 'jq']));
    const message = prereqMessage(missing);
    expect(message).toContain('pdftoppm (poppler) is not on PATH → Debian package poppler-utils');
    expect(message).toMatch(/^install: sudo apt-get install --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils chromium jq /m);
  });

  it('tell "no CJK font" apart: LibreOffice present, fc-list :lang=zh empty', () => {
    const lo = mkdtempSync(join(tmpdir(), 'dealdoc-lo-program-'));
    writeFileSync(join(lo, 'libswlo.so'), '');
    const env = { PATH: fakeBin(['soffice', 'fc-list']), loProgram: lo };
    expect(missingPrereqs(['libreoffice-writer'], env)).toEqual([]);
    const missing = missingPrereqs(['libreoffice-writer', 'cjk-font'], env);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ prereq: 'cjk-font', debian: 'fonts-noto-cjk', what: expect.stringMatching(/fc-list :lang=zh.*empty/) });
    // With a font listed, nothing is missing.
    expect(missingPrereqs(['cjk-font'], { ...env, PATH: fakeBin(['fc-list'], 'Noto Sans CJK SC') })).toEqual([]);
    // Calc is its own package: Writer alone does not open the workbooks.
    expect(missingPrereqs(['libreoffice-calc'], env).map((m) => m.debian)).toEqual(['libreoffice-calc-nogui']);
  });

  it('fail (throw), never skip, when something is missing', () => {
    const missing = missingPrereqs(['poppler'], nowhere);
    expect(() => {
      throw new PrereqError(missing);
    }).toThrow(/missing test prerequisites[^]*Debian package poppler-utils/);
    // On this machine: `need` passes exactly when nothing is missing.
    const here = missingPrereqs(['poppler']);
    if (here.length) expect(() => need('poppler')).toThrow(PrereqError);
    else expect(() => need('poppler')).not.toThrow();
  });

  it('.ci/run installs every package the message can name', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const installed = new Set([...ci.matchAll(/need\+=\(([\w.+-]+)\)/g)].map((m) => m[1]));
    for (const m of missingPrereqs(ALL_PREREQS, nowhere)) expect(installed, m.debian).toContain(m.debian);
  });
});
