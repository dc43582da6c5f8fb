/**
 * Column headers: the English names of the issue plus the Chinese names ERP exports use
 * (Kingdee, Yonyou, ERPNext zh). A header matches after trimming spaces (full-width too), a BOM,
 * case, and `_`/`-`/`.`/space differences. Unknown columns are ignored: exports carry many.
 */
export type TableName = 'invoices' | 'payments' | 'adjustments' | 'fx' | 'specific';

interface FieldSpec {
  aliases: string[];
  required?: boolean;
}

const INVOICE_NO = ['invoice_no', 'invoice number', 'invoice', 'invoice id', '发票号', '发票号码', '发票编号'];
const CUSTOMER_ID = ['customer_id', 'customer code', 'customer no', 'party', '客户编号', '客户编码', '客户代码'];
const CUSTOMER_NAME = ['customer_name', 'customer', 'partner', '客户名称', '往来单位', '客户', '对账对象'];
const CURRENCY = ['currency', 'ccy', '币种', '币别', '原币别', '原币'];

export const TABLE_FIELDS: Record<TableName, Record<string, FieldSpec>> = {
  invoices: {
    invoice_no: { aliases: [...INVOICE_NO, 'voucher no', 'doc no', 'document no', '单据编号', '单据号', '业务单号'], required: true },
    customer_id: { aliases: CUSTOMER_ID },
    customer_name: { aliases: CUSTOMER_NAME },
    invoice_date: { aliases: ['invoice_date', 'date', 'posting date', '开票日期', '业务日期', '单据日期', '发票日期', '记账日期'], required: true },
    due_date: { aliases: ['due_date', 'date_maturity', 'maturity date', '到期日', '收款到期日', '到期日期'] },
    terms: { aliases: ['terms', 'payment terms', 'credit terms', '账期', '付款条件', '收款条件', '信用期'] },
    currency: { aliases: CURRENCY },
    amount: { aliases: ['amount', 'invoiced amount', 'invoice amount', 'total', '金额', '价税合计', '应收金额', '原币金额', '含税金额'], required: true },
    rep: { aliases: ['rep', 'sales rep', 'salesperson', 'sales person', 'sales', '业务员', '销售员', '销售人员'] },
  },
  payments: {
    payment_no: { aliases: ['payment_no', 'receipt no', 'receipt number', '收款单号', '收款单编号', '单据编号', '单据号'], required: true },
    invoice_no: { aliases: [...INVOICE_NO, '源单编号', '源单号', '对应发票号', '核销发票号'] },
    customer_id: { aliases: CUSTOMER_ID },
    date: { aliases: ['date', 'payment date', 'receipt date', '收款日期', '业务日期', '单据日期', '到账日期'], required: true },
    amount: { aliases: ['amount', 'paid amount', 'receipt amount', '金额', '收款金额', '实收金额', '本次收款金额'], required: true },
    currency: { aliases: CURRENCY },
  },
  adjustments: {
    date: { aliases: ['date', 'posting date', '日期', '业务日期', '单据日期', '调整日期'], required: true },
    invoice_no: { aliases: [...INVOICE_NO, '源单编号', '源单号', '对应发票号'], required: true },
    kind: { aliases: ['kind', 'type', 'adjustment type', '类型', '调整类型', '业务类型'], required: true },
    amount: { aliases: ['amount', '金额', '调整金额'], required: true },
  },
  fx: {
    date: { aliases: ['date', 'rate date', '日期', '汇率日期'], required: true },
    currency: { aliases: CURRENCY, required: true },
    rate: { aliases: ['rate', 'exchange rate', 'fx rate', '汇率', '折算汇率'], required: true },
  },
  specific: {
    invoice_no: { aliases: [...INVOICE_NO, '单据编号'], required: true },
    rate: { aliases: ['rate', 'provision rate', '计提比例', '比例', '单项计提比例'], required: true },
    reason: { aliases: ['reason', 'note', '原因', '计提理由', '理由', '说明'] },
    date: { aliases: ['date', 'effective date', 'assessed on', '日期', '认定日期', '生效日期'] },
  },
};

/** The header as a person wrote it, without a BOM or surrounding (full-width) spaces. */
function cleanHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').replace(/^[\s\u3000\u00A0]+|[\s\u3000\u00A0]+$/g, '');
}

/** Strip a BOM, trim ASCII/full-width/no-break spaces, ignore case and `_ - .` and inner spaces. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[\s\u3000\u00A0]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/g, '');
}

export interface HeaderMap {
  /** canonical field → column index */
  index: Map<string, number>;
  /** canonical field → header as written in the file (for diagnostics) */
  written: Record<string, string>;
  missing: string[];
  /** fields matched by more than one column: [field, header a, header b] */
  ambiguous: [string, string, string][];
}

/** `columns`: the config's mapping for this table (header as written → field), tried before the built-in names. */
export function mapHeaders(table: TableName, headers: string[], columns?: Record<string, string>): HeaderMap {
  const fields = TABLE_FIELDS[table];
  const lookup = new Map<string, string>();
  for (const [field, spec] of Object.entries(fields)) {
    for (const alias of [field, ...spec.aliases]) lookup.set(normalizeHeader(alias), field);
  }
  for (const [header, field] of Object.entries(columns ?? {})) if (Object.hasOwn(fields, field)) lookup.set(normalizeHeader(header), field);
  const index = new Map<string, number>();
  const written: Record<string, string> = {};
  const ambiguous: HeaderMap['ambiguous'] = [];
  headers.forEach((h, i) => {
    const field = lookup.get(normalizeHeader(h));
    if (!field) return;
    if (index.has(field)) {
      ambiguous.push([field, written[field] ?? field, cleanHeader(h)]); // set with index above
      return;
    }
    index.set(field, i);
    written[field] = cleanHeader(h);
  });
  const missing = Object.entries(fields)
    .filter(([field, spec]) => spec.required && !index.has(field))
    .map(([field]) => field);
  return { index, written, missing, ambiguous };
}

/** "invoice_no (also: 发票号, 发票号码, …)" for a missing-column message. */
export function describeField(table: TableName, field: string): string {
  const aliases = (TABLE_FIELDS[table][field]?.aliases ?? []).filter((a) => /[^ -~]/.test(a)).slice(0, 4);
  return aliases.length ? `${field} (or ${aliases.join(', ')})` : field;
}
