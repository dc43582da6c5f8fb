/**
 * The library's build() keeps the CLI's --out rules: an embedding program that passes the data
 * folder, or the project folder as `out` (`/` is covered by the unit test of outDirProblem: a mutation run must not write there) gets a diagnostic, and nothing is written there.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';

describe('build() from code: the out folder rules', () => {
  const proj = mkdtempSync(join(tmpdir(), 'dealdoc-api-out-'));
  mkdirSync(join(proj, 'data/deals'), { recursive: true });
  const config = join(proj, 'dealdoc.config.yaml');
  writeFileSync(config, 'company: { name: x }\n');
  const data = join(proj, 'data');

  it.each([
    [data, /^.*: out: .* is the data folder/],
    [join(data, 'deals'), /is inside the data folder/],
    [proj, /is the project folder/],
    [config, /is a file, not a folder/],
  ])('out = %s is refused', async (out, message) => {
    const before = readdirSync(data).concat(readdirSync(proj));
    const s = await build({ data, config, out });
    expect(s.ok).toBe(false);
    expect(s.diagnostics.map((d) => d.format())).toEqual([expect.stringMatching(message)]);
    expect(readdirSync(data).concat(readdirSync(proj))).toEqual(before);
  });
});
