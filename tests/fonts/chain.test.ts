/**
 * The font chain: lazy loading, the missing-glyph diagnostic, `fonts:` in the config, the
 * TrueType subsetter on composite glyphs and short hmtx, and the CommonMark spec examples.
 */
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { parseNarrative } from '../../src/compose/index.js';
import { readDeal } from '../../src/data/deals/read.js';
import type { DocMeta } from '../../src/tree/nodes.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { resolveFontChain } from '../../src/fonts/fonts-config.js';
import { BUILTIN_FAMILIES, DEFAULT_CHAIN, familiesFor, fontSetFor, loadedFontFiles, missingGlyphs, openFont } from '../../src/fonts/fonts.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { sfnt } from '../../src/writers/pdf/sfnt.js';
import { encodeSubset } from '../../src/writers/pdf/subset.js';
import { ROOT } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const FIXTURE = readFileSync(join(import.meta.dirname, 'fixtures/bacninh-multiscript-2027.md'), 'utf8');

const meta = (locale: 'zh-CN' | 'en'): DocMeta => ({
  title: 't',
  locale,
  header: { left: '科松', right: '测试' },
  footer: { pageLabel: '第 {page} 页 / 共 {pages} 页' },
  orientation: 'portrait',
  brandColor: '#1F5FAF',
  created: new Date(0),
});

describe('fonts load lazily', () => {
  // First in this file: nothing else has opened a font in this worker yet.
  it('a Chinese-only document opens Noto Sans SC and nothing else', async () => {
    const tree = { type: 'root' as const, children: parseNarrative('# 标题\n\n华新精密 SMT 产线 3D AOI，检出率 ≥ 99.5%，节拍 14.5 秒/板。\n\n| 项目 | 金额 |\n|---|---:|\n| 设备 | ¥366,000.00 |') };
    await renderPdf(tree, meta('zh-CN'), { assetRoots: [] });
    expect(loadedFontFiles().map((f) => f.split('/').pop())).toEqual(['NotoSansSC_400Regular.ttf', 'NotoSansSC_700Bold.ttf']);
  });
});

describe('the chain', () => {
  it('has every family of the issue, regular and bold where the family has them, and Noto Emoji last', () => {
    expect(BUILTIN_FAMILIES.map((f) => f.id)).toEqual(['noto-sans-sc', 'noto-sans', 'noto-sans-thai', 'noto-sans-kr', 'noto-sans-jp', 'noto-sans-math', 'noto-sans-symbols-2', 'noto-emoji']);
    for (const f of BUILTIN_FAMILIES) {
      expect(openFont(f.regular).familyName).toBe(f.name);
      if (f.bold) expect(openFont(f.bold).familyName).toBe(f.name);
    }
    expect(familiesFor(DEFAULT_CHAIN, 'en').map((f) => f.id).slice(0, 2)).toEqual(['noto-sans', 'noto-sans-sc']);
  });

  it('picks the first family with the glyph, per character', () => {
    const fonts = fontSetFor(DEFAULT_CHAIN, 'zh-CN');
    const family = (ch: string) => fonts.families[fonts.face(ch.codePointAt(0)!, false) >> 1]?.id;
    expect(family('中')).toBe('noto-sans-sc');
    expect(family('ắ')).toBe('noto-sans-sc'); // Noto Sans SC has Vietnamese letters
    expect(family('ἀ')).toBe('noto-sans');
    expect(family('ẞ')).toBe('noto-sans');
    expect(family('ร')).toBe('noto-sans-thai');
    expect(family('한')).toBe('noto-sans-kr');
    expect(family('⌀')).toBe('noto-sans-math');
    expect(family('✗')).toBe('noto-sans-symbols-2');
    expect(family('✅')).toBe('noto-emoji');
    expect(missingGlyphs('3σ Δh µm Ω ± °C ẞ ἀρχή ✅ Bắc Ninh โรงงาน 한국 オムロン ⌀ ☐ ✗\u200b\ufe0f', fonts)).toEqual([]);
    expect(missingGlyphs('a\ue000b', fonts)).toEqual([{ char: '\ue000', codePoint: 0xe000, index: 1 }]);
  });
});

describe('the missing-glyph diagnostic', () => {
  it('names file, line, column, field and the character, in the same pass as schema errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealdoc-glyph-'));
    const file = join(dir, 'bad.md');
    const text = FIXTURE.replace('id: bacninh-multiscript-2027\n', 'id: bad\n')
      .replace('  name: Công ty TNHH Điện tử Bắc Ninh', '  name: Công ty \ue000 Bắc Ninh')
      .replace('stage: evaluation', 'stage: nonsense')
      .replace('Khách hàng Điện tử', 'Khách hàng 𓀀 Điện tử');
    writeFileSync(file, text);
    const { deal, diagnostics } = await readDeal(file, 'data/deals/bad.md', { defaultLocale: 'zh-CN' });
    expect(deal).toBeUndefined();
    const shown = diagnostics.map((d) => d.format());
    const line = (s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;
    expect(shown.some((s) => s.includes('stage'))).toBe(true);
    const name = shown.find((s) => s.includes('U+E000'))!;
    expect(name).toContain(`data/deals/bad.md:${line('Công ty \ue000')}:`);
    expect(name).toContain('private-use character');
    expect(name).toContain('customer.name');
    const body = shown.find((s) => s.includes('U+13000'))!;
    expect(body).toContain('Egyptian_Hieroglyphs script');
    expect(body).toContain(`data/deals/bad.md:${line('𓀀')}:${text.split('\n')[line('𓀀') - 1].indexOf('𓀀') + 1}:`);
  });

  it('passes a deal in every script the chain covers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealdoc-glyph-'));
    const file = join(dir, 'bacninh-multiscript-2027.md');
    writeFileSync(file, FIXTURE);
    const { deal, diagnostics } = await readDeal(file, 'x.md', { defaultLocale: 'zh-CN' });
    expect(diagnostics.map((d) => d.format())).toEqual([]);
    expect(deal?.customer.name).toBe('Công ty TNHH Điện tử Bắc Ninh');
  });
});

describe('fonts: in the config', () => {
  it('adds and reorders families; the families dealdoc ships follow; bad entries are errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealdoc-fontcfg-'));
    mkdirSync(join(dir, 'fonts'));
    copyFileSync(join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf'), join(dir, 'fonts/Company-Regular.ttf'));
    const config = join(dir, 'dealdoc.config.yaml');
    const { spec, errors } = resolveFontChain(
      ['noto-emoji', '@expo-google-fonts/noto-sans-kr', { name: 'Company Sans', regular: 'fonts/Company-Regular.ttf' }, '../outside.ttf', 'no-such-font-package', 'fonts/missing.ttf'],
      config,
    );
    expect(spec.families.slice(0, 3).map((f) => f.name)).toEqual(['Noto Emoji', 'Noto Sans KR', 'Company Sans']);
    expect(spec.families.map((f) => f.id)).toContain('noto-sans-sc');
    expect(spec.families.length).toBe(BUILTIN_FAMILIES.length + 1);
    expect(errors.map((e) => e.index)).toEqual([3, 4, 5]);
    expect(errors[0].message).toMatch(/outside the config's folder/);
    // Two families with one PostScript name get distinct PDF resource names.
    const set = fontSetFor(spec, 'zh-CN');
    const names = spec.families.map((_, i) => set.pdfName(2 * i));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the TrueType subsetter', () => {
  /** Subset like pdfkit does (glyph list, components appended), parse the result back, compare glyphs. */
  function roundTrip(font: fontkit.Font, ids: number[]) {
    const glyphs = [0, ...ids];
    const include = (id: number) => {
      let i = glyphs.indexOf(id);
      if (i < 0) i = glyphs.push(id) - 1;
      return i;
    };
    const bytes = encodeSubset(font, glyphs, include);
    const subset = fontkit.create(Buffer.from(bytes)) as fontkit.Font;
    expect(subset.numGlyphs).toBe(glyphs.length);
    glyphs.forEach((id, i) => {
      const want = font.getGlyph(id);
      const got = subset.getGlyph(i);
      expect(got.advanceWidth, `glyph ${id}`).toBe(want.advanceWidth);
      expect(got.path.toSVG(), `glyph ${id}`).toBe(want.path.toSVG());
    });
    return glyphs.length;
  }

  it('copies composite glyphs with their components remapped', () => {
    const font = openFont(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'));
    const d = sfnt(font)!;
    const composite = [...'ắặễộữỹǺǻ'].map((c) => font.glyphForCodePoint(c.codePointAt(0)!).id).filter((id) => d.view.getInt16(d.glyf + d.loca[id]) < 0);
    expect(composite.length).toBeGreaterThan(3);
    // Components join the subset beyond the requested glyphs.
    expect(roundTrip(font, composite)).toBeGreaterThan(composite.length + 1);
  });

  it('reads advances and side bearings of glyphs past numberOfHMetrics (short hmtx)', () => {
    const font = openFont(require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'));
    const nh = (font as unknown as { hhea: { numberOfMetrics: number } }).hhea.numberOfMetrics;
    expect(nh).toBeLessThan(font.numGlyphs);
    const tail = [nh, nh + 1, font.numGlyphs - 1, nh - 1, 5].filter((id) => font.getGlyph(id).path.commands.length > 0);
    expect(tail.length).toBeGreaterThan(2);
    roundTrip(font, tail);
    const d = sfnt(font)!;
    for (const id of tail) expect(d.advance(id)).toBe(font.getGlyph(id).advanceWidth);
  });
});

describe('CommonMark specification examples', () => {
  const { tests } = require('commonmark-spec') as { tests: { markdown: string; example: number }[] };

  it('has the 652 examples', () => expect(tests.length).toBe(652));

  it('every example passes the glyph check and renders to PDF and DOCX', async () => {
    const fonts = fontSetFor(DEFAULT_CHAIN, 'zh-CN');
    const failures: string[] = [];
    for (const t of tests) {
      // What the glyph check sees: the narrative text (tabs and arrows included).
      if (missingGlyphs(t.markdown, fonts).length) failures.push(`example ${t.example}: missing glyph`);
      const tree = { type: 'root' as const, children: parseNarrative(t.markdown) };
      try {
        const [pdf, docx] = await Promise.all([renderPdf(tree, meta('zh-CN'), { assetRoots: [] }), renderDocx(tree, meta('en'), { assetRoots: [] })]);
        if (pdf.subarray(0, 5).toString() !== '%PDF-' || docx[0] !== 0x50) failures.push(`example ${t.example}: bad output`);
      } catch (e) {
        failures.push(`example ${t.example}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
