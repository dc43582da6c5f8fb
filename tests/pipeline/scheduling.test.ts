import { describe, expect, it } from 'vitest';
import type { JobSpec } from '../../src/pipeline/job-spec.js';
import { longestFirst } from '../../src/pipeline/pool.js';

const deal = (id: string): JobSpec => ({ id, kind: 'deal', doc: 'proposal', dealId: id, file: `${id}.md`, displayPath: `${id}.md`, formats: ['pdf'] });
const report = (asOf: string): JobSpec => ({ id: `receivables/${asOf.slice(0, 7)}`, kind: 'report', asOf: asOf as never, dir: asOf.slice(0, 7), formats: ['pdf'] });

describe('longestFirst (pool scheduling)', () => {
  it('puts reports first, latest as-of first, then deal documents in their planned order', () => {
    const specs = [deal('a'), report('2024-01-31'), deal('b'), report('2025-06-30'), deal('c'), report('2024-12-31')];
    expect(longestFirst(specs).map((s) => s.id)).toEqual(['receivables/2025-06', 'receivables/2024-12', 'receivables/2024-01', 'a', 'b', 'c']);
  });
});
