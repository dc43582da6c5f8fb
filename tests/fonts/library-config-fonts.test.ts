/**
 * The library API reads a deal with the config's font chain, as the build does: a character only a
 * family named under `fonts:` has is printable, not a "no font of the chain" error.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/index.js';
import { copyProject, ROOT } from '../helpers/cli.js';

// A font whose glyphs sit in the Private Use Area, which no family dealdoc ships covers.
const CODICON = join(ROOT, 'node_modules/playwright-core/lib/vite/recorder/assets/codicon-DCmgc-ay.ttf');
const PUA = '\uEA60';

describe('renderDocument with fonts: in the config', () => {
  it('checks the deal against the config chain', async () => {
    const dir = copyProject();
    mkdirSync(join(dir, 'fonts'));
    copyFileSync(CODICON, join(dir, 'fonts/codicon.ttf'));
    const config = join(dir, 'dealdoc.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\nfonts:\n  - { name: Codicon, regular: fonts/codicon.ttf }\n`);
    const deal = join(dir, 'data/deals/huaxin-aoi-2026.md');
    writeFileSync(deal, readFileSync(deal, 'utf8').replace('title: 华新精密 SMT 产线 3D AOI 升级建议书', `title: 华新精密 SMT 产线 3D AOI 升级建议书 ${PUA}`));
    const withFont = await renderDocument(deal, 'proposal', 'pdf', { data: join(dir, 'data'), config });
    expect(withFont.diagnostics.filter((d) => d.severity === 'error').map((d) => d.format())).toEqual([]);
    expect(withFont.bytes?.subarray(0, 5).toString()).toBe('%PDF-');
    // Without the family the same character is refused, naming it: the check itself still runs.
    const configNoFont = join(dir, 'plain.config.yaml');
    copyFileSync(join(ROOT, 'dealdoc.config.yaml'), configNoFont);
    const without = await renderDocument(deal, 'proposal', 'pdf', { data: join(dir, 'data'), config: configNoFont });
    expect(without.diagnostics.map((d) => d.format()).join('\n')).toMatch(/U\+EA60.*cannot be printed/);
  });
});
