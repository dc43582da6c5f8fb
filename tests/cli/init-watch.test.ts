/** `dealdoc init` sets up a company folder that validates and builds; `watch` never calls an invalid edit "up to date". */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { watchStatus } from '../../src/cli/watch.js';
import { Diagnostic } from '../../src/diagnostics.js';
import { runCli } from '../helpers/cli.js';

describe('dealdoc init', () => {
  it('creates config, data folders, schema, editor mapping, CI workflow and .gitignore; a new deal then validates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealdoc-init-'));
    const r = runCli(['init', '--company', '测试电子有限公司'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const f of ['dealdoc.config.yaml', 'deal.schema.json', '.vscode/settings.json', '.github/workflows/documents.yml', '.gitignore', 'data/deals/.gitkeep', 'data/assets/.gitkeep', 'data/receivables/invoices.csv']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
    expect(settings['yaml.schemas']['./deal.schema.json']).toEqual(['data/deals/*.yaml', 'data/deals/*.yml']);
    expect(settings['json.schemas'][0]).toEqual({ fileMatch: ['data/deals/*.json'], url: './deal.schema.json' });
    expect(JSON.parse(readFileSync(join(dir, 'deal.schema.json'), 'utf8')).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(parse(readFileSync(join(dir, 'dealdoc.config.yaml'), 'utf8')).company.name).toBe('测试电子有限公司');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^out\/$/m);
    expect(readFileSync(join(dir, '.github/workflows/documents.yml'), 'utf8')).toBe(readFileSync(join(import.meta.dirname, '../../docs/ci-github-actions.yml'), 'utf8'));

    // A second init keeps what exists.
    writeFileSync(join(dir, '.gitignore'), 'mine\n');
    expect(runCli(['init'], { cwd: dir }).stdout).toMatch(/kept\s+\.gitignore/);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('mine\n');

    expect(runCli(['new', 'deal', 'first-deal'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'data/deals/first-deal.md'), 'utf8')).toMatch(/^---\n# yaml-language-server: \$schema=\.\.\/\.\.\/deal\.schema\.json\n/);
    // It parses and matches the schema; what a customer must not see (placeholders, zero prices) is all that is reported.
    const v = runCli(['validate'], { cwd: dir });
    expect(v.stderr.split('\n').filter((l) => l && !/unfilled placeholder|unit price 0\.00/.test(l))).toEqual([]);
    expect(v.stderr).toMatch(/first-deal\.md:\d+:\d+: unfilled placeholder/);
  });
});

describe('watch status line', () => {
  const err = (file: string) => new Diagnostic({ file, rule: 'schema', message: 'x' });
  it('says "not rebuilt: N invalid" after an invalid edit instead of "up to date"', () => {
    expect(watchStatus({ built: [], failed: [], diagnostics: [err('a.md'), err('a.md'), err('b.md')] })).toBe('not rebuilt: 2 invalid file(s) — fix them; the last good documents are kept');
    expect(watchStatus({ built: ['x.pdf'], failed: [], diagnostics: [err('a.md')] })).toMatch(/^1 file\(s\) written; not rebuilt: 1 invalid/);
    expect(watchStatus({ built: [], failed: [], diagnostics: [new Diagnostic({ file: 'c', rule: 'r', message: 'w', severity: 'warning' })] })).toBe('up to date');
    expect(watchStatus({ built: [], failed: ['a/proposal'], diagnostics: [] })).toMatch(/not rebuilt: 1 document/);
  });
});
