/**
 * WordprocessingML for the hot node types — paragraphs, runs, tables — written straight to
 * strings. Building docx's object model and serialising it costs ~1 ms per hundred elements
 * (seconds for a 1,600-row table), so the body is written here, element for element and
 * attribute for attribute in the order docx 9.15.2 writes them (CT_PPr, CT_RPr, CT_TcPr…),
 * while docx still writes the package around it (see package.ts).
 */
import { langOf, scriptRuns } from './scripts.js';
import { must } from '../must.js';

/** docx's escaping of text and attribute values: the five XML specials; C0 controls dropped. */
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&"'<>\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// eslint-disable-next-line no-control-regex
const SPECIALS = /[&"'<>\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

export const esc = (value: string): string => (SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ENTITY[c] ?? '') : value);

export interface BorderSpec {
  style: string;
  size?: number;
  color?: string;
  space?: number;
}

const borderXml = (name: string, b: BorderSpec): string =>
  `<w:${name} w:val="${b.style}"${b.color !== undefined ? ` w:color="${b.color}"` : ''}${b.size !== undefined ? ` w:sz="${b.size}"` : ''}${
    b.space !== undefined ? ` w:space="${b.space}"` : ''
  }/>`;

interface SpacingSpec {
  before?: number;
  after?: number;
  line?: number;
  lineRule?: string;
}

export interface ParagraphSpec {
  /** Heading style id (Heading1…). */
  heading?: string;
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  /** numId as written (see State.numId). */
  numbering?: { numId: number; level: number };
  border?: { top?: BorderSpec; left?: BorderSpec; bottom?: BorderSpec; right?: BorderSpec };
  shading?: { fill: string };
  tabStops?: { type: string; position: number }[];
  spacing?: SpacingSpec;
  indent?: { left?: number; right?: number; hanging?: number };
  alignment?: string;
}

const onOff = (name: string, on: boolean) => (on ? `<w:${name}/>` : `<w:${name} w:val="false"/>`);

function pPrXml(o: ParagraphSpec): string {
  let x = '';
  if (o.heading) x += `<w:pStyle w:val="${o.heading}"/>`;
  if (o.numbering && !o.style && !o.heading) x += '<w:pStyle w:val="ListParagraph"/>';
  if (o.style) x += `<w:pStyle w:val="${esc(o.style)}"/>`;
  if (o.keepNext !== undefined) x += onOff('keepNext', o.keepNext);
  if (o.keepLines !== undefined) x += onOff('keepLines', o.keepLines);
  if (o.numbering) x += `<w:numPr><w:ilvl w:val="${o.numbering.level}"/><w:numId w:val="${o.numbering.numId}"/></w:numPr>`;
  if (o.border) {
    const b = o.border;
    const inner =
      (b.top ? borderXml('top', b.top) : '') + (b.left ? borderXml('left', b.left) : '') + (b.bottom ? borderXml('bottom', b.bottom) : '') + (b.right ? borderXml('right', b.right) : '');
    if (inner) x += `<w:pBdr>${inner}</w:pBdr>`;
  }
  if (o.shading) x += shadingXml(o.shading.fill);
  if (o.tabStops?.length) x += `<w:tabs>${o.tabStops.map((t) => `<w:tab w:val="${t.type}" w:pos="${t.position}"/>`).join('')}</w:tabs>`;
  if (o.spacing) x += spacingXml(o.spacing);
  if (o.indent) {
    const i = o.indent;
    x += `<w:ind${i.left !== undefined ? ` w:left="${i.left}"` : ''}${i.right !== undefined ? ` w:right="${i.right}"` : ''}${i.hanging !== undefined ? ` w:hanging="${i.hanging}"` : ''}/>`;
  }
  if (o.alignment) x += `<w:jc w:val="${o.alignment}"/>`;
  return x;
}

const spacingXml = (s: SpacingSpec): string =>
  `<w:spacing${s.after !== undefined ? ` w:after="${s.after}"` : ''}${s.before !== undefined ? ` w:before="${s.before}"` : ''}${s.line !== undefined ? ` w:line="${s.line}"` : ''}${
    s.lineRule !== undefined ? ` w:lineRule="${s.lineRule}"` : ''
  }/>`;

const shadingXml = (fill: string): string => `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>`;

/** A `w:p`; `children` are runs (already XML). */
export function paragraphXml(o: ParagraphSpec, children: readonly string[] = []): string {
  const props = pPrXml(o);
  const content = children.join('');
  if (!props && !content) return '<w:p/>';
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${content}</w:p>`;
}

export const isParagraph = (block: string): boolean => block.startsWith('<w:p>') || block.startsWith('<w:p/>');

/**
 * What docx does to the paragraphs of a row with `keepNext`: a `w:keepNext` after the
 * paragraph styles, unless the paragraph already says.
 */
export function withKeepNext(p: string, on: boolean): string {
  const flag = onOff('keepNext', on);
  if (p === '<w:p/>') return `<w:p><w:pPr>${flag}</w:pPr></w:p>`;
  if (!p.startsWith('<w:p><w:pPr>')) return `<w:p><w:pPr>${flag}</w:pPr>${p.slice(5)}`;
  const end = p.indexOf('</w:pPr>');
  const props = p.slice(12, end);
  if (props.includes('<w:keepNext')) return p;
  let at = 12;
  while (p.startsWith('<w:pStyle ', at)) at = p.indexOf('/>', at) + 2;
  return p.slice(0, at) + flag + p.slice(at);
}

export interface RunSpec {
  text?: string;
  /** Text pieces and `TAB`/field markers, in order (see run children). */
  children?: readonly RunChild[];
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  color?: string;
  size?: number;
  superScript?: boolean;
  style?: string;
  font?: string | { ascii: string; hAnsi: string; eastAsia: string; cs: string };
  characterSpacing?: number;
  /** `w:lang` (set per script by ./scripts.ts). */
  lang?: { val?: string; eastAsia?: string; bidi?: string };
  /** Chinese emphasis mark (着重号): a dot under each character. */
  emphasisMark?: boolean;
  /** Line breaks before the text. */
  break?: number;
}

export const TAB = { tab: true } as const;
export const PAGE = { field: 'PAGE' } as const;
/** Bookmark around the body's last character: its page number is the body's page count. */
const BODY_END = 'DealdocBodyEnd';
/**
 * Body pages without the cover, as the PDF counts: the page number (restarted at 1 after the
 * cover) of the body's last character. SECTIONPAGES would say the same in Word, but LibreOffice
 * (7.x) does not compute it; PAGEREF works in both.
 */
export const BODYPAGES = { field: `PAGEREF ${BODY_END}` } as const;
export type RunChild = string | typeof TAB | typeof PAGE | typeof BODYPAGES;

/**
 * Put the BODY_END bookmark around the last run of `block` (LibreOffice resolves a PAGEREF only
 * to a bookmark that holds text).
 */
export function markBodyEnd(block: string): string {
  const start = `<w:bookmarkStart w:id="0" w:name="${BODY_END}"/>`;
  const end = '<w:bookmarkEnd w:id="0"/>';
  const close = block.lastIndexOf('</w:r>');
  const open = close < 0 ? -1 : Math.max(block.lastIndexOf('<w:r>', close), block.lastIndexOf('<w:r ', close));
  if (open >= 0 && block.indexOf('</w:p>', close) >= 0) return block.slice(0, open) + start + block.slice(open, close + 6) + end + block.slice(close + 6);
  // The body ends in the spacer after a table: that paragraph, 1 pt high, holds the bookmark (a
  // full-height paragraph after a table that ends at the page foot made a blank last page).
  if (/^<w:p>(<w:pPr>(?:(?!<w:r[ >]).)*<\/w:pPr>)?<\/w:p>$/.test(block) || block === '<w:p/>')
    return `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr>${start}${end}</w:p>`;
  // Nothing printed in the block (an empty document, a body ending in an image): an empty bookmark.
  return `${block}<w:p>${start}${end}</w:p>`;
}

function rPrXml(o: RunSpec): string {
  let x = '';
  if (o.style) x += `<w:rStyle w:val="${o.style}"/>`;
  if (o.font) {
    const f = typeof o.font === 'string' ? { ascii: o.font, cs: o.font, eastAsia: o.font, hAnsi: o.font } : o.font;
    x += `<w:rFonts w:ascii="${esc(f.ascii)}" w:cs="${esc(f.cs)}" w:eastAsia="${esc(f.eastAsia)}" w:hAnsi="${esc(f.hAnsi)}"/>`;
  }
  if (o.bold !== undefined) x += o.bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>';
  if (o.italics !== undefined) x += o.italics ? '<w:i/><w:iCs/>' : '<w:i w:val="false"/><w:iCs w:val="false"/>';
  if (o.strike !== undefined) x += onOff('strike', o.strike);
  if (o.color) x += `<w:color w:val="${o.color}"/>`;
  if (o.characterSpacing) x += `<w:spacing w:val="${o.characterSpacing}"/>`;
  if (o.size !== undefined) x += `<w:sz w:val="${o.size}"/><w:szCs w:val="${o.size}"/>`;
  if (o.superScript) x += '<w:vertAlign w:val="superscript"/>';
  if (o.emphasisMark) x += '<w:em w:val="dot"/>';
  if (o.lang) {
    const l = o.lang;
    x += `<w:lang${l.val ? ` w:val="${l.val}"` : ''}${l.eastAsia ? ` w:eastAsia="${l.eastAsia}"` : ''}${l.bidi ? ` w:bidi="${l.bidi}"` : ''}/>`;
  }
  return x;
}

const textXml = (text: string) => `<w:t xml:space="preserve">${esc(text)}</w:t>`;

/** A `w:r`, split like docx's Run: a page-number field becomes begin/instr/separate/end runs. */
export function runXml(o: RunSpec): string {
  if (o.text && !o.font) {
    // Text another family of the font chain prints: one run per family, each naming it.
    const parts = scriptRuns(o.text);
    if (parts.length > 1 || parts[0]?.family) {
      return parts
        .map((p, i) =>
          runXmlOne({ ...o, text: p.text, break: i === 0 ? o.break : undefined, ...(p.family ? { font: p.family.name, lang: langOf(p.family) ?? o.lang } : {}) }),
        )
        .join('');
    }
  }
  return runXmlOne(o);
}

function runXmlOne(o: RunSpec): string {
  const props = rPrXml(o);
  const open = props ? `<w:r><w:rPr>${props}</w:rPr>` : '<w:r>';
  let x = open;
  if (o.break) for (let i = 0; i < o.break; i++) x += '<w:br/>';
  if (o.children) {
    for (let i = 0; i < o.children.length; i++) {
      const child = must(o.children[i], 'run child');
      if (typeof child === 'string') x += textXml(child);
      else if ('tab' in child) x += '<w:tab/>';
      else {
        const parts = ['<w:fldChar w:fldCharType="begin"/>', `<w:instrText xml:space="preserve">${child.field}</w:instrText>`, '<w:fldChar w:fldCharType="separate"/>', '<w:fldChar w:fldCharType="end"/>'];
        const beginsHere = x === open;
        if (beginsHere) x += parts[0];
        x += '</w:r>';
        for (const part of beginsHere ? parts.slice(1) : parts) x += `${open}${part}</w:r>`;
        const rest = o.children.slice(i + 1);
        if (rest.length) x += runXmlOne({ ...o, break: undefined, children: rest });
        return x;
      }
    }
  } else if (o.text !== undefined) x += textXml(o.text);
  return `${x}</w:r>`;
}

/** `w:tcW`, `w:tblW`, `w:tblInd`… in twips. */
const widthXml = (name: string, twips: number) => `<w:${name} w:type="dxa" w:w="${twips}"/>`;

export interface Margins {
  top?: number;
  bottom?: number;
  left?: number;
  right?: number;
}

const marginsXml = (name: string, m: Margins) => {
  const inner =
    (m.top !== undefined ? widthXml('top', m.top) : '') +
    (m.left !== undefined ? widthXml('left', m.left) : '') +
    (m.bottom !== undefined ? widthXml('bottom', m.bottom) : '') +
    (m.right !== undefined ? widthXml('right', m.right) : '');
  return inner ? `<w:${name}>${inner}</w:${name}>` : '';
};

interface CellBorders {
  top?: BorderSpec;
  left?: BorderSpec;
  bottom?: BorderSpec;
  right?: BorderSpec;
  diagonalDown?: BorderSpec;
}

export interface CellSpec {
  width: number;
  fill?: string;
  borders?: CellBorders;
  columnSpan?: number;
  rowSpan?: number;
  middle?: boolean;
  margins?: Margins;
  /** Blocks (paragraphs / nested tables) as XML. */
  children: string[];
  verticalMerge?: 'continue';
}

export interface RowSpec {
  cantSplit?: boolean;
  tableHeader?: boolean;
  keepNext?: boolean;
  height?: { value: number; rule: string };
  cells: CellSpec[];
}

function cellXml(c: CellSpec, keepNext: boolean | undefined): string {
  let props = widthXml('tcW', c.width);
  if (c.columnSpan) props += `<w:gridSpan w:val="${c.columnSpan}"/>`;
  if (c.verticalMerge) props += '<w:vMerge w:val="continue"/>';
  else if (c.rowSpan && c.rowSpan > 1) props += '<w:vMerge w:val="restart"/>';
  if (c.borders) {
    const b = c.borders;
    const inner =
      (b.top ? borderXml('top', b.top) : '') +
      (b.left ? borderXml('left', b.left) : '') +
      (b.bottom ? borderXml('bottom', b.bottom) : '') +
      (b.right ? borderXml('right', b.right) : '') +
      (b.diagonalDown ? borderXml('tl2br', b.diagonalDown) : '');
    if (inner) props += `<w:tcBorders>${inner}</w:tcBorders>`;
  }
  if (c.fill) props += shadingXml(c.fill);
  if (c.margins) props += marginsXml('tcMar', c.margins);
  if (c.middle) props += '<w:vAlign w:val="center"/>';
  let body = '';
  let last = '';
  for (const child of c.children) {
    last = keepNext !== undefined && isParagraph(child) ? withKeepNext(child, keepNext) : child;
    body += last;
  }
  if (!isParagraph(last)) body += keepNext !== undefined ? withKeepNext('<w:p/>', keepNext) : '<w:p/>';
  return `<w:tc><w:tcPr>${props}</w:tcPr>${body}</w:tc>`;
}

export interface TableSpec {
  widths: number[];
  rows: RowSpec[];
  borders: { top: BorderSpec; left: BorderSpec; bottom: BorderSpec; right: BorderSpec; insideHorizontal: BorderSpec; insideVertical: BorderSpec };
  style?: string;
  indent?: number;
  margins: Margins;
}

/** Paragraph alignment of a cell's last paragraph, which docx repeats in the cells a vertical merge continues into. */
const alignmentOf = (p: string | undefined): string => {
  if (p === undefined || !isParagraph(p)) return '';
  const end = p.indexOf('</w:pPr>');
  const m = end < 0 ? null : /<w:jc w:val="([^"]+)"\/>/.exec(p.slice(0, end));
  return m ? paragraphXml({ alignment: m[1] }) : '<w:p/>';
};

/** A fixed-layout `w:tbl` (docx's Table with width, columnWidths, layout FIXED, rowSpan continuation cells). */
export function tableXml(t: TableSpec): string {
  // Vertical merges: the cells below a rowSpan cell continue it, as docx's Table inserts them.
  const merged = t.rows.some((r) => r.cells.some((c) => c.rowSpan !== undefined && c.rowSpan > 1));
  const rows = merged ? t.rows.map((r) => ({ ...r, cells: [...r.cells] })) : t.rows;
  rows.forEach((row, r) => {
    if (r === rows.length - 1) return;
    let column = 0;
    for (const c of row.cells) {
      if (c.rowSpan && c.rowSpan > 1) {
        const last = c.children[c.children.length - 1];
        const cont: CellSpec = {
          width: c.width,
          columnSpan: c.columnSpan,
          rowSpan: c.rowSpan - 1,
          borders: c.borders,
          fill: c.fill,
          margins: c.margins,
          middle: c.middle,
          verticalMerge: 'continue',
          children: last !== undefined && isParagraph(last) ? [alignmentOf(last)] : [],
        };
        const next = must(rows[r + 1], 'row below a merged cell');
        let col = 0;
        let at = 0;
        while (at < next.cells.length && col < column) col += next.cells[at++]?.columnSpan || 1;
        next.cells.splice(at, 0, cont);
      }
      column += c.columnSpan || 1;
    }
  });
  const width = t.widths.reduce((a, b) => a + b, 0);
  const b = t.borders;
  let x = '<w:tbl><w:tblPr>';
  if (t.style) x += `<w:tblStyle w:val="${t.style}"/>`;
  x += widthXml('tblW', width);
  if (t.indent) x += widthXml('tblInd', t.indent);
  x += `<w:tblBorders>${borderXml('top', b.top)}${borderXml('left', b.left)}${borderXml('bottom', b.bottom)}${borderXml('right', b.right)}${borderXml('insideH', b.insideHorizontal)}${borderXml(
    'insideV',
    b.insideVertical,
  )}</w:tblBorders>`;
  x += '<w:tblLayout w:type="fixed"/>';
  x += marginsXml('tblCellMar', t.margins);
  if (t.style) x += '<w:tblLook w:firstRow="true" w:lastRow="false" w:firstColumn="false" w:lastColumn="false" w:noHBand="true" w:noVBand="true"/>';
  x += `</w:tblPr><w:tblGrid>${t.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  for (const row of rows) {
    if (row.cells.length === 0) continue;
    let props = '';
    if (row.cantSplit !== undefined) props += row.cantSplit ? '<w:cantSplit/>' : '<w:cantSplit w:val="off"/>';
    if (row.tableHeader !== undefined) props += row.tableHeader ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>';
    if (row.height) props += `<w:trHeight w:val="${row.height.value}" w:hRule="${row.height.rule}"/>`;
    x += `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}`;
    for (const c of row.cells) x += cellXml(c, row.keepNext);
    x += '</w:tr>';
  }
  return `${x}</w:tbl>`;
}
