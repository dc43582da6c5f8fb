import type { List, ListItem } from 'mdast';
import { widthOf } from '../layout.js';
import type { Doc, Handler, PdfState } from '../state.js';
import { at } from '../../must.js';

const BULLETS = ['•', '◦', '▪'] as const;

type Marker = { kind: 'number'; label: string } | { kind: 'bullet'; depth: number } | { kind: 'task'; checked: boolean };

function drawMarker(state: PdfState, doc: Doc, marker: Marker, right: number, baseline: number): void {
  const s = state.size;
  const color = state.colors.brand;
  const mid = baseline - s * 0.34;
  if (marker.kind === 'number') {
    const w = widthOf(state.fonts, 'regular', marker.label, s);
    state.drawText(marker.label, right - s * 0.45 - w, baseline, s, state.textColor);
  } else if (marker.kind === 'task') {
    const box = s * 0.78;
    const x = right - s * 0.55 - box;
    const y = mid - box / 2;
    if (marker.checked) {
      doc.roundedRect(x, y, box, box, 1.2).fill(color);
      doc.moveTo(x + box * 0.22, y + box * 0.52).lineTo(x + box * 0.43, y + box * 0.74).lineTo(x + box * 0.8, y + box * 0.28);
      doc.lineWidth(1.1).strokeColor('#FFFFFF').stroke();
    } else {
      doc.roundedRect(x, y, box, box, 1.2).lineWidth(0.8).strokeColor(state.colors.muted).stroke();
    }
  } else {
    // Bullets are text (•, ◦, ▪) at the text's size on the item's own baseline, so extraction and
    // copy-paste keep them on the item's line. Each glyph is centred on its advance (full-width
    // in Noto Sans SC, narrow in Noto Sans), so centring the advance centres the mark.
    const glyph = at(BULLETS, (marker.depth - 1) % 3);
    const w = widthOf(state.fonts, 'regular', glyph, s);
    state.drawText(glyph, right - s * 0.75 - w / 2, baseline, s, color);
  }
}

export const listItem: Handler<ListItem> = (state, node, parent) => {
  const list = parent?.type === 'list' ? (parent as List) : undefined;
  let marker: Marker;
  let indent = state.size * 1.8;
  if (typeof node.checked === 'boolean') marker = { kind: 'task', checked: node.checked };
  else if (list?.ordered) {
    const start = list.start ?? 1;
    const last = `${start + list.children.length - 1}.`;
    marker = { kind: 'number', label: `${start + list.children.indexOf(node)}.` };
    indent = Math.max(indent, widthOf(state.fonts, 'regular', last, state.size) + state.size * 0.8);
  } else marker = { kind: 'bullet', depth: state.listDepth };

  state.gap(state.size * (state.tight ? 0.2 : 0.5));
  state.indented(indent, 0, () => {
    const right = state.x;
    // An item whose first child is itself a list item keeps the outer marker pending too.
    const outer = state.marker;
    state.marker = (baseline, top) => {
      outer?.(baseline, top);
      drawMarker(state, state.doc, marker, right, baseline);
    };
    state.all(node);
    state.flush();
    if (state.markerPending) {
      const lh = state.size * state.lineHeight;
      state.open(lh);
      state.takeMarker(state.y + lh * 0.7, state.y);
      state.y += lh;
    }
  });
};
