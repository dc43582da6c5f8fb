/**
 * Both writers size a Markdown table's columns by one rule (src/writers/column-widths.ts): a cell's
 * width demand counts a wide character (CJK, kana, Hangul, full-width forms, emoji) twice.
 */
import { describe, expect, it } from 'vitest';
import { demandWeight, textDemand } from '../../src/writers/column-widths.js';

describe('column width demand', () => {
  it('counts wide characters twice, everything else once', () => {
    expect(textDemand('Weeks after PO')).toBe(14);
    expect(textDemand('检出率')).toBe(6);
    expect(textDemand('한국')).toBe(4);
    expect(textDemand('ＡＢ')).toBe(4);
    expect(textDemand('🙂 ok')).toBe(5);
    expect(textDemand('Bắc Ninh — ±3σ')).toBe(14);
    expect(textDemand('')).toBe(0);
  });
  it('weighs a demand by its square root, between 6 and 40', () => {
    expect(demandWeight(0)).toBe(Math.sqrt(6));
    expect(demandWeight(16)).toBe(4);
    expect(demandWeight(1000)).toBe(Math.sqrt(40));
  });
});
