/**
 * The proposal's view — exactly the `ProposalView` fields a template reads (view.ts): the
 * language's punctuation, labels, the customer and seller, the problems, why us, the quote's
 * figures, the terms, next steps, the rep, the date and the summary.
 */
import { formatDateLong } from '../../domain/dates.js';
import { productName, type ProposalEnv } from './env.js';
import { quoteFiguresOf } from './quote.js';
import { termsOf } from './terms.js';
import type { ProposalView } from './view.js';

export function viewOf(env: ProposalEnv, summary: ProposalView['summary']): ProposalView {
  const { deal, ctx, L, zh, seller, customer, customerShort, date } = env;
  const company = ctx.company;
  return {
    zh,
    colon: zh ? '：' : ': ',
    // A bold label ends inside the ** and any space follows it: "**Impact:** x" (a space before
    // the closing ** would stop it from closing).
    labelEnd: zh ? '：' : ':',
    gap: zh ? '' : ' ',
    open: zh ? '（' : ' (',
    close: zh ? '）' : ')',
    L: { ...L, whyHeading: L.whyHeading((zh ? company.short_name : (company.short_name_en ?? company.name_en ?? company.short_name)) ?? seller), goalIntro: L.goalIntro(customerShort) },
    title: deal.title,
    customer: { name: customer, shortName: customerShort, industry: deal.customer.industry },
    seller: { name: seller, address: zh ? company.address : (company.address_en ?? company.address), phone: company.phone, website: company.website, email: company.email },
    goal: deal.needs.goal,
    problems: deal.needs.problems.map((p, i) => ({
      n: i + 1,
      label: L.problem(i + 1),
      problem: p.problem,
      impact: p.impact,
      solution: p.solution,
      products: p.products.map((r) => productName(env, r)),
      criteriaSlot: p.criteria.length ? `criteria-${i + 1}` : undefined,
    })),
    whyUs: deal.why_us,
    quote: quoteFiguresOf(env),
    terms: termsOf(env),
    hasNarrative: ctx.narrative.length > 0,
    nextSteps: deal.next_steps.map((s) => ({ step: s.step, date: s.date ? formatDateLong(s.date, deal.locale) : undefined, owner: s.owner })),
    rep: deal.rep,
    date,
    summary,
  };
}
