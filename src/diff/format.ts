/** A DealDiff as text for people, in the deal's language. */
import { Decimal, formatMoney, formatPercent } from '../domain/money.js';
import type { DealDiff, LineFieldChange, ValueChange } from './deal-diff.js';

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: 'JP¥', HKD: 'HK$' };

const L = {
  'zh-CN': {
    quote: (c: string) => `报价（${c}）`,
    added: '新增',
    removed: '删除',
    line: '行金额',
    subtotal: '小计',
    tax: '税额',
    total: '含税总价',
    taxRate: '税率',
    currency: '币种',
    order: '行顺序',
    fields: { name: '名称', description: '说明', qty: '数量', unit: '单位', unit_price: '单价', discount: '折扣' } as Record<LineFieldChange['field'], string>,
    customer: '内容与条款',
    narrative: '正文章节',
    intro: '（开头）',
    sectionChanged: '已修改',
    sectionAdded: '新增',
    sectionRemoved: '删除',
    internal: '内部信息（不出现在建议书中）',
    none: '客户可见内容没有变化。',
    internalHidden: (n: number) => `另有 ${n} 处内部信息变化（加 --internal 显示）。`,
    sep: '；',
    comma: '，',
    sections: { cover: '封面', rep: '销售代表', customer: '客户', needs: '需求与采购标准', why_us: '为什么选择我们', next_steps: '下一步', terms: '商务条款' } as Record<string, string>,
  },
  en: {
    quote: (c: string) => `Quote (${c})`,
    added: 'added',
    removed: 'removed',
    line: 'line',
    subtotal: 'subtotal',
    tax: 'tax',
    total: 'total incl. tax',
    taxRate: 'tax rate',
    currency: 'currency',
    order: 'line order',
    fields: { name: 'name', description: 'description', qty: 'qty', unit: 'unit', unit_price: 'unit price', discount: 'discount' } as Record<LineFieldChange['field'], string>,
    customer: 'Content and terms',
    narrative: 'Narrative sections',
    intro: '(opening text)',
    sectionChanged: 'changed',
    sectionAdded: 'added',
    sectionRemoved: 'removed',
    internal: 'Internal (never in the proposal)',
    none: 'No customer-facing changes.',
    internalHidden: (n: number) => `${n} internal change(s) not shown (add --internal).`,
    sep: '; ',
    comma: ', ',
    sections: { cover: 'Cover', rep: 'Sales rep', customer: 'Customer', needs: 'Needs and criteria', why_us: 'Why us', next_steps: 'Next steps', terms: 'Terms' } as Record<string, string>,
  },
};

/** "¥1,234.50"; with a sign for deltas: "+¥1.00", "−¥23,100.00" (U+2212). */
function money(amount: string, currency: string, signed = false): string {
  const d = new Decimal(amount);
  const sym = SYMBOLS[currency] ?? `${currency} `;
  const body = `${sym}${formatMoney(d.abs())}`;
  if (!signed) return d.isNegative() && !d.isZero() ? `−${body}` : body;
  return d.isZero() ? `±${body}` : d.isNegative() ? `−${body}` : `+${body}`;
}

const percent = (v: string | undefined) => (v === undefined ? '—' : formatPercent(new Decimal(v)));

function fieldValue(f: LineFieldChange['field'], v: string | undefined, currency: string): string {
  if (v === undefined) return '—';
  if (f === 'discount') return percent(v);
  if (f === 'unit_price') return money(v, currency);
  return v;
}

const quoted = (v: string | undefined) => (v === undefined ? '—' : `“${v.length > 120 ? v.slice(0, 117) + '…' : v}”`);

function valueLine(c: ValueChange): string {
  if (c.old === undefined) return `+ ${c.path}: ${quoted(c.new)}`;
  if (c.new === undefined) return `- ${c.path}: ${quoted(c.old)}`;
  return `~ ${c.path}: ${quoted(c.old)} → ${quoted(c.new)}`;
}

export function formatDiff(diff: DealDiff, opts: { internal?: boolean } = {}): string {
  const t = L[diff.locale];
  const cur = diff.currency;
  const out: string[] = [`${diff.id}: ${diff.title}`];
  const q = diff.quote;
  const quoteChanged = q.lines.length > 0 || q.taxRate || q.currency || q.order || q.total.delta !== '0.00';
  if (quoteChanged) {
    out.push('', t.quote(cur));
    for (const l of q.lines) {
      if (l.kind === 'added') {
        const qty = l.fields.find((f) => f.field === 'qty')?.new;
        const price = l.fields.find((f) => f.field === 'unit_price')?.new;
        const disc = l.fields.find((f) => f.field === 'discount')?.new;
        out.push(`  + ${l.key} ${t.added}${l.key !== l.name ? ` (${l.name})` : ''}: ${qty} × ${money(price ?? '0', cur)}${disc ? `${t.comma}${t.fields.discount} ${percent(disc)}` : ''}${t.comma}${t.line} ${money(l.delta, cur, true)}`);
      } else if (l.kind === 'removed') {
        out.push(`  - ${l.key} ${t.removed}${l.key !== l.name ? ` (${l.name})` : ''}${t.comma}${t.line} ${money(l.delta, cur, true)}`);
      } else {
        const fields = l.fields.map((f) => `${t.fields[f.field]} ${fieldValue(f.field, f.old, cur)} → ${fieldValue(f.field, f.new, cur)}`).join(t.comma);
        out.push(`  ~ ${l.key} ${fields}${t.comma}${t.line} ${money(l.delta, cur, true)} (${money(l.oldTotal!, cur)} → ${money(l.newTotal!, cur)})`);
      }
    }
    if (q.order) out.push(`  ${t.order} ${q.order.old.join(', ')} → ${q.order.new.join(', ')}`);
    if (q.currency) out.push(`  ${t.currency} ${q.currency.old} → ${q.currency.new}`);
    if (q.taxRate) out.push(`  ${t.taxRate} ${percent(q.taxRate.old)} → ${percent(q.taxRate.new)}`);
    for (const [label, m] of [
      [t.subtotal, q.subtotal],
      [t.tax, q.tax],
      [t.total, q.total],
    ] as const) {
      out.push(`  ${label} ${money(m.old, cur)} → ${money(m.new, cur)} (${money(m.delta, cur, true)})`);
    }
  }
  if (diff.customer.length) {
    out.push('', t.customer);
    for (const section of [...new Set(diff.customer.map((c) => c.section))]) {
      out.push(`  ${t.sections[section] ?? section}`);
      for (const c of diff.customer.filter((x) => x.section === section)) out.push(`    ${valueLine(c)}`);
    }
  }
  if (diff.narrative.length) {
    out.push('', t.narrative);
    for (const n of diff.narrative) {
      const mark = n.kind === 'added' ? '+' : n.kind === 'removed' ? '-' : '~';
      const word = n.kind === 'added' ? t.sectionAdded : n.kind === 'removed' ? t.sectionRemoved : t.sectionChanged;
      out.push(`  ${mark} ${n.heading ? `“${n.heading}”` : t.intro} ${word}`);
    }
  }
  if (!diff.customerFacingChanged) out.push('', t.none);
  else if (quoteChanged) {
    // The one-line summary a manager asks for.
    const parts = q.lines.map((l) => `${l.key} ${l.kind === 'changed' ? l.fields.map((f) => `${t.fields[f.field]} ${fieldValue(f.field, f.old, cur)} → ${fieldValue(f.field, f.new, cur)}`).join(t.comma) : l.kind === 'added' ? t.added : t.removed}${t.comma}${t.line} ${money(l.delta, cur, true)}`);
    out.push('', `${[...parts, `${t.total} ${money(q.total.delta, cur, true)}`].join(t.sep)}`);
  }
  if (diff.internal.length) {
    if (opts.internal) {
      out.push('', t.internal);
      for (const c of diff.internal) out.push(`  ${valueLine(c)}`);
    } else out.push('', t.internalHidden(diff.internal.length));
  }
  return out.join('\n') + '\n';
}

/** The JSON form (`--json`): internal changes only when asked for. */
export function diffJson(diff: DealDiff, opts: { internal?: boolean } = {}): unknown {
  const { internal, ...rest } = diff;
  return opts.internal ? { ...rest, internal } : { ...rest, internalChanges: internal.length };
}
