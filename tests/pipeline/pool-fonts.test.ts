/** The pool hands its workers the chain's first fonts in shared memory (one copy for all threads). */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FAMILIES } from '../../src/fonts/font-chain.js';
import { runJobs } from '../../src/pipeline/pool.js';
import { ROOT } from '../helpers/cli.js';

describe('worker pool fonts', () => {
  it('gives every worker Noto Sans SC and Noto Sans, regular and bold, as SharedArrayBuffers', async () => {
    const specs = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, kind: 'deal' as const, doc: 'proposal', dealId: id, file: `/x/${id}.md`, displayPath: `data/deals/${id}.md`, formats: ['pdf' as const] }));
    const results = await runJobs(specs, { dataDir: join(ROOT, 'data'), outDir: join(ROOT, '.tmp/pool-fonts-out'), configPath: join(ROOT, 'dealdoc.config.yaml'), formats: ['pdf'] }, 2, () => {}, {
      workerFile: join(import.meta.dirname, 'fixtures/fonts-worker.mjs'),
    });
    const expected = BUILTIN_FAMILIES.slice(0, 2)
      .flatMap((f) => [f.regular, f.bold!])
      .map((p) => `${p}:${statSync(p).size}`)
      .sort();
    expect(results).toHaveLength(6);
    for (const r of results) expect((JSON.parse(r.diagnostics[0]!.message) as string[]).sort(), r.id).toEqual(expected);
  });
});
