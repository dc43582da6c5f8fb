/**
 * The workbook tree: typed finance tables, the second kind of document tree beside the mdast
 * tree of nodes.ts. A document module (the provision report) builds it from its data; the XLSX
 * writer (writers/xlsx/) only consumes it, and the same sheets are turned into `dataTable`
 * nodes for the PDF/DOCX tree (documents/provision-report/format.ts). Cells keep their exact
 * types (Decimal money, IsoDate dates) until a writer's last step, so every output holds the
 * same figures. Nothing here knows Excel: number formats and styles are the writer's.
 */
import type { IsoDate } from '../domain/dates.js';
import type { Decimal } from '../domain/money.js';

/**
 * - `text`: strings as they are;
 * - `money`: Decimal, 2 decimals, thousands separators, negatives in parentheses;
 * - `percent`: Decimal rate (0.1 = 10%) shown with `decimals` places (default 0);
 * - `number`: Decimal with `decimals` places (default 4), e.g. FX rates;
 * - `int`: whole numbers (days, counts);
 * - `date`: IsoDate, a real date cell.
 */
export type ColumnKind = 'text' | 'money' | 'percent' | 'number' | 'int' | 'date';

export interface Column {
  header: string;
  /** Width in Excel character units (also the relative weight when a table is printed). */
  width?: number;
  kind: ColumnKind;
  /** Decimal places for `percent` and `number` columns. */
  decimals?: number;
}

export type CellValue = string | Decimal | number | IsoDate | null;

export interface Row {
  cells: CellValue[];
  /**
   * Live formulas by column index; the cell's value is written as the cached result, so a reader
   * that does not recalculate shows the same figure. References are written as tokens the writer
   * turns into A1 addresses: `{r,c}` = row r (index in `rows`), column c of this sheet; `{@c}` =
   * column c of this row; `{rows c}` = column c over this sheet's normal (non-total) rows;
   * `{Sheet!rows c}` / `{Sheet!r,c}` = the same in another sheet of the workbook.
   */
  formulas?: Record<number, string>;
  /** `total` and `subtotal` rows are bold under a rule; `total` rows are excluded from the autofilter range. */
  kind?: 'normal' | 'total' | 'subtotal';
}

export interface Sheet {
  /** At most 31 characters, none of `[]:*?/\`. */
  name: string;
  columns: Column[];
  rows: Row[];
  /** Printed above the header row (frozen with it). */
  title?: string;
  /** Lines printed below the table: notes, checks, sources. */
  notes?: string[];
  /** Add an autofilter over the header and the non-total rows. */
  autoFilter?: boolean;
  /** Page orientation when printed (default landscape: finance tables are wide). */
  orientation?: 'portrait' | 'landscape';
}

export interface Workbook {
  sheets: Sheet[];
  /** Stamped into the file's metadata; the only date the file carries. */
  created: Date;
  title: string;
  company: string;
  /** The config's brand colour ("#RRGGBB"): header rows take its tint, as in the PDF and DOCX. */
  brandColor?: string;
}
