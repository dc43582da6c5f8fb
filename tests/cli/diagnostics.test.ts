/**
 * What a rep typing with a Chinese input method sees from `dealdoc validate`: the slip named
 * with its fix (full-width colon, full-width indent, enum typo), in English or Chinese, as JSON,
 * or as GitHub annotations; every error of a file in one pass.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject, runCli } from '../helpers/cli.js';

let proj: string;
const deal = (name: string) => join(proj, 'data/deals', name);

beforeAll(() => {
  proj = copyProject();
  const base = readFileSync(deal('qichen-burnin-2027.md'), 'utf8');
  // A full-width colon after a field name (line of "title"), and an enum typo further down.
  writeFileSync(deal('fw-colon.md'), base.replace(/^title: /m, 'title：').replace(/^stage: \w+/m, 'stage: evalution'));
  // Full-width spaces as indentation under rep:.
  writeFileSync(deal('fw-indent.md'), base.replace(/^rep:\n {2}name: /m, 'rep:\n\u3000\u3000name: '));
  // An enum typo, an unknown field close to a real one, and a character the font lacks — all at once.
  writeFileSync(
    deal('typos.md'),
    base
      .replace(/^stage: \w+/m, 'stage: evalution')
      .replace(/^title: (.*)$/m, 'title: $1 \ue000\nsubtitel: x'),
  );
});

const lineOf = (file: string, re: RegExp) => readFileSync(deal(file), 'utf8').split('\n').findIndex((l) => re.test(l)) + 1;

describe('validate: diagnostics for people', () => {
  it('names the full-width colon, the full-width indent and the enum typo with their fixes, every error in one pass', () => {
    const r = runCli(['validate'], { cwd: proj });
    expect(r.code).toBe(1);
    const err = r.stderr;
    expect(err).toContain(`data/deals/fw-colon.md:${lineOf('fw-colon.md', /^title：/)}:6: full-width colon "：" after "title": type an ASCII colon and a space ("title: …")`);
    expect(err).not.toMatch(/fw-colon\.md.*Implicit keys/);
    // The slip does not hide the file's other errors: the enum typo below it comes in the same pass.
    expect(err).toMatch(/fw-colon\.md:\d+:\d+: expected one of .* got "evalution" — did you mean "evaluation"\? \(stage\)/);
    expect(err).toContain(`data/deals/fw-indent.md:${lineOf('fw-indent.md', /^\u3000/)}:1: full-width space (U+3000`);
    expect(err).toMatch(/fw-indent\.md:\d+:1: .*indent with ordinary spaces/);
    expect(err.match(/fw-indent\.md/g)).toHaveLength(1);
    expect(err).toMatch(/typos\.md:\d+:\d+: expected one of .* got "evalution" — did you mean "evaluation"\? \(stage\)/);
    expect(err).toMatch(/typos\.md:\d+:\d+: unknown field "subtitel" — did you mean "subtitle"\?/);
    // the glyph check runs in the same pass as the schema errors
    expect(err).toMatch(/typos\.md:\d+:\d+: character "\ue000" \(U\+E000.*\) cannot be printed.*\(title\)/);
  });

  it('speaks Chinese with --lang zh', () => {
    const r = runCli(['validate', '--lang', 'zh'], { cwd: proj });
    expect(r.stderr).toMatch(/fw-colon\.md:\d+:6: "title" 后面是全角冒号"："：请改成半角冒号加一个空格/);
    expect(r.stderr).toMatch(/fw-indent\.md:\d+:1: 用全角空格/);
    expect(r.stderr).toMatch(/typos\.md:\d+:\d+: 应为以下之一：.*——是不是想写 "evaluation"？ \(stage\)/);
    expect(r.stderr).toMatch(/字符 "\ue000" \(U\+E000.*\) 无法打印/);
    expect(r.stdout).toMatch(/输入有误/);
    // the config's locale (zh-CN) is the default when LANG names no language
    expect(runCli(['validate'], { cwd: proj, env: { LANG: 'C.UTF-8' } }).stderr).toMatch(/全角冒号/);
    expect(runCli(['validate', '--lang', 'fr'], { cwd: proj }).code).toBe(2);
  });

  it('validate --json prints one JSON document with positions', () => {
    const r = runCli(['validate', '--json'], { cwd: proj });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ schemaVersion: 1, command: 'validate', ok: false, deals: 4 });
    expect(out.errors).toBe(out.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length);
    expect(out.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'data/deals/fw-colon.md', line: lineOf('fw-colon.md', /^title：/), column: 6, rule: 'full-width-colon', severity: 'error' }),
    );
  });

  it('--reporter github prints ::error annotations with file, line and column', () => {
    const r = runCli(['validate', '--reporter', 'github'], { cwd: proj });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(lines).toContain(
      `::error file=data/deals/fw-colon.md,line=${lineOf('fw-colon.md', /^title：/)},col=6,title=dealdoc full-width-colon::full-width colon "：" after "title": type an ASCII colon and a space ("title: …")`,
    );
    // warnings become ::warning, and a comma in a value is escaped only where GitHub needs it
    expect(lines.every((l) => /^::(error|warning) file=[^,]+(,line=\d+)?(,col=\d+)?,title=[^:]+::.+/.test(l))).toBe(true);
    expect(r.stderr).toBe('');
  });
});

describe('check and build: machine-readable, usage errors', () => {
  it('check --json and build --json share one schema; --only with an unknown id is a usage error', () => {
    const clean = copyProject();
    const c = runCli(['check', '--json', '--only', 'qichen-burnin-2027'], { cwd: clean });
    expect(c.code).toBe(1);
    const out = JSON.parse(c.stdout);
    expect(out).toMatchObject({ schemaVersion: 1, command: 'check', ok: false, errors: 0 });
    expect(out.stale.map((s: { id: string }) => s.id).sort()).toEqual(['qichen-burnin-2027/proposal', 'qichen-burnin-2027/swot-brief']);

    for (const cmd of ['build', 'check']) {
      const r = runCli([cmd, '--only', 'nosuch-deal'], { cwd: clean });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--only: no deal with id "nosuch-deal" \(deals: .*qichen-burnin-2027/);
      expect(r.stdout).not.toMatch(/up to date/);
    }
  });

  it('build without a config file is an error unless --allow-default-company', () => {
    const bare = copyProject();
    rmSync(join(bare, 'dealdoc.config.yaml'));
    const r = runCli(['build', '--only', 'qichen-burnin-2027', '--format', 'pdf'], { cwd: bare });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no dealdoc\.config\.yaml.*dealdoc init.*--allow-default-company/);
    const ok = runCli(['build', '--only', 'qichen-burnin-2027', '--format', 'pdf', '--allow-default-company', '--json'], { cwd: bare });
    expect(JSON.parse(ok.stdout).built).toHaveLength(2);
  });
});
