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
  /** The message in Chinese, when the producer wrote one (else `localize` translates common messages). */
  zh?: string;
}

/** Language of printed diagnostics (`--lang`). */
export type Lang = 'zh' | 'en';

export class Diagnostic extends VFileMessage {
  readonly field?: string;
  readonly severity: Severity;
  readonly zh?: string;

  constructor(init: DiagnosticInit) {
    super(init.message, {
      place: init.line ? { line: init.line, column: init.column ?? 1 } : undefined,
      ruleId: init.rule,
      source: 'dealdoc',
    });
    this.file = init.file;
    this.field = init.field;
    this.severity = init.severity ?? 'error';
    this.zh = init.zh;
    this.fatal = this.severity === 'error';
  }

  /** `path:line:column: message (field path)` — the one format every command prints. */
  format(lang: Lang = 'en'): string {
    const place = this.line ? `:${this.line}${this.column ? `:${this.column}` : ''}` : '';
    const field = this.field ? ` (${this.field})` : '';
    const level = this.severity === 'warning' ? (lang === 'zh' ? '警告：' : 'warning: ') : '';
    return `${this.file}${place}: ${level}${this.text(lang)}${field}`;
  }

  /** The message in `lang` (English when no translation is known). */
  text(lang: Lang = 'en'): string {
    if (lang !== 'zh') return this.reason; // JSON.stringify passes a key here
    return this.zh ?? translators.zh?.(this.reason) ?? this.reason;
  }

  toJSON(lang: Lang = 'en'): Record<string, unknown> {
    return {
      file: this.file,
      line: this.line ?? undefined,
      column: this.column ?? undefined,
      field: this.field,
      rule: this.ruleId,
      severity: this.severity,
      message: this.text(lang),
    };
  }
}

/** Message translators by language, installed by the module that knows the messages (data/friendly.ts). */
export const translators: Partial<Record<Lang, (message: string) => string | undefined>> = {};

/** Thrown by readers when input cannot be used at all; carries one or more diagnostics. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.format()).join('\n'));
    this.name = 'InputError';
  }
}

/** Line and column (both 1-based) of a character offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
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

export function report(diags: readonly Diagnostic[], out: (line: string) => void = (l) => process.stderr.write(l + '\n'), lang: Lang = 'en'): void {
  for (const d of sortDiagnostics(diags)) out(d.format(lang));
}
