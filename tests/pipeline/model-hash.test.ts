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
});
