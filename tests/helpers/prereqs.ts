/**
 * The system tools some tests read documents with — LibreOffice (a real Word/Excel reader), a CJK
 * font for it to draw Chinese with, poppler (pdftotext, pdftoppm, pdffonts), Chromium (the preview
 * page in a browser), jq (the CI workflow's filters) — checked up front.
 *
 * A test that needs one calls `need(...)` first (in `beforeAll` for a whole describe). When a tool
 * is missing the test FAILS, it does not skip: a CI machine without LibreOffice must not go green
 * having checked nothing. The failure is one message naming the Debian package to install, instead
 * of what the tool's absence looks like further on (`spawnSync soffice ENOENT`, or — with no CJK
 * font — LibreOffice drawing every Chinese character as one fallback glyph: "内内内深深深").
 * `.ci/run` installs every package named here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type Prereq = 'libreoffice-writer' | 'libreoffice-calc' | 'cjk-font' | 'poppler' | 'chromium' | 'jq';

/** Where Debian puts LibreOffice's Writer and Calc import filters (libreoffice-core alone has neither). */
export const LO_PROGRAM = '/usr/lib/libreoffice/program';
/** The browser the preview tests drive through playwright-core (Debian's chromium). */
export const CHROMIUM = '/usr/bin/chromium';

export interface Missing {
  prereq: Prereq;
  /** What is absent, as a reader would check it. */
  what: string;
  /** The Debian package that provides it. */
  debian: string;
}

export interface CheckEnv {
  /** PATH to look commands up in (default: this process's). */
  PATH?: string;
  /** LibreOffice's program folder (default LO_PROGRAM). */
  loProgram?: string;
  /** The Chromium binary (default CHROMIUM). */
  chromium?: string;
}

const onPath = (cmd: string, env: CheckEnv) => spawnSync('/bin/sh', ['-c', `command -v ${cmd}`], { env: { PATH: env.PATH ?? process.env.PATH ?? '' }, stdio: 'ignore' }).status === 0;

/** `fc-list :lang=zh` lists at least one font (what LibreOffice falls back to for Chinese text). */
function hasCjkFont(env: CheckEnv): boolean {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { env: { ...process.env, PATH: env.PATH ?? process.env.PATH ?? '' }, encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

function check(p: Prereq, env: CheckEnv): Missing[] {
  const lo = env.loProgram ?? LO_PROGRAM;
  const m = (what: string, debian: string): Missing => ({ prereq: p, what, debian });
  switch (p) {
    case 'libreoffice-writer':
      if (!onPath('soffice', env)) return [m('soffice (LibreOffice) is not on PATH', 'libreoffice-writer-nogui')];
      return existsSync(`${lo}/libswlo.so`) ? [] : [m(`LibreOffice Writer is not installed (no ${lo}/libswlo.so)`, 'libreoffice-writer-nogui')];
    case 'libreoffice-calc':
      if (!onPath('soffice', env)) return [m('soffice (LibreOffice) is not on PATH', 'libreoffice-calc-nogui')];
      return existsSync(`${lo}/libscfiltlo.so`) ? [] : [m(`LibreOffice Calc is not installed (no ${lo}/libscfiltlo.so)`, 'libreoffice-calc-nogui')];
    case 'cjk-font':
      if (!onPath('fc-list', env)) return [m('fc-list (fontconfig) is not on PATH, so no CJK font can be found', 'fonts-noto-cjk')];
      return hasCjkFont(env) ? [] : [m('no CJK font installed (`fc-list :lang=zh` is empty): LibreOffice would draw Chinese as one repeated glyph', 'fonts-noto-cjk')];
    case 'poppler':
      return ['pdftotext', 'pdftoppm', 'pdffonts'].filter((c) => !onPath(c, env)).map((c) => m(`${c} (poppler) is not on PATH`, 'poppler-utils'));
    case 'chromium': {
      const bin = env.chromium ?? CHROMIUM;
      return existsSync(bin) ? [] : [m(`Chromium is not installed (no ${bin})`, 'chromium')];
    }
    case 'jq':
      return onPath('jq', env) ? [] : [m('jq is not on PATH', 'jq')];
  }
}

/** What LibreOffice needs to open our DOCX files and show their Chinese text. */
export const LIBREOFFICE: Prereq[] = ['libreoffice-writer', 'cjk-font'];
export const ALL_PREREQS: Prereq[] = ['libreoffice-writer', 'libreoffice-calc', 'cjk-font', 'poppler', 'chromium', 'jq'];

const cache = new Map<Prereq, Missing[]>();

/** Every prerequisite in `prereqs` that this machine lacks (results cached per process for the default environment). */
export function missingPrereqs(prereqs: Prereq[], env?: CheckEnv): Missing[] {
  return [...new Set(prereqs)].flatMap((p) => {
    if (env) return check(p, env);
    let r = cache.get(p);
    if (!r) cache.set(p, (r = check(p, {})));
    return r;
  });
}

/** One message for everything missing: what, and the `apt-get install` line that fixes it. */
export function prereqMessage(missing: Missing[]): string {
  const packages = [...new Set(missing.map((m) => m.debian))];
  return [
    `missing test prerequisite${missing.length > 1 ? 's' : ''} (these tests fail instead of skipping, so CI cannot pass without checking):`,
    ...missing.map((m) => `  - ${m.what} → Debian package ${m.debian}`),
    `install: sudo apt-get install --no-install-recommends ${packages.join(' ')}   (.ci/run installs them all)`,
  ].join('\n');
}

export class PrereqError extends Error {
  constructor(readonly missing: Missing[]) {
    super(prereqMessage(missing));
    this.name = 'PrereqError';
  }
}

/** Throw (fail the test or the describe's beforeAll) unless every prerequisite is there. */
export function need(...prereqs: Prereq[]): void {
  const missing = missingPrereqs(prereqs);
  if (missing.length) throw new PrereqError(missing);
}
