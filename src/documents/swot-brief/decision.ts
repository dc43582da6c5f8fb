/**
 * Page 1 of the brief — the decision page: the verdict and why, where the deal stands and the
 * next sales action, the customer's credit status, the three most important dated actions, the
 * price floor (and lines that need approval) and the internal notes. Also the per-criterion
 * offer table ("Us") and the catalogue overrides, which the detailed sections use.
 */
import type { RootContent } from 'mdast';
import { localized } from '../../data/catalog.js';
import { formatDateLong } from '../../domain/dates.js';
import { belowFloor, effectiveDiscount, namedCriteria, offerFor, topActions, nextDatedStep } from '../../domain/method/index.js';
import { Decimal, formatMoney, formatPercent, roundCount } from '../../domain/money.js';
import type { Callout } from '../../tree/nodes.js';
import type { Brief } from './context.js';
import { colon, spaced } from './format.js';
import { bucketLabel } from './payment.js';
import { callout, col, DASH, labelled, paragraph, strong, table } from './nodes.js';

const zh = {
  section: '0. 决策页',
  verdict: '结论',
  stage: '当前阶段',
  next: '下一步',
  action: '本阶段销售动作',
  credit: '回款状况',
  creditRisk: '回款风险',
  creditOk: '回款正常',
  noLedger: '应收账款台账中没有该客户的记录',
  outstanding: '未收：',
  overdue: '逾期：',
  provision: '坏账准备：',
  daysLate: '已结清发票平均晚付：',
  days: (n: number) => `${n} 天`,
  top: '最重要的三件事',
  floor: '价格底线',
  floorCols: ['型号', '目录价', '最大折扣', '底价', '本报价', ''],
  needsApproval: '需审批',
  ok: '在权限内',
  noCatalog: '报价行不在产品目录中，没有价格底线',
  atList: (n: number) => `其余 ${n} 行不低于目录价`,
  allAtList: (n: number) => `全部 ${n} 行不低于目录价，无需审批`,
  differs: (f: string) => `${f}不同`,
  otherCurrency: (cat: string, quote: string) => `目录价为 ${cat}，本报价为 ${quote}，未比较价格底线（按目录的最大折扣人工核对）`,
  notes: '内部备注',
  noNotes: '暂无内部备注（可在交易文件的 internal_notes 中记下价格底线、评分权重、人脉关系等）',
  overrides: '与目录不同（以交易文件为准）',
  offerTitle: '采购标准与我方应对',
  offerCols: ['采购标准', '我方（应对 / 目录规格）', '来源'],
  fromDeal: '交易文件',
  fromCatalog: (sku: string) => `目录 ${sku}`,
  missing: '缺：无应对、无目录规格',
  field: { name: '名称', unit: '单位', unit_price: '单价', description: '说明' } as Record<string, string>,
};
type L = typeof zh;
const en: L = {
  section: '0. Decision page',
  verdict: 'Verdict',
  stage: 'Stage',
  next: 'Next step',
  action: 'Sales action for this stage',
  credit: 'Credit status',
  creditRisk: 'Credit risk',
  creditOk: 'Paying normally',
  noLedger: 'The customer has no record in the receivables ledger',
  outstanding: 'Outstanding:',
  overdue: 'Overdue:',
  provision: 'Provision:',
  daysLate: 'Average days late (paid invoices):',
  days: (n) => `${n} days`,
  top: 'The three things that matter most',
  floor: 'Price floor',
  floorCols: ['Model', 'List price', 'Max. discount', 'Floor', 'This quote', ''],
  needsApproval: 'needs approval',
  ok: 'within authority',
  noCatalog: 'No quote line is in the product catalogue: no price floor',
  atList: (n) => `${n} other line(s) at or above list price`,
  allAtList: (n) => `all ${n} line(s) at or above list price; no approval needed`,
  differs: (f) => `${f} differs`,
  otherCurrency: (cat, quote) => `list prices are in ${cat} and this quote is in ${quote}: floors not compared (check the catalogue's maximum discounts by hand)`,
  notes: 'Internal notes',
  noNotes: 'No internal notes yet (internal_notes in the deal file: price floor, scoring weights, who is close to whom).',
  overrides: 'differs from the catalogue (the deal file wins)',
  offerTitle: 'Purchase criteria and our offer',
  offerCols: ['Purchase criterion', 'Us (response / catalogue spec)', 'Source'],
  fromDeal: 'deal file',
  fromCatalog: (sku) => `catalogue ${sku}`,
  missing: 'missing: no response, no catalogue spec',
  field: { name: 'name', unit: 'unit', unit_price: 'unit price', description: 'description' },
};
export const decisionLabels = (b: Brief): L => (b.locale === 'zh-CN' ? zh : en);

const TONE: Record<'qualified' | 'at_risk' | 'not_qualified', Callout['tone']> = { qualified: 'success', at_risk: 'warning', not_qualified: 'danger' };

export function decisionNodes(b: Brief): RootContent[] {
  const { deal, l, t, a, locale } = b;
  const d = decisionLabels(b);
  const q = a.qualification;
  const out: RootContent[] = [];
  out.push(callout(TONE[q.verdict], colon(locale, d.verdict, l.verdict[q.verdict]), [paragraph(t(q.reason))]));

  const next = nextDatedStep(deal, b.ctx.date) ?? deal.next_steps[0];
  const when = (iso: string | undefined) => (iso ? formatDateLong(iso as never, locale) : undefined);
  out.push(
    table(
      [col(l.glance.field, 1), col(l.glance.value, 3)],
      [
        [d.stage, t(a.stage.label)],
        [d.next, next ? [next.step, when(next.date)].filter(Boolean).join(' · ') : DASH],
        [d.action, t(a.stage.action)],
      ],
    ),
  );

  // Credit status from the ledger.
  const c = a.credit;
  if (c) {
    const r = c.record;
    const lines = [
      labelled(d.outstanding, spaced(locale, `¥${formatMoney(r.outstanding)}`)),
      labelled(d.overdue, spaced(locale, `¥${formatMoney(r.overdue)}` + overdueDetail(b))),
      labelled(d.provision, spaced(locale, `¥${formatMoney(r.provision)}`)),
      labelled(d.daysLate, spaced(locale, r.averageDaysLate === undefined ? DASH : d.days(roundCount(r.averageDaysLate, 1)))),
    ];
    out.push(callout(c.risk ? 'danger' : 'info', colon(locale, d.credit, c.risk ? d.creditRisk : d.creditOk), lines));
  } else {
    out.push(paragraph(strong(colon(locale, d.credit, '')), d.noLedger));
  }

  const top = topActions(a.actions);
  if (top.length)
    out.push(
      table(
        [col('#', 0.4, 'center'), col(d.top, 4), col(l.action.owner, 0.9), col(l.action.due, 1.1, 'center')],
        top.map((x, i) => [String(i + 1), t(x.action), x.owner ?? DASH, x.due ?? DASH]),
        { dense: true },
      ),
    );

  out.push(callout('info', d.notes, [paragraph(deal.internal_notes ?? d.noNotes)]));
  out.push(...floorNodes(b));
  return out;
}

/** "（逾期 61–90 天 ¥…；逾期 90 天以上 ¥…）" — the overdue balance by aging bucket. */
function overdueDetail(b: Brief): string {
  const buckets = b.a.credit!.record.byBucket.filter((bk) => bk.minDays > 0 && bk.balance.gt(0));
  if (buckets.length === 0) return '';
  const list = buckets.map((bk) => `${bucketLabel(b.l, bk as never)} ¥${formatMoney(bk.balance)}`);
  return b.locale === 'zh-CN' ? `（${list.join('；')}）` : ` (${list.join('; ')})`;
}

/** The price floor per catalogued line and the lines that need approval. */
function floorNodes(b: Brief): RootContent[] {
  const d = decisionLabels(b);
  const all = b.items.map((item, i) => ({ item, i })).filter((x) => x.item.catalogued && x.item.listPrice);
  if (all.length === 0) {
    const foreign = b.items.some((x) => x.catalogued) && b.ctx.catalog;
    return [paragraph(strong(colon(b.locale, d.floor, '')), foreign ? d.otherCurrency(b.ctx.catalog!.currency, b.deal.quote.currency) : d.noCatalog)];
  }
  const low = new Set(belowFloor(b.items).map((x) => x.index));
  // Page 1 stays one page: the lines that give a discount (or need approval); the rest are at list price or above.
  const catalogued = all.filter(({ item, i }) => low.has(i) || (effectiveDiscount(item)?.gt(0) ?? false));
  const rest = all.length - catalogued.length;
  if (catalogued.length === 0) return [paragraph(strong(colon(b.locale, d.floor, '')), d.allAtList(all.length)), ...overrideNodes(b)];
  const rows = catalogued.map(({ item, i }) => {
    const cat = item.catalogued!;
    const floor = cat.list_price.times(new Decimal(1).minus(cat.max_discount));
    const eff = effectiveDiscount(item);
    const net = item.unit_price.times(new Decimal(1).minus(item.discount ?? 0));
    return [cat.sku, formatMoney(cat.list_price), formatPercent(cat.max_discount), formatMoney(floor), `${formatMoney(net)}${eff && eff.gt(0) ? ` (−${formatPercent(eff, 2)})` : ''}`, low.has(i) ? d.needsApproval : d.ok];
  });
  if (rest > 0) rows.push([d.atList(rest), '', '', '', '', '']);
  const t = table(d.floorCols.map((label, k) => col(label, [1.4, 1.1, 0.8, 1.1, 1.5, 1][k], k === 0 ? 'left' : k === 5 ? 'center' : 'right')), rows, { caption: d.floor, dense: true });
  const out: RootContent[] = [t];
  if (low.size)
    out.push(callout('danger', d.needsApproval, [paragraph(belowFloor(b.items).map((x) => `${x.item.sku}: −${formatPercent(x.discount, 2)} > ${formatPercent(x.max)}`).join(b.locale === 'zh-CN' ? '；' : '; '))]));
  out.push(...overrideNodes(b));
  return out;
}

/** Quote lines whose deal values differ from the catalogue (the deal wins). */
function overrideNodes(b: Brief): RootContent[] {
  const d = decisionLabels(b);
  const overridden = b.items.filter((x) => x.overrides.length);
  if (!overridden.length) return [];
  const what = (x: (typeof overridden)[number], f: (typeof x.overrides)[number]) =>
    f === 'unit_price'
      ? `${d.field[f]} ${formatMoney(x.unit_price)} ≠ ${formatMoney(x.catalogued!.list_price)}`
      : f === 'name'
        ? `${d.field[f]} ${x.name} ≠ ${localized(x.catalogued!.name, b.locale)}`
        : d.differs(d.field[f] ?? f);
  return [paragraph(strong(colon(b.locale, d.overrides, '')), overridden.map((x) => `${x.sku}: ${x.overrides.map((f) => what(x, f)).join(', ')}`).join(b.locale === 'zh-CN' ? '；' : '; '))];
}

/** Per named criterion: how we meet it — the deal's response or a catalogue specification — or a visible gap. */
export function offerTable(b: Brief): RootContent {
  const d = decisionLabels(b);
  const rows = namedCriteria(b.deal).map((c) => {
    const o = offerFor(c, b.items, b.locale);
    if (!o) return [c.text, DASH, d.missing];
    return [c.text, o.proof ? `${o.text}${b.locale === 'zh-CN' ? '（' : ' ('}${o.proof}${b.locale === 'zh-CN' ? '）' : ')'}` : o.text, o.from === 'deal' ? d.fromDeal : d.fromCatalog(o.sku!)];
  });
  return table(d.offerCols.map((label, k) => col(label, [1.4, 2.6, 0.9][k])), rows.length ? rows : [[DASH, DASH, DASH]], { caption: d.offerTitle });
}
