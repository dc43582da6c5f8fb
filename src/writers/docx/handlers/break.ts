import { TextRun, type ParagraphChild } from 'docx';

export function hardBreak(): ParagraphChild[] {
  return [new TextRun({ break: 1 })];
}
