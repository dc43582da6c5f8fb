/**
 * The inline-run collector of the PDF state (the fourth layer of PdfState, see ./state.ts):
 * phrasing handlers (text, strong, emphasis, links…) push styled runs, which the block that
 * collected them lays out and draws. `inline` tells a handler it is inside phrasing.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import { Drawing } from './drawing.js';
import type { Run, RunStyle } from './layout.js';

export abstract class RunCollector extends Drawing {
  /** Base style for phrasing content in the current context (e.g. muted quotes). */
  inherit: RunStyle = {};
  private collecting = 0;
  private runs: Run[] = [];
  private style: RunStyle = {};

  /** Draw one node with its handler (./state.ts). */
  abstract one(node: Nodes, parent?: Nodes): void;

  collect(nodes: PhrasingContent[] | Nodes[], base: RunStyle = this.inherit): Run[] {
    const saved = [this.runs, this.style] as const;
    this.runs = [];
    this.style = base;
    this.collecting++;
    for (const node of nodes) this.one(node);
    this.collecting--;
    const runs = this.runs;
    [this.runs, this.style] = saved;
    return runs;
  }

  /** True while phrasing handlers collect runs (an image there prints as text, not as a block). */
  get inline(): boolean {
    return this.collecting > 0;
  }

  text(value: string): void {
    if (value) this.runs.push({ text: value, style: this.style });
  }

  hardBreak(): void {
    this.runs.push({ text: '\n', style: this.style, hard: true });
  }

  withStyle(patch: RunStyle, fn: () => void): void {
    const saved = this.style;
    this.style = { ...saved, ...patch };
    fn();
    this.style = saved;
  }
}
