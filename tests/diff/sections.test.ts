/** The narrative is compared per heading; headings inside fenced code are text. */
import { describe, expect, it } from 'vitest';
import { narrativeSections } from '../../src/diff/deal-diff.js';

describe('narrativeSections', () => {
  it('splits at ATX headings outside code fences, keeps the opening text and numbers repeats', () => {
    const s = narrativeSections('Intro line.\n\n## 背景\nA\n```\n# not a heading\n```\n### Plan ##\nB\n## 背景\nC\n');
    expect([...s.keys()]).toEqual(['', '背景', 'Plan', '背景 (2)']);
    expect(s.get('背景')).toContain('# not a heading');
    expect(s.get('')).toBe('Intro line.');
  });
});
