/**
 * Seeded generator of a realistic portfolio for the benchmark: deals (mixed zh-CN/en, 3–8
 * problems, 5–20 quote lines, 2–4 pages of narrative) and a ledger of invoices over 24 months
 * for many customers, with payments, credit notes, write-offs, recoveries and two currencies.
 * Same seed → same files.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => {
      const x = xs[Math.floor(next() * xs.length)];
      if (x === undefined) throw new Error('pick from an empty list');
      return x;
    },
  };
}

const ZH_PRODUCTS = ['在线 3D AOI 检测设备', '3D 锡膏检测仪', '在线 X-Ray 检测设备', '在线 ICT 测试仪', '自动功能测试系统', '飞针测试机', '高温老化箱', '温湿度试验箱', '针床夹具', 'MES 追溯模块', '离线编程软件', '安装调试与培训', '延长保修', '驻厂备件包'];
const EN_PRODUCTS = ['Inline 3D AOI system', '3D solder paste inspection', 'Inline X-ray inspection', 'In-circuit tester', 'Functional test system', 'Flying probe tester', 'Burn-in chamber', 'Climatic test chamber', 'Bed-of-nails fixture', 'MES traceability module', 'Offline programming software', 'Installation and training', 'Extended warranty', 'Spare parts kit'];
const ZH_PROBLEMS = ['炉后人工目检漏检率高', '现有 AOI 误报率高，复判工作量大', '检测数据分散，无法逐板追溯', '设备停机与服务响应慢', '功能测试依靠人工读数', '新品导入换线时间长', '老化工序缺失，早期失效偏高', '测量系统不满足 MSA 要求'];
const EN_PROBLEMS = ['Manual inspection misses defects', 'High false-call rate on the current AOI', 'Inspection data is scattered and not traceable', 'Slow service response causes downtime', 'Functional tests rely on manual readings', 'Long changeover for new products', 'No burn-in step, early failures too high', 'Measurement system fails MSA'];
const ZH_CRITERIA = ['检出率 ≥ 99.5%', '误报率 ≤ 0.3%', '节拍 ≤ 18 秒/板', '4 小时到场服务', '数据保存 ≥ 3 年', '换线 ≤ 1 小时', 'GR&R ≤ 10%', '交期 ≤ 60 天'];
const EN_CRITERIA = ['Detection rate ≥ 99.5%', 'False calls ≤ 0.3%', 'Cycle time ≤ 18 s per board', 'On site within 4 hours', 'Data kept ≥ 3 years', 'Changeover ≤ 1 hour', 'GR&R ≤ 10%', 'Lead time ≤ 60 days'];
const ZH_PARA = '随着产品向高密度、小型化发展，0201 元件与 0.4 mm 间距 BGA 的比例持续上升，传统的人工目检与 2D 检测已难以保证质量。客户对逐板追溯的要求也越来越严格，检测数据必须与 MES 打通，实现按板码查询缺陷图像与维修记录。本方案从产线实际出发，分阶段实施，确保不影响正常生产。';
const EN_PARA = 'As boards move to higher density, the share of 0201 parts and 0.4 mm pitch BGAs keeps rising, and manual or 2D inspection can no longer guarantee quality. Customers also ask for board-level traceability, so inspection data must reach the MES and be searchable by serial number together with defect images and repair records. This plan is phased so that production continues without interruption.';
const STAGES = ['discover_needs', 'internal_deliberation', 'procurement_design', 'evaluation', 'commitment', 'use_maintenance'];
const ROLES = ['initiator', 'decision_maker', 'designer', 'evaluator', 'user'];
const STYLES = ['peacock', 'owl', 'chameleon', 'koala', 'wolf'];

const q = (s: string) => JSON.stringify(s);

function deal(i: number, r: ReturnType<typeof rng>): { name: string; text: string } {
  const zh = i % 3 !== 2;
  const products = zh ? ZH_PRODUCTS : EN_PRODUCTS;
  const nItems = r.int(5, 20);
  const items = Array.from({ length: nItems }, (_, k) => ({
    sku: `KS-${String(i).padStart(3, '0')}-${k + 1}`,
    name: products[k % products.length] + (k >= products.length ? ` ${Math.floor(k / products.length) + 1}` : ''),
    qty: r.int(1, 6),
    price: `${r.int(2, 900)}${r.pick(['000.00', '500.00', '850.50', '120.35'])}`,
    discount: r.next() < 0.3 ? r.pick(['0.05', '0.10', '0.08']) : undefined,
  }));
  const nProblems = r.int(3, 8);
  const problems = Array.from({ length: nProblems }, (_, k) => {
    const crit = Array.from({ length: r.int(1, 4) }, () => r.pick(zh ? ZH_CRITERIA : EN_CRITERIA));
    return `    - problem: ${q((zh ? ZH_PROBLEMS : EN_PROBLEMS)[k % 8] + (k >= 8 ? ` ${k}` : ''))}
      solution: ${q(zh ? '在线全检并与 MES 联动，缺陷自动分类' : 'Inline full inspection linked to the MES, with automatic defect classification')}
      products: [${items.slice(0, r.int(1, 3)).map((it) => q(it.sku)).join(', ')}]
      criteria: [${[...new Set(crit)].map(q).join(', ')}]`;
  });
  const contacts = Array.from({ length: r.int(2, 7) }, (_, k) => `  - { name: ${q(zh ? `联系人${k + 1}` : `Contact ${k + 1}`)}, role: ${r.pick(ROLES)}, style: ${r.pick(STYLES)}, influence: ${r.pick(['low', 'medium', 'high'])}, attitude: ${r.pick(['supporter', 'neutral', 'opponent'])}, guide: ${k === 0} }`);
  const para = zh ? ZH_PARA : EN_PARA;
  const sections = Array.from({ length: r.int(4, 8) }, (_, k) => `## ${zh ? `第 ${k + 1} 部分` : `Part ${k + 1}`}\n\n${para}\n\n${para}\n\n- ${zh ? '要点一' : 'Point one'}\n- ${zh ? '要点二' : 'Point two'}\n\n| ${zh ? '阶段 | 时间' : 'Phase | Weeks'} |\n|---|---|\n| 1 | 2 |\n| 2 | 4 |\n`);
  const text = `---
locale: ${zh ? 'zh-CN' : 'en'}
title: ${q(zh ? `客户${i} 检测方案建议书` : `Inspection proposal for Customer ${i}`)}
date: 2026-11-${String(1 + (i % 28)).padStart(2, '0')}
rep: { name: ${q(zh ? '李明' : 'Zhou Tao')}, title: ${q(zh ? '大客户经理' : 'Sales Manager')}, phone: "138 0000 0000" }
customer:
  id: C-${2000 + (i % 200)}
  name: ${q(zh ? `客户${i}电子有限公司` : `Customer ${i} Electronics Ltd.`)}
  situation: [${q(zh ? '三条 SMT 线' : 'Three SMT lines')}]
contacts:
${contacts.join('\n')}
competitors:
  - { name: ${q(zh ? '某国际品牌' : 'Global brand')}, strengths: [${q(zh ? '品牌知名度高' : 'Strong brand')}], weaknesses: [${q(zh ? '交期 16 周' : 'Lead time 16 weeks')}] }
needs:
  goal: ${q(zh ? '一次直通率提升至 99%' : 'First-pass yield to 99%')}
  problems:
${problems.join('\n')}
qualification: { budget: ${q(zh ? '已列入预算' : 'Budgeted')}, timeline: ${q(zh ? '一季度' : 'Q1')} }
stage: ${r.pick(STAGES)}
quote:
  currency: ${zh ? 'CNY' : 'USD'}
  tax_rate: ${zh ? '0.13' : '0'}
  items:
${items.map((it) => `    - { sku: ${q(it.sku)}, name: ${q(it.name)}, qty: ${it.qty}, unit_price: ${it.price}${it.discount ? `, discount: ${it.discount}` : ''} }`).join('\n')}
  payment_terms: ${q(zh ? '30% 预付，60% 验收后 30 天内，10% 质保金' : '30% with order, 60% on acceptance, 10% retention')}
  valid_until: 2026-12-31
---
${sections.join('\n')}
`;
  return { name: `deal-${String(i).padStart(3, '0')}.md`, text };
}

function pad(n: number, w = 2) {
  return String(n).padStart(w, '0');
}

function ledger(dir: string, r: ReturnType<typeof rng>, invoices: number, customers: number, months: number) {
  const inv = ['invoice_no,customer_id,customer_name,invoice_date,due_date,terms,currency,amount,rep'];
  const pay = ['payment_no,invoice_no,customer_id,date,amount,currency'];
  const adj = ['date,invoice_no,kind,amount'];
  const fx = ['date,currency,rate'];
  const reps = ['李明', '陈静', '周涛', '王芳', '张强'];
  let p = 0;
  for (let m = 0; m <= months; m++) {
    const y = 2024 + Math.floor(m / 12);
    const mo = (m % 12) + 1;
    fx.push(`${y}-${pad(mo)}-01,USD,7.${r.int(1000, 2999)}`);
  }
  for (let k = 0; k < invoices; k++) {
    const m = Math.floor((k / invoices) * months);
    const y = 2024 + Math.floor(m / 12);
    const mo = (m % 12) + 1;
    const day = r.int(1, 28);
    const c = r.int(0, customers - 1);
    const usd = c % 10 === 0;
    const amount = `${r.int(2, 900)}${r.pick(['000.00', '500.50', '123.45', '999.99'])}`;
    const no = `B-${y}${pad(mo)}-${pad(k, 5)}`;
    const termsOnly = r.next() < 0.1;
    const dueM = mo + (r.next() < 0.5 ? 1 : 2);
    const due = termsOnly ? '' : `${y + Math.floor((dueM - 1) / 12)}-${pad(((dueM - 1) % 12) + 1)}-${pad(Math.min(day, 28))}`;
    inv.push(`${no},C-${2000 + c},客户${c}电子有限公司,${y}-${pad(mo)}-${pad(day)},${due},${termsOnly ? '30天' : ''},${usd ? 'USD' : 'CNY'},${amount},${reps[c % reps.length]}`);
    const roll = r.next();
    const payM = mo + r.int(1, 4);
    const py = y + Math.floor((payM - 1) / 12);
    const pm = ((payM - 1) % 12) + 1;
    if (py <= 2025 && roll < 0.75) pay.push(`P-${pad(++p, 6)},${no},C-${2000 + c},${py}-${pad(pm)}-${pad(r.int(1, 28))},${amount},${usd ? 'USD' : 'CNY'}`);
    else if (py <= 2025 && roll < 0.85) pay.push(`P-${pad(++p, 6)},${no},C-${2000 + c},${py}-${pad(pm)}-${pad(r.int(1, 28))},${(Number(amount) / 2).toFixed(2)},${usd ? 'USD' : 'CNY'}`);
    else if (py <= 2025 && roll < 0.87) adj.push(`${py}-${pad(pm)}-${pad(r.int(1, 28))},${no},credit_note,${(Number(amount) / 10).toFixed(2)}`);
    else if (py <= 2025 && roll < 0.88) adj.push(`${py}-${pad(pm)}-${pad(r.int(1, 28))},${no},write_off,${amount}`);
  }
  writeFileSync(join(dir, 'invoices.csv'), inv.join('\n') + '\n');
  writeFileSync(join(dir, 'payments.csv'), pay.join('\n') + '\n');
  writeFileSync(join(dir, 'adjustments.csv'), adj.join('\n') + '\n');
  writeFileSync(join(dir, 'fx.csv'), fx.join('\n') + '\n');
}

export function generatePortfolio(root: string, opts: { deals: number; invoices: number; customers: number; months: number; seed: number }) {
  const r = rng(opts.seed);
  mkdirSync(join(root, 'data/deals'), { recursive: true });
  mkdirSync(join(root, 'data/receivables'), { recursive: true });
  for (let i = 0; i < opts.deals; i++) {
    const d = deal(i, r);
    writeFileSync(join(root, 'data/deals', d.name), d.text);
  }
  ledger(join(root, 'data/receivables'), r, opts.invoices, opts.customers, opts.months);
  writeFileSync(
    join(root, 'dealdoc.config.yaml'),
    'company: { name: 深圳市科松电子有限公司, name_en: "Shenzhen Kesong Electronics Co., Ltd.", short_name: 科松电子 }\nbrand_color: "#1F5FAF"\nlocale: zh-CN\n',
  );
}

/**
 * A portfolio of `n` example-sized deals: the repository's example deals (data/deals) copied
 * round-robin under new deal ids (ex-000…) and new customer ids (C-9000…), with the example
 * config, catalogue, assets and ledger. Deals the benchmark has not been tuned on, at the size a
 * user writes them.
 */
export function generateExamplePortfolio(root: string, exampleRoot: string, n: number): void {
  cpSync(join(exampleRoot, 'data'), join(root, 'data'), { recursive: true });
  cpSync(join(exampleRoot, 'dealdoc.config.yaml'), join(root, 'dealdoc.config.yaml'));
  const dealsDir = join(root, 'data/deals');
  const examples = readdirSync(dealsDir).filter((f) => /\.(md|json|ya?ml)$/.test(f)).sort();
  const texts = examples.map((f) => ({ ext: extname(f), text: readFileSync(join(dealsDir, f), 'utf8') }));
  for (const f of examples) rmSync(join(dealsDir, f));
  for (let i = 0; i < n; i++) {
    const { ext, text } = texts[i % texts.length]!;
    const id = `ex-${String(i).padStart(3, '0')}`;
    const renamed = text
      .replace(/^id: .+$/m, `id: ${id}`)
      .replace(/^(\s*)"id": "[a-z0-9-]+",/m, `$1"id": "${id}",`)
      .replace(/\bC-1\d{3}\b/g, `C-${9000 + i}`);
    writeFileSync(join(dealsDir, `${id}${ext}`), renamed);
  }
}
