/** XLSX writer: a small workbook model for finance tables and its deterministic renderer. */
export type { CellValue, Column, ColumnKind, Row, Sheet, Workbook } from './model.js';
export { numFmtFor } from './model.js';
export { renderXlsx } from './render.js';
export { normalizeXlsx } from './normalize.js';
