import type { ParagraphChild } from '../state.js';
import { runXml } from '../xml.js';

export function hardBreak(): ParagraphChild[] {
  return [runXml({ break: 1 })];
}
