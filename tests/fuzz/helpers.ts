/** Shared by the fuzz suites: run settings and what "every failure is a diagnostic" means. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { Diagnostic } from '../../src/diagnostics.js';

/** Fixed by default (CI is reproducible); FUZZ_SEED=random or a number, FUZZ_SCALE=10 for a longer run. */
const seedEnv = process.env.FUZZ_SEED;
export const SEED = seedEnv === 'random' ? Date.now() % 2 ** 31 : seedEnv ? Number(seedEnv) : 20261129;
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

export function params(numRuns: number): fc.Parameters<unknown> {
  return { numRuns: Math.round(numRuns * SCALE), seed: SEED, endOnFailure: true };
}

/** Per-input time bound: generous for a loaded 2-core CI machine; a hang or a quadratic blow-up is far beyond it. */
export const PER_INPUT_MS = 2000;

const FORMAT = /^[^\n:]+(:\d+(:\d+)?)?: (warning: )?[^\n]+$/;

/** A diagnostic a user can act on: a Diagnostic, one line `path[:line[:col]]: message`, no stack trace. */
export function expectDiagnostic(d: unknown, file?: string): void {
  expect(d).toBeInstanceOf(Diagnostic);
  const text = (d as Diagnostic).format();
  expect(text).toMatch(FORMAT);
  expect(text).not.toMatch(/\n\s+at |TypeError|ReferenceError|RangeError|Maximum call stack|undefined \(reading/);
  if (file) expect(String((d as Diagnostic).file)).toBe(file);
}

/** Counts inputs across the suites (printed at the end of each file). */
export const counter = { inputs: 0 };

/** Strings CommonMark/YAML/CSV parsers have had trouble with. */
export const NASTY = [
  '', ' ', '\t', '\n', '\r\n', '\r', '\\', '"', "'", '`', '```', '~~~', '*', '**', '***', '_', '__', '~', '~~', '[', ']', '(', ')', '{', '}', '<', '>', '&', '#', '!', '|',
  '---', '----', '--- x', '...', '- ', '* ', '+ ', '1. ', '1) ', '> ', '>>', '    ', '  - ', '<div>', '</div>', '<!--', '-->', '<script>alert(1)</script>', '&amp;', '&#0;', '&#x110000;',
  '![a](x.png)', '![](../../etc/passwd.png)', '[a]: http://x', '[^1]', '[^1]: n', 'http://example.com/a，中文', 'www.x.com', 'mailto:a@b', ':', ': ', '&a ', '*a', '!!js/function', '!tag', '%YAML 1.2',
  '? ', ',', ';', '=cmd|', '中文', '全角，标点。', '\u200b', '\u202e', '\ufeff', '🙂', '\ud800', 'e\u0301', '١٢٣', '０１２', '1e999', '-0', '00', '0x1F', 'NaN', 'Infinity', 'null', '~', 'true', 'yes',
  '2026-02-30', '1900-01-01', '9999-12-31', '2026/1/1', '2026年1月1日', '45000', '(1,000.00)', '¥1,234.50', '1,2,3', '99999999999999999999999',
];
