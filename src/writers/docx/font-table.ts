/**
 * docx writes an empty font table. Word picks a substitute for a missing font from the font
 * table's altName, charset and family, so name the East Asian fallback there (a Windows
 * reader without Noto Sans SC gets Microsoft YaHei rather than a random face).
 */
import { DOCX_FONTS } from '../../fonts/fonts.js';
import { SYMBOL_FONT } from './styles.js';

const FONTS: { name: string; alt?: string; charset?: string; family: string; pitch: string }[] = [
  { name: DOCX_FONTS.eastAsia, alt: DOCX_FONTS.eastAsiaFallback, charset: '86', family: 'swiss', pitch: 'variable' },
  ...(DOCX_FONTS.latin !== DOCX_FONTS.eastAsia ? [{ name: DOCX_FONTS.latin, family: 'swiss', pitch: 'variable' }] : []),
  { name: DOCX_FONTS.eastAsiaFallback, charset: '86', family: 'swiss', pitch: 'variable' },
  { name: 'Consolas', family: 'modern', pitch: 'fixed' },
  { name: SYMBOL_FONT, family: 'swiss', pitch: 'variable' },
];

const entry = (f: (typeof FONTS)[number]) =>
  `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}${f.charset ? `<w:charset w:val="${f.charset}"/>` : ''}` +
  `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`;

export function addFontFallbacks(parts: Map<string, string>): void {
  const name = 'word/fontTable.xml';
  const xml = parts.get(name);
  if (xml === undefined) return;
  const missing = FONTS.filter((f) => !xml.includes(`w:name="${f.name}"`)).map(entry).join('');
  if (!missing) return;
  const selfClosing = /<w:fonts\b([^>]*?)\/>\s*$/;
  parts.set(name, selfClosing.test(xml) ? xml.replace(selfClosing, `<w:fonts$1>${missing}</w:fonts>`) : xml.replace('</w:fonts>', `${missing}</w:fonts>`));
}
