/**
 * Confidentiality, proven (issue 10): a unique marker is planted in EVERY internal field of a
 * deal, and the whole proposal is searched for them — PDF page text, the raw PDF bytes (info
 * dictionary, any XMP) and every inflated PDF stream, every part of the DOCX — with dealdoc's
 * template and with a user override template that asks for internal fields by name and dumps
 * the whole view. The SWOT brief, rendered from the same file, must contain the markers: that
 * proves the search would see them.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeJob } from '../../src/pipeline/jobs.js';
import type { BuildOptions } from '../../src/pipeline/context.js';
import { dealDocument, planDealDocument } from '../../src/pipeline/deal-documents.js';
import { contextFor } from '../../src/pipeline/jobs.js';
import { readDeal } from '../../src/data/deals/read.js';
import type { Deal } from '../../src/data/deal-schema.js';
import { PROPOSAL_VIEW_KEYS, proposalDeal } from '../../src/documents/proposal/index.js';
import { ROOT } from '../helpers/cli.js';
import { pdftotext } from '../helpers/extract.js';

/** Internal field → its marker (same length, so no marker is a prefix of another). */
const INTERNAL: Record<string, string> = {};
let n = 0;
const mark = (field: string): string => {
  const m = `LEAKQ${String(++n).padStart(2, '0')}Z`;
  INTERNAL[m] = field;
  return m;
};
const PUBLIC = 'PUBLICQ01Z';

const DEAL = `---
title: 建议书 ${PUBLIC}
rep: { name: 李明, title: 大客户经理, phone: "138 0000 0000", email: rep@example.com }
customer:
  id: C-1001
  name: 测试客户有限公司
  short_name: 测试客户
  industry: 电子制造
  scale: ${mark('customer.scale')}
  nature: ${mark('customer.nature')}
  address: ${mark('customer.address')}
  website: ${mark('customer.website')}
  situation: [${mark('customer.situation')}]
  organization:
    - { department: ${mark('customer.organization.department')}, duties: ${mark('customer.organization.duties')}, head: ${mark('customer.organization.head')} }
contacts:
  - name: ${mark('contacts.name')}
    title: ${mark('contacts.title')}
    department: ${mark('contacts.department')}
    role: decision_maker
    guide: true
    style: peacock
    influence: high
    attitude: opponent
    phone: ${mark('contacts.phone')}
    email: ${mark('contacts.email')}
    personal:
      age: 47
      family: ${mark('contacts.personal.family')}
      education: ${mark('contacts.personal.education')}
      hometown: ${mark('contacts.personal.hometown')}
      hobbies: [${mark('contacts.personal.hobbies')}]
      career: ${mark('contacts.personal.career')}
      notes: ${mark('contacts.personal.notes')}
    notes: ${mark('contacts.notes')}
competitors:
  - name: ${mark('competitors.name')}
    products: ${mark('competitors.products')}
    strengths: [${mark('competitors.strengths')}]
    weaknesses: [${mark('competitors.weaknesses')}]
    tactics: ${mark('competitors.tactics')}
    price: ${mark('competitors.price')}
    comparison:
      - { criterion: ${mark('competitors.comparison.criterion')}, us: ${mark('competitors.comparison.us')}, them: ${mark('competitors.comparison.them')}, advantage: us }
needs:
  goal: 提升良率 ${PUBLIC}
  problems:
    - problem: 漏检
      impact: 返修多
      solution: 3D AOI
      products: [A-1]
      criteria: [检出率 ≥ 99.5%]
why_us: [{ point: 本地服务, detail: 4 小时到场 }]
next_steps: [{ step: 现场演示, date: 2026-12-10, owner: 李明 }]
qualification:
  budget: ${mark('qualification.budget')}
  timeline: ${mark('qualification.timeline')}
  fit: ${mark('qualification.fit')}
  cost_risk: ${mark('qualification.cost_risk')}
  path_to_order: ${mark('qualification.path_to_order')}
stage: evaluation
quote:
  tax_rate: 0.13
  items:
    - { sku: A-1, name: 设备, qty: 2, unit: 台, unit_price: 1000.00 }
swot:
  strengths: [${mark('swot.strengths')}]
  weaknesses: [${mark('swot.weaknesses')}]
  opportunities: [${mark('swot.opportunities')}]
  threats: [${mark('swot.threats')}]
actions:
  - { action: ${mark('actions.action')}, owner: ${mark('actions.owner')}, addresses: ${mark('actions.addresses')}, due: 2026-12-01 }
internal_notes: ${mark('internal_notes')}
date: 2026-11-20
---
## 背景

正文 ${PUBLIC}。
`;

/** Asks for internal fields by every path a template author might try, then dumps the view. */
const PROBE = `
## probe

{{contacts.[0].personal.family}} {{contacts.[0].name}} {{contacts.[0].notes}} {{internal_notes}} {{swot}} {{swot.strengths.[0]}}
{{competitors.[0].name}} {{qualification.budget}} {{actions.[0].action}} {{lookup this "internal_notes"}} {{@root.internal_notes}}
{{customer.address}} {{customer.scale}} {{customer.situation.[0]}} {{deal.internal_notes}} {{deal.contacts.[0].name}}
{{#each this}}{{@key}}={{this}}
{{/each}}
{{#each customer}}{{@key}}={{this}}
{{/each}}
{{#each contacts}}{{name}} {{personal.family}}
{{/each}}
{{#with qualification}}{{budget}}{{/with}}
`;

let proj: string;
const options = (config: string): BuildOptions => ({ dataDir: join(proj, 'data'), outDir: join(proj, 'out-' + config), configPath: join(proj, config), formats: ['pdf', 'docx'] });
const spec = (doc: string, formats: ('pdf' | 'docx')[] = ['pdf', 'docx']) =>
  ({ id: `leak-test/${doc}`, kind: 'deal', doc, dealId: 'leak-test', file: join(proj, 'data/deals/leak-test.md'), displayPath: 'data/deals/leak-test.md', formats }) as const;

/** Everything a reader or a tool can get out of a PDF, as one string. */
function pdfEverything(file: string): string {
  const raw = readFileSync(file);
  const latin = raw.toString('latin1');
  const parts = [pdftotext(file), pdftotext(file, 'raw'), latin];
  // Every stream, inflated (content streams, XMP, object streams, font data).
  for (const m of latin.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = latin.indexOf('endstream', start);
    try {
      parts.push(inflateSync(raw.subarray(start, end)).toString('latin1'));
    } catch {
      parts.push(latin.slice(start, end));
    }
  }
  // UTF-16BE hex strings (pdfkit writes non-ASCII info entries that way).
  for (const m of latin.matchAll(/<FEFF([0-9A-Fa-f]+)>/g)) parts.push(Buffer.from(m[1], 'hex').swap16().toString('utf16le'));
  return parts.join('\n');
}

function docxEverything(file: string): string {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.entries(parts)
    .map(([name, data]) => `${name}\n${strFromU8(data)}`)
    .join('\n');
}

const found = (text: string) => Object.keys(INTERNAL).filter((m) => text.includes(m)).map((m) => `${m} (${INTERNAL[m]})`);

beforeAll(() => {
  proj = mkdtempSync(join(tmpdir(), 'dealdoc-leak-'));
  mkdirSync(join(proj, 'data/deals'), { recursive: true });
  cpSync(join(ROOT, 'data/assets'), join(proj, 'data/assets'), { recursive: true });
  cpSync(join(ROOT, 'data/receivables'), join(proj, 'data/receivables'), { recursive: true });
  writeFileSync(join(proj, 'data/deals/leak-test.md'), DEAL);
  const config = readFileSync(join(ROOT, 'dealdoc.config.yaml'), 'utf8');
  writeFileSync(join(proj, 'plain.yaml'), config.replace(/^# templates:.*$/m, 'templates: no-such-folder'));
  writeFileSync(join(proj, 'override.yaml'), config.replace(/^# templates:.*$/m, 'templates: my-templates'));
  mkdirSync(join(proj, 'my-templates'));
  // executeJob writes below an existing out folder (build() makes it after checking --out).
  for (const c of ['plain.yaml', 'override.yaml']) mkdirSync(join(proj, `out-${c}`));
  writeFileSync(join(proj, 'my-templates/proposal.md.hbs'), readFileSync(join(ROOT, 'templates/proposal.md.hbs'), 'utf8') + PROBE);
});

describe('the proposal view is an allow-list', () => {
  let deal: Deal;
  beforeAll(async () => {
    const r = await readDeal(join(proj, 'data/deals/leak-test.md'), 'data/deals/leak-test.md', { defaultLocale: 'zh-CN' });
    expect(r.diagnostics.map((d) => d.format())).toEqual([]);
    deal = r.deal!;
  });

  it('every marker is in the deal as read (the fixture covers every internal field)', () => {
    expect(found(JSON.stringify(deal))).toHaveLength(Object.keys(INTERNAL).length);
  });

  it('proposalDeal copies only allow-listed fields: no marker, no internal key', () => {
    const projected = proposalDeal(deal);
    expect(found(JSON.stringify(projected))).toEqual([]);
    expect(Object.keys(projected).sort()).toEqual(['body', 'bodyLine', 'customer', 'date', 'id', 'locale', 'needs', 'next_steps', 'path', 'proposal', 'quote', 'rep', 'stage', 'title', 'why_us'].sort());
    expect(Object.keys(projected.customer).sort()).toEqual(['industry', 'name', 'short_name']);
    expect(JSON.stringify(projected)).toContain(PUBLIC);
  });

  it('the planned proposal — view, slots and metadata — holds exactly the allow-listed view keys and no marker', async () => {
    const ctx = contextFor(options('plain.yaml'));
    const { plan } = await planDealDocument(dealDocument('proposal'), deal, ctx);
    expect(Object.keys(plan.view).sort()).toEqual([...PROPOSAL_VIEW_KEYS].sort());
    expect(found(JSON.stringify(plan))).toEqual([]);
    expect(JSON.stringify(plan)).toContain(PUBLIC);
  });
});

describe.each([
  ['dealdoc’s template', 'plain.yaml'],
  ['a user override template asking for internal fields', 'override.yaml'],
])('the proposal rendered with %s', (_what, config) => {
  let pdf: string;
  let docx: string;
  beforeAll(async () => {
    const r = await executeJob(spec('proposal'), options(config));
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    pdf = pdfEverything(join(proj, `out-${config}/leak-test/proposal.pdf`));
    docx = docxEverything(join(proj, `out-${config}/leak-test/proposal.docx`));
  }, 60_000);

  it('PDF: no marker in page text, raw bytes, info dictionary or any inflated stream', () => {
    expect(pdf).toContain(PUBLIC);
    expect(found(pdf)).toEqual([]);
  });

  it('DOCX: no marker in any part', () => {
    expect(docx).toContain(PUBLIC);
    expect(found(docx)).toEqual([]);
  });

  if (config === 'override.yaml') {
    it('the override template really ran (its probe section is in the output)', () => {
      expect(pdf).toMatch(/probe/);
      expect(pdf).toMatch(/goal=/);
    });
  }
});

describe('control: the SWOT brief, from the same file, does contain internal fields', () => {
  it('the searches above would have seen them', async () => {
    const r = await executeJob(spec('swot-brief', ['pdf']), options('plain.yaml'));
    expect(r.ok).toBe(true);
    const text = pdfEverything(join(proj, 'out-plain.yaml/leak-test/swot-brief.pdf'));
    const seen = found(text).map((f) => f.replace(/^\S+ \((.*)\)$/, '$1'));
    expect(seen).toEqual(expect.arrayContaining(['swot.strengths', 'competitors.name', 'qualification.budget', 'actions.action', 'contacts.name']));
    expect(seen.length).toBeGreaterThanOrEqual(20);
  }, 60_000);
});
