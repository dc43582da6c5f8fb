/** Scaffold placeholders anywhere a customer reads them stop the proposal (issue 12). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveQuoteItems } from '../../src/data/catalog.js';
import { readDeal } from '../../src/data/deals/read.js';
import { lintProposal } from '../../src/domain/method/index.js';
import { ROOT } from '../helpers/cli.js';

describe('lintProposal', () => {
  it('finds placeholders in criteria, responses, why-us points, next steps and terms, with their paths', async () => {
    const { deal } = await readDeal(join(ROOT, 'data/deals/huaxin-aoi-2026.md'), 'data/deals/huaxin-aoi-2026.md', { defaultLocale: 'zh-CN', checkGlyphs: false });
    expect(deal).toBeDefined();
    const d = deal!;
    const items = () => resolveQuoteItems(d.quote.items, d.quote.currency, d.locale, undefined);
    expect(lintProposal(d, items()).filter((i) => i.rule === 'proposal/placeholder')).toEqual([]);
    d.needs.problems[0]!.criteria[0] = '（产品名称）的节拍';
    d.needs.problems[1]!.criteria.push({ criterion: '精度', response: '(our solution)' });
    d.why_us[0]!.point = '（我们的解决方案）';
    d.next_steps[0]!.step = '(item) 演示';
    d.quote.payment_terms = '（客户简称）预付 30%';
    const paths = lintProposal(d, items())
      .filter((i) => i.rule === 'proposal/placeholder')
      .map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['needs.problems.0.criteria.0', `needs.problems.1.criteria.${d.needs.problems[1]!.criteria.length - 1}.response`, 'why_us.0.point', 'next_steps.0.step', 'quote.payment_terms']),
    );
  });
});
