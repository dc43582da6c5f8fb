/**
 * `--only` reads only the deal files that can be the named deals: a file named after an id, or
 * one that spells an id out (or escapes something). The others are not parsed — a broken deal
 * elsewhere in the folder is not this build's problem — yet every way of naming a deal is found.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildRequest } from '../../src/pipeline/build.js';
import { copyProject } from '../helpers/cli.js';

function project() {
  const dir = copyProject();
  const deals = join(dir, 'data/deals');
  const huaxin = readFileSync(join(deals, 'huaxin-aoi-2026.md'), 'utf8');
  // A deal without `id:` (named by its file), one whose id is written with a YAML escape, and a broken one.
  writeFileSync(join(deals, 'by-name-7.md'), huaxin.replace(/^id: .*\n/m, ''));
  writeFileSync(join(deals, 'escaped.md'), huaxin.replace(/^id: .*$/m, 'id: "esc\\x61ped-9"'));
  writeFileSync(join(deals, 'broken.md'), '---\nid: broken-1\ncustomer: [\n---\n');
  const request = (only: string[]): BuildRequest => ({ dataDir: join(dir, 'data'), outDir: join(dir, 'out'), formats: ['pdf'], only, documents: ['proposal'], configPath: join(dir, 'dealdoc.config.yaml') });
  return { dir, request };
}

describe('--only', () => {
  it('finds a deal by file name, by a plain id and by an escaped id, and does not read unrelated broken files', async () => {
    const { dir, request } = project();
    try {
      const r = await build(request(['by-name-7', 'escaped-9', 'qichen-burnin-2027']));
      const built = r.explain.filter((e) => e.action === 'built').map((e) => e.id).sort();
      expect(built).toEqual(['by-name-7/proposal', 'escaped-9/proposal', 'qichen-burnin-2027/proposal'].sort());
      expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.format())).toEqual([]);
      expect(r.diagnostics.some((d) => d.file?.includes('broken.md'))).toBe(false);
      // Naming the broken deal reads it, and its error is reported.
      const broken = await build(request(['broken-1']));
      expect(broken.diagnostics.some((d) => d.file?.includes('broken.md') && d.severity === 'error')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
