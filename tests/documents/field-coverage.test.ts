/**
 * Every field of the deal schema reaches a reader: the test walks the JSON Schema of deal files
 * (the same zod schema that validates them), plants a unique marker in every text field, gives
 * every other field a value whose print it can recognise, builds the brief and the proposal to
 * PDF and proves each field shows in one of them — or lists it below as not printed, with why.
 * A field added to the schema fails this test until it is printed or listed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import { dealSchema } from '../../src/data/deal-schema.js';
import { readDeal } from '../../src/data/deals/read.js';
import { planProposal } from '../../src/documents/proposal/index.js';
import { planSwotBrief } from '../../src/documents/swot-brief/index.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { briefContext } from '../swot-brief/fixture.js';
import { need } from '../helpers/prereqs.js';

// These tests read the PDFs with poppler's pdftotext: without it, fail here with the package to install.
need('poppler');

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: string[];
  minLength?: number;
  pattern?: string;
}

/** Fields that are not text, with the value the test gives them and what a reader then sees. */
const VALUES: Record<string, { value: unknown; shows?: string }> = {
  locale: { value: 'zh-CN', shows: '销售简报' },
  date: { value: '2026-11-20', shows: '2026年11月20日' },
  'contacts[].role': { value: 'designer', shows: '设计者' },
  'contacts[].guide': { value: 'true', shows: '是我们在客户内部的向导' },
  'contacts[].style': { value: 'owl', shows: '猫头鹰型' },
  'contacts[].influence': { value: 'high', shows: '高' },
  'contacts[].attitude': { value: 'supporter', shows: '支持' },
  'contacts[].personal.age': { value: '47', shows: '年龄：47' },
  'competitors[].comparison[].advantage': { value: 'us', shows: '我方领先' },
  'next_steps[].date': { value: '2026-12-03', shows: '2026年12月3日' },
  stage: { value: 'evaluation', shows: '当前阶段评估比较' },
  'quote.currency': { value: 'CNY', shows: 'CNY' },
  'quote.tax_rate': { value: '0.13', shows: '增值税（13%）' },
  'quote.items[].qty': { value: '7', shows: '7台' },
  'quote.items[].unit_price': { value: '1234.5', shows: '1,234.50' },
  'quote.items[].discount': { value: '0.035', shows: '3.5%' },
  'quote.valid_until': { value: '2026-12-24', shows: '2026年12月24日' },
  'actions[].due': { value: '2026-12-05', shows: '2026-12-05' },
  'actions[].done': { value: 'true', shows: '已完成' },
  'quote.items[].unit': { value: '台', shows: '台' },
};

/** Fields no document prints, and why that is right. */
const NOT_PRINTED: Record<string, string> = {
  id: 'names the output folder (out/<id>/), not printed',
  'needs.problems[].criteria[].key': 'a lookup key into the catalogue: what it finds is printed (tests/documents/method-examples.test.ts)',
  'competitors[].strengths[].criterion': 'ties the point to a named criterion (its text or key): the derived threat is printed (tests/swot-brief/method.test.ts)',
  'competitors[].weaknesses[].criterion': 'ties the point to a named criterion: the derived opportunity is printed (tests/swot-brief/method.test.ts)',
  'proposal.final': 'switches the draft watermark off (tests/documents/method-examples.test.ts)',
  body: 'JSON deal files only: the narrative; checked here through its marker',
};

function leaves(s: JsonSchema, path: string, out: { path: string; schema: JsonSchema }[]): void {
  if (s.anyOf) {
    // Unions (text | object): the object variant has the most fields.
    const obj = s.anyOf.find((v) => v.type === 'object') ?? s.anyOf[0];
    return leaves(obj, path, out);
  }
  if (s.type === 'object' && s.properties) {
    for (const [k, v] of Object.entries(s.properties)) leaves(v, path ? `${path}.${k}` : k, out);
    return;
  }
  if (s.type === 'array' && s.items) return leaves(s.items, `${path}[]`, out);
  out.push({ path, schema: s });
}

const isText = (s: JsonSchema) => s.type === 'string' && s.minLength === 1 && !s.enum && !s.pattern;

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  parts.forEach((raw, i) => {
    const isArray = raw.endsWith('[]');
    const key = isArray ? raw.slice(0, -2) : raw;
    const last = i === parts.length - 1;
    if (isArray) {
      const arr = ((node[key] as unknown[]) ??= [last ? value : {}]);
      if (last) arr[0] = value;
      node = arr[0] as Record<string, unknown>;
    } else if (last) node[key] = value;
    else node = ((node[key] as Record<string, unknown>) ??= {});
  });
}

describe('every field of the deal schema reaches a document', async () => {
  const schema = z.toJSONSchema(dealSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  const all: { path: string; schema: JsonSchema }[] = [];
  leaves(schema, '', all);
  const markers = new Map<string, string>();
  const data: Record<string, unknown> = {};
  all.forEach(({ path, schema: s }, i) => {
    if (path in VALUES) setPath(data, path, VALUES[path].value);
    else if (isText(s) || path === 'body') {
      const m = `Mk${i}q`;
      markers.set(path, m);
      setPath(data, path, path === 'body' ? `## ${m}\n\nText.` : m);
    } else if (path === 'id') setPath(data, path, 'coverage');
    else if (path === 'proposal.final') setPath(data, path, 'false');
  });
  // The criterion a competitor's point is tagged with names the first criterion, so the point is used.
  const crit = markers.get('needs.problems[].criteria[].criterion')!;
  setPath(data, 'competitors[].strengths[].criterion', crit);
  setPath(data, 'competitors[].weaknesses[].criterion', crit);
  setPath(data, 'needs.problems[].criteria[].key', 'false_call_rate');
  // The products of a need name the quote's SKU.
  setPath(data, 'needs.problems[].products[]', markers.get('quote.items[].sku'));
  markers.set('needs.problems[].products[]', markers.get('quote.items[].sku')!);

  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-coverage-'));
  const file = join(dir, 'coverage.json');
  writeFileSync(file, JSON.stringify(data, null, 2));
  const read = await readDeal(file, 'coverage.json', { defaultLocale: 'zh-CN' });
  it('the generated deal is valid', () => expect(read.diagnostics.map((d) => d.format())).toEqual([]));
  const deal = read.deal!;
  const ctx = briefContext({ date: '2026-11-20' as never });
  const templates = createTemplateStore();
  const { parseNarrative } = await import('../../src/compose/index.js');
  const plans = [planSwotBrief(deal, ctx), planProposal(deal, { ...ctx, narrative: parseNarrative(deal.body) })];
  const texts: string[] = [];
  for (const [i, plan] of plans.entries()) {
    const pdf = await renderPdf(compose(plan, templates), plan.meta, { assetRoots: [] });
    const f = join(dir, `${i}.pdf`);
    writeFileSync(f, pdf);
    texts.push(execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
  }
  const text = texts.join('\n');

  it('walks the whole schema (nested lists and unions included)', () => {
    expect(all.length).toBeGreaterThan(90);
    for (const p of ['contacts[].personal.hobbies[]', 'competitors[].comparison[].them', 'needs.problems[].criteria[].response', 'quote.items[].description', 'proposal.benefit', 'internal_notes'])
      expect(all.map((l) => l.path)).toContain(p);
  });
  it('every field is printed in the brief or the proposal, or listed as not printed with a reason', () => {
    const missing: string[] = [];
    for (const { path } of all) {
      if (path in NOT_PRINTED && path !== 'body') continue;
      const m = markers.get(path);
      const shows = m ?? VALUES[path]?.shows;
      if (shows === undefined) missing.push(`${path}: no value planted`);
      else if (!text.includes(shows.replace(/\s+/g, ''))) missing.push(`${path}: "${shows}" not found`);
    }
    expect(missing).toEqual([]);
  });
  it('lists only real fields as not printed', () => {
    for (const p of Object.keys(NOT_PRINTED)) expect(all.map((l) => l.path)).toContain(p);
  });
  it('keeps internal fields out of the proposal', () => {
    for (const p of ['internal_notes', 'contacts[].personal.notes', 'competitors[].tactics', 'qualification.budget', 'swot.threats[]', 'actions[].action'])
      expect(texts[1]).not.toContain(markers.get(p)!);
  });
});
