/** Page setup, running header (not on the cover) and footer with page-number fields. */
import { PageOrientation, type ISectionPropertiesOptions } from 'docx';
import type { DocMeta } from '../../tree/nodes.js';
import { xmlSafe } from './text.js';
import { A4, GREY, MARGIN, SIZE, TONE, type Theme } from './theme.js';
import { BODYPAGES, PAGE, paragraphXml, runXml, TAB } from './xml.js';

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
  runXml({ text: xmlSafe(text), size: SIZE.header, color: extra.color ?? GREY.muted, bold: extra.bold });

/** The internal marking (e.g. "内部资料 · 请勿外传"), centred in a tinted band. */
export function bannerParagraph(banner: string): string {
  return paragraphXml(
    { alignment: 'center', spacing: { before: 0, after: 80, line: 240 }, shading: { fill: TONE.danger.fill } },
    [runXml({ text: xmlSafe(banner), bold: true, size: SIZE.header, color: TONE.danger.ink, characterSpacing: 20 })],
  );
}

/** A draft's watermark: Word's own VML text watermark, anchored in the header so it is on every page. */
export function watermarkParagraph(text: string): string {
  const t = xmlSafe(text).replace(/"/g, '&quot;');
  return (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r><w:pict>' +
    '<v:shape id="DealdocDraftWatermark" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:420pt;height:140pt;rotation:315;z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" fillcolor="#C8C8C8" stroked="f">' +
    `<v:fill opacity=".45"/><v:textpath style="font-family:&quot;Noto Sans SC&quot;;font-size:1pt" string="${t}"/></v:shape></w:pict></w:r></w:p>`
  );
}

/** The running header's paragraphs (banner, then left and right text over a rule). */
export function runningHeader(meta: DocMeta, theme: Theme): string[] {
  const line = paragraphXml(
    {
      tabStops: [{ type: 'right', position: theme.textWidth }],
      spacing: { before: 0, after: 0, line: 240 },
      border: { bottom: { style: 'single', size: 4, color: GREY.rule, space: 4 } },
    },
    [small(meta.header.left), runXml({ children: [TAB], size: SIZE.header }), small(meta.header.right)],
  );
  const mark = meta.draft ? [watermarkParagraph(meta.draft)] : [];
  return meta.banner ? [...mark, bannerParagraph(meta.banner), line] : [...mark, line];
}

/** The cover has no running header; an internal banner still shows on it. */
export function coverHeader(meta: DocMeta): string[] | undefined {
  const mark = meta.draft ? [watermarkParagraph(meta.draft)] : [];
  return meta.banner ? [...mark, bannerParagraph(meta.banner)] : mark.length ? mark : undefined;
}

/**
 * "第 {page} 页 / 共 {pages} 页" → text runs around PAGE / PAGEREF fields. The cover is a section
 * of its own and the body's numbering restarts at 1; {pages} is the page number of the body's
 * last character. Both count body pages only, exactly like the PDF.
 */
export function pageLabelRuns(label: string): string[] {
  return label
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}'
        ? runXml({ children: [PAGE], size: SIZE.header, color: GREY.muted })
        : part === '{pages}'
          ? runXml({ children: [BODYPAGES], size: SIZE.header, color: GREY.muted })
          : small(part),
    );
}

/** The running footer's paragraphs: page label with fields, then the confidentiality line. */
export function runningFooter(meta: DocMeta): string[] {
  const children = [paragraphXml({ alignment: 'center', spacing: { before: 0, after: 0, line: 240 } }, pageLabelRuns(meta.footer.pageLabel))];
  if (meta.footer.confidentiality) {
    children.push(paragraphXml({ alignment: 'center', spacing: { before: 40, after: 0, line: 240 } }, [small(meta.footer.confidentiality)]));
  }
  return children;
}
