/** Section 1: the deal at a glance and where it stands in the customer's buying process. */
import type { RootContent } from 'mdast';
import { formatDateLong } from '../../domain/dates.js';
import { PHASE_LABELS, ROLE_INFO, STAGE_ORDER, STAGE_INFO } from '../../domain/method/index.js';
import { formatMoney } from '../../domain/money.js';
import { computeQuote } from '../../domain/quote.js';
import type { Brief } from './context.js';
import { colon, paren, spaced } from './format.js';
import { callout, col, DASH, labelled, table } from './nodes.js';

export function glanceNodes(b: Brief): RootContent[] {
  const { deal, l, t, locale } = b;
  const q = computeQuote({ tax_rate: deal.quote.tax_rate, items: b.items });
  const cur = deal.quote.currency;
  const stage = b.a.stage;
  const profile = [deal.customer.industry, deal.customer.scale, deal.customer.nature].filter(Boolean).join(' / ');
  const next = deal.next_steps[0];
  const rows: [string, string][] = [
    [l.glance.project, deal.title],
    [l.glance.customer, deal.customer.id ? `${deal.customer.name} · ${deal.customer.id}` : deal.customer.name],
    [l.glance.industry, profile || DASH],
    [l.glance.rep, [deal.rep.name, deal.rep.title].filter(Boolean).join(locale === 'zh-CN' ? '，' : ', ')],
    [l.glance.stage, paren(locale, t(stage.label), t(PHASE_LABELS[stage.phase]))],
    [l.glance.quoteTotal, `${cur} ${formatMoney(q.total)}`],
    [l.glance.quoteSplit, `${formatMoney(q.subtotal)} / ${formatMoney(q.tax)}`],
    [l.glance.validUntil, deal.quote.valid_until ? formatDateLong(deal.quote.valid_until, locale) : DASH],
    [l.glance.documentDate, formatDateLong(b.ctx.date, locale)],
  ];
  if (next) rows.push([l.glance.nextStep, [next.step, next.date, next.owner].filter(Boolean).join(' · ')]);
  return [table([col(l.glance.field, 1), col(l.glance.value, 3)], rows)];
}

/** The six stages with the current one marked, then the current stage's sales action. */
export function processNodes(b: Brief): RootContent[] {
  const { l, t } = b;
  const current = b.a.stage;
  const rows = STAGE_ORDER.map((id) => {
    const s = STAGE_INFO[id];
    const status = s.number < current.number ? l.stage.done : s.number === current.number ? l.stage.current : l.stage.ahead;
    return [String(s.number), t(s.label), t(PHASE_LABELS[s.phase]), t(ROLE_INFO[s.leader].label), status];
  });
  const stages = table([col(l.stage.number, 0.5, 'center'), col(l.stage.stage, 1.6), col(l.stage.phase, 1.2), col(l.stage.leader, 1.2), col(l.stage.status, 0.8, 'center')], rows);
  const step = current.step;
  const loc = b.locale;
  const detail = callout('info', colon(loc, l.stage.currentTitle, `${t(current.label)} · ${t(ROLE_INFO[current.leader].label)}`), [
    labelled(l.stage.customer, spaced(loc, t(current.customer))),
    labelled(l.stage.action, spaced(loc, t(current.action))),
    labelled(l.stage.endsWhen, spaced(loc, t(current.endsWhen))),
    labelled(l.stage.step, spaced(loc, l.stepName(step.number, t(step.label)))),
    labelled(l.stage.stepStart, spaced(loc, t(step.start))),
    labelled(l.stage.stepEnd, spaced(loc, t(step.end))),
  ]);
  return [stages, detail];
}

const DL = {
  'zh-CN': { details: '客户与联系人明细', address: '地址：', website: '网址：', situation: '客户现状：', org: '组织结构：', contact: '联系方式与个人信息', next: '下一步计划', owner: '负责人', date: '日期', step: '事项', age: '年龄', family: '家庭', education: '教育', hometown: '籍贯', hobbies: '爱好', career: '经历', pnotes: '个人备注', notes: '备注', duties: '职责', head: '负责人' },
  en: { details: 'Customer and contact details', address: 'Address: ', website: 'Website: ', situation: 'Current situation: ', org: 'Organisation: ', contact: 'Contact details and personal information', next: 'Next steps', owner: 'Owner', date: 'Date', step: 'Step', age: 'age', family: 'family', education: 'education', hometown: 'hometown', hobbies: 'hobbies', career: 'career', pnotes: 'personal notes', notes: 'notes', duties: 'duties', head: 'head' },
} as const;

/** Everything the deal says about the customer and its people that the tables above do not show. */
export function detailNodes(b: Brief): RootContent[] {
  const { deal, locale } = b;
  const d = DL[locale];
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const kv = (k: string, v: string | number | undefined) => (v === undefined || v === '' ? [] : [locale === 'zh-CN' ? `${k}：${v}` : `${k}: ${v}`]);
  const c = deal.customer;
  const out: RootContent[] = [];
  const facts = [
    ...(c.address ? [labelled(d.address, c.address)] : []),
    ...(c.website ? [labelled(d.website, c.website)] : []),
    ...(c.situation.length ? [labelled(d.situation, c.situation.join(sep))] : []),
    ...(c.organization.length ? [labelled(d.org, c.organization.map((o) => [o.department, ...kv(d.duties, o.duties), ...kv(d.head, o.head)].join(locale === 'zh-CN' ? '，' : ', ')).join(sep))] : []),
  ];
  if (facts.length) out.push(callout('info', d.details, facts));
  if (deal.contacts.length)
    out.push(
      table(
        [col(l0(locale), 0.9), col(d.contact, 4)],
        deal.contacts.map((p) => {
          const pi = p.personal;
          const parts = [
            p.phone,
            p.email,
            ...kv(d.age, pi?.age),
            ...kv(d.family, pi?.family),
            ...kv(d.education, pi?.education),
            ...kv(d.hometown, pi?.hometown),
            ...kv(d.hobbies, pi?.hobbies.join(locale === 'zh-CN' ? '、' : ', ')),
            ...kv(d.career, pi?.career),
            ...kv(d.pnotes, pi?.notes),
            ...kv(d.notes, p.notes),
          ].filter((x): x is string => !!x);
          return [p.name, parts.join(sep) || DASH];
        }),
        { dense: true },
      ),
    );
  if (deal.next_steps.length)
    out.push(table([col(d.step, 3), col(d.date, 1, 'center'), col(d.owner, 1)], deal.next_steps.map((s) => [s.step, s.date ?? DASH, s.owner ?? DASH]), { caption: d.next, dense: true }));
  return out;
}

const l0 = (locale: 'zh-CN' | 'en') => (locale === 'zh-CN' ? '姓名' : 'Name');
