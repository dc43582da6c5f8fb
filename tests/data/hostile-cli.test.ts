/**
 * Hostile files beside good ones, through the real CLI: each hostile file is one positioned
 * diagnostic, no stack trace, exit 1 — and every good deal is still built.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, runCli } from '../helpers/cli.js';
import { MINIMAL_DEAL_HEAD } from '../helpers/minimal-deal.js';

const HEAD = MINIMAL_DEAL_HEAD;

const GOOD = ['huaxin-aoi-2026', 'ruisheng-ict-2027', 'penang-xray-2026', 'qichen-burnin-2027'];

describe('hostile deal files and ledger rows beside good ones', () => {
  const proj = copyProject();
  const hostile: Record<string, string> = {
    'deep-yaml.md': HEAD + 'internal_notes: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n---\n',
    'quotes.md': HEAD + '---\n' + '>'.repeat(10_000) + '\n',
    'bomb.md': HEAD + Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(i ? `*l${i}` : 'x').join(', ')}]`).join('\n') + '\n---\n',
    'dashes.md': HEAD + '----\ninternal_notes: lost?\n---\n',
    'big-quote.md': HEAD.replace('unit_price: 1 }', 'unit_price: 99999999999999999 }') + '---\n',
  };
  for (const [name, text] of Object.entries(hostile)) writeFileSync(join(proj, 'data/deals', name), text);
  const invoices = join(proj, 'data/receivables/invoices.csv');
  // The example deals carry deliberate warnings (discount floor, payment terms): errors only.
  const errorLines = (stderr: string) => stderr.trim().split('\n').filter((l) => !/: warning: /.test(l));


  it('validate: one positioned diagnostic per hostile file, no stack trace, exit 1', () => {
    const r = runCli(['validate'], { cwd: proj });
    expect(r.code).toBe(1);
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(Object.keys(hostile).length);
    for (const [i, name] of Object.keys(hostile).sort().entries()) expect(lines[i]).toMatch(new RegExp(`^data/deals/${name.replace('.', '\\.')}:\\d+:\\d+: `));
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at |TypeError|Maximum call stack/);
  });

  it('build: the four good deals are built anyway', () => {
    // --only every deal (good and hostile): no receivables reports, to keep the test short.
    const ids = [...GOOD, ...Object.keys(hostile).map((n) => n.replace(/\.md$/, ''))];
    const r = runCli(['build', '--format', 'docx', '--only', ...ids], { cwd: proj });
    expect(errorLines(r.stderr)).toHaveLength(Object.keys(hostile).length);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at |TypeError|Maximum call stack/);
    for (const id of GOOD) expect(existsSync(join(proj, 'out', id, 'proposal.docx')), id).toBe(true);
  }, 120_000);

  it('an invoice dated 1900: a diagnostic with its row, no stack trace, no report', () => {
    const p = copyProject();
    const csv = join(p, 'data/receivables/invoices.csv');
    writeFileSync(csv, readFileSync(invoices, 'utf8').replace(/^(KS-2511-001,[^,]*,[^,]*,)2025-11-05,2025-12-05,/m, '$11900-01-15,1900-02-15,'));
    const r = runCli(['validate'], { cwd: p });
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr)).toEqual([
      expect.stringMatching(/^data\/receivables\/invoices\.csv:2:1: date 1900-01-15 is outside 1990-01-01 … \d{4}-\d\d-\d\d .*\(invoice_date\)$/),
      expect.stringMatching(/^data\/receivables\/invoices\.csv:2:1: date 1900-02-15 .*\(due_date\)$/),
    ]);
  });
});
