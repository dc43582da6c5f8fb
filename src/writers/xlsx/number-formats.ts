/** Excel number formats per column kind of the workbook tree (tree/workbook.ts). */
import type { Column } from '../../tree/workbook.js';

/** The number format a column kind is written with. */
export function numFmtFor(column: Column): string | undefined {
  switch (column.kind) {
    case 'money':
      return '#,##0.00;(#,##0.00)';
    case 'percent': {
      const d = column.decimals ?? 0;
      return d > 0 ? `0.${'0'.repeat(d)}%` : '0%';
    }
    case 'number': {
      const d = column.decimals ?? 4;
      return d > 0 ? `0.${'0'.repeat(d)}` : '0';
    }
    case 'int':
      return '0';
    case 'date':
      return 'yyyy-mm-dd';
    case 'text':
      return undefined;
  }
}
