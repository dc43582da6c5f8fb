/**
 * Real Word styles, so a rep can restyle the document from the style pane: Normal, Title,
 * Heading 1–3, Quote, Code Block, Table Text, Caption, Note, Inline Code, Hyperlink, and the
 * "Dealdoc Table" table style (horizontal rules, tinted bold header row that repeats).
 */
import { LineRuleType, type IStylesOptions, type IRunStylePropertiesOptions } from 'docx';
import type { DocMeta } from '../../tree/nodes.js';
import { DOCX_FONTS } from '../../fonts/fonts.js';
import { GREY, SIZE, type Theme } from './theme.js';

export const TABLE_STYLE = 'DealdocTable';

export const FONT = {
  ascii: DOCX_FONTS.latin,
  hAnsi: DOCX_FONTS.latin,
  eastAsia: DOCX_FONTS.eastAsia,
  cs: DOCX_FONTS.latin,
} as const;

/** English documents: Latin text in Noto Sans (as in the PDF), CJK in Noto Sans SC. */
const FONT_EN = { ...FONT, ascii: DOCX_FONTS.latinEn, hAnsi: DOCX_FONTS.latinEn, cs: DOCX_FONTS.latinEn } as const;
const fontOf = (meta: DocMeta) => (meta.locale === 'zh-CN' ? FONT : FONT_EN);

/** Monospace for Latin, the CJK font for Chinese inside code. */
const CODE_FONT = { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: DOCX_FONTS.eastAsia, cs: 'Consolas' } as const;

/** Glyphs the CJK font lacks (☐ ☑) come from a symbol font every Windows and Office install has. */
export const SYMBOL_FONT = 'Segoe UI Symbol';

/**
 * Latin text is English in both locales (as Word writes Chinese documents): with w:val="zh-CN",
 * LibreOffice breaks Latin words anywhere ("KS-ICT-320|0", "IATF 1|6949"). Chinese text is
 * tagged by w:eastAsia.
 */
export const language = (_meta: DocMeta) => ({ value: 'en-US', eastAsia: 'zh-CN' });

const heading = (size: number, color: string, before: number, after: number) => ({
  run: { bold: true, size, color } satisfies IRunStylePropertiesOptions,
  paragraph: { spacing: { before, after, line: 300, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true },
});

export function documentStyles(meta: DocMeta, theme: Theme): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: fontOf(meta), size: SIZE.body, color: GREY.text, language: language(meta) },
        paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO, after: 120 } },
      },
      title: {
        run: { bold: true, size: SIZE.title, color: theme.brand, font: fontOf(meta) },
        paragraph: { spacing: { before: 0, after: 240, line: 276, lineRule: LineRuleType.AUTO } },
      },
      heading1: heading(SIZE.h1, theme.brand, 480, 200),
      heading2: heading(SIZE.h2, theme.brand, 360, 160),
      heading3: heading(SIZE.h3, GREY.text, 280, 120),
      listParagraph: { paragraph: { spacing: { after: 60 } } },
      caption: {
        run: { bold: true, italics: false, size: SIZE.caption, color: GREY.dark },
        paragraph: { spacing: { before: 160, after: 80, line: 276, lineRule: LineRuleType.AUTO }, keepNext: true },
      },
      hyperlink: { run: { color: theme.brand, underline: {} } },
      footnoteText: { run: { size: SIZE.small }, paragraph: { spacing: { after: 40, line: 260, lineRule: LineRuleType.AUTO } } },
    },
    paragraphStyles: [
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: SIZE.table },
        paragraph: { spacing: { before: 0, after: 0, line: 264, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { color: '4B5563' },
        paragraph: {
          indent: { left: 400 },
          border: { left: { style: 'single', size: 18, color: 'C9CED6', space: 10 } },
        },
      },
      {
        id: 'CodeBlock',
        name: 'Code Block',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: CODE_FONT, size: SIZE.code },
        paragraph: {
          spacing: { before: 60, after: 160, line: 260, lineRule: LineRuleType.AUTO },
          shading: { type: 'clear', color: 'auto', fill: GREY.code },
          border: {
            top: { style: 'single', size: 4, color: 'E1E4E8', space: 4 },
            bottom: { style: 'single', size: 4, color: 'E1E4E8', space: 4 },
            left: { style: 'single', size: 4, color: 'E1E4E8', space: 4 },
            right: { style: 'single', size: 4, color: 'E1E4E8', space: 4 },
          },
        },
      },
      {
        id: 'Note',
        name: 'Note',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: SIZE.small, color: GREY.muted },
        paragraph: { spacing: { before: 40, after: 160, line: 260, lineRule: LineRuleType.AUTO } },
      },
    ],
    characterStyles: [
      {
        id: 'InlineCode',
        name: 'Inline Code',
        basedOn: 'DefaultParagraphFont',
        run: { font: CODE_FONT, size: 19, shading: { type: 'clear', color: 'auto', fill: 'EEF0F2' } },
      },
    ],
  };
}

/**
 * Word table style: horizontal rules only, bold header row on a light brand tint, repeated.
 * docx has no option for table styles short of `externalStyles`, which re-parses XML on
 * every document; the post-pass adds this `w:style` to styles.xml instead (see addTableStyle).
 */
function tableStyleXml(theme: Theme): string {
  const rule = (side: string, sz: number, color: string) => `<w:${side} w:val="single" w:sz="${sz}" w:space="0" w:color="${color}"/>`;
  const none = (side: string) => `<w:${side} w:val="nil"/>`;
  return (
    `<w:style w:type="table" w:styleId="${TABLE_STYLE}">` +
      `<w:name w:val="Dealdoc Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>` +
      `<w:pPr><w:spacing w:before="0" w:after="0" w:line="264" w:lineRule="auto"/></w:pPr>` +
      `<w:rPr><w:sz w:val="${SIZE.table}"/><w:szCs w:val="${SIZE.table}"/></w:rPr>` +
      `<w:tblPr><w:tblBorders>${rule('top', 8, theme.brand)}${none('left')}${rule('bottom', 8, theme.brand)}${none('right')}` +
      `${rule('insideH', 4, GREY.rule)}${none('insideV')}</w:tblBorders>` +
      `<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
      `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:trPr><w:tblHeader/></w:trPr>` +
      `<w:tcPr><w:tcBorders>${rule('bottom', 8, theme.brand)}</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="${theme.brandTint}"/></w:tcPr></w:tblStylePr>` +
      `</w:style>`
  );
}

/** Post-pass: put the table style into styles.xml (before the closing tag, where Word accepts styles). */
export const addTableStyle = (theme: Theme) => (parts: Map<string, string>): void => {
  const xml = parts.get('word/styles.xml');
  if (xml !== undefined && !xml.includes(`w:styleId="${TABLE_STYLE}"`)) parts.set('word/styles.xml', xml.replace('</w:styles>', `${tableStyleXml(theme)}</w:styles>`));
};
