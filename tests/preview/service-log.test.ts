/** The preview's console line after a rebuild uses watch's words: an invalid input is "not rebuilt", never "up to date". */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PreviewService } from '../../src/preview/service.js';
import { copyProject } from '../helpers/cli.js';

describe('preview log', () => {
  it('an invalid deal is reported as not rebuilt, with its diagnostic', async () => {
    const proj = copyProject();
    const deal = join(proj, 'data/deals/qichen-burnin-2027.md');
    writeFileSync(deal, readFileSync(deal, 'utf8').replace(/^stage: .*$/m, 'stage: evalution'));
    const lines: string[] = [];
    const service = new PreviewService({
      request: { dataDir: join(proj, 'data'), outDir: join(proj, 'out'), configPath: join(proj, 'dealdoc.config.yaml'), formats: ['pdf'], only: ['qichen-burnin-2027'] },
      configPath: join(proj, 'dealdoc.config.yaml'),
      log: (l) => lines.push(l),
    });
    try {
      await service.start();
    } finally {
      await service.close();
    }
    expect(lines[0]).toMatch(/^\[[\d:]+\] not rebuilt: 1 invalid file\(s\) — fix them; the last good documents are kept in \d+ ms$/);
    expect(lines.some((l) => /qichen-burnin-2027\.md:\d+:\d+: .*evalution/.test(l))).toBe(true);
  }, 60_000);
});
