/**
 * DOCX column sizing (src/writers/docx/table-kit.ts) measures every cell of a report's tables; its
 * shortcuts (a memo of each character's advance, one token measured whole) must size exactly as
 * the plain walk over words and CJK pieces does, or the columns — and the file — would change.
 */
import { describe, expect, it } from 'vitest';
import { contentWidths, textTwips, unbreakableTwips } from '../../src/writers/docx/table-kit.js';

/** The plain measure: every space-separated word, split after hyphens in codes, and at CJK characters. */
function plain(text: string, halfPoints: number, label = false, codeHyphens = false): number {
  const t = text.trim();
  if (label && Array.from(t).length <= 6) return textTwips(t, halfPoints);
  let widest = 0;
  for (const word of t.split(/\s+/)) {
    const parts = codeHyphens && /[A-Za-z]/.test(word) ? word.split(/(?<=-)/) : [word];
    for (const part of parts)
      for (const piece of part.split(/([\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF])/)) if (piece) widest = Math.max(widest, textTwips(piece, halfPoints));
  }
  return widest;
}

const TEXTS = ['1,097,250.00', '(5.00)', '2026-10-31', 'INV-2026-0012', 'KS-3D-AOI-500', '', '   ', ' 12.5% ', 'Acme Trading Co.', '华鑫精密 HX-200', '单价（元）', '应收账款\u3000合计', 'a\u00a0b', 'x\ty', 'Überweisung', '🙂 ok', 'ＡＢＣ'];

describe('DOCX column sizing', () => {
  it('measures every text as the plain walk does, with and without code hyphens', () => {
    for (const t of TEXTS)
      for (const hp of [16, 18, 20])
        for (const codeHyphens of [false, true]) expect([t, hp, codeHyphens, unbreakableTwips(t, hp, false, codeHyphens)]).toEqual([t, hp, codeHyphens, plain(t, hp, false, codeHyphens)]);
  });

  it('widens a column to its longest unbreakable token, counting a repeated text once', () => {
    const rows = [['C-1', '1,097,250.00'], ['C-1', '5.00'], ['C-2', '12.00']];
    const [a, b] = contentWidths([1, 1], ['客户', '余额'], rows, 6000, 16);
    expect((a ?? 0) + (b ?? 0)).toBe(6000);
    expect(b).toBeGreaterThanOrEqual(plain('1,097,250.00', 16) + 170 + 40);
  });
});
