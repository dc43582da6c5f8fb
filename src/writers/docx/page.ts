/** Page setup, running header (not on the cover) and footer with page-number fields. */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type ISectionPropertiesOptions,
} from 'docx';
import type { DocMeta } from '../../tree/nodes.js';
import { xmlSafe } from './text.js';
import { A4, GREY, MARGIN, SIZE, TONE, type Theme } from './theme.js';

export function pageProperties(meta: DocMeta): ISectionPropertiesOptions {
  return {
    page: {
      size: {
        width: A4.width,
        height: A4.height,
        orientation: meta.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { ...MARGIN, gutter: 0 },
    },
  };
}

const small = (text: string, extra: { bold?: boolean; color?: string } = {}) =>
  new TextRun({ text: xmlSafe(text), size: SIZE.header, color: extra.color ?? GREY.muted, bold: extra.bold });

/** The internal marking (e.g. "内部资料 · 请勿外传"), centred in a tinted band. */
export function bannerParagraph(banner: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 80, line: 240 },
    shading: { type: 'clear', color: 'auto', fill: TONE.danger.fill },
    children: [new TextRun({ text: xmlSafe(banner), bold: true, size: SIZE.header, color: TONE.danger.ink, characterSpacing: 20 })],
  });
}

export function runningHeader(meta: DocMeta, theme: Theme): Header {
  const line = new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: theme.textWidth }],
    spacing: { before: 0, after: 0, line: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: GREY.rule, space: 4 } },
    children: [small(meta.header.left), new TextRun({ children: [new Tab()], size: SIZE.header }), small(meta.header.right)],
  });
  return new Header({ children: meta.banner ? [bannerParagraph(meta.banner), line] : [line] });
}

/** The cover has no running header; an internal banner still shows on it. */
export function coverHeader(meta: DocMeta): Header | undefined {
  return meta.banner ? new Header({ children: [bannerParagraph(meta.banner)] }) : undefined;
}

/** "第 {page} 页 / 共 {pages} 页" → text runs around PAGE / NUMPAGES fields. */
export function pageLabelRuns(label: string): TextRun[] {
  return label
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}'
        ? new TextRun({ children: [PageNumber.CURRENT], size: SIZE.header, color: GREY.muted })
        : part === '{pages}'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: SIZE.header, color: GREY.muted })
          : small(part),
    );
}

export function runningFooter(meta: DocMeta): Footer {
  const children = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 240 }, children: pageLabelRuns(meta.footer.pageLabel) }),
  ];
  if (meta.footer.confidentiality) {
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 40, after: 0, line: 240 }, children: [small(meta.footer.confidentiality)] }),
    );
  }
  return new Footer({ children });
}
