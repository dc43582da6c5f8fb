/**
 * dealdoc's own templates ship precompiled (shippableTemplates → scripts/bundle.mjs →
 * dist/bundle/templates.json): a fresh process then skips Handlebars' compiler. A precompiled
 * template must render exactly what compiling it renders, and must never stand in for a file
 * that differs from the one it was made from.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTemplateStore, precompiledSpec, type PrecompiledTemplates } from '../../src/compose/templates.js';
import { createContext } from '../../src/pipeline/context.js';
import { dealDocument, planDealDocument } from '../../src/pipeline/deal-documents.js';
import { readDeal } from '../../src/data/deals/read.js';
import { ROOT } from '../helpers/cli.js';

const Handlebars = createRequire(import.meta.url)('handlebars') as typeof import('handlebars');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function tableFor(rel: string, source: string, made = source): PrecompiledTemplates {
  return { handlebars: Handlebars.VERSION, files: { [rel]: { sha256: sha(made), spec: Handlebars.precompile(made, { preventIndent: true }) as unknown as string } } };
}

/** The view of an example proposal, as the build renders it. */
async function exampleView() {
  const created = createContext({ dataDir: join(ROOT, 'data'), outDir: join(ROOT, '.tmp/precompiled-out'), formats: ['pdf'] });
  const ctx = created.ctx!;
  const read = await readDeal(join(ROOT, 'data/deals/huaxin-aoi-2026.md'), 'huaxin', { defaultLocale: ctx.config.locale, fonts: ctx.fonts });
  const planned = await planDealDocument(dealDocument('proposal'), read.deal!, ctx);
  return planned.plan;
}

describe('precompiled templates', () => {
  it('are used only for the exact source and Handlebars version they were made from', () => {
    const source = 'Hello {{name}}\n';
    expect(precompiledSpec(tableFor('t.md.hbs', source), Handlebars.VERSION, 't.md.hbs', source)).toBeDefined();
    expect(precompiledSpec(tableFor('t.md.hbs', source), Handlebars.VERSION, 't.md.hbs', 'Hello {{name}}!\n')).toBeUndefined();
    expect(precompiledSpec(tableFor('t.md.hbs', source), '0.0.0', 't.md.hbs', source)).toBeUndefined();
    expect(precompiledSpec(tableFor('t.md.hbs', source), Handlebars.VERSION, 'other.md.hbs', source)).toBeUndefined();
    expect(precompiledSpec(tableFor('t.md.hbs', source), Handlebars.VERSION, '__proto__', source)).toBeUndefined();
    expect(precompiledSpec(null, Handlebars.VERSION, 't.md.hbs', source)).toBeUndefined();
  });

  it('render what compiling renders (the shipped proposal, brief and report templates)', async () => {
    const build = JSON.parse(readFileSync(join(ROOT, 'dist/build-id.json'), 'utf8')) as { code: string };
    const file = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/templates.json'), 'utf8')) as { code: string; data: PrecompiledTemplates };
    expect(file.code).toBe(build.code);
    const shipped = file.data;
    expect(Object.keys(shipped.files).sort()).toEqual(['proposal.md.hbs', 'provision-report.md.hbs', 'swot-brief.md.hbs']);
    for (const [rel, entry] of Object.entries(shipped.files)) expect(entry.sha256, rel).toBe(sha(readFileSync(join(ROOT, 'templates', rel), 'utf8')));
    const plan = await exampleView();
    // dist/ (what the CLI runs) takes the shipped spec; src/ has no JSON beside it and compiles.
    const dist = (await import(join(ROOT, 'dist/compose/templates.js'))) as typeof import('../../src/compose/templates.js');
    const fromDist = dist.createTemplateStore();
    const fromSrc = createTemplateStore();
    const a = fromDist.render(plan.template, plan.locale, plan.view);
    const b = fromSrc.render(plan.template, plan.locale, plan.view);
    expect(fromDist.origin(plan.template, plan.locale)).toBe('precompiled');
    expect(fromSrc.origin(plan.template, plan.locale)).toBe('compiled');
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toBe(b);
  });
});
