/** The quote: one row per line, then subtotal, tax and total (slot `quote`), and its figures for the text. */
import { formatMoney, formatPercent, rmbUppercase } from '../../domain/money.js';
import type { DataTable } from '../../tree/nodes.js';
import type { ProposalEnv } from './env.js';
import type { ProposalView } from './view.js';

export function quoteTableOf({ deal, L, quote, currency }: ProposalEnv): DataTable {
  return {
    type: 'dataTable',
    columns: [
      { label: L.quoteCols.no, align: 'center', width: 0.7 },
      { label: L.quoteCols.sku, width: 2 },
      { label: L.quoteCols.name, width: 3.6 },
      { label: L.quoteCols.qty, align: 'right', width: 0.9 },
      { label: L.quoteCols.unit, align: 'center', width: 0.8 },
      { label: L.quoteCols.price(currency), align: 'right', width: 2 },
      { label: L.quoteCols.discount, align: 'right', width: 1 },
      { label: L.quoteCols.total(currency), align: 'right', width: 2.2 },
    ],
    rows: [
      ...quote.lines.map(({ item, lineTotal }, i) => ({
        cells: [
          String(i + 1),
          item.sku ?? '—',
          item.description ? `${item.name}\n${item.description}` : item.name,
          item.qty.toString(),
          item.unit ?? '',
          formatMoney(item.unit_price),
          item.discount && !item.discount.isZero() ? formatPercent(item.discount) : '—',
          formatMoney(lineTotal),
        ],
      })),
      { kind: 'subtotal' as const, cells: [L.subtotal, '', '', '', '', '', '', formatMoney(quote.subtotal)] },
      { kind: 'subtotal' as const, cells: [L.tax(formatPercent(deal.quote.tax_rate)), '', '', '', '', '', '', formatMoney(quote.tax)] },
      { kind: 'total' as const, cells: [L.total, '', '', '', '', '', '', formatMoney(quote.total)] },
    ],
  };
}

/** The quote's figures as the template prints them around the table. */
export function quoteFiguresOf({ zh, quote, currency }: ProposalEnv): ProposalView['quote'] {
  return {
    currency,
    subtotal: formatMoney(quote.subtotal),
    tax: formatMoney(quote.tax),
    total: formatMoney(quote.total),
    uppercase: currency === 'CNY' && zh ? rmbUppercase(quote.total) : undefined,
  };
}
