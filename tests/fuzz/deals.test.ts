/**
 * Fuzzing deal files (front matter + body) in-process: read → validate → plan → compose, and a
 * small sample through both writers. No input may throw, hang, overflow the stack or print a
 * stack trace: it becomes a Deal or one or more positioned diagnostics.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dealDocument, planDealDocument } from '../../src/pipeline/deal-documents.js';
import { contextFor } from '../../src/pipeline/jobs.js';
import { composePlan, renderTree } from '../../src/pipeline/render.js';
import { readDealBytes } from '../../src/data/deals/read.js';
import type { Deal } from '../../src/data/deal-schema.js';
import { ROOT } from '../helpers/cli.js';
import { counter, expectDiagnostic, NASTY, params, PER_INPUT_MS } from './helpers.js';
import { markdownArb } from './markdown-arb.js';

const options = { dataDir: join(ROOT, 'data'), outDir: join(ROOT, '.tmp/fuzz-out'), configPath: join(ROOT, 'dealdoc.config.yaml'), formats: ['pdf' as const, 'docx' as const] };
const FILE = 'data/deals/fuzz.md';

/** Mostly valid (so many inputs get through to compose), sometimes anything. */
const value = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('值', 'Value', '3D AOI', '检出率 ≥ 99.5%', 'A | B *Co* <b>', '**粗体** [链接](http://x.com)', 'a\\b `c`') },
  { weight: 10, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== '') },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);
const num = fc.oneof(
  { weight: 20, arbitrary: fc.stringMatching(/^\d{1,9}(\.\d{1,4})?$/).filter((t) => Number(t) > 0) },
  { weight: 1, arbitrary: fc.constantFrom('0', '-2', '1e5', '1_000', '99999999999999999', '', 'x', '１２') },
);
const rate = fc.oneof({ weight: 20, arbitrary: fc.constantFrom('0', '0.13', '0.06', '1') }, { weight: 1, arbitrary: num });
const q = (s: string) => JSON.stringify(s);

/** A deal whose structure is right and whose values are anything. */
const structured = fc
  .record({
    title: value,
    rep: value,
    customer: value,
    goal: value,
    problem: value,
    solution: value,
    criteria: fc.array(value, { maxLength: 3 }),
    stage: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('evaluation', 'commitment') }, { weight: 1, arbitrary: fc.constantFrom('closing', '') }),
    qty: num,
    price: num,
    tax: rate,
    discount: fc.option(rate),
    notes: value,
    swot: fc.array(value, { maxLength: 3 }),
    contact: value,
    date: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('2026-11-20', '2025-01-31') }, { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '1900-01-01', 'tomorrow', '') }),
    body: markdownArb,
  })
  .map(
    (v) => `---
title: ${q(v.title)}
rep: { name: ${q(v.rep)} }
customer: { name: ${q(v.customer)} }
contacts: [{ name: ${q(v.contact)}, personal: { family: ${q(v.notes)} } }]
needs:
  goal: ${q(v.goal)}
  problems:
    - problem: ${q(v.problem)}
      solution: ${q(v.solution)}
      criteria: [${v.criteria.map(q).join(', ')}]
stage: ${v.stage}
date: ${v.date}
quote:
  tax_rate: ${q(v.tax)}
  items:
    - { name: 设备, qty: ${q(v.qty)}, unit_price: ${q(v.price)}${v.discount === null ? '' : `, discount: ${q(v.discount)}`} }
swot: { strengths: [${v.swot.map(q).join(', ')}] }
internal_notes: ${q(v.notes)}
---
${v.body}`,
  );

/** The same, then lines inserted, deleted or cut anywhere (front matter included). */
const mangled = fc
  .tuple(
    structured,
    fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 30 }), fc.tuple(fc.constantFrom('[', '{', '  a:', '- ', '&x [', '*x, '), fc.integer({ min: 1, max: 200 })).map(([s, n]) => s.repeat(n)))), { maxLength: 4 }),
    fc.option(fc.nat()),
  )
  .map(([text, inserts, cut]) => {
    const lines = text.split('\n');
    for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line);
    const joined = lines.join('\n');
    return cut === null ? joined : joined.slice(0, cut % (joined.length + 1));
  });

const jsonDeal = fc.tuple(structured, fc.boolean()).map(([md, raw]) => {
  const [, fm, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(md) ?? [];
  return raw ? md.replace(/^---\n/, '{') : JSON.stringify({ _fm: fm, body });
});

let valid = 0;
let sampled = 0;
afterAll(() => {
  process.stdout.write(`fuzz deals: ${counter.inputs} inputs, ${valid} valid deals composed, ${sampled} rendered to PDF+DOCX\n`);
});

async function check(text: string, ext: '.md' | '.json', render = false): Promise<Deal | undefined> {
  counter.inputs++;
  const started = performance.now();
  const file = FILE.replace('.md', ext);
  const r = await readDealBytes(`fuzz${ext}`, file, { defaultLocale: 'zh-CN', checkGlyphs: render }, Buffer.from(text));
  if (!r.deal) {
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) expectDiagnostic(d, file);
  } else {
    valid++;
    expect(r.diagnostics).toEqual([]);
    const ctx = contextFor(options);
    const planned = await planDealDocument(dealDocument('proposal'), r.deal, ctx);
    for (const d of planned.diagnostics) expectDiagnostic(d, file);
    const brief = await planDealDocument(dealDocument('swot-brief'), r.deal, ctx);
    // Composing (template → Markdown → tree) costs ~10 ms: every 6th valid deal, and every rendered one.
    if (valid % 6 === 1 || render) {
      const tree = composePlan(planned.plan, ctx);
      expect(tree.type).toBe('root');
      composePlan(brief.plan, ctx);
      if (render) {
        for (const format of ['pdf', 'docx'] as const) expect((await renderTree(tree, planned.plan, format, ctx)).length).toBeGreaterThan(1000);
        sampled++;
      }
    }
  }
  expect(performance.now() - started).toBeLessThan(PER_INPUT_MS * (render ? 5 : 1));
  return r.deal;
}

describe('fuzzing deal files', () => {
  it('structured deals with any values: a deal or diagnostics (1,000 inputs)', async () => {
    await fc.assert(fc.asyncProperty(structured, (t) => check(t, '.md').then(() => undefined)), params(1000));
  });

  it('mangled deal files (lines inserted, cut anywhere): diagnostics, never a crash (2,200 inputs)', async () => {
    await fc.assert(fc.asyncProperty(mangled, (t) => check(t, '.md').then(() => undefined)), params(2200));
  });

  it('JSON deal files (300 inputs)', async () => {
    await fc.assert(fc.asyncProperty(jsonDeal, (t) => check(t, '.json').then(() => undefined)), params(300));
  });

  it('a sample of valid generated deals renders through both writers', async () => {
    const samples = fc.sample(structured.filter((t) => !/closing|2026-02-30|1900|tomorrow/.test(t)), { numRuns: 60, seed: 7 });
    for (const text of samples) {
      if (sampled >= 4) break;
      await check(text, '.md', true);
    }
    expect(sampled).toBeGreaterThan(0);
  }, 60_000);
});
