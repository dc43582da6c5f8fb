/**
 * The figures' hash (modelHash) decides whether a report or brief whose ledger rows changed is
 * rendered again. Ledger rows carry their file's absolute path (for diagnostics); the hash must
 * see it relative to the data folder, or a project moved to another folder would look changed.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/money.js';
import { modelHash } from '../../src/pipeline/hash.js';

const model = (dir: string, file = 'receivables/invoices.csv') => ({ lines: [{ invoice: { source: { file: `${dir}/${file}`, line: 7 } }, balance: new Decimal('1234.50') }] });

describe('modelHash', () => {
  it('hashes paths below the data folder relative to it: the same figures in another folder hash the same', () => {
    expect(modelHash(model('/home/a/proj/data'), '/home/a/proj/data')).toBe(modelHash(model('/srv/ci/checkout/data'), '/srv/ci/checkout/data'));
    expect(modelHash(model('/home/a/proj/data'), '/home/a/proj/data/')).toBe(modelHash(model('/srv/x/data'), '/srv/x/data'));
  });
  it('still sees a different file, a different figure, and a path outside the data folder', () => {
    const h = modelHash(model('/p/data'), '/p/data');
    expect(modelHash(model('/p/data', 'receivables/other.csv'), '/p/data')).not.toBe(h);
    expect(modelHash({ ...model('/p/data'), lines: [{ ...model('/p/data').lines[0], balance: new Decimal('1234.51') }] }, '/p/data')).not.toBe(h);
    expect(modelHash(model('/p/database'), '/p/data')).not.toBe(modelHash(model('/q/database'), '/q/data'));
  });
  it('without a root, absolute paths count as they are', () => {
    expect(modelHash(model('/a/data'))).not.toBe(modelHash(model('/b/data')));
  });
  // Digests pinned from the plain walk the hash was first written as (one array of pieces, keys
  // filtered and sorted per object): the faster walk must give the same, and a change of the format
  // — which would make every hash recorded in a manifest stale — fails here.
  it('hashes exactly as before: shapes met again, keys in another order, undefined values, long models', () => {
    const rows = Array.from({ length: 3000 }, (_v, i) => ({
      id: `INV-${i}`,
      amount: new Decimal(i).dividedBy(7).toDecimalPlaces(2),
      ...(i % 3 === 0 ? { note: undefined } : { note: `n${i}` }),
      nested: i % 2 ? { b: i, a: [true, null, undefined, 'x'] } : { a: [], b: -i, c: 'z' },
      file: `/p/data/receivables/${i % 5}.csv`,
    }));
    // Same first key, other keys; and the same keys in another insertion order.
    const odd = [{ id: 'a', zeta: 1 }, { id: 'a2', beta: 2 }, { id: 'b', amount: 2, alpha: 3 }, { amount: 1, id: 'c' }, Object.assign(Object.create(null) as object, { q: 1, p: 2 })];
    const value = { rows, odd, n: 0, f: -1.5, t: false, empty: {}, deep: [[[{ k: new Decimal('-0.01') }]]] };
    expect(modelHash(value, '/p/data')).toBe('79e85b7a6d63c3df250f9989c32bb60738df917416514f8f478774daa3441011');
    expect(modelHash(value)).toBe('40ac529bcab41e24e0af835dae597b28018e45d4f6b0fd88200a9559f9ed11f7');
    expect(modelHash({ k: [1, 2, 'three'] })).toBe('865a0fc92c2ac3e1a93c0711a221b50475ec0778ec7391c880f94e8757b4dee7');
  });
  it('refuses what it cannot see into, however deep: a Map, a Date, a function', () => {
    expect(modelHash({ a: [{ b: new Map() }] })).toBeUndefined();
    expect(modelHash({ a: new Date(0) })).toBeUndefined();
    expect(modelHash({ a: () => 1 })).toBeUndefined();
  });
});
