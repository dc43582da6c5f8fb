/**
 * Issue 9, on every example document (PDF, and DOCX rendered by LibreOffice), built once:
 * - every page matches its approved reference image (npm run test:approve after an intended change);
 * - the layout invariants of tests/helpers/layout.ts hold;
 * - page numbers follow one scheme in both formats: the cover is not counted, 第 1 页 / 共 N 页.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { checkLayout, formatProblems } from '../helpers/layout.js';
import { LIBREOFFICE, need } from '../helpers/prereqs.js';
import { comparePages, exampleDocs, renderPages, type ExampleDoc } from './render.js';

/** Model numbers, invoice numbers and the like that must never break, read from the example data. */
function exampleTokens(): string[] {
  const tokens = new Set<string>();
  for (const f of readdirSync(join(ROOT, 'data/deals'))) {
    const text = readFileSync(join(ROOT, 'data/deals', f), 'utf8');
    for (const m of text.matchAll(/"?sku"?:\s*"?([A-Za-z0-9][\w-]+)/g)) tokens.add(m[1]);
    for (const m of text.matchAll(/"?doc_no"?:\s*"?([A-Za-z0-9][\w-]+)/g)) tokens.add(m[1]);
  }
  const invoices = readFileSync(join(ROOT, 'data/receivables/invoices.csv'), 'utf8').split(/\r?\n/).slice(1);
  for (const line of invoices) {
    if (!line.trim()) continue;
    const cells = line.split(',');
    tokens.add(cells[0].trim());
    // Dates printed in the report's detail table.
    for (const c of cells) if (/^\d{4}-\d{2}-\d{2}$/.test(c.trim())) tokens.add(c.trim());
  }
  return [...tokens].filter((t) => t.length >= 6);
}

describe('example documents, page by page', () => {
  let work: string;
  let docs: ExampleDoc[];
  beforeAll(() => {
    need(...LIBREOFFICE, 'poppler');
    // The examples build every e2e test shares (tests/helpers/examples-setup.ts, same SOURCE_DATE_EPOCH).
    const examples = inject('examples');
    if (examples.code !== 0) throw new Error(`example build failed (${examples.code}):\n${examples.stderr}`);
    work = mkdtempSync(join(tmpdir(), 'dealdoc-examples-pages-'));
    docs = exampleDocs(examples.out, work);
  }, 240_000);

  it('every page matches its approved reference (npm run test:approve after an intended change)', () => {
    const pages = docs.flatMap((d) => renderPages(d, join(work, 'pages')));
    const diffs = comparePages(pages, docs.map((d) => d.name));
    expect(diffs.map((d) => `${d.page}: ${d.message}`).join('\n')).toBe('');
  }, 120_000);

  it('holds the layout invariants: list markers, margins, overlaps, near-empty pages, kinsoku, unsplit tokens', () => {
    const tokens = exampleTokens();
    expect(tokens.length).toBeGreaterThan(10);
    const report = docs
      .map((d) => formatProblems(d.name, checkLayout(d.pdf, { tokens, ...(d.format === 'docx' ? { skip: ['lone-char'], hyphenBreaks: true } : {}) })))
      .filter(Boolean)
      .join('\n');
    expect(report).toBe('');
  });

  it('numbers pages the same way in PDF and DOCX: the cover is not counted, the first body page is page 1 of N', () => {
    const withCover = docs.filter((d) => d.name.includes('-proposal-'));
    expect(withCover.length).toBeGreaterThanOrEqual(8);
    for (const d of withCover) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', d.pdf, '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((p) => p.trim());
      const body = pages.length - 1;
      const label = (n: number) => new RegExp(`第\\s*${n}\\s*页\\s*/\\s*共\\s*${body}\\s*页|Page\\s*${n}\\s*of\\s*${body}\\b`);
      expect(pages[0], `${d.name} cover`).not.toMatch(/第\s*\d+\s*页|Page\s*\d+\s*of/);
      expect(pages[1], `${d.name} first body page`).toMatch(label(1));
      expect(pages[body], `${d.name} last page`).toMatch(label(body));
    }
  });

  it('English documents use the English short name and keep the space before "("', () => {
    const en = docs.filter((d) => d.name.startsWith('penang-xray-2026-proposal'));
    expect(en).toHaveLength(2);
    for (const d of en) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', d.pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text, d.name).toContain('Why Kesong');
      expect(text, d.name).not.toMatch(/科松/);
      expect(text, d.name).not.toMatch(/[a-z]\((?:Addresses|\d)/);
    }
  });

  it('every quote line prints in both formats, also where the table breaks across a page (LibreOffice once hid the rows of a quote whose header sat at a page foot)', () => {
    for (const d of docs.filter((x) => x.name.includes('-proposal-'))) {
      const deal = d.name.replace(/-proposal-(pdf|docx)$/, '');
      const file = readdirSync(join(ROOT, 'data/deals')).find((f) => f.startsWith(`${deal}.`))!;
      const skus = [...readFileSync(join(ROOT, 'data/deals', file), 'utf8').matchAll(/"?sku"?:\s*"?([A-Za-z0-9][\w-]+)/g)].map((m) => m[1]);
      expect(skus.length, deal).toBeGreaterThan(0);
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', d.pdf, '-'], { encoding: 'utf8' });
      // A line of the quote table: its SKU, then its amounts on the same line.
      for (const sku of skus) expect(text, `${d.name}: ${sku}`).toMatch(new RegExp(`${sku.replace(/[-]/g, '\\-')}\\s.*\\d[\\d,]*\\.\\d\\d`));
    }
  });
});
