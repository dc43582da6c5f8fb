/**
 * The report names its data sources relative to the data folder, each with the file's SHA-256,
 * and the same data built in two different folders gives byte-identical PDF, DOCX and XLSX.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, copyProject, runCli } from '../helpers/cli.js';
import { docxText } from '../helpers/extract.js';

const AS_OF = '2026-10-31';

describe('data sources and location independence (CLI)', () => {
  it('two copies of the same data in different folders build byte-identical reports that name files relative, with SHA-256', () => {
    const [a, b] = [copyProject(), copyProject()];
    // The second build runs from elsewhere with absolute paths (what printed machine paths before).
    const runs = [
      { cwd: a, args: [] as string[] },
      { cwd: ROOT, args: ['--data', join(b, 'data'), '--config', join(b, 'dealdoc.config.yaml'), '--out', join(b, 'out')] },
    ];
    for (const { cwd, args } of runs) {
      const r = runCli(['build', '--as-of', AS_OF, '-q', ...args], { cwd });
      expect(r.stderr + r.stdout).not.toMatch(/error/i);
      expect(r.code).toBe(0);
    }
    for (const ext of ['pdf', 'docx', 'xlsx']) {
      const file = `out/receivables/2026-10/provision-report.${ext}`;
      const [x, y] = [readFileSync(join(a, file)), readFileSync(join(b, file))];
      expect(x.equals(y), ext).toBe(true);
    }
    const text = docxText(readFileSync(join(a, 'out/receivables/2026-10/provision-report.docx')));
    const sha = createHash('sha256').update(readFileSync(join(a, 'data/receivables/invoices.csv'))).digest('hex');
    expect(text).toContain(`receivables/invoices.csv (sha256:${sha})`);
    expect(text).not.toContain(a);
    expect(text).not.toContain('/tmp');
  }, 120_000);

  it('dealdoc validate prints a one-screen ledger summary: files, rows, customers, currencies, dates, totals', () => {
    const r = runCli(['validate'], { cwd: copyProject() });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^ledger: 5 file\(s\), \d+ row\(s\)$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}receivables\/invoices\.csv +\d+ row\(s\)$/));
    expect(r.stdout).toMatch(/customers \d+ · reps \d+ · currencies CNY, USD/);
    expect(r.stdout).toMatch(/dates \d{4}-\d{2}-\d{2} … \d{4}-\d{2}-\d{2}/);
    expect(r.stdout).toMatch(/invoiced +CNY [\d,]+\.\d\d · USD [\d,]+\.\d\d/);
    expect(lines.length).toBeLessThan(25);
  }, 60_000);
});
