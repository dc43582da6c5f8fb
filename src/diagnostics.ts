/**
 * One diagnostic type for the whole program (vfile-message), one reporter.
 * Every problem with input — deal files, ledger rows, config, templates — becomes a
 * Diagnostic carrying file, line, column, a rule id and (where known) the field path.
 */
import { VFileMessage } from 'vfile-message';

export type Severity = 'error' | 'warning';

export interface DiagnosticInit {
  file: string;
  message: string;
  line?: number;
  column?: number;
  /** Field path inside the file, e.g. `quote.items[0].qty` or the CSV column name. */
  field?: string;
  /** Stable rule id, e.g. `deal/schema`, `ledger/unknown-invoice`. */
  rule: string;
  severity?: Severity;
}

export class Diagnostic extends VFileMessage {
  readonly field?: string;
  readonly severity: Severity;

  constructor(init: DiagnosticInit) {
    super(init.message, {
      place: init.line ? { line: init.line, column: init.column ?? 1 } : undefined,
      ruleId: init.rule,
      source: 'dealdoc',
    });
    this.file = init.file;
    this.field = init.field;
    this.severity = init.severity ?? 'error';
    this.fatal = this.severity === 'error';
  }

  /** `path:line:column: message (field path)` — the one format every command prints. */
  format(): string {
    const place = this.line ? `:${this.line}${this.column ? `:${this.column}` : ''}` : '';
    const field = this.field ? ` (${this.field})` : '';
    const level = this.severity === 'warning' ? 'warning: ' : '';
    return `${this.file}${place}: ${level}${this.reason}${field}`;
  }

  toJSON(): Record<string, unknown> {
    return {
      file: this.file,
      line: this.line ?? undefined,
      column: this.column ?? undefined,
      field: this.field,
      rule: this.ruleId,
      severity: this.severity,
      message: this.reason,
    };
  }
}

/** Thrown by readers when input cannot be used at all; carries one or more diagnostics. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.format()).join('\n'));
    this.name = 'InputError';
  }
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Sort by file, then line, then column, so output order never depends on scheduling. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort(
    (a, b) =>
      String(a.file).localeCompare(String(b.file)) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

export function report(diags: readonly Diagnostic[], out: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  for (const d of sortDiagnostics(diags)) out(d.format());
}
