/**
 * Fuzzing narratives (the rep's Markdown) in-process: the line pre-scan either refuses with a
 * position or the text parses — quickly, to a tree no deeper than the writers accept — and
 * images resolve or become their description with a positioned warning.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { narrativeNodes } from '../../src/pipeline/narrative.js';
import { deepestNode, MAX_TREE_DEPTH, parseNarrative } from '../../src/compose/index.js';
import { checkMarkdownBounds, MAX_MARKDOWN_DEPTH } from '../../src/data/markdown-limits.js';
import type { RootContent } from 'mdast';
import type { Deal } from '../../src/data/deal-schema.js';
import { ROOT } from '../helpers/cli.js';
import { counter, expectDiagnostic, params, PER_INPUT_MS } from './helpers.js';
import { bigMarkdownArb, markdownArb } from './markdown-arb.js';

const assets = join(ROOT, 'data/assets');
let refused = 0;
afterAll(() => process.stdout.write(`fuzz narratives: ${counter.inputs} inputs, ${refused} refused by the pre-scan\n`));

function containerDepth(nodes: RootContent[]): number {
  let max = 0;
  const stack: [RootContent, number][] = nodes.map((n) => [n, 0]);
  while (stack.length) {
    const [node, d] = stack.pop()!;
    const here = d + (node.type === 'blockquote' || node.type === 'listItem' ? 1 : 0);
    max = Math.max(max, here);
    if ('children' in node) for (const c of node.children as RootContent[]) stack.push([c, here]);
  }
  return max;
}

function check(md: string): void {
  counter.inputs++;
  const started = performance.now();
  const problem = checkMarkdownBounds(md);
  if (problem) {
    refused++;
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(md.split('\n').length);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(() => parseNarrative(md)).toThrow(/^narrative line \d+: /);
  } else {
    const deal = { body: md, bodyLine: 20, path: 'data/deals/f.md' } as Deal;
    const { nodes, diagnostics } = narrativeNodes(deal, assets);
    expect(deepestNode({ type: 'root', children: nodes } as never).depth).toBeLessThanOrEqual(MAX_TREE_DEPTH);
    // The pre-scan must not under-count: blockquotes + list items on any path stay within its limit.
    expect(containerDepth(nodes)).toBeLessThanOrEqual(MAX_MARKDOWN_DEPTH);
    for (const d of diagnostics) {
      expectDiagnostic(d, 'data/deals/f.md');
      expect(d.line).toBeGreaterThanOrEqual(20);
      expect(d.severity).toBe('warning');
    }
  }
  expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
}

describe('fuzzing narratives', () => {
  it('Markdown fragments: parse within bounds, images become warnings (2,500 inputs)', () => {
    fc.assert(fc.property(markdownArb, check), params(2500));
  });

  it('long repeats and deep nesting around every limit: refused with a position or parsed in time (60 inputs)', () => {
    fc.assert(fc.property(bigMarkdownArb, check), params(60));
  });
});
