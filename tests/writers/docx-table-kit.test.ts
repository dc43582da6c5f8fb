/**
 * DOCX column sizing (src/writers/docx/table-kit.ts) measures every cell of a report's tables; its
 * shortcuts (a memo of each character's advance, one token measured whole) must size exactly as
 * the plain walk over words and CJK pieces did (pinned below), or the columns — and the file — would change.
 */
import { describe, expect, it } from 'vitest';
import { contentWidths, unbreakableTwips } from '../../src/writers/docx/table-kit.js';

const TEXTS = ['1,097,250.00', '(5.00)', '2026-10-31', 'INV-2026-0012', 'KS-3D-AOI-500', '', '   ', ' 12.5% ', 'Acme Trading Co.', '华鑫精密 HX-200', '单价（元）', '应收账款\u3000合计', 'a\u00a0b', 'x\ty', 'Überweisung', '🙂 ok', 'ＡＢＣ'];
/** Twips of each text's widest unbreakable piece at 8, 9 and 10 pt, without and with code hyphens:
 * pinned from the plain walk over words, hyphen splits and CJK pieces that the sizing replaced. */
const EXPECTED = [
  [1153, 1153, 1297, 1297, 1441, 1441],
  [519, 519, 584, 584, 649, 649],
  [980, 980, 1102, 1102, 1224, 1224],
  [1335, 490, 1502, 551, 1668, 612],
  [1335, 423, 1502, 476, 1668, 528],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [452, 452, 508, 508, 564, 564],
  [695, 695, 782, 782, 868, 868],
  [621, 317, 699, 357, 777, 396],
  [160, 160, 180, 180, 200, 200],
  [160, 160, 180, 180, 200, 200],
  [96, 96, 108, 108, 120, 120],
  [96, 96, 108, 108, 120, 120],
  [1028, 1028, 1156, 1156, 1284, 1284],
  [192, 192, 216, 216, 240, 240],
  [160, 160, 180, 180, 200, 200],
];

describe('DOCX column sizing', () => {
  it('measures every text as the plain walk did, with and without code hyphens', () => {
    expect(TEXTS.map((t) => [16, 18, 20].flatMap((hp) => [false, true].map((codeHyphens) => unbreakableTwips(t, hp, false, codeHyphens))))).toEqual(EXPECTED);
  });

  it('widens a column to its longest unbreakable token, counting a repeated text once', () => {
    const rows = [['C-1', '1,097,250.00'], ['C-1', '5.00'], ['C-2', '12.00']];
    const [a, b] = contentWidths([1, 1], ['客户', '余额'], rows, 6000, 16);
    expect((a ?? 0) + (b ?? 0)).toBe(6000);
    expect(b).toBeGreaterThanOrEqual(1153 + 170 + 40); // '1,097,250.00' at 8 pt, plus padding
  });
});
