import type { Cover } from '../../../tree/nodes.js';
import { fitPx, imageRun, loadImage } from '../image.js';
import type { Block, State } from '../state.js';
import { cell, distribute, fixedTable, line, NO_BORDERS, row } from '../table-kit.js';
import { GREY, mm, SIZE } from '../theme.js';
import { paragraphXml as p } from '../xml.js';
import { pageBreak } from './page-break.js';
import { at } from '../../must.js';

/**
 * The cover page's blocks: logo, kicker, title (Title style), subtitle, a short brand rule,
 * "prepared for", then the company and the label/value lines near the foot of the page.
 * The writer puts a leading cover in a section of its own without running header/footer.
 */
export function coverPage(state: State, node: Cover): Block[] {
  const { brand, textWidth } = state.theme;
  const out: Block[] = [];
  const logo = node.logo ? loadImage(node.logo, state.ctx.assetRoots) : undefined;
  if (logo?.ok) {
    out.push(p({ spacing: { after: 0 } }, [imageRun(state, logo.image, fitPx(logo.image.width, logo.image.height, mm(60), mm(16)), node.company, '')]));
  }
  const text = (value: string, o: { size: number; bold?: boolean; color?: string }, spacing: { before?: number; after?: number } = {}, style?: string) =>
    p({ style, spacing: { line: 300, lineRule: 'auto', ...spacing } }, [state.run(value, o)]);

  out.push(
    node.kicker
      ? p({ spacing: { before: logo?.ok ? mm(38) : mm(55), after: 160 } }, [state.run(node.kicker, { size: 24, bold: true, color: brand })])
      : p({ spacing: { before: logo?.ok ? mm(38) : mm(55), after: 0, line: 20, lineRule: 'exact' } }),
    p({ style: 'Title' }, [state.run(node.title)]),
  );
  if (node.subtitle) out.push(text(node.subtitle, { size: 28, color: GREY.muted }, { after: 120 }));
  out.push(
    p({
      spacing: { before: 240, after: 480, line: 40, lineRule: 'exact' },
      indent: { right: Math.round(textWidth * 0.72) },
      border: { bottom: { ...line(24, brand), space: 1 } },
    }),
  );
  if (node.preparedFor) out.push(text(node.preparedFor, { size: 26, bold: true }, { after: 120 }));

  out.push(text(node.company, { size: 24, bold: true }, { before: mm(30), after: 40 }));
  if (node.companySecondary) out.push(text(node.companySecondary, { size: SIZE.body, color: GREY.muted }, { after: 200 }));
  if (node.lines.length) out.push(linesTable(state, node.lines));
  return out;
}

function linesTable(state: State, lines: Cover['lines']): Block {
  const widths = distribute([22, 78], Math.round(state.theme.textWidth * 0.7));
  const rows = lines.map(
    (l) =>
      row(
        [
          cell(state.inCell(at(widths, 0), { size: SIZE.table, color: GREY.muted }, () => [state.paragraph([state.run(l.label)])]), { width: at(widths, 0) }),
          cell(state.inCell(at(widths, 1), { size: SIZE.body }, () => [state.paragraph([state.run(l.value)])]), { width: at(widths, 1) }),
        ],
        { cantSplit: true },
      ),
  );
  return fixedTable({
    widths,
    rows,
    borders: { ...NO_BORDERS, top: line(6, GREY.rule), insideHorizontal: line(2, 'E5E7EB'), bottom: line(6, GREY.rule) },
    margins: { top: 50, bottom: 50, left: 0, right: 85 },
  });
}

/** A cover that is not the document's first node: its page, then a page break. */
export function cover(state: State, node: Cover): Block[] {
  return [...coverPage(state, node), ...pageBreak()];
}
