/**
 * The receivables computation (domain/) reports what it cannot value as plain findings; this is
 * where they become Diagnostics, field for field (file, line, column header, rule, message), so a
 * missing rate prints like any other ledger problem.
 */
import { Diagnostic, InputError } from '../../diagnostics.js';
import { LedgerFindings } from '../../domain/receivables/findings.js';

/** `compute(...args)`; its findings are rethrown as an InputError of diagnostics. */
export function withLedgerDiagnostics<A extends unknown[], T>(compute: (...args: A) => T, ...args: A): T {
  try {
    return compute(...args);
  } catch (e) {
    if (e instanceof LedgerFindings) throw new InputError(e.findings.map((f) => new Diagnostic(f)));
    throw e;
  }
}
