/** Dates in every form ERPs and Excel produce; impossible dates are rejected, not rolled over. */
import { describe, expect, it } from 'vitest';
import { dueFromTerms, fromExcelSerial, parseDateCell, parseDateText, parseTerms } from '../../src/data/ledger/index.js';
import type { IsoDate } from '../../src/domain/dates.js';

describe('parseDateText', () => {
  it.each([
    ['2026-10-31', '2026-10-31'],
    ['2026/10/31', '2026-10-31'],
    ['2026/1/5', '2026-01-05'],
    ['2026.1.5', '2026-01-05'],
    ['2026年10月31日', '2026-10-31'],
    ['2026年1月5日', '2026-01-05'],
    ['２０２６／１０／３１', '2026-10-31'],
    ['20261031', '2026-10-31'],
    ['46326', '2026-10-31'], // Excel serial as text
    ['46326.75', '2026-10-31'], // with a time of day
    ['2024-02-29', '2024-02-29'],
    ['2026-03-31 16:30', '2026-03-31'], // no zone: already Shanghai local time
    ['2026-03-31T16:30:00Z', '2026-04-01'], // 00:30 on 04-01 in Shanghai
    ['2026-03-31T15:59:59Z', '2026-03-31'],
    ['2026-03-31T23:30:00+08:00', '2026-03-31'],
    ['2026-03-31T20:00:00-05:00', '2026-04-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026/4/31', '2026年2月30日', '20260230', 'tomorrow', '31/10/2026', '60', '2026-02-30T10:00:00Z', '2026-03-31T25:00:00Z'])(
    'rejects %j',
    (text) => {
      expect(parseDateText(text)).toBeUndefined();
    },
  );
});

describe('Excel serials and cells', () => {
  it('uses the 1900 system (serial 61 = 1900-03-01 after the phantom 1900-02-29)', () => {
    expect(fromExcelSerial(45351)).toBe('2024-02-29');
    expect(fromExcelSerial(46022)).toBe('2025-12-31');
    expect(fromExcelSerial(46023)).toBe('2026-01-01');
  });

  it('reads XLSX numeric cells as serials and date cells by their calendar date', () => {
    expect(parseDateCell(46326)).toBe('2026-10-31');
    expect(parseDateCell(new Date(Date.UTC(2026, 9, 31, 23, 30)))).toBe('2026-10-31');
    expect(parseDateCell(true)).toBeUndefined();
  });
});

describe('terms', () => {
  it.each([
    ['30天', { days: 30 }],
    ['30 天', { days: 30 }],
    ['３０天', { days: 30 }],
    ['60日', { days: 60 }],
    ['30 days', { days: 30 }],
    ['1 Day', { days: 1 }],
    ['1个月', { months: 1 }],
    ['3 months', { months: 3 }],
  ])('%s → %j', (text, terms) => {
    expect(parseTerms(text)).toEqual(terms);
  });

  it.each(['月结30天', 'Net 30', '30', 'thirty days', '1月'])('rejects %j', (text) => {
    expect(parseTerms(text)).toBeUndefined();
  });

  it('adds months from the original date, clamped to the month end', () => {
    const d = (s: string) => s as IsoDate;
    expect(dueFromTerms(d('2024-01-31'), { months: 1 })).toBe('2024-02-29');
    expect(dueFromTerms(d('2026-01-31'), { months: 1 })).toBe('2026-02-28');
    expect(dueFromTerms(d('2026-01-31'), { months: 2 })).toBe('2026-03-31'); // not 03-28 by chaining
    expect(dueFromTerms(d('2026-10-02'), { days: 30 })).toBe('2026-11-01');
  });
});
