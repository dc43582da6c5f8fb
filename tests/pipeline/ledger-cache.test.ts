/**
 * The ledger cache (out/.dealdoc/ledger-cache.json) and the ledger fingerprints the build keys on.
 * A brief rebuilt with the ledger unchanged reads its customer's payment record from the cache
 * instead of parsing the ledger; a malformed or foreign cache is ignored and the record computed;
 * a ledger edit that changes a customer's record rebuilds that brief and updates that entry only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLedger } from '../../src/data/ledger/index.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { ledgerInputsUpTo, ledgerOfCustomer, monthEnds } from '../../src/domain/receivables/index.js';
import type { Ledger } from '../../src/domain/receivables/types.js';
import { customerFingerprint, ledgerFingerprint } from '../../src/pipeline/ledger-fingerprint.js';
import { twoDealProject, ROOT, runCli } from '../helpers/cli.js';

/** The fingerprint as the domain computed it before it moved (serialise and sort per call): the reference. */
function reference(ledger: Ledger, asOf: IsoDate): string {
  const l = ledgerInputsUpTo(ledger, asOf);
  const rows: string[] = [
    ...l.invoices.map((i) => ['I', i.invoiceNo, i.customerId, i.customerName, i.invoiceDate, i.dueDate, i.dueDateMissing, i.terms ?? '', i.currency, i.amount.toFixed(), i.rep]),
    ...l.payments.map((p) => ['P', p.paymentNo, p.invoiceNo ?? '', p.customerId ?? '', p.date, p.amount.toFixed(), p.currency ?? '']),
    ...l.adjustments.map((a) => ['A', a.date, a.invoiceNo, a.kind, a.amount.toFixed()]),
    ...l.fx.map((r) => ['F', r.date, r.currency, r.rate.toFixed()]),
    ...l.specific.map((s) => ['S', s.invoiceNo, s.rate.toFixed(), s.reason, s.date ?? '']),
  ].map((r) => JSON.stringify(r));
  rows.sort();
  return createHash('sha256').update(rows.join('\n')).digest('hex');
}

describe('ledger fingerprints', () => {
  it('equal the per-call reference for every month end and every customer (and one without rows)', async () => {
    const { ledger } = await readLedger(join(ROOT, 'data/receivables'));
    expect(ledger).toBeDefined();
    const l = ledger!;
    const months = monthEnds(l, { periods: undefined } as never);
    expect(months.length).toBeGreaterThan(3);
    for (const d of months) expect(ledgerFingerprint(l, d), d).toBe(reference(l, d));
    const customers = [...new Set(l.invoices.map((i) => i.customerId)), 'C-NONE'];
    for (const c of customers) for (const d of [months[0]!, months[months.length - 1]!, '2099-12-31' as IsoDate]) expect(customerFingerprint(l, c, d), `${c} ${d}`).toBe(reference(ledgerOfCustomer(l, c), d));
    // The first customer asked of a ledger is keyed without indexing it: the same key.
    for (const c of customers) expect(customerFingerprint({ ...l }, c, months[months.length - 1]!), c).toBe(reference(ledgerOfCustomer(l, c), months[months.length - 1]!));
    // Unapplied cash (no invoice number) belongs to its customer by customer id.
    expect(l.payments.some((p) => p.invoiceNo === undefined)).toBe(true);
  });
});

const docxText = (file: string) => strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);

describe('ledger cache', () => {
  let proj: string;
  let out: string;
  let cacheFile: string;
  let reference: { huaxin: string; penang: string };
  const brief = (deal: string) => join(out, deal, 'swot-brief.docx');
  const build = (args: string[] = []) => {
    const r = runCli(['build', '--explain', '--format', 'docx', ...args], { cwd: proj });
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  const rebuildBrief = () => {
    rmSync(brief('huaxin-aoi-2026'));
    const r = build();
    expect(r.stdout).toMatch(/built {3}huaxin-aoi-2026\/swot-brief: huaxin-aoi-2026\/swot-brief\.docx missing/);
    return docxText(brief('huaxin-aoi-2026'));
  };
  const cache = () => JSON.parse(readFileSync(cacheFile, 'utf8')) as { key: string; rawHash: string; entries: Record<string, { ledgerPart: string; record?: Record<string, unknown> }> };

  beforeAll(() => {
    proj = twoDealProject();
    out = join(proj, 'out');
    cacheFile = join(out, '.dealdoc/ledger-cache.json');
    build();
    reference = { huaxin: docxText(brief('huaxin-aoi-2026')), penang: docxText(brief('penang-xray-2026')) };
  }, 120_000);

  it('holds one entry per brief, and a rebuilt brief reads its record from it', () => {
    const c = cache();
    const keys = Object.keys(c.entries);
    expect(keys).toHaveLength(2);
    const huaxin = keys.find((k) => k.startsWith('C-1001|'))!;
    expect(c.entries[huaxin]!.record?.customerId).toBe('C-1001');
    // Rebuilt from the cache: the same document as from the ledger.
    expect(rebuildBrief() === reference.huaxin).toBe(true);
    // A figure planted in the entry shows in the rebuilt brief: the ledger was not consulted.
    const planted = structuredClone(c);
    planted.entries[huaxin]!.record!.outstanding = '4242424.24';
    writeFileSync(cacheFile, JSON.stringify(planted));
    expect(rebuildBrief().includes('4,242,424.24')).toBe(true);
    // Under another ledger hash the same entries are not used.
    planted.rawHash = 'f'.repeat(64);
    writeFileSync(cacheFile, JSON.stringify(planted));
    expect(rebuildBrief() === reference.huaxin).toBe(true);
    expect(cache().rawHash).toBe(c.rawHash);
  }, 120_000);

  it('a malformed, foreign or hostile cache is ignored: the brief is computed from the ledger', () => {
    // Each variant carries a planted figure next to its defect: had it been trusted, the figure would show.
    const c = JSON.parse(readFileSync(cacheFile, 'utf8')) as ReturnType<typeof cache>;
    const huaxin = Object.keys(c.entries).find((k) => k.startsWith('C-1001|'))!;
    c.entries[huaxin]!.record!.outstanding = '4242424.24';
    const planted = JSON.stringify(c);
    const variant = (edit: (x: ReturnType<typeof cache>) => void) => {
      const x = structuredClone(c);
      edit(x);
      return JSON.stringify(x);
    };
    const hostile = [
      '{not json',
      '[]',
      planted.replace('"version":1', '"version":2'),
      variant((x) => (x.key = '0'.repeat(64))),
      planted.replace('"entries":{', '"entries":{"__proto__":{"ledgerPart":"x"},'),
      variant((x) => (x.entries[huaxin]!.record!.overdue = '1e99999')),
      variant((x) => (x.entries[huaxin]!.record!.provision = 'NaN')),
      variant((x) => (x.entries[huaxin]!.record!.customerId = 'C-1003')),
      variant((x) => (x.entries[huaxin]!.record!.asOf = '2020-01-31')),
      variant((x) => (x.entries[huaxin]!.record!.byBucket = {} as never)),
      variant((x) => (x.entries[huaxin]!.record!.paidInvoices = 1.5)),
      variant((x) => (x.entries[huaxin]!.ledgerPart = '../x')),
      variant((x) => ((x.entries as unknown as unknown[]) = [])),
    ];
    for (const text of hostile) {
      writeFileSync(cacheFile, text);
      expect(rebuildBrief() === reference.huaxin, text.slice(0, 160)).toBe(true);
    }
    // A folder where the cache file should be: read as no cache, and the build still succeeds.
    rmSync(cacheFile);
    mkdirSync(cacheFile);
    expect(rebuildBrief() === reference.huaxin).toBe(true);
    // Gone: the next build, though it renders nothing, parses the ledger once and fills the cache again.
    rmSync(cacheFile, { recursive: true });
    expect(build().stdout).not.toMatch(/^built/m);
    expect(Object.keys(cache().entries)).toHaveLength(2);
  }, 240_000);

  it('a ledger edit that changes a payment record rebuilds that brief and updates only its entry', () => {
    build();
    const before = cache();
    const payments = join(proj, 'data/receivables/payments.csv');
    const text = readFileSync(payments, 'utf8');
    expect(text).toMatch(/^SK-2609-008,KS-2608-004,C-1001,2026\/9\/25,"13,435.70"/m);
    writeFileSync(payments, text.replace(/^(SK-2609-008,KS-2608-004,C-1001,2026\/9\/25,)"13,435.70"/m, '$1"13,435.00"'));
    const r = build();
    expect(r.stdout).toMatch(/built {3}huaxin-aoi-2026\/swot-brief: ledger rows changed/);
    expect(r.stdout).toContain('skipped penang-xray-2026/swot-brief: up to date');
    const after = cache();
    expect(after.rawHash).not.toBe(before.rawHash);
    const [huaxin, penang] = ['C-1001|', 'C-1003|'].map((p) => Object.keys(after.entries).find((k) => k.startsWith(p))!);
    expect(after.entries[huaxin!]!.ledgerPart).not.toBe(before.entries[huaxin!]!.ledgerPart);
    expect(after.entries[huaxin!]!.record?.outstanding).not.toBe(before.entries[huaxin!]!.record?.outstanding);
    expect(after.entries[penang!]).toEqual(before.entries[penang!]);
    // The rebuilt brief is the one a build from scratch makes of the edited ledger.
    const fresh = join(proj, 'fresh-out');
    expect(runCli(['build', '--format', 'docx', '--out', fresh], { cwd: proj }).code).toBe(0);
    expect(docxText(brief('huaxin-aoi-2026')) === docxText(join(fresh, 'huaxin-aoi-2026/swot-brief.docx'))).toBe(true);
    expect(docxText(brief('huaxin-aoi-2026')) === reference.huaxin).toBe(false);
  }, 240_000);
});
