/**
 * The out folder is shared, cached and committed, so it is untrusted like the data: a build never
 * deletes a file it did not write, never writes or deletes through a link or outside out/, refuses
 * an --out that would mix documents with their inputs, gives each deal id one owner, takes over
 * a lock that is not provably alive within seconds, turns filesystem errors into one-line
 * diagnostics, survives a crashing worker, and `check` hashes every output.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject, runCli } from '../helpers/cli.js';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const DEAL = 'huaxin-aoi-2026';
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** One deal, no ledger: a cold build takes ~2 s, a no-op one a fraction of that. */
function tinyProject(): string {
  const dir = copyProject();
  for (const f of readdirSync(join(dir, 'data/deals'))) if (!f.startsWith(DEAL)) rmSync(join(dir, 'data/deals', f));
  rmSync(join(dir, 'data/receivables'), { recursive: true });
  return dir;
}

let built: string;
beforeAll(() => {
  built = tinyProject();
  const r = runCli(['build'], { cwd: built });
  expect(r.code, r.stderr).toBe(0);
});

/** A fresh copy of the built project (data, config, out/ with its manifest). */
function builtCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-safe-'));
  cpSync(built, dir, { recursive: true });
  return dir;
}

interface ManifestJson {
  version: 1;
  jobs: Record<string, { kind: string; dealId?: string; deps: string[]; parts: Record<string, string>; inputHash: string; outputs: Record<string, { sha256: string; size: number; mtimeMs: number }> }>;
}
const manifestOf = (proj: string) => JSON.parse(readFileSync(join(proj, 'out/.dealdoc/manifest.json'), 'utf8')) as ManifestJson;
const saveManifest = (proj: string, m: unknown) => writeFileSync(join(proj, 'out/.dealdoc/manifest.json'), JSON.stringify(m));
/** A manifest job for a deal that no longer exists, naming `outputs` with their current hashes. */
function staleJob(dealId: string, outputs: Record<string, Buffer | string>) {
  return {
    kind: 'deal',
    source: `deals/${dealId}.md`,
    dealId,
    deps: [],
    parts: {},
    inputHash: 'x',
    outputs: Object.fromEntries(Object.entries(outputs).map(([rel, bytes]) => [rel, { sha256: sha(bytes), size: bytes.length, mtimeMs: 0 }])),
  };
}

describe('stale cleanup deletes only what dealdoc wrote', () => {
  it('a manifest naming ../../victim.txt, an absolute path and a user file is ignored, with a warning; nothing is deleted', () => {
    const proj = builtCopy();
    const victim = join(proj, 'victim.txt');
    const absVictim = join(mkdtempSync(join(tmpdir(), 'dealdoc-victim-')), 'abs.txt');
    writeFileSync(victim, 'precious');
    writeFileSync(absVictim, 'precious too');
    writeFileSync(join(proj, 'out/notes.txt'), 'my notes');
    // (Each kind alone is rejected too: see safety-unit.test.ts.)
    const m = manifestOf(proj);
    m.jobs['gone-a/proposal'] = staleJob('gone-a', { '../victim.txt': 'precious' }) as ManifestJson['jobs'][string];
    m.jobs['gone-b/proposal'] = staleJob('gone-b', { [absVictim]: 'precious too' }) as ManifestJson['jobs'][string];
    m.jobs['gone-c/proposal'] = staleJob('gone-c', { 'notes.txt': 'my notes' }) as ManifestJson['jobs'][string];
    saveManifest(proj, m);
    const r = runCli(['build'], { cwd: proj });
    expect(existsSync(victim) && readFileSync(victim, 'utf8')).toBe('precious');
    expect(existsSync(absVictim) && readFileSync(absVictim, 'utf8')).toBe('precious too');
    expect(existsSync(join(proj, 'out/notes.txt')) && readFileSync(join(proj, 'out/notes.txt'), 'utf8')).toBe('my notes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/out\/\.dealdoc\/manifest\.json: warning: ignored \(.+\): every document is rebuilt and no old output is deleted/);
    expect(r.stdout).not.toMatch(/removed/);
  });

  it('deletes a stale output it wrote, but not one reached through a linked folder, nor one changed since', () => {
    const proj = builtCopy();
    const out = join(proj, 'out');
    const pdf = readFileSync(join(out, DEAL, 'proposal.pdf'));
    // Really stale and really ours: deleted.
    mkdirSync(join(out, 'old-deal'));
    writeFileSync(join(out, 'old-deal/proposal.pdf'), pdf);
    // out/linked → a folder elsewhere holding a file with the recorded hash: left alone.
    const elsewhere = mkdtempSync(join(tmpdir(), 'dealdoc-elsewhere-'));
    writeFileSync(join(elsewhere, 'proposal.pdf'), pdf);
    symlinkSync(elsewhere, join(out, 'linked'));
    // An output edited by hand since it was built: left alone.
    mkdirSync(join(out, 'edited'));
    writeFileSync(join(out, 'edited/proposal.pdf'), 'edited by hand');
    const m = manifestOf(proj);
    m.jobs['old-deal/proposal'] = staleJob('old-deal', { 'old-deal/proposal.pdf': pdf }) as ManifestJson['jobs'][string];
    m.jobs['linked/proposal'] = staleJob('linked', { 'linked/proposal.pdf': pdf }) as ManifestJson['jobs'][string];
    m.jobs['edited/proposal'] = staleJob('edited', { 'edited/proposal.pdf': 'as built' }) as ManifestJson['jobs'][string];
    saveManifest(proj, m);

    const r = runCli(['build'], { cwd: proj });
    expect(existsSync(join(elsewhere, 'proposal.pdf')) && readFileSync(join(elsewhere, 'proposal.pdf'))).toEqual(pdf);
    expect(existsSync(join(out, 'edited/proposal.pdf')) && readFileSync(join(out, 'edited/proposal.pdf'), 'utf8')).toBe('edited by hand');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'old-deal/proposal.pdf'))).toBe(false);
    expect(r.stdout).toMatch(/1 stale file\(s\) removed/);
    expect(lstatSync(join(out, 'linked')).isSymbolicLink()).toBe(true);
    expect(r.stderr).toMatch(/out\/linked\/proposal\.pdf: warning: not deleted: linked is a symbolic link/);
    expect(r.stderr).toMatch(/out\/edited\/proposal\.pdf: warning: not deleted: its content differs from what dealdoc wrote/);
    // The records are forgotten: the next build is quiet.
    expect(runCli(['build'], { cwd: proj }).stderr).not.toMatch(/not deleted/);
  });
});

describe('writes never leave out/', () => {
  it('a deal folder inside out/ that links elsewhere is refused, never written through', () => {
    const proj = builtCopy();
    const elsewhere = mkdtempSync(join(tmpdir(), 'dealdoc-elsewhere-'));
    rmSync(join(proj, 'out', DEAL), { recursive: true });
    symlinkSync(elsewhere, join(proj, 'out', DEAL));
    const r = runCli(['build', '--force'], { cwd: proj });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`out/${DEAL}: is a symbolic link; dealdoc never writes or deletes through links`));
    noStack(r.stderr);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('out/.dealdoc linking elsewhere stops the build before anything is written there', () => {
    const proj = builtCopy();
    const elsewhere = mkdtempSync(join(tmpdir(), 'dealdoc-elsewhere-'));
    writeFileSync(join(elsewhere, 'keep.txt'), 'x');
    mkdirSync(join(elsewhere, 'tmp'));
    writeFileSync(join(elsewhere, 'tmp/keep-too.txt'), 'x');
    rmSync(join(proj, 'out/.dealdoc'), { recursive: true });
    symlinkSync(elsewhere, join(proj, 'out/.dealdoc'));
    const r = runCli(['build', '--force'], { cwd: proj });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^out\/\.dealdoc: is a symbolic link/);
    noStack(r.stderr);
    expect(readdirSync(elsewhere).sort()).toEqual(['keep.txt', 'tmp']);
    expect(readdirSync(join(elsewhere, 'tmp'))).toEqual(['keep-too.txt']);
  });

  it('refuses --out that is the data folder (even through a link) or a file: exit 2, one line, nothing written', () => {
    const proj = tinyProject();
    writeFileSync(join(proj, 'afile'), 'x');
    symlinkSync(join(proj, 'data'), join(proj, 'data-link'));
    // (Every rule is unit-tested in safety-unit.test.ts.)
    for (const [cmd, out, re] of [
      ['build', 'data', /^error: --out data is the data folder \(data\); documents must not be written among their inputs$/],
      ['build', 'data-link', /is the data folder/],
      ['check', '.', /is the project folder/],
      ['build', 'afile', /^error: --out afile is a file, not a folder$/],
    ] as const) {
      const r = runCli([cmd, '--out', out], { cwd: proj });
      expect(r.code, `${cmd} --out ${out}`).toBe(2);
      expect(r.stderr.trim(), out).toMatch(re);
      expect(r.stderr.trim().split('\n'), out).toHaveLength(1);
    }
    expect(readdirSync(join(proj, 'data')).sort()).toEqual(['assets', 'catalog.yaml', 'deals']);
    expect(existsSync(join(proj, 'out'))).toBe(false);
  });
});

describe('one owner per deal id', () => {
  it('two files claiming one id are both reported at their id; neither builds; the existing documents stay, whatever the file names', () => {
    const proj = builtCopy();
    const deals = join(proj, 'data/deals');
    const original = readFileSync(join(deals, `${DEAL}.md`), 'utf8');
    const before = Object.fromEntries(['proposal.pdf', 'proposal.docx', 'swot-brief.pdf', 'swot-brief.docx'].map((f) => [f, sha(readFileSync(join(proj, 'out', DEAL, f)))]));
    for (const name of ['aaa-copy.md', 'zzz-copy.md']) {
      // A second file (sorting before or after the owner) claims the id, with different content.
      writeFileSync(join(deals, name), original.replace(/^title: .*$/m, 'title: Taken over'));
      const r = runCli(['build'], { cwd: proj });
      expect(r.code, name).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`data/deals/${name}:2:5: deal id "${DEAL}" is also claimed by data/deals/${DEAL}\\.md; neither is built`));
      expect(r.stderr).toMatch(new RegExp(`data/deals/${DEAL}\\.md:2:5: deal id "${DEAL}" is also claimed by data/deals/${name}`));
      for (const [f, h] of Object.entries(before)) expect(sha(readFileSync(join(proj, 'out', DEAL, f))), f).toBe(h);
      if (name.startsWith('zzz')) {
        const v = runCli(['validate'], { cwd: proj });
        expect(v.code).toBe(1);
        expect(v.stderr.match(/is also claimed by/g)).toHaveLength(2);
      }
      rmSync(join(deals, name));
    }
    // The clash resolved, nothing was lost and nothing needs rebuilding.
    const r = runCli(['build'], { cwd: proj });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing to do/);
  });

  it('a renamed id that collides keeps both deals’ documents (a.md says id: b, b.md exists)', () => {
    const proj = builtCopy();
    const deals = join(proj, 'data/deals');
    const text = readFileSync(join(deals, `${DEAL}.md`), 'utf8');
    writeFileSync(join(deals, 'b.md'), text.replace(`id: ${DEAL}`, 'id: b'));
    expect(runCli(['build'], { cwd: proj }).code).toBe(0);
    const bPdf = sha(readFileSync(join(proj, 'out/b/proposal.pdf')));
    const aPdf = sha(readFileSync(join(proj, 'out', DEAL, 'proposal.pdf')));
    writeFileSync(join(deals, `${DEAL}.md`), text.replace(`id: ${DEAL}`, 'id: b').replace(/^title: .*$/m, 'title: Hijack'));
    const r = runCli(['build'], { cwd: proj });
    expect(r.code).toBe(1);
    expect(r.stderr.match(/deal id "b" is also claimed by/g)).toHaveLength(2);
    expect(sha(readFileSync(join(proj, 'out/b/proposal.pdf')))).toBe(bPdf);
    expect(sha(readFileSync(join(proj, 'out', DEAL, 'proposal.pdf')))).toBe(aPdf);
  });
});

describe('filesystem errors are one-line diagnostics', () => {
  it('a file where an output folder should be: the path and the problem, exit 1, no stack trace, no temporary files, lock released', () => {
    const proj = builtCopy();
    rmSync(join(proj, 'out', DEAL), { recursive: true });
    writeFileSync(join(proj, 'out', DEAL), 'not a folder');
    const r = runCli(['build', '--json'], { cwd: proj });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { failed: string[]; diagnostics: { file: string; message: string }[] };
    expect(json.failed.sort()).toEqual([`${DEAL}/proposal`, `${DEAL}/swot-brief`]);
    expect(json.diagnostics.map((d) => `${d.file}: ${d.message}`)).toContain(`out/${DEAL}: is a file where dealdoc needs a folder`);
    noStack(r.stderr + r.stdout);
    expect(readFileSync(join(proj, 'out', DEAL), 'utf8')).toBe('not a folder');
    expect(existsSync(join(proj, 'out/.dealdoc/tmp')) ? readdirSync(join(proj, 'out/.dealdoc/tmp')) : []).toEqual([]);
    expect(existsSync(join(proj, 'out/.dealdoc/lock'))).toBe(false);
  });

  it('an unreadable deal file (a folder named like one) is its own diagnostic; the other deals still plan', () => {
    const proj = builtCopy();
    mkdirSync(join(proj, 'data/deals/broken.md'));
    const r = runCli(['build'], { cwd: proj });
    expect(r.code).toBe(1);
    const errors = (t: string) => t.split('\n').filter((l) => l && !l.includes(': warning: ')).join('\n');
    expect(errors(r.stderr)).toBe('data/deals/broken.md: cannot read: a folder is where a file should be (EISDIR)');
    expect(r.stdout).toMatch(/nothing written|up to date/);
    const v = runCli(['validate'], { cwd: proj });
    expect(v.code).toBe(1);
    expect(errors(v.stderr)).toBe('data/deals/broken.md: cannot read: a folder is where a file should be (EISDIR)');
    expect(v.stdout).toMatch(/invalid input \(1 error/);
  });

  it('a file in place of out/.dealdoc or of the out folder itself', () => {
    const proj = builtCopy();
    rmSync(join(proj, 'out/.dealdoc'), { recursive: true });
    writeFileSync(join(proj, 'out/.dealdoc'), 'x');
    const r = runCli(['build'], { cwd: proj });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('out/.dealdoc: is a file where dealdoc needs a folder');
    // Through the API path (no CLI check): --out names a file inside a file.
    const r2 = runCli(['build', '--out', 'out/.dealdoc/sub'], { cwd: proj });
    expect(r2.code).toBe(1);
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
    expect(r2.stderr).toMatch(/^out\/\.dealdoc(\/sub)?: .*\((ENOTDIR|EEXIST)\)/);
    noStack(r.stderr + r2.stderr);
  });
});

describe('check and --jobs', () => {
  it('check finds an output edited in place with the same size and mtime', () => {
    const proj = builtCopy();
    expect(runCli(['check'], { cwd: proj }).code).toBe(0);
    const file = join(proj, 'out', DEAL, 'proposal.docx');
    const recorded = manifestOf(proj).jobs[`${DEAL}/proposal`].outputs[`${DEAL}/proposal.docx`];
    const bytes = readFileSync(file);
    bytes[bytes.length - 30] ^= 0xff;
    writeFileSync(file, bytes);
    // Same size, and the mtime the manifest recorded (whole milliseconds).
    utimesSync(file, recorded.mtimeMs / 1000, recorded.mtimeMs / 1000);
    expect(Math.round(statSync(file).mtimeMs)).toBe(recorded.mtimeMs);
    expect(statSync(file).size).toBe(recorded.size);
    const r = runCli(['check'], { cwd: proj });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`stale ${DEAL}/proposal: ${DEAL}/proposal\\.docx modified since it was built`));
  });

  it('--jobs beyond 2 per core (16 at most) is clamped with a warning', () => {
    const proj = builtCopy();
    const r = runCli(['build', '--jobs', '300'], { cwd: proj });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: --jobs 300 is more than this machine can use; using \d+ \(2 per core, 16 at most\)$/m);
  });
});

describe('workers', () => {
  it('workers that run out of memory become one diagnostic per job; the build ends, exits 1 and releases the lock', () => {
    const proj = copyProject();
    rmSync(join(proj, 'data/receivables'), { recursive: true });
    // Three deals: six jobs, enough for the worker pool; a heap cap no worker can start under.
    const r = runCli(['build', '--jobs', '2'], { cwd: proj, env: { DEALDOC_WORKER_HEAP_MB: '16' } });
    expect(r.code).toBe(1);
    noStack(r.stderr);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const l of lines) expect(l).toMatch(/^data\/deals\/[\w-]+\.(md|json): could not render [\w-]+\/(proposal|swot-brief): the worker ran out of memory \(heap cap 16 MB; set DEALDOC_WORKER_HEAP_MB to raise it\)$/);
    expect(existsSync(join(proj, 'out/.dealdoc/lock'))).toBe(false);
  });
});

describe('temporary files', () => {
  it('leftovers in out/.dealdoc/tmp are swept by the next build', () => {
    const proj = builtCopy();
    mkdirSync(join(proj, 'out/.dealdoc/tmp'), { recursive: true });
    writeFileSync(join(proj, 'out/.dealdoc/tmp/abc.tmp'), 'half');
    expect(runCli(['build'], { cwd: proj }).code).toBe(0);
    expect(existsSync(join(proj, 'out/.dealdoc/tmp/abc.tmp'))).toBe(false);
  });
});
