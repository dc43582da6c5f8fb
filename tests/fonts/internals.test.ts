/**
 * Library internals behind adapters (issue 10): with DEALDOC_LIBRARY_INTERNALS=off (what another
 * pdfkit/fontkit/docx version gets) every writer takes the libraries' public path and the
 * documents keep their text; the pinned versions are the checked ones.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseNarrative } from '../../src/compose/index.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { resetSkeletons } from '../../src/writers/docx/package.js';
import { openFont, BUILTIN_FAMILIES } from '../../src/fonts/fonts.js';
import { CHECKED, installedVersion, resetInternalsCheck } from '../../src/writers/internals/check.js';
import { rawTables } from '../../src/writers/internals/fontkit.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { ROOT } from '../helpers/cli.js';
import { docxXml, pdfText } from '../helpers/extract.js';
import { testMeta } from '../helpers/meta.js';

const meta = testMeta({ header: { left: '科松', right: '测试' }, brandColor: '#1F5FAF', created: new Date(0) });
const MD = '# 方案 Bắc Ninh\n\nโรงงานระยอง 한국정밀 3σ Δh ≤ 5 µm ✅ ἀρχή\n\n| a | b |\n|---|---|\n| 华新 | Hải Phòng |';
const tree = () => ({ type: 'root' as const, children: parseNarrative(MD) });
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

afterAll(() => {
  delete process.env.DEALDOC_LIBRARY_INTERNALS;
  resetInternalsCheck();
  resetSkeletons();
});

describe('library internals', () => {
  it('pdfkit, fontkit, docx and exceljs are pinned to the versions the reach-ins were checked against', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { dependencies: Record<string, string> };
    for (const lib of ['pdfkit', 'fontkit', 'docx', 'exceljs'] as const) {
      expect(pkg.dependencies[lib]).toBe(CHECKED[lib]);
      expect(installedVersion(lib)).toBe(CHECKED[lib]);
    }
  });

  it('with the internals off, PDF and DOCX take the public path and keep their text', async () => {
    const pdfOnBytes = await renderPdf(tree(), meta, { assetRoots: [] });
    const pdfOn = await pdfText(pdfOnBytes);
    const docxOn = docxXml(await renderDocx(tree(), meta, { assetRoots: [] }));
    process.env.DEALDOC_LIBRARY_INTERNALS = 'off';
    resetInternalsCheck();
    resetSkeletons();
    const stderr = vi.spyOn(process.stderr, 'write');
    const pdfOffBytes = await renderPdf(tree(), meta, { assetRoots: [] });
    const pdfOff = await pdfText(pdfOffBytes);
    // Really another path: pdfkit's own text operators and subsetter.
    expect(pdfOffBytes.equals(pdfOnBytes)).toBe(false);
    const docxOff = docxXml(await renderDocx(tree(), meta, { assetRoots: [] }));
    expect(squash(pdfOff)).toBe(squash(pdfOn));
    for (const s of ['Bắc Ninh', 'โรงงานระยอง', '한국정밀', '3σ', 'Δh≤5µm', '✅', 'ἀρχή', 'Hải Phòng']) expect(squash(pdfOff)).toContain(squash(s));
    // The docx slots fall back to public paragraphs and are replaced whole: the same document.
    expect(docxOff).toBe(docxOn);
    expect(rawTables(openFont(BUILTIN_FAMILIES[0].regular))).toBeNull();
    // "off" is the user's own choice: no warning; a version mismatch warns (check.ts).
    expect(stderr).not.toHaveBeenCalled();
    stderr.mockRestore();
  });
});
