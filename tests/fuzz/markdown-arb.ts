/** Markdown fragments: CommonMark/GFM constructs and their broken halves, nested and repeated. */
import fc from 'fast-check';
import { NASTY } from './helpers.js';

const BLOCK = ['# ', '## ', '###### ', '> ', '- ', '* ', '1. ', '10) ', '    ', '\t', '```js\n', '```\n', '~~~\n', '---\n', '***\n', '| a | b |\n|---|:-:|\n| 1 | 2 |\n', '[^n]: foot\n', '[ref]: /x "t"\n', '- [ ] task\n', '- [x] done\n'];
const INLINE = ['*em*', '**strong**', '_u_', '__uu__', '~~del~~', '`code`', '``a`b``', '[link](http://x.com)', '[ref]', '![img](line-layout.png)', '![bad](nope.png)', '![](../x.png)', '<http://a.b>', '<b>raw</b>', '<!-- c -->', '\\*', '&copy;', 'http://example.com/路径', '[^n]', '<', '*', '_', '[', ']', '(', ')', '`', '!', '中文段落，含全角标点。', 'text'];

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INLINE) },
  { weight: 3, arbitrary: fc.constantFrom(...BLOCK) },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', ' ', '  \n') },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 12 }) },
  // Short repeats: nesting and delimiter runs well inside the limits.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('>', '- ', '  - ', '*', 'a*', '[', ']', '`', '~', '\\', '| '), fc.integer({ min: 1, max: 40 })).map(([s, n]) => s.repeat(n)) },
);

/** Small fragments (most inputs): fast enough for thousands per run. */
export const markdownArb = fc.array(token, { maxLength: 30 }).map((t) => t.join(''));

/** Long repeats and deep nesting around every limit (fewer inputs: each costs more). */
const huge = fc.oneof(
  fc.tuple(fc.constantFrom('>', '> ', '- ', '  - ', '1. ', '*', '_', 'a*', '*a ', '[', ']', '![', '`', '~', '<a ', '\\', '| ', '#', 'x\n', '- x\n', '&amp;'), fc.integer({ min: 100, max: 40_000 })).map(([s, n]) => s.repeat(n)),
  fc.integer({ min: 1, max: 60 }).map((n) => Array.from({ length: n }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n')),
);
export const bigMarkdownArb = fc.tuple(markdownArb, huge, markdownArb).map((t) => t.join(''));
