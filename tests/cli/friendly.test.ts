/** The friendly-diagnostics module on its own: slips found (and not found in prose), plain YAML words, did-you-mean, Chinese, language choice. */
import { describe, expect, it } from 'vitest';
import { dealSchema } from '../../src/data/deal-schema.js';
import { allFieldNames, closest, fieldsAt, plainYaml, resolveLang, scanTypingSlips, translateZh } from '../../src/data/friendly.js';
import { Diagnostic } from '../../src/diagnostics.js';

const fields = allFieldNames(dealSchema);
const scan = (text: string) => scanTypingSlips(text, 'd.yaml', 0, fields).map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.severity}`);

describe('typing slips', () => {
  it('finds a full-width colon after a field, in a list item and in { }, and a full-width comma between fields', () => {
    expect(scan('title：方案\n')).toEqual(['1:6 full-width-colon error']);
    expect(scan('items:\n  - name：设备\n')).toEqual(['2:9 full-width-colon error']);
    expect(scan('quote: { items: [{ name: 设备， qty: 1, unit_price： 5 }] }\n')).toEqual(['1:48 full-width-colon error', '1:28 full-width-comma error']);
    expect(scan('rep:\n\u3000\u3000name: 李明\n')).toEqual(['2:1 full-width-space error']);
    expect(scan('rep:\n \u3000name: 李明\n')).toEqual(['2:2 full-width-space error']);
  });

  it('leaves prose alone: Chinese punctuation in values, block scalars, comments, words that are not fields', () => {
    expect(scan('title: 方案：第一期，二期\nneeds:\n  goal: 提升，降低：成本\n')).toEqual([]);
    expect(scan('body: |\n  SMT：产线\n  \u3000\u3000首行缩进的段落。\n  title：不是字段\nstage: evaluation\n')).toEqual([]);
    expect(scan('# title：注释\nsituation: [AOI，X-Ray]\n')).toEqual([]);
    expect(scan('SMT：产线\n')).toEqual([]);
    // after the block scalar ends, slips count again
    expect(scan('body: |\n  text\ntitle：x\n')).toEqual(['3:6 full-width-colon error']);
  });

  it('names the fix in English and Chinese', () => {
    const [d] = scanTypingSlips('title：方案\n', 'd.yaml', 0, fields);
    expect(d.format()).toBe('d.yaml:1:6: full-width colon "：" after "title": type an ASCII colon and a space ("title: …")');
    expect(d.format('zh')).toBe('d.yaml:1:6: "title" 后面是全角冒号"："：请改成半角冒号加一个空格（"title: …"）');
  });
});

describe('plain words, did you mean, Chinese', () => {
  it('rewrites the YAML library\'s messages', () => {
    const raw = new Diagnostic({ file: 'd.md', line: 3, column: 8, rule: 'syntax', message: 'YAML syntax error: Nested mappings are not allowed in compact mappings' });
    expect(plainYaml(raw).format()).toBe('d.md:3:8: YAML syntax error: a value contains ": " (colon and space): put the whole value in quotes, e.g. title: "方案: 第一期"');
    expect(plainYaml(raw).format('zh')).toMatch(/^d\.md:3:8: YAML 格式错误：值里含有"冒号\+空格"/);
  });

  it('suggests the closest enum value or field name, and nothing for a wild guess', () => {
    expect(closest('evalution', ['discover_needs', 'evaluation', 'commitment'])).toBe('evaluation');
    expect(closest('Evaluation', ['evaluation'])).toBeUndefined(); // same word: the message says enough
    expect(closest('banana', ['discover_needs', 'evaluation', 'commitment'])).toBeUndefined();
    expect(fieldsAt(dealSchema, ['quote', 'items', 0])).toContain('unit_price');
    expect(closest('unitprice', fieldsAt(dealSchema, ['quote', 'items', 0]))).toBe('unit_price');
    expect(fieldsAt(dealSchema, ['needs', 'problems', 0, 'criteria', 1])).toEqual(['criterion', 'response', 'key']);
  });

  it('translates the common messages and picks the language: --lang, then LANG, then the config', () => {
    expect(translateZh('required field is missing')).toBe('缺少必填字段');
    expect(translateZh('must be greater than 0, got -2')).toBe('必须大于 0，实际是 -2');
    expect(translateZh('something new')).toBeUndefined();
    // The method's warnings and the proposal's refusals read in Chinese too (no half-translated lines).
    expect(translateZh('KS-SP-PIN: 5% off the list price is below the floor (at most 0% without approval): needs approval')).toBe('KS-SP-PIN：比目录价低 5%，超出无需审批的最大折扣（0%）：需要审批');
    expect(translateZh('unfilled placeholder "（客户全称）" in a customer-facing document')).toBe('客户文件中仍有未填写的占位文字"（客户全称）"');
    expect(translateZh('purchase criterion "节拍 ≤ 18 秒" has no response and no catalogue specification: the proposal prints it alone — write how we meet it (response:) or give it a catalogue key (key:)')).toMatch(/^采购指标"节拍 ≤ 18 秒"既没有应对/);
    expect(resolveLang('zh', 'en', {})).toBe('zh');
    expect(resolveLang(undefined, 'en', { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(resolveLang(undefined, 'zh-CN', { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, 'zh-CN', { LANG: 'C.UTF-8' })).toBe('zh');
    expect(resolveLang(undefined, undefined, {})).toBe('en');
    expect(() => resolveLang('fr', undefined, {})).toThrow(/zh or en/);
  });
});
