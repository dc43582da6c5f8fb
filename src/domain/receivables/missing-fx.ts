/** A foreign-currency amount with no rate on or before D is an error pointing at the row that needs it. */
import { Diagnostic } from '../../diagnostics.js';
import { formatMoney, type Decimal } from '../money.js';
import type { IsoDate } from '../dates.js';
import type { SourceRef } from './types.js';

export function missingFx(source: SourceRef, currency: string, asOf: IsoDate, what: string, amount: Decimal): Diagnostic {
  return new Diagnostic({
    file: source.file,
    line: source.line,
    field: source.columns?.currency ?? 'currency',
    rule: 'ledger/missing-fx',
    message: `no ${currency} rate dated on or before ${asOf} in fx (needed for ${what}, ${currency} ${formatMoney(amount)})`,
  });
}
