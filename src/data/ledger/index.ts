/** Ledger readers: CSV / JSON / XLSX in UTF-8 or GB18030, English or Chinese ERP headers. */
export { readLedger, parseLedger, findLedgerFiles, type LedgerSource, type LedgerFormat, type ReadLedgerOptions, type ReadLedgerResult } from './read-ledger.js';
export { decodeText } from './decode.js';
export { parseAmount } from './parse-amount.js';
export { parseDateText, parseDateCell, fromExcelSerial } from './parse-date.js';
export { parseTerms, dueFromTerms, type Terms } from './terms.js';
export { mapHeaders, normalizeHeader, TABLE_FIELDS, type TableName } from './headers.js';
