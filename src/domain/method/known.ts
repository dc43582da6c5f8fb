/** What the deal file already tells us, per kind of information — the other half of completeness. */
import type { Deal } from '../deal.js';
import { criterionText } from '../deal.js';
import type { InfoKind } from './gaps.js';
import { qualify } from './qualification.js';
import { ROLE_INFO, type Role } from './roles.js';
import { bi, countEn, joinList, type Bilingual } from './text.js';

export function knownInformation(deal: Deal): Record<InfoKind, Bilingual[]> {
  const { customer, contacts, competitors, needs, quote } = deal;
  const profile = [customer.industry, customer.scale, customer.nature].filter((x): x is string => !!x);
  const roles = (Object.keys(ROLE_INFO) as Role[]).filter((r) => contacts.some((c) => c.role === r));
  const guides = contacts.filter((c) => c.guide).map((c) => c.name);
  // Supporters and opponents by buying role: 决策者 王建国、评估者 赵敏.
  const byRole = (attitude: 'supporter' | 'opponent', loc: 'zh-CN' | 'en') =>
    contacts.filter((c) => c.attitude === attitude).map((c) => (c.role ? `${ROLE_INFO[c.role].label[loc]} ${c.name}` : c.name));
  const criteria = needs.problems.flatMap((p) => p.criteria.map(criterionText));
  const comparisons = competitors.reduce((n, c) => n + c.comparison.length, 0);
  const q = qualify(deal);
  const answered = q.answers.length - q.missing.length;
  const when = <T>(cond: boolean, v: T): T[] => (cond ? [v] : []);

  return {
    situation: [
      ...when(profile.length > 0, joinList(profile)),
      ...when(customer.situation.length > 0, bi(`现状记录 ${customer.situation.length} 条`, `${countEn(customer.situation.length, 'fact')} on the current situation`)),
    ],
    organization: when(customer.organization.length > 0, bi(`${customer.organization.length} 个部门：${joinList(customer.organization.map((o) => o.department))['zh-CN']}`, `${countEn(customer.organization.length, 'department')}: ${joinList(customer.organization.map((o) => o.department)).en}`)),
    personal: [
      ...when(contacts.length > 0, bi(`${contacts.length} 位联系人`, countEn(contacts.length, 'contact'))),
      ...when(roles.length > 0, bi(`已覆盖角色：${joinList(roles.map((r) => ROLE_INFO[r].label['zh-CN']))['zh-CN']}`, `Roles covered: ${joinList(roles.map((r) => ROLE_INFO[r].label.en)).en}`)),
      ...when(guides.length > 0, bi(`向导：${joinList(guides)['zh-CN']}`, `Guide: ${joinList(guides).en}`)),
      ...when(byRole('supporter', 'en').length > 0, bi(`支持者：${joinList(byRole('supporter', 'zh-CN'))['zh-CN']}`, `Supporters: ${joinList(byRole('supporter', 'en')).en}`)),
      ...when(byRole('opponent', 'en').length > 0, bi(`反对者：${joinList(byRole('opponent', 'zh-CN'))['zh-CN']}`, `Opponents: ${joinList(byRole('opponent', 'en')).en}`)),
    ],
    competitive: [
      ...when(competitors.length > 0, bi(`${competitors.length} 个竞争对手：${joinList(competitors.map((c) => c.name))['zh-CN']}`, `${countEn(competitors.length, 'competitor')}: ${joinList(competitors.map((c) => c.name)).en}`)),
      ...when(comparisons > 0, bi(`逐项对比 ${comparisons} 条`, countEn(comparisons, 'criterion-by-criterion comparison'))),
    ],
    needs: [bi(`${needs.problems.length} 个需求，${criteria.length} 条采购标准`, `${countEn(needs.problems.length, 'need')}, ${countEn(criteria.length, 'purchase criterion', 'purchase criteria')}`)],
    qualification: [bi(`已回答 ${answered}/5`, `${answered} of 5 answered`)],
    quote: [
      bi(`${quote.items.length} 个报价项`, countEn(quote.items.length, 'quote line')),
      ...when(!!quote.valid_until, bi(`有效期至 ${quote.valid_until}`, `Valid until ${quote.valid_until}`)),
    ],
  };
}
