/**
 * Word list definitions. Every Markdown list is its own numbering instance (so a second
 * ordered list starts again at 1); an ordered list that starts elsewhere gets a definition
 * whose levels start there. Indents step by two CJK characters.
 */
import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions } from 'docx';
import { INDENT_STEP } from './theme.js';
import { at } from '../must.js';

export const BULLET = 'bullet';
/** Tighter bullets for the boxes of diagrams (SWOT quadrants). */
export const BULLET_COMPACT = 'bullet-compact';

export const orderedReference = (start: number): string => (start === 1 ? 'ordered' : `ordered-from-${start}`);

const BULLET_CHARS = ['•', '◦', '▪'];
const ORDERED: { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (n: number) => string }[] = [
  { format: LevelFormat.DECIMAL, text: (n) => `%${n}.` },
  { format: LevelFormat.DECIMAL, text: (n) => `(%${n})` },
  { format: LevelFormat.LOWER_LETTER, text: (n) => `%${n}.` },
];

const levels = (make: (level: number) => Omit<ILevelsOptions, 'level' | 'style'>, step = INDENT_STEP, hanging = INDENT_STEP): ILevelsOptions[] =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    alignment: AlignmentType.LEFT,
    ...make(level),
    style: { paragraph: { indent: { left: step * (level + 1), hanging } } },
  }));

/** Definitions for the references the document used (an unused definition still costs every render). */
export function numberingConfig(references: Iterable<string>): INumberingOptions {
  const config = [...new Set(references)].sort().map((reference) => {
    if (reference === BULLET) return { reference, levels: levels((l) => ({ format: LevelFormat.BULLET, text: at(BULLET_CHARS, l % 3) })) };
    if (reference === BULLET_COMPACT) return { reference, levels: levels((l) => ({ format: LevelFormat.BULLET, text: at(BULLET_CHARS, l % 3) }), 240, 200) };
    const start = reference === 'ordered' ? 1 : Number(reference.slice('ordered-from-'.length));
    return { reference, levels: levels((l) => ({ format: at(ORDERED, l % 3).format, text: at(ORDERED, l % 3).text(l + 1), start })) };
  });
  return { config };
}
