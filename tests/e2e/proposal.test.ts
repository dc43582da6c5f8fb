/**
 * The need-oriented proposal, read back the way its reader sees it: pdftotext of the PDF, the
 * DOCX's text, and LibreOffice's rendering of the DOCX.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal as DecimalJs } from 'decimal.js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { criterionText, type Deal } from '../../src/data/deal-schema.js';
import { readDeal } from '../../src/data/deals/read.js';
import { ROOT } from '../helpers/cli.js';
import { docxText, docxToPdfWithLibreOffice, pdffonts, pdftotext } from '../helpers/extract.js';
import { LIBREOFFICE, need } from '../helpers/prereqs.js';

const examples = inject('examples');
const deals: Deal[] = [];

beforeAll(async () => {
  const dir = join(ROOT, 'data/deals');
  for (const f of readdirSync(dir).sort()) {
    const r = await readDeal(join(dir, f), f, { defaultLocale: 'zh-CN' });
    if (r.deal) deals.push(r.deal);
  }
});

/** pdftotext breaks lines inside table cells and wraps text; compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** Independent quote arithmetic with plain decimal.js (not the app's code). */
function expectedQuote(deal: Deal) {
  const D = DecimalJs.clone({ rounding: DecimalJs.ROUND_HALF_UP });
  let subtotal = new D(0);
  for (const i of deal.quote.items) {
    const line = new D(i.qty.toString()).times(i.unit_price!.toString()).times(new D(1).minus(i.discount?.toString() ?? '0')).toDecimalPlaces(2);
    subtotal = subtotal.plus(line);
  }
  const tax = subtotal.times(deal.quote.tax_rate.toString()).toDecimalPlaces(2);
  const fmt = (d: DecimalJs) => d.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return { subtotal: fmt(subtotal), tax: fmt(tax), total: fmt(subtotal.plus(tax)) };
}

function customerFacts(deal: Deal): string[] {
  return [
    deal.customer.name,
    deal.needs.goal,
    ...deal.needs.problems.map((p) => p.problem),
    ...deal.needs.problems.flatMap((p) => p.products),
    ...deal.needs.problems.flatMap((p) => p.criteria.map(criterionText)),
    ...deal.quote.items.flatMap((i) => (i.name ? [i.name] : [])),
  ];
}

/** Every internal value long enough not to occur by chance. */
function internalValues(deal: Deal): string[] {
  const values = [
    ...deal.contacts.flatMap((c) => [c.personal?.family, c.personal?.education, c.personal?.hometown, c.personal?.career, c.personal?.notes, ...(c.personal?.hobbies ?? []), c.notes]),
    ...deal.competitors.flatMap((c) => [c.name, c.products, c.tactics, c.price, ...c.strengths, ...c.weaknesses, ...c.comparison.flatMap((x) => [x.us, x.them])]),
    ...Object.values(deal.qualification),
    deal.internal_notes,
    ...deal.swot.strengths,
    ...deal.swot.weaknesses,
    ...deal.swot.opportunities,
    ...deal.swot.threats,
    ...deal.actions.map((a) => a.action),
  ];
  // A value the rep also wrote in a customer-facing field (say our delivery time) is not a leak.
  const facing = squash(JSON.stringify([deal.title, deal.subtitle, deal.customer.name, deal.needs, deal.why_us, deal.next_steps, deal.quote, deal.body]));
  return values.filter((v): v is string => typeof v === 'string' && [...v].length >= 5 && !facing.includes(squash(v)));
}

const STYLE_WORDS = ['孔雀', '猫头鹰', '变色龙', '考拉', 'peacock', 'chameleon', 'koala'];

describe('proposal (example deals)', () => {
  it('builds every example deal and exits 0', () => {
    // Only the method's warnings about the examples' own data (ruisheng: credit terms, price floor).
    expect(examples.stderr.split('\n').filter((l) => l && !l.includes(': warning: '))).toEqual([]);
    expect(examples.code).toBe(0);
    expect(deals.length).toBeGreaterThanOrEqual(4);
  });

  it('PDF shows the customer, goal, every problem, product and criterion, and right quote figures', () => {
    for (const deal of deals) {
      const file = join(examples.out, deal.id, 'proposal.pdf');
      const text = squash(pdftotext(file));
      for (const fact of customerFacts(deal)) expect(text, `${deal.id}: ${fact}`).toContain(squash(fact));
      const q = expectedQuote(deal);
      for (const figure of [q.subtotal, q.tax, q.total]) expect(text, `${deal.id}: ${figure}`).toContain(figure);
      if (deal.locale === 'zh-CN' && deal.quote.currency === 'CNY') expect(text).toMatch(/人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+/);
      expect(text).toContain(deal.locale === 'zh-CN' ? '第1页/共' : 'Page1of');
      // Markdown syntax from the template never shows as text.
      expect(text, `${deal.id}: stray Markdown`).not.toMatch(/\*\*|__|\\[*_#|]/);
    }
  });

  it('prints the 人民币大写 of the total', () => {
    const deal = deals.find((d) => d.id === 'huaxin-aoi-2026')!;
    expect(expectedQuote(deal).total).toBe('1,533,353.50');
    expect(squash(pdftotext(join(examples.out, deal.id, 'proposal.pdf')))).toContain('人民币壹佰伍拾叁万叁仟叁佰伍拾叁元伍角');
  });

  it('embeds the CJK font as a subset', () => {
    const fonts = pdffonts(join(examples.out, 'huaxin-aoi-2026', 'proposal.pdf'));
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it('DOCX holds the same facts', () => {
    for (const deal of deals) {
      const text = squash(docxText(readFileSync(join(examples.out, deal.id, 'proposal.docx'))));
      for (const fact of customerFacts(deal)) expect(text, `${deal.id}: ${fact}`).toContain(squash(fact));
      const q = expectedQuote(deal);
      expect(text).toContain(q.total);
      expect(text, `${deal.id}: stray Markdown`).not.toMatch(/\*\*|__/);
    }
  });

  it('DOCX opened in LibreOffice shows the same facts', () => {
    need(...LIBREOFFICE, 'poppler');
    const deal = deals.find((d) => d.id === 'huaxin-aoi-2026')!;
    const pdf = docxToPdfWithLibreOffice(join(examples.out, deal.id, 'proposal.docx'));
    const text = squash(pdftotext(pdf, 'raw'));
    for (const fact of customerFacts(deal)) expect(text, fact).toContain(squash(fact));
    expect(text).toContain(expectedQuote(deal).total);
    expect(text).toContain('人民币壹佰伍拾叁万叁仟叁佰伍拾叁元伍角');
  });

  it('never shows an internal field in either file', () => {
    for (const deal of deals) {
      const pdf = squash(pdftotext(join(examples.out, deal.id, 'proposal.pdf')));
      const docx = squash(docxText(readFileSync(join(examples.out, deal.id, 'proposal.docx'))));
      for (const value of [...internalValues(deal), ...STYLE_WORDS]) {
        expect(pdf, `${deal.id} PDF leaks "${value}"`).not.toContain(squash(value));
        expect(docx, `${deal.id} DOCX leaks "${value}"`).not.toContain(squash(value));
      }
    }
  });
});
