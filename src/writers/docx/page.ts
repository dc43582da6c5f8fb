/** Page setup, running header (not on the cover) and footer with page-number fields. */
import { PageOrientation, type ISectionPropertiesOptions } from 'docx';
import type { DocMeta } from '../../tree/nodes.js';
import { textTwips } from './table-kit.js';
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

const small = (text: string, extra: { bold?: boolean; color?: string; size?: number } = {}) =>
  runXml({ text: xmlSafe(text), size: extra.size ?? SIZE.header, color: extra.color ?? GREY.muted, bold: extra.bold });

/** The internal marking (e.g. "内部资料 · 请勿外传"), centred in a tinted band. */
function bannerParagraph(banner: string): string {
  return paragraphXml(
    { alignment: 'center', spacing: { before: 0, after: 80, line: 240 }, shading: { fill: TONE.danger.fill } },
    [runXml({ text: xmlSafe(banner), bold: true, size: SIZE.header, color: TONE.danger.ink, characterSpacing: 20 })],
  );
}

/** A draft's watermark: Word's own VML text watermark, anchored in the header so it is on every page. */
function watermarkParagraph(text: string, n: number): string {
  const t = xmlSafe(text).replace(/"/g, '&quot;');
  // Word's own markup for "Insert > Watermark" (the shape type of WordArt text, id prefix
  // PowerPlusWaterMarkObject), which Word and LibreOffice both recognise as a watermark.
  const formulas = ['sum #0 0 10800', 'prod #0 2 1', 'sum 21600 0 @1', 'sum 0 0 @2', 'sum 21600 0 @3', 'if @0 @3 0', 'if @0 21600 @1', 'if @0 0 @2', 'if @0 @4 21600', 'mid @5 @6', 'mid @8 @5', 'mid @7 @8', 'mid @6 @7', 'sum @6 0 @5']
    .map((f) => `<v:f eqn="${f}"/>`)
    .join('');
  return (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:pict>' +
    `<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>${formulas}</v:formulas>` +
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>' +
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>' +
    `<v:shape id="PowerPlusWaterMarkObject${n}" o:spid="_x0000_s${2048 + n}" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:420pt;height:140pt;rotation:315;z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#C8C8C8" stroked="f">` +
    `<v:fill opacity=".3"/><v:textpath style="font-family:&quot;Noto Sans SC&quot;;font-size:1pt" string="${t}"/><w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r></w:p>`
  );
}

/** The running header's paragraphs (banner, then left and right text over a rule). */
export function runningHeader(meta: DocMeta, theme: Theme): string[] {
  // Left and right texts share one line: both shrink rather than wrap, as in the PDF (a long
  // title wrapped the header onto two lines in LibreOffice).
  const natural = textTwips(meta.header.left, SIZE.header) + textTwips(meta.header.right, SIZE.header);
  const room = theme.textWidth - 480;
  const size = natural > room ? Math.max(8, Math.floor((SIZE.header * room) / natural)) : SIZE.header;
  const line = paragraphXml(
    {
      tabStops: [{ type: 'right', position: theme.textWidth }],
      spacing: { before: 0, after: 0, line: 240 },
      border: { bottom: { style: 'single', size: 4, color: GREY.rule, space: 4 } },
    },
    [small(meta.header.left, { size }), runXml({ children: [TAB], size }), small(meta.header.right, { size })],
  );
  const mark = meta.draft ? [watermarkParagraph(meta.draft, 2)] : [];
  return meta.banner ? [...mark, bannerParagraph(meta.banner), line] : [...mark, line];
}

/** The cover has no running header; an internal banner still shows on it. */
export function coverHeader(meta: DocMeta): string[] | undefined {
  const mark = meta.draft ? [watermarkParagraph(meta.draft, 1)] : [];
  return meta.banner ? [...mark, bannerParagraph(meta.banner)] : mark.length ? mark : undefined;
}

/**
 * "第 {page} 页 / 共 {pages} 页" → text runs around PAGE / PAGEREF fields. The cover is a section
 * of its own and the body's numbering restarts at 1; {pages} is the page number of the body's
 * last character. Both count body pages only, exactly like the PDF.
 */
function pageLabelRuns(label: string): string[] {
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
