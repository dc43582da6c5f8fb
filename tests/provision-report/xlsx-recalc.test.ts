/**
 * The workbook's formulas are live and right: LibreOffice Calc recalculates every formula (cached
 * values stripped first, and recalculation forced on load) and gets the cached figures to the cent;
 * the cached figures are the ones the PDF/DOCX print.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import { computeProvision } from '../../src/domain/receivables/index.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { buildProvisionReport } from '../../src/documents/provision-report/index.js';
import { renderXlsx } from '../../src/writers/xlsx/index.js';
import { adjustment, invoice, ledgerOf, payment, rate } from '../receivables/build.js';
import { policy } from '../receivables/helpers.js';
import { ctx, reversalExample, workedExample } from './fixture.js';
import { dataTables } from './tree-helpers.js';
import { readXlsx, valueOf } from './xlsx-read.js';
import { need } from '../helpers/prereqs.js';

/** A month with nothing owed (all collected), and a USD month with a write-off and a receipt. */
function generated() {
  const l = ledgerOf({
    invoices: [
      invoice({ no: 'A1', customer: 'A', date: '2026-01-05', due: '2026-01-20', amount: '3333.33' }),
      invoice({ no: 'U1', customer: 'U', date: '2026-01-10', due: '2026-01-10', amount: '1234.57', currency: 'USD' }),
    ],
    payments: [payment('P1', '2026-04-10', '3333.33', { invoice: 'A1' }), payment('P2', '2026-03-05', '200.00', { invoice: 'U1', customer: 'U', currency: 'USD' })],
    adjustments: [adjustment('write_off', 'U1', '2026-03-20', '1034.57')],
    fx: [rate('2026-01-01', 'USD', '7.1234'), rate('2026-02-28', 'USD', '7.2001'), rate('2026-03-10', 'USD', '7.1888')],
  });
  return [computeProvision(l, policy(), '2026-02-28' as IsoDate), computeProvision(l, policy(), '2026-03-31' as IsoDate), computeProvision(l, policy(), '2026-04-30' as IsoDate)];
}

const cases = () => [workedExample(), reversalExample(), ...generated()];

/** Remove every cached formula result (<v> after <f>), so only a recalculation can fill them. */
function stripCached(xlsx: Buffer): Buffer {
  const parts = unzipSync(new Uint8Array(xlsx));
  for (const name of Object.keys(parts)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    parts[name] = strToU8(strFromU8(parts[name]).replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1'));
  }
  return Buffer.from(zipSync(parts));
}

/** LibreOffice with a private profile that always recalculates OOXML files on load. */
function recalcWithLibreOffice(files: string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'dealdoc-lo-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
  );
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--calc', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...files], {
    stdio: 'ignore',
    timeout: 180_000,
  });
}

const cents = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) : v);

let originals: Buffer[] = [];
let recalculated: Buffer[] = [];

beforeAll(async () => {
  need('libreoffice-calc');
  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-recalc-'));
  const out = join(dir, 'out');
  originals = await Promise.all(cases().map((r) => renderXlsx(buildProvisionReport(r, ctx()).workbook())));
  const files = originals.map((b, i) => {
    const f = join(dir, `case${i}.xlsx`);
    writeFileSync(f, stripCached(b));
    return f;
  });
  recalcWithLibreOffice(files, out);
  recalculated = files.map((_f, i) => readFileSync(join(out, `case${i}.xlsx`)));
}, 200_000);

describe('XLSX formulas recalculated by LibreOffice Calc', () => {
  it('every formula cell recalculates to its cached value, to the cent', async () => {
    let formulas = 0;
    for (let i = 0; i < originals.length; i++) {
      const [a, b] = [await readXlsx(originals[i]), await readXlsx(recalculated[i])];
      for (const ws of a.worksheets) {
        const other = b.getWorksheet(ws.name)!;
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value;
            if (v === null || typeof v !== 'object' || !('formula' in v)) return;
            formulas++;
            const cached = valueOf(cell) ?? 0; // an empty cached result (a blank row) reads as 0 once calculated
            expect(cents(valueOf(other.getCell(cell.address))), `case ${i} ${ws.name}!${cell.address} ${v.formula}`).toBe(cents(cached));
          }),
        );
      }
    }
    expect(formulas).toBeGreaterThan(150);
  });

  it('the recalculated totals are the figures the PDF/DOCX print', async () => {
    for (let i = 0; i < originals.length; i++) {
      const report = buildProvisionReport(cases()[i], ctx());
      const printed = dataTables(compose(report.plan(), createTemplateStore()));
      const summary = printed[0].rows.map((r) => r.cells[1]);
      const b = await readXlsx(recalculated[i]);
      const ws = b.getWorksheet('汇总')!;
      const money = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/^-(.*)$/, '($1)') : '');
      const got = summary.map((_s, k) => money(valueOf(ws.getCell(3 + k, 2))));
      expect(got, `case ${i}`).toEqual(summary);
    }
  });
});
