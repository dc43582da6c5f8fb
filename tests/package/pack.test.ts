/**
 * The packed package, as a user gets it: `npm pack`, then the tarball unpacked as
 * node_modules/dealdoc of an empty project whose other node_modules are symlinks to this
 * repository's *production* dependencies only (an offline `npm install <tgz>` needs registry
 * metadata the npm cache does not hold; this checks the same things: the files shipped, the
 * exports map, the types, and that nothing needs a dev dependency at run time). Then the
 * examples are built through the CLI and through `import { build } from 'dealdoc'`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

let proj: string;
let files: string[];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'dealdoc-pack-'));
  // dist/ is fresh: the global setup rebuilt it if the sources changed (tests/global-setup.ts); skip prepare's rebuild.
  const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  files = packed[0].files.map((f) => f.path);
  proj = join(work, 'proj');
  const pkgDir = join(proj, 'node_modules/dealdoc');
  mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, packed[0].filename), '-C', pkgDir, '--strip-components=1']);

  const prod = execFileSync(npm, ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .map((p) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(p.slice(ROOT.length))?.[1])
    .filter((n): n is string => Boolean(n));
  for (const name of new Set([...prod, '@types/node', 'typescript'])) {
    const link = join(proj, 'node_modules', name);
    mkdirSync(join(link, '..'), { recursive: true });
    if (!existsSync(link)) symlinkSync(join(ROOT, 'node_modules', name), link, 'dir');
  }
  writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'embedder', version: '1.0.0', private: true, type: 'module', dependencies: { dealdoc: '0.1.0' } }));
  cpSync(join(ROOT, 'data'), join(proj, 'data'), { recursive: true });
  cpSync(join(ROOT, 'dealdoc.config.yaml'), join(proj, 'dealdoc.config.yaml'));
}, 120_000);

describe('the npm package', () => {
  it('ships the CLI, compiled code with types, templates and the CI workflow — no sources, tests or data', () => {
    for (const f of ['package.json', 'README.md', 'bin/dealdoc.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/build-id.json', 'templates/proposal.md.hbs', 'docs/ci-github-actions.yml']) expect(files, f).toContain(f);
    expect(files.filter((f) => /^(src|tests|data|bench|scripts)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    const pkg = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./node_modules/dealdoc/package.json"))'], { cwd: proj, encoding: 'utf8' }));
    expect(pkg.private).toBeUndefined();
    expect(pkg.exports['.'].types).toBe('./dist/index.d.ts');
  });

  it('builds the examples through the CLI of the installed package', () => {
    const r = spawnSync(process.execPath, [join(proj, 'node_modules/dealdoc/bin/dealdoc.js'), 'build', '--format', 'pdf', '--jobs', '1', '--json'], { cwd: proj, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ command: 'build', ok: true, errors: 0 });
    expect(summary.built.filter((p: string) => p.endsWith('proposal.pdf'))).toHaveLength(readdirSync(join(ROOT, 'data/deals')).length);
    expect(summary.built.some((p: string) => /receivables\/.*provision-report\.pdf$/.test(p))).toBe(true);
  });

  it('builds, validates and renders from code: import { build } from "dealdoc", with types', () => {
    writeFileSync(
      join(proj, 'embed.ts'),
      `import { build, validate, loadDeal, renderDocument, dealJsonSchema, type BuildSummary, type Deal } from 'dealdoc';
const v = await validate();
const summary: BuildSummary & { ok: boolean } = await build({ out: 'out-api', formats: ['docx'], only: ['qichen-burnin-2027'], jobs: 1 });
const read = await loadDeal('data/deals/huaxin-aoi-2026.md');
const deal: Deal | undefined = read.deal;
const pdf = await renderDocument('data/deals/penang-xray-2026.json', 'proposal', 'pdf');
console.log(JSON.stringify({ valid: v.ok, deals: v.deals.length, ok: summary.ok, built: summary.built, title: deal?.title, pdf: pdf.bytes?.subarray(0, 5).toString('latin1'), schema: Object.keys(dealJsonSchema().schema).includes('$id') }));
`,
    );
    writeFileSync(join(proj, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: ['node'] }, files: ['embed.ts'] }));
    // The shipped declarations type the embedding program (resolved through "exports").
    const tsc = spawnSync(process.execPath, [join(proj, 'node_modules/typescript/bin/tsc'), '-p', proj], { cwd: proj, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    // …and the same program runs (as plain JS: the types are erased).
    writeFileSync(join(proj, 'embed.mjs'), "import { build, validate, loadDeal, renderDocument, dealJsonSchema } from 'dealdoc';\n" + spawnSync(process.execPath, ['-e', "process.stdout.write(require('fs').readFileSync('embed.ts','utf8').split('\\n').slice(1).join('\\n').replace(/: BuildSummary & \\{ ok: boolean \\}|: Deal \\| undefined/g, ''))"], { cwd: proj, encoding: 'utf8' }).stdout);
    const run = spawnSync(process.execPath, ['embed.mjs'], { cwd: proj, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ valid: true, deals: 4, ok: true, title: expect.any(String), pdf: '%PDF-', schema: true });
    expect(out.built.map((p: string) => p.replace(/^out-api\//, '')).sort()).toEqual(['qichen-burnin-2027/proposal.docx', 'qichen-burnin-2027/swot-brief.docx']);
  });
});
