import type { Code } from 'mdast';
import type { Block, State } from '../state.js';
import { xmlSafe } from '../text.js';
import { runXml } from '../xml.js';

/** One shaded Code Block paragraph, lines kept by line breaks, spaces preserved. */
export function code(state: State, node: Code): Block[] {
  const lines = node.value.replace(/\t/g, '    ').split(/\r?\n/);
  const runs = lines.map((text, i) => runXml({ text: xmlSafe(text), break: i === 0 ? undefined : 1 }));
  return [state.paragraph(runs, { style: 'CodeBlock' })];
}
