/** XLSX writer: the workbook tree (tree/workbook.ts) → deterministic .xlsx bytes. */
export { renderXlsx } from './render.js';
