/** Encodings: strict UTF-8 (with or without BOM) first, then GB18030 — a GBK CSV with Chinese headers reads like its UTF-8 twin. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/data/ledger/index.js';
import { csv, readErrors, readOk, rows } from './helpers.js';

const invoicesZh = csv(
  '发票号码,客户编码,往来单位,业务日期,收款到期日,币别,价税合计,销售员,付款条件',
  'FP-001,C-1001,华新精密制造有限公司,2026年9月1日,,人民币,"￥385,000.00",李明,30天',
  'FP-002,C-1002,东莞瑞声汽车电子有限公司,2026/9/15,2026/10/15,CNY,"１２，８００．５０",陈静,',
);
const paymentsZh = csv('收款单号,发票号,收款日期,收款金额', 'SK-01,FP-001,2026-10-08,"100,000.00"');

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ text: 'A', encoding: 'utf-8' });
  });

  it('reads GB18030 only when the bytes are not valid UTF-8', () => {
    expect(decodeText(iconv.encode('发票号', 'gb18030'))).toEqual({ text: '发票号', encoding: 'gb18030' });
    // UTF-8 bytes of Chinese text are also *decodable* as GB18030 (as mojibake): UTF-8 must win.
    expect(decodeText(new TextEncoder().encode('发票号'))).toEqual({ text: '发票号', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a byte-order mark (LE and BE); refuses broken UTF-16 and binary data', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ text: 'A', encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x53, 0xd1]))).toEqual({ text: '发', encoding: 'utf-16be' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toHaveProperty('error');
    expect(decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toHaveProperty('error');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0x41]))).toHaveProperty('error');
  });
});

describe('encodings of a whole ledger', () => {
  it('a GB18030 CSV with Chinese headers gives the same ledger as its UTF-8 twin', async () => {
    const utf8 = await readOk({ 'invoices.csv': invoicesZh, 'payments.csv': paymentsZh });
    const gbk = await readOk({ 'invoices.csv': iconv.encode(invoicesZh, 'gb18030'), 'payments.csv': iconv.encode(paymentsZh, 'gb18030') });
    expect(rows(gbk)).toBe(rows(utf8));
    const inv = utf8.invoices[0];
    expect([inv.invoiceNo, inv.customerName, inv.invoiceDate, inv.dueDate, inv.terms, inv.currency, inv.amount.toFixed(2), inv.rep]).toEqual([
      'FP-001', '华新精密制造有限公司', '2026-09-01', '2026-10-01', '30天', 'CNY', '385000.00', '李明',
    ]);
    expect(utf8.invoices[1].amount.toFixed(2)).toBe('12800.50');
    expect(utf8.invoices[0].source.columns?.amount).toBe('价税合计');
  });

  it('a UTF-8 file with a BOM and full-width spaces around headers reads the same', async () => {
    const plain = await readOk({ 'invoices.csv': invoicesZh, 'payments.csv': paymentsZh });
    const padded = invoicesZh.replace('发票号码,客户编码', '\u3000发票号码 ,客户编码\u3000');
    const bom = await readOk({ 'invoices.csv': '\uFEFF' + padded, 'payments.csv': '\uFEFF' + paymentsZh });
    expect(rows(bom)).toBe(rows(plain));
  });

  it('an unreadable encoding is a diagnostic for the file', async () => {
    const errors = await readErrors({ 'invoices.csv': new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00, 0x2c, 0x00]), 'payments.csv': paymentsZh });
    expect(errors).toEqual([expect.stringMatching(/^invoices\.csv: unreadable encoding: the file starts with a UTF-16 LE byte-order mark but is not valid UTF-16/)]);
  });
});
