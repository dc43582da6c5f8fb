/**
 * `dealdoc build` runs a small build without TurboFan and turns it back on for anything bigger
 * (src/cli/jit.ts). Which builds count as small, and the switch itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { goFull, isLight, isSmallBuild, SMALL_BUILD_JOBS, startLight } from '../../src/cli/jit.js';
import type { PlannedJob } from '../../src/pipeline/plan.js';

const deal = (id: string, reason?: string): PlannedJob => ({ spec: { id, kind: 'deal', doc: 'proposal', dealId: id, file: `/d/${id}.md`, displayPath: `d/${id}.md`, formats: ['pdf'] }, parts: {}, reason });
const report = (reason?: string): PlannedJob => ({ spec: { id: 'receivables/2025-12', kind: 'report', asOf: '2025-12-31' as never, dir: '2025-12', formats: ['pdf'] }, parts: {}, reason });

afterEach(() => goFull());

describe('small builds', () => {
  it('are at most a few deal documents to render, and no report', () => {
    const upToDate = Array.from({ length: 400 }, (_, i) => deal(`d${i}`));
    expect(isSmallBuild(upToDate)).toBe(true);
    expect(isSmallBuild([...upToDate, deal('x/proposal', 'source changed'), deal('x/swot-brief', 'source changed')])).toBe(true);
    expect(isSmallBuild(Array.from({ length: SMALL_BUILD_JOBS + 1 }, (_, i) => deal(`e${i}`, 'new')))).toBe(false);
    expect(isSmallBuild([deal('x/proposal', 'source changed'), report('ledger rows changed')])).toBe(false);
    expect(isSmallBuild([deal('x/proposal', 'source changed'), report()])).toBe(true);
  });

  it('start light and go full once; DEALDOC_JIT=full keeps TurboFan on', () => {
    startLight({ DEALDOC_JIT: 'full' });
    expect(isLight()).toBe(false);
    startLight({});
    expect(isLight()).toBe(true);
    goFull();
    expect(isLight()).toBe(false);
    goFull();
    expect(isLight()).toBe(false);
  });
});
