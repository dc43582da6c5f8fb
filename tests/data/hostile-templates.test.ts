/** A broken user override template is blamed on the template file and its line — not on the deal. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeJob } from '../../src/pipeline/jobs.js';
import { createTemplateStore, TemplateError } from '../../src/compose/templates.js';
import { ROOT } from '../helpers/cli.js';

function overrideDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-tpl-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function renderError(files: Record<string, string>): TemplateError {
  const store = createTemplateStore(overrideDir(files));
  try {
    store.render('proposal', 'zh-CN', { title: 'x' });
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error('no error');
}

describe('template errors name the template file and line', () => {
  it('a syntax error: the line Handlebars reports', () => {
    const e = renderError({ 'proposal.md.hbs': '# {{title}}\n\ntext\n{{#if title}}\nunclosed\n' });
    expect(e.file).toMatch(/proposal\.md\.hbs$/);
    expect(e.line).toBe(6);
    expect(e.reason).toMatch(/^Handlebars syntax error: Expecting/);
  });

  it('a missing helper: found in the source', () => {
    const e = renderError({ 'proposal.md.hbs': '# {{title}}\n\n  {{nosuchhelper title}}\n' });
    expect([e.line, e.column, e.reason]).toEqual([3, 3, 'Missing helper: "nosuchhelper"']);
  });

  it('a missing partial, and an error inside a partial, name the right file', () => {
    expect(renderError({ 'proposal.md.hbs': 'a\nb\n{{> nowhere}}\n' })).toMatchObject({ line: 3, reason: 'The partial nowhere could not be found' });
    const inPartial = renderError({ 'proposal.md.hbs': 'a\n{{> block}}\n', 'partials/block.hbs': 'x\ny\n{{helperless title}}\n' });
    expect(inPartial.file).toMatch(/partials\/block\.hbs$/);
    expect(inPartial.line).toBe(3);
    const badPartial = renderError({ 'proposal.md.hbs': 'a\n', 'partials/broken.hbs': '{{#each x}}\n' });
    expect(badPartial.file).toMatch(/partials\/broken\.hbs$/);
  });

  it('a build reports it as template-file:line:col, not as the deal file', async () => {
    const proj = mkdtempSync(join(tmpdir(), 'dealdoc-tplproj-'));
    const config = readFileSync(join(ROOT, 'dealdoc.config.yaml'), 'utf8').replace(/^# templates:.*$/m, 'templates: tpl');
    writeFileSync(join(proj, 'dealdoc.config.yaml'), config);
    mkdirSync(join(proj, 'tpl'));
    writeFileSync(join(proj, 'tpl/proposal.md.hbs'), '{{slot "cover"}}\n\n# {{title}}\n\n{{money quote.total "extra" }}{{#each problems}}\n');
    const r = await executeJob(
      { id: 'huaxin-aoi-2026/proposal', kind: 'deal', doc: 'proposal', dealId: 'huaxin-aoi-2026', file: join(ROOT, 'data/deals/huaxin-aoi-2026.md'), displayPath: 'data/deals/huaxin-aoi-2026.md', formats: ['pdf'] },
      { dataDir: join(ROOT, 'data'), outDir: join(proj, 'out'), configPath: join(proj, 'dealdoc.config.yaml'), formats: ['pdf'] },
    );
    expect(r.ok).toBe(false);
    expect(r.outputs).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0];
    expect(d.file).toBe(join(proj, 'tpl/proposal.md.hbs'));
    expect(d.line).toBe(6);
    expect(d.rule).toBe('template');
    expect(d.message).toMatch(/Handlebars syntax error: .*\(while rendering huaxin-aoi-2026\/proposal\)$/);
  });
});
