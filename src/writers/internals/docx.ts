/**
 * docx adapter: the one reach into docx's internals — a custom element (`FileChild` +
 * `NextAttributeComponent`, exported but undocumented) that docx serialises as
 * `<dd:slot n="…"/>`, marking where ../docx/package.ts puts the body, header and footer it
 * wrote itself (../docx/xml.ts writes WordprocessingML in docx 9.15.2's element order).
 *
 * - `packerCompiler()`: `Packer.compiler`, the step before zipping (../docx/normalize.ts reads
 *   the parts from it instead of zipping and unzipping).
 *
 * With another docx version (or DEALDOC_LIBRARY_INTERNALS=off) the slot is a public
 * `Paragraph` holding a marker text, and the whole paragraph is replaced instead: same output.
 */
import { FileChild, NextAttributeComponent, Packer, Paragraph, TextRun } from 'docx';
import { internalsUsable } from './check.js';

class Slot extends FileChild {
  constructor(name: string) {
    super('dd:slot');
    this.root.push(new NextAttributeComponent({ n: { key: 'n', value: name } }));
  }
}

/** A placeholder docx will serialise where per-document content goes. */
export function slot(name: string): Paragraph {
  if (internalsUsable('docx')) return new Slot(name) as unknown as Paragraph;
  return new Paragraph({ children: [new TextRun(`DDSLOTMARK${name}DDSLOTEND`)] });
}

const SLOT = /<dd:slot n="(\w+)"\/>/g;
const PUBLIC_SLOT = /<w:p>(?:<w:pPr>(?:(?!<\/w:p>).)*?<\/w:pPr>)?<w:r><w:t xml:space="preserve">DDSLOTMARK(\w+)DDSLOTEND<\/w:t><\/w:r><\/w:p>/g;

/** A part's XML split at its slots: text, slot name, text, slot name, …, text. */
export function splitSlots(xml: string): string[] {
  return xml.replace(PUBLIC_SLOT, '<dd:slot n="$1"/>').split(SLOT);
}

/** docx's internal compiler (parts before zipping), or undefined: then Packer's public toBuffer. */
export function packerCompiler<T>(): T | undefined {
  if (!internalsUsable('docx')) return undefined;
  return (Packer as unknown as { compiler?: T }).compiler;
}
