/** Bad input gets one clear diagnostic, loses nothing, and cannot reach outside data/ and out/. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, runCli } from '../helpers/cli.js';
import { pdftotext } from '../helpers/extract.js';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('a broken deal file', () => {
  const proj = copyProject();
  const deal = join(proj, 'data/deals/qichen-burnin-2027.md');
  const text = readFileSync(deal, 'utf8');
  const lines = text.split('\n');
  const stageLine = lines.findIndex((l) => l.startsWith('stage:')) + 1;
  writeFileSync(deal, text.replace(/^stage: .*$/m, 'stage: closing'));
  const r = runCli(['build', '--format', 'pdf,docx', '--only', 'qichen-burnin-2027', 'huaxin-aoi-2026', 'ruisheng-ict-2027', 'penang-xray-2026'], { cwd: proj });

  it('gets exactly one diagnostic path:line:column: message (field path) and exit code 1', () => {
    expect(r.code).toBe(1);
    // Warnings the examples carry on purpose (the method's, about ruisheng) aside.
    const diags = r.stderr.trim().split('\n').filter((l) => !l.includes(': warning: '));
    expect(diags).toEqual([
      `data/deals/qichen-burnin-2027.md:${stageLine}:8: expected one of discover_needs | internal_deliberation | procurement_design | evaluation | commitment | use_maintenance, got "closing" (stage)`,
    ]);
  });

  it('still builds the other deals, and leaves no file for the broken one and no partial file', () => {
    for (const id of ['huaxin-aoi-2026', 'ruisheng-ict-2027', 'penang-xray-2026']) {
      expect(existsSync(join(proj, 'out', id, 'proposal.pdf'))).toBe(true);
      expect(pdftotext(join(proj, 'out', id, 'proposal.pdf')).length).toBeGreaterThan(500);
    }
    expect(existsSync(join(proj, 'out/qichen-burnin-2027'))).toBe(false);
    const outFiles = files(join(proj, 'out')).filter((f) => !f.includes('/.dealdoc/'));
    for (const f of outFiles) {
      expect(f).toMatch(/\/(proposal|swot-brief)\.(pdf|docx)$/);
      const head = readFileSync(f).subarray(0, 4).toString('latin1');
      expect(head === '%PDF' || head === 'PK\u0003\u0004', f).toBe(true);
      expect(statSync(f).size).toBeGreaterThan(1000);
    }
  });

  it('validate reports the same diagnostic and writes nothing', () => {
    const v = runCli(['validate'], { cwd: proj });
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(`qichen-burnin-2027.md:${stageLine}:8:`);
  });
});

describe('hostile deal files', () => {
  it('cannot read files outside data/assets through images, nor write outside out/ through an id', () => {
    const proj = copyProject();
    writeFileSync(
      join(proj, 'data/deals/evil.md'),
      `---
title: Evil
locale: en
rep: { name: R }
customer: { name: "A | B *Co*" }
needs:
  goal: "# not a heading"
  problems:
    - { problem: "[x](javascript:alert(1))", solution: S, criteria: ["| pipe |"] }
stage: evaluation
quote: { items: [{ name: I, qty: 1, unit_price: 1 }] }
---
![secret](../../dealdoc.config.yaml) ![passwd](/etc/passwd.png) ![up](../deals/evil.png)

<script>alert(1)</script>
`,
    );
    const r = runCli(['build', '--only', 'evil', '--format', 'pdf'], { cwd: proj });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/evil\.md:13:1: warning: image "\.\.\/\.\.\/dealdoc\.config\.yaml"/);
    const text = pdftotext(join(proj, 'out/evil/proposal.pdf'));
    expect(text).toContain('A | B *Co*');
    expect(text).toContain('# not a heading');
    expect(text).toContain('[x](javascript:alert(1))');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).not.toContain('company:');
    const pdf = readFileSync(join(proj, 'out/evil/proposal.pdf'), 'latin1');
    expect(pdf).not.toMatch(/\/URI\s*\(javascript/);

    writeFileSync(join(proj, 'data/deals/escape.md'), readFileSync(join(proj, 'data/deals/evil.md'), 'utf8').replace('title: Evil', 'id: ../../escaped\ntitle: Evil'));
    const r2 = runCli(['build', '--only', 'evil', '--format', 'pdf'], { cwd: proj });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/escape\.md:2:5: id may only contain/);
    expect(existsSync(join(proj, '..', 'escaped'))).toBe(false);
  });
});
