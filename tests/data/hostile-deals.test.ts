/**
 * Hostile deal files (issue 10): every one ends in ONE positioned diagnostic, quickly, never a
 * hang, a stack overflow, a TypeError or silently lost fields. In-process through readDeal.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNarrative } from '../../src/compose/index.js';
import { checkMarkdownBounds } from '../../src/data/markdown-limits.js';
import { readDeal, splitFrontMatter } from '../../src/data/deals/read.js';
import { yamlDepth } from '../../src/data/yaml-source.js';
import { MINIMAL_DEAL_HEAD } from '../helpers/minimal-deal.js';

const dir = mkdtempSync(join(tmpdir(), 'dealdoc-hostile-'));

const HEAD = MINIMAL_DEAL_HEAD;

async function read(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const started = performance.now();
  const r = await readDeal(path, `data/deals/${name}`, { defaultLocale: 'zh-CN', checkGlyphs: false });
  return { ...r, ms: performance.now() - started, messages: r.diagnostics.map((d) => d.format()) };
}

const bombLevels = (n: number) => Array.from({ length: n }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(i ? `*l${i}` : 'x').join(', ')}]`).join('\n');

describe('front matter is delimited exactly', () => {
  it('a "----" line inside front matter is YAML (here an error), never a silent end of the fields', async () => {
    const r = await read('dash4.md', HEAD + '----\ninternal_notes: secret\n---\nbody\n');
    expect(r.deal).toBeUndefined();
    expect(r.messages).toEqual([expect.stringMatching(/^data\/deals\/dash4\.md:15:1: YAML syntax error/)]);
  });

  it('"--- x" inside front matter is a second YAML document: a diagnostic', async () => {
    const r = await read('dashx.md', HEAD + '--- x\ninternal_notes: secret\n---\n');
    expect(r.deal).toBeUndefined();
    expect(r.messages[0]).toMatch(/^data\/deals\/dashx\.md:15:1: /);
  });

  it('"---" inside a block scalar is text in YAML but closes front matter exactly where the body starts', async () => {
    const r = await read('scalar.md', HEAD + 'internal_notes: secret\n---\nbody ---- not a delimiter\n----\nmore\n');
    expect(r.messages).toEqual([]);
    expect(r.deal?.internal_notes).toBe('secret');
    expect(r.deal?.body).toBe('body ---- not a delimiter\n----\nmore\n');
    expect(r.deal?.bodyLine).toBe(17);
  });

  it('closes on "..." and on "---" with trailing blanks, and keeps every field before it', () => {
    for (const close of ['...', '---  ', '---\t']) {
      const s = splitFrontMatter(`---\na: 1\nb: 2\n${close}\nbody`, 'f.md');
      expect(s.split).toEqual({ frontMatter: '\na: 1\nb: 2', body: 'body', bodyLine: 5 });
    }
    expect(splitFrontMatter('---\na: 1\n----\nb: 2\n---- \n', 'f.md').diagnostic?.format()).toMatch(/not closed/);
  });

  it('a "---" typed inside front matter never turns the fields after it into printed narrative', async () => {
    for (const close of ['---', '--- ', '...']) {
      const r = await read('early.md', HEAD + `${close}\nswot:\n  strengths: [x]\ninternal_notes: secret\n---\nbody\n`);
      expect(r.deal).toBeUndefined();
      expect(r.messages).toEqual([expect.stringMatching(/^data\/deals\/early\.md:16:1: "swot:" is a deal field, but the front matter was already closed by the "---" on line 15/)]);
    }
    // A field name inside a fenced code block, or in running text, is narrative.
    const ok = await read('fenced.md', HEAD + '---\n```yaml\nswot: x\n```\nThe swot: analysis\n');
    expect(ok.messages).toEqual([]);
  });
});

describe('a number with thousands separators inside { … }', () => {
  it('is an error naming the cut, never a line silently priced at the digits before the comma', async () => {
    const r = await read('split.md', HEAD.replace('unit_price: 1 }', 'unit_price: 1,234.50 }') + '---\nbody\n');
    expect(r.deal).toBeUndefined();
    expect(r.messages).toEqual([expect.stringMatching(/^data\/deals\/split\.md:14:40: .*unit_price: 1,234\.50 .*\(YAML reads 1\).*\(unit_price\)$/)]);
    const cut = await read('cut.md', HEAD.replace('{ name: X,', '{ name: Widget, 8 inch,') + '---\nbody\n');
    expect(cut.messages).toEqual([expect.stringMatching(/^data\/deals\/cut\.md:14:23: "8 inch" inside \{ … \} is cut off by the comma before it .*"Widget, 8 inch".*\(name\)$/)]);
    // Quoted, or outside a flow mapping, the same figure is read whole.
    for (const item of ['unit_price: "1,234.50" }', 'unit_price: 1234.50 }']) {
      const ok = await read('split-ok.md', HEAD.replace('unit_price: 1 }', item) + '---\nbody\n');
      expect(ok.messages).toEqual([]);
      expect(ok.deal?.quote.items[0].unit_price?.toFixed(2)).toBe('1234.50');
    }
  });
});

describe('reserved ids', () => {
  it('"receivables" (the reports folder) is refused, whether set or taken from the file name', async () => {
    const set = await read('rx.md', HEAD.replace('title: T', 'id: receivables\ntitle: T') + '---\nbody\n');
    expect(set.messages).toEqual([expect.stringMatching(/^data\/deals\/rx\.md:2:5: deal id "receivables" is reserved .*\(id\)$/)]);
    const named = await read('receivables.md', HEAD + '---\nbody\n');
    expect(named.messages).toEqual([expect.stringMatching(/^data\/deals\/receivables\.md:1:1: deal id "receivables" is reserved/)]);
  });
});

describe('YAML is bounded', () => {
  it.each([
    ['1,000 nested flow lists', HEAD + 'internal_notes: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n---\n', /:15:80: mappings and lists nested more than 64 levels deep$/],
    ['1,000 nested block mappings', HEAD + 'x:\n' + Array.from({ length: 1000 }, (_, i) => ' '.repeat(i + 1) + 'a:').join('\n') + ' b\n---\n', /:79:\d+: mappings and lists nested more than 64 levels deep$/],
    ['100,000 nested flow lists', HEAD + 'x: ' + '['.repeat(100_000) + '\n---\n', /:15:67: mappings and lists nested more than 64 levels deep$/],
    ['an alias bomb (9^6 values)', HEAD + bombLevels(6) + '\n---\n', /:19:\d+: aliases here expand to more than 10000 values/],
    ['a !!js/function tag', HEAD + 'internal_notes: !!js/function "function () { return 1 }"\n---\n', /:15:17: YAML tags are not allowed in deal files/],
    ['a local !tag', HEAD + 'internal_notes: !evil x\n---\n', /:15:17: YAML tags are not allowed/],
    ['a raw NUL byte', HEAD + 'internal_notes: a\u0000b\n---\n', /:15:18: control character U\+0000 is not allowed/],
    ['an escaped NUL in a quoted string', HEAD + 'internal_notes: "a\\0b"\n---\n', /:15:17: control character U\+0000 is not allowed in a deal file \(internal_notes\)$/],
    ['a control character in the body', HEAD + '---\nok\nbad \u001b[31m\n', /:17:5: control character U\+001B/],
    ['a quote total too large for 人民币大写', HEAD.replace('unit_price: 1 }', 'unit_price: 99999999999999999 }') + '---\n', /:13:3: the quote total 99999999999999999\.00 is too large to print .*\(quote\)$/],
  ])('%s: one positioned diagnostic within 2 s', async (_what, text, expected) => {
    const r = await read('y.md', text);
    expect(r.deal).toBeUndefined();
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/^data\/deals\/y\.md:\d+:\d+: /);
    expect(r.messages[0]).toMatch(expected);
    expect(r.ms).toBeLessThan(2000);
  });

  it('a JSON deal with 1,000 nested arrays gets the same diagnostic', async () => {
    const r = await read('deep.json', '{"title": ' + '['.repeat(1000) + ']'.repeat(1000) + '}');
    expect(r.messages).toEqual([expect.stringMatching(/^data\/deals\/deep\.json:1:\d+: mappings and lists nested more than 64 levels deep$/)]);
  });

  it('small anchors and aliases still work', async () => {
    const r = await read('alias-ok.md', HEAD + 'swot:\n  strengths: &s [a, b]\n  opportunities: *s\n---\n');
    expect(r.messages).toEqual([]);
    expect(r.deal?.swot.opportunities).toEqual(['a', 'b']);
  });

  it('measures depth exactly (a real deal is 5 deep)', () => {
    expect(yamlDepth('a:\n  b: [1, {c: [d]}]\n').depth).toBe(5);
    expect(yamlDepth('[[[[x]]]]').depth).toBe(4);
  });
});

describe('Markdown is bounded before remark sees it', () => {
  const nested = (n: number) => Array.from({ length: n }, (_, i) => ' '.repeat(2 * i) + '- a').join('\n');
  it.each([
    ['10,000 ">"', '>'.repeat(10_000), /^data\/deals\/m\.md:16:34: Markdown nested 33 levels deep/],
    ['1,000 indented list levels (300 fit in 128 KB)', nested(300), /:48:66: Markdown nested 33 levels deep/],
    ['a few KB of list markers on one line', '- '.repeat(3000) + 'a', /:16:66: Markdown nested 33 levels deep/],
    ['lists nested inside a blockquote', Array.from({ length: 40 }, (_, i) => '> ' + '  '.repeat(i) + '- x').join('\n'), /:47:\d+: Markdown nested 33 levels deep/],
    ['ordered and mixed markers', '1. > * > 2) + '.repeat(400) + 'a', /:16:\d+: Markdown nested 33 levels deep/],
    ['a long run of emphasis delimiters', 'a*'.repeat(40_000), /:16:2002: more than 1000 runs of \* _ ~ \[ \] in one paragraph/],
    ['a long run of "~" inside a URL (GFM autolinks: quadratic)', 'see http://x' + '~'.repeat(18_000) + 'x', /:16:13: a run of 18000 "~" \(at most 100 in a row\)/],
    ['64,000 "]" (link labels: quadratic)', ']'.repeat(64_000), /:16:1001: more than 1000 runs/],
    ['a narrative larger than 128 KB', '这是一段正常的文字。\n'.repeat(5_000), /:16:1: the narrative is 152 KB; at most 128 KB/],
    ['more than 5,000 lines', 'x\n\n'.repeat(3000), /:5016:1: the narrative has 6,002 lines; at most 5,000/],
    ['many deeply nested lines', (Array.from({ length: 30 }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n') + '\n').repeat(100), /:\d+:1: too many deeply nested lines/],
    ['emphasis spread over many paragraphs', ('a*'.repeat(900) + '\n\n').repeat(30), /:\d+:\d+: more than 20,000 runs of \* _ ~ \[ \] in the narrative/],
  ])('%s: one positioned diagnostic (field body) within 2 s', async (_what, body, expected) => {
    const r = await read('m.md', HEAD + '---\n' + body + '\n');
    expect(r.deal).toBeUndefined();
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(expected);
    expect(r.messages[0]).toMatch(/\(body\)$/);
    expect(r.ms).toBeLessThan(2000);
  });

  it('reports a JSON body at the body field', async () => {
    const r = await read('m.json', JSON.stringify({ title: 'T', rep: { name: 'L' }, customer: { name: 'C' }, needs: { goal: 'G', problems: [{ problem: 'P', solution: 'S' }] }, stage: 'evaluation', quote: { items: [{ name: 'X', qty: 1, unit_price: 1 }] }, body: '>'.repeat(100) }));
    expect(r.messages).toEqual([expect.stringMatching(/^data\/deals\/m\.json:1:\d+: Markdown nested 33 levels deep .*\(body\)$/)]);
  });

  it('accepts ordinary nesting, fenced and indented code full of ">" and thematic breaks', () => {
    const ok = '> a\n> - b\n>   - c\n\n- x\n  - y\n    1. z\n\n```\n' + '>'.repeat(200) + '\n```\n\n- - -\n\n' + '*a* _b_ ~~c~~ '.repeat(100) + '\n\n    ' + '> '.repeat(100) + '\n';
    expect(checkMarkdownBounds(ok)).toBeUndefined();
    expect(parseNarrative(ok).length).toBeGreaterThan(3);
  });

  it('a fence inside a list item ends with the item: what follows is counted again', () => {
    expect(checkMarkdownBounds('- ~~~\n' + '> '.repeat(100))?.message).toMatch(/nested 33 levels/);
    expect(checkMarkdownBounds('> ```\n' + '>'.repeat(100))).toBeUndefined();
    expect(checkMarkdownBounds('> ```\nx\n' + '>'.repeat(100))?.message).toMatch(/nested 33 levels/);
  });

  it('parseNarrative refuses what readDeal refuses, as an Error (never a RangeError)', () => {
    expect(() => parseNarrative('>'.repeat(10_000))).toThrow(/narrative line 1: Markdown nested/);
  });
});
