/**
 * Method and catalogue issues point into the deal file. Their positions are looked up once per
 * deal field and shared by the deal's documents (src/pipeline/deal-documents.ts): each issue
 * must still point at its own field, in every document and on every planning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeal } from '../../src/data/deals/read.js';
import { createContext } from '../../src/pipeline/context.js';
import { dealDocument, planDealDocument } from '../../src/pipeline/deal-documents.js';
import { ROOT } from '../helpers/cli.js';

describe('issue positions', () => {
  it('point each flagged field at its own line and column, the same in every planning of the deal', async () => {
    const created = createContext({ dataDir: join(ROOT, 'data'), outDir: join(ROOT, 'out-unused'), formats: ['pdf'] });
    const ctx = created.ctx!;
    const file = join(ROOT, 'data/deals/ruisheng-ict-2027.md');
    const { deal } = await readDeal(file, 'data/deals/ruisheng-ict-2027.md', { defaultLocale: ctx.config.locale, fonts: ctx.fonts });
    const lines = readFileSync(file, 'utf8').split('\n');
    const seen: string[] = [];
    for (const doc of ['swot-brief', 'proposal', 'swot-brief']) {
      const planned = await planDealDocument(dealDocument(doc), deal!, ctx);
      for (const d of planned.diagnostics) {
        const key = String(d.field).replace(/\[\d+\]/g, '').split('.').pop()!;
        // The line holds the flagged field's key, and the column is where its value starts.
        expect(lines[d.line! - 1]).toContain(`${key}:`);
        expect(lines[d.line! - 1]!.indexOf(`${key}:`) + key.length + 3).toBe(d.column);
        seen.push(`${doc} ${d.field} ${d.line}:${d.column}`);
      }
    }
    const brief = seen.filter((s) => s.startsWith('swot-brief'));
    expect(new Set(brief.map((s) => s.split(' ')[1])).size).toBeGreaterThanOrEqual(2);
    expect(brief.slice(0, brief.length / 2)).toEqual(brief.slice(brief.length / 2));
  });
});
