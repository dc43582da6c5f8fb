/** The proposal's cover: title, who it is for, who sends it, the rep's contacts, date and document number. */
import type { Cover } from '../../tree/nodes.js';
import type { ProposalEnv } from './env.js';

export function coverOf({ deal, ctx, L, zh, seller, customer, date }: ProposalEnv): Cover {
  return {
    type: 'cover',
    kicker: L.kicker,
    title: deal.title,
    subtitle: deal.subtitle,
    preparedFor: L.preparedFor(customer),
    company: seller,
    companySecondary: zh ? ctx.company.name_en : undefined,
    lines: [
      { label: L.rep, value: [deal.rep.name, deal.rep.title].filter(Boolean).join(zh ? ' · ' : ', ') },
      ...(deal.rep.phone ? [{ label: L.phone, value: deal.rep.phone }] : []),
      ...(deal.rep.email ? [{ label: L.email, value: deal.rep.email }] : []),
      { label: L.date, value: date },
      ...(deal.doc_no ? [{ label: L.docNo, value: deal.doc_no + (deal.version ? ` · ${L.version} ${deal.version}` : '') }] : []),
    ],
    logo: ctx.logo,
  };
}
