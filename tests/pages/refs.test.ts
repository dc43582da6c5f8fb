/**
 * Page regression test: every page of every example document (PDF, and DOCX through LibreOffice)
 * must match its reference image in tests/pages/refs/. After an intended layout change run
 * `npm run test:approve` and look at every diff image before committing the new references.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasCommand } from '../helpers/extract.js';
import { buildExamples, comparePages, renderPages } from './render.js';

describe.runIf(hasCommand('soffice') && hasCommand('pdftoppm'))('reference pages of the example documents', () => {
  it('every page matches its approved reference (npm run test:approve after an intended change)', () => {
    const work = mkdtempSync(join(tmpdir(), 'dealdoc-refs-'));
    const docs = buildExamples(work);
    const pages = docs.flatMap((d) => renderPages(d, join(work, 'pages')));
    const diffs = comparePages(pages, docs.map((d) => d.name));
    expect(diffs.map((d) => `${d.page}: ${d.message}`).join('\n')).toBe('');
  }, 240_000);
});
