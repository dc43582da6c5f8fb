/**
 * The worked example of RECEIVABLES-NOTES §6, as the computation would hand it over (hand-built:
 * the report is tested against known figures, independently of computeProvision).
 * as_of 2024-03-31, USD 7.0950, opening allowance 30,000.00, write-off 5,000.00, recovery 1,000.00,
 * INV-010 individually assessed at 100%. Matrix 309,406.71 / 21,662.91; total 321,406.71 / 33,662.91.
 */
import { provisioningSchema, type CompanyProfile } from '../../src/config/schema.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { Decimal } from '../../src/domain/money.js';
import type { BucketTotal, InvoiceLine, PartyTotals, ProvisionResult } from '../../src/domain/receivables/types.js';
import type { ProvisionReportContext } from '../../src/documents/provision-report/index.js';

const d = (s: string) => new Decimal(s);
const date = (s: string) => s as IsoDate;

export const CUSTOMERS: Record<string, { id: string; name: string; rep: string }> = {
  A: { id: 'C001', name: '华新精密制造有限公司', rep: '张伟' },
  B: { id: 'C002', name: '苏州恒达电子有限公司', rep: '张伟' },
  C: { id: 'C003', name: '东莞立信科技有限公司', rep: '李娜' },
  D: { id: 'C004', name: 'Pacific Components Ltd.', rep: '李娜' },
  E: { id: 'C005', name: '宁波海曙仪表有限公司', rep: '王芳' },
  F: { id: 'C006', name: '杭州远景自动化有限公司', rep: '王芳' },
  G: { id: 'C007', name: '深圳讯达通信有限公司', rep: '王芳' },
};

interface LineSpec {
  no: string;
  c: keyof typeof CUSTOMERS;
  invoiceDate: string;
  due: string;
  days: number;
  bucket: string;
  currency?: string;
  outstanding: string;
  fx?: string;
  balance: string;
  rate: string;
  provision: string;
  specific?: string;
  dueMissing?: boolean;
  /** Booked CNY of a foreign-currency line (FX memo). */
  booked?: string;
}

const SPECS: LineSpec[] = [
  { no: 'INV-001', c: 'A', invoiceDate: '2024-01-31', due: '2024-03-01', days: 30, bucket: 'd1_30', outstanding: '100000.00', balance: '100000.00', rate: '0', provision: '0.00' },
  { no: 'INV-002', c: 'A', invoiceDate: '2024-01-30', due: '2024-02-29', days: 31, bucket: 'd31_60', outstanding: '1234.45', balance: '1234.45', rate: '0.10', provision: '123.45' },
  { no: 'INV-003', c: 'B', invoiceDate: '2023-12-31', due: '2024-01-31', days: 60, bucket: 'd31_60', outstanding: '30000.05', balance: '30000.05', rate: '0.10', provision: '3000.01' },
  { no: 'INV-004', c: 'B', invoiceDate: '2023-12-30', due: '2024-01-30', days: 61, bucket: 'd61_90', outstanding: '8888.88', balance: '8888.88', rate: '0.20', provision: '1777.78' },
  { no: 'INV-005', c: 'C', invoiceDate: '2023-12-01', due: '2024-01-01', days: 90, bucket: 'd61_90', outstanding: '40000.00', balance: '40000.00', rate: '0.20', provision: '8000.00' },
  { no: 'INV-006', c: 'C', invoiceDate: '2023-11-30', due: '2023-12-31', days: 91, bucket: 'over_90', outstanding: '3333.33', balance: '3333.33', rate: '0.50', provision: '1666.67' },
  {
    no: 'INV-007', c: 'D', invoiceDate: '2024-01-15', due: '2024-02-14', days: 46, bucket: 'd31_60', currency: 'USD', outstanding: '10000.00', fx: '7.0950',
    balance: '70950.00', rate: '0.10', provision: '7095.00', booked: '71000.00',
  },
  { no: 'INV-008', c: 'E', invoiceDate: '2024-03-20', due: '2024-04-19', days: -19, bucket: 'not_due', outstanding: '55000.00', balance: '55000.00', rate: '0', provision: '0.00' },
  {
    no: 'INV-010', c: 'G', invoiceDate: '2023-10-01', due: '2023-10-31', days: 152, bucket: 'over_90', outstanding: '12000.00', balance: '12000.00', rate: '1',
    provision: '12000.00', specific: '质量争议',
  },
];

function line(s: LineSpec): InvoiceLine {
  const cust = CUSTOMERS[s.c];
  return {
    invoice: {
      invoiceNo: s.no,
      customerId: cust.id,
      customerName: cust.name,
      invoiceDate: date(s.invoiceDate),
      dueDate: date(s.due),
      dueDateMissing: s.dueMissing ?? false,
      currency: s.currency ?? 'CNY',
      amount: d(s.outstanding),
      rep: cust.rep,
      source: { file: 'invoices.csv', line: 2 },
    },
    daysOverdue: s.days,
    bucket: s.bucket,
    outstanding: d(s.outstanding),
    fxRate: d(s.fx ?? '1'),
    balanceCny: d(s.balance),
    provisionRate: d(s.rate),
    provision: d(s.provision),
    ...(s.specific ? { specific: { reason: s.specific } } : {}),
    ...(s.booked ? { bookedCny: d(s.booked), fxDifference: d(s.balance).minus(d(s.booked)) } : {}),
  };
}

const bucket = (id: string, minDays: number, maxDays: number | undefined, rate: string, balance: string, provision: string, count: number): BucketTotal => ({
  bucket: id,
  minDays,
  ...(maxDays === undefined ? {} : { maxDays }),
  rate: d(rate),
  balance: d(balance),
  provision: d(provision),
  count,
});

const party = (key: string, name: string, balance: string, overdue: string, provision: string, byBucket: Record<string, string>): PartyTotals => ({
  key,
  name,
  balance: d(balance),
  overdue: d(overdue),
  provision: d(provision),
  byBucket: Object.fromEntries(Object.entries(byBucket).map(([k, v]) => [k, d(v)])),
});

export function workedExample(): ProvisionResult {
  const A = party('C001', CUSTOMERS.A.name, '101234.45', '101234.45', '123.45', { d1_30: '100000.00', d31_60: '1234.45' });
  const B = party('C002', CUSTOMERS.B.name, '38888.93', '38888.93', '4777.79', { d31_60: '30000.05', d61_90: '8888.88' });
  const C = party('C003', CUSTOMERS.C.name, '43333.33', '43333.33', '9666.67', { d61_90: '40000.00', over_90: '3333.33' });
  const D = party('C004', CUSTOMERS.D.name, '70950.00', '70950.00', '7095.00', { d31_60: '70950.00' });
  const E = party('C005', CUSTOMERS.E.name, '55000.00', '0.00', '0.00', { not_due: '55000.00' });
  const G = party('C007', CUSTOMERS.G.name, '12000.00', '12000.00', '12000.00', { specific: '12000.00' });
  return {
    asOf: date('2024-03-31'),
    periodStart: date('2024-03-01'),
    functionalCurrency: 'CNY',
    fxUsed: [{ currency: 'USD', rate: d('7.0950'), date: date('2024-03-31') }],
    buckets: [
      bucket('not_due', 0, 0, '0', '55000.00', '0.00', 1),
      bucket('d1_30', 1, 30, '0', '100000.00', '0.00', 1),
      bucket('d31_60', 31, 60, '0.10', '102184.50', '10218.46', 3),
      bucket('d61_90', 61, 90, '0.20', '48888.88', '9777.78', 2),
      bucket('over_90', 91, undefined, '0.50', '3333.33', '1666.67', 1),
    ],
    lines: SPECS.map(line),
    specificTotal: { balance: d('12000.00'), provision: d('12000.00') },
    totals: { balance: d('321406.71'), overdue: d('266406.71'), provision: d('33662.91'), net: d('287743.80') },
    byCustomer: [A, B, C, D, E, G],
    byRep: [
      { ...party('张伟', '张伟', '140123.38', '140123.38', '4901.24', { d1_30: '100000.00', d31_60: '31234.50', d61_90: '8888.88' }), customers: [A, B] },
      { ...party('李娜', '李娜', '114283.33', '114283.33', '16761.67', { d31_60: '70950.00', d61_90: '40000.00', over_90: '3333.33' }), customers: [C, D] },
      { ...party('王芳', '王芳', '67000.00', '12000.00', '12000.00', { not_due: '55000.00', specific: '12000.00' }), customers: [E, G] },
    ],
    credits: [{ customerId: 'C006', customerName: CUSTOMERS.F.name, currency: 'CNY', amount: d('8000.00'), amountCny: d('8000.00'), sources: ['RCV-F01'] }],
    unappliedCash: [
      { paymentNo: 'RCV-E01', customerId: 'C005', date: date('2024-03-28'), amount: d('5000.00'), currency: 'CNY', appliedTo: ['INV-008'] },
      { paymentNo: 'RCV-F01', customerId: 'C006', date: date('2024-03-20'), amount: d('8000.00'), currency: 'CNY', appliedTo: [] },
    ],
    missingDueDates: [],
    movement: {
      opening: d('30000.00'),
      charge: d('7662.91'),
      reversal: d('0'),
      writeOffs: d('5000.00'),
      recoveries: d('1000.00'),
      closing: d('33662.91'),
      balanced: true,
    },
    periodAdjustments: [
      { kind: 'write_off', invoiceNo: 'INV-H01', customerId: 'C008', customerName: '成都川信电器有限公司', date: date('2024-03-25'), currency: 'CNY', amount: d('5000.00'), amountCny: d('5000.00'), rate: d('1') },
      { kind: 'recovery', invoiceNo: 'INV-J01', customerId: 'C009', customerName: '武汉光谷精工有限公司', date: date('2024-03-27'), currency: 'CNY', amount: d('1000.00'), amountCny: d('1000.00'), rate: d('1') },
    ],
    // Overdue customers by provision: G (单项 100%), C, D, B, A; B paid 19,999.95 on 03-15.
    collection: [
      { customerId: 'C007', customerName: CUSTOMERS.G.name, reps: ['王芳'], daysOverdue: 152, overdue: d('12000.00'), balance: d('12000.00'), provision: d('12000.00') },
      { customerId: 'C003', customerName: CUSTOMERS.C.name, reps: ['李娜'], daysOverdue: 91, overdue: d('43333.33'), balance: d('43333.33'), provision: d('9666.67') },
      { customerId: 'C004', customerName: CUSTOMERS.D.name, reps: ['李娜'], daysOverdue: 46, overdue: d('70950.00'), balance: d('70950.00'), provision: d('7095.00') },
      { customerId: 'C002', customerName: CUSTOMERS.B.name, reps: ['张伟'], daysOverdue: 61, lastPayment: date('2024-03-15'), overdue: d('38888.93'), balance: d('38888.93'), provision: d('4777.79') },
      { customerId: 'C001', customerName: CUSTOMERS.A.name, reps: ['张伟'], daysOverdue: 31, overdue: d('101234.45'), balance: d('101234.45'), provision: d('123.45') },
    ],
    // INV-007 carried at the February closing rate 7.1000, revalued at 7.0950: USD 10,000 × −0.005 = −50.00.
    fxDifferences: [{ currency: 'USD', revaluation: d('-50.00'), settlement: d('0'), total: d('-50.00') }],
    excluded: { invoicesAfterAsOf: 1, paymentsAfterAsOf: 1 },
  };
}

/** The reversal variant: a higher opening allowance, so the same required 33,662.91 means 本期转回 3,000.00. */
export function reversalExample(): ProvisionResult {
  const r = workedExample();
  r.movement = { ...r.movement, opening: d('40662.91'), charge: d('0'), reversal: d('3000.00') };
  return r;
}

export const COMPANY: CompanyProfile = { name: '华芯电子科技有限公司', name_en: 'Huaxin Electronics Co., Ltd.' };

export function ctx(locale: 'zh-CN' | 'en' = 'zh-CN', policy: Record<string, unknown> = {}): ProvisionReportContext {
  return {
    company: COMPANY,
    policy: provisioningSchema.parse(policy),
    locale,
    brandColor: '#1F5FAF',
    created: new Date('2024-04-01T00:00:00Z'),
    ledgerFiles: ['data/receivables/invoices.csv', 'data/receivables/payments.csv', 'data/receivables/adjustments.csv', 'data/receivables/fx.csv'],
  };
}
