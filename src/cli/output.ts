/**
 * How diagnostics and summaries reach the terminal or a machine: text lines
 * (`path:line:column: message (field)`) in Chinese or English, GitHub Actions annotations
 * (`--reporter github`), or one JSON document (`--json`, schema in README "Machine-readable output").
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load.js';
import { resolveLang } from '../data/friendly.js';
import { sortDiagnostics, type Diagnostic, type Lang } from '../diagnostics.js';
import { UsageError } from './errors.js';

export interface OutputFlags {
  config?: string;
  lang?: string;
  reporter?: string;
  json?: boolean;
}

export type Reporter = 'text' | 'github';

export interface Output {
  lang: Lang;
  reporter: Reporter;
  json: boolean;
}

/** Flags → language and reporter; the config's locale is the default language when LANG says none. */
export function outputOf(flags: OutputFlags): Output {
  let configLocale: string | undefined;
  if (flags.lang === undefined) {
    const file = flags.config ?? 'dealdoc.config.yaml';
    if (existsSync(file)) configLocale = loadConfig(file).config?.locale;
  }
  let lang: Lang;
  try {
    lang = resolveLang(flags.lang, configLocale);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const reporter = flags.reporter ?? 'text';
  if (reporter !== 'text' && reporter !== 'github') throw new UsageError(`--reporter must be text or github, got "${reporter}"`);
  return { lang, reporter, json: Boolean(flags.json) };
}

/** GitHub workflow command escaping (data and property values). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::message` — GitHub shows it on the line of the pull request. */
function githubAnnotation(d: Diagnostic, lang: Lang): string {
  const props = [`file=${escapeProperty(String(d.file))}`];
  if (d.line) props.push(`line=${d.line}`);
  if (d.line && d.column) props.push(`col=${d.column}`);
  props.push(`title=${escapeProperty(`dealdoc ${d.ruleId ?? ''}`.trim())}`);
  const field = d.field ? ` (${d.field})` : '';
  return `::${d.severity === 'warning' ? 'warning' : 'error'} ${props.join(',')}::${escapeData(d.text(lang) + field)}`;
}

/** Print diagnostics: text on stderr, or annotations on stdout for GitHub. */
export function printDiagnostics(diags: readonly Diagnostic[], out: Output, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  for (const d of sortDiagnostics(diags)) {
    if (out.reporter === 'github') process.stdout.write(githubAnnotation(d, out.lang) + '\n');
    else write(d.format(out.lang));
  }
}

/** The one JSON document `--json` prints for validate, check and build (`schemaVersion` 1). */
export function jsonReport(command: 'build' | 'check' | 'validate', ok: boolean, diags: readonly Diagnostic[], lang: Lang, extra: Record<string, unknown>): string {
  const sorted = sortDiagnostics(diags);
  return (
    JSON.stringify(
      {
        schemaVersion: 1,
        command,
        ok,
        errors: sorted.filter((d) => d.severity === 'error').length,
        warnings: sorted.filter((d) => d.severity === 'warning').length,
        ...extra,
        diagnostics: sorted.map((d) => d.toJSON(lang)),
      },
      null,
      2,
    ) + '\n'
  );
}
