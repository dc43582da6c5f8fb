import type { Text } from 'mdast';
import { isCjk } from '../layout.js';
import type { Handler } from '../state.js';

const SOFT_BREAK = /[ \t]*\r?\n[ \t]*/g;

/** A soft line break is a space between Latin words but nothing between two CJK characters. */
export function softBreaks(value: string): string {
  return value.replace(SOFT_BREAK, (_m, offset: number, all: string) => {
    const before = all.codePointAt(Math.max(0, offset - 1)) ?? 0;
    const after = all.codePointAt(offset + _m.length) ?? 0;
    return isCjk(before) && isCjk(after) ? '' : ' ';
  });
}

export const text: Handler<Text> = (state, node) => state.text(softBreaks(node.value));
