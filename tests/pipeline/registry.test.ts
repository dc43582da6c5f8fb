/**
 * The document registry is the one place a document is declared: a tiny extra document type
 * (its folder and template in fixtures/handover-note/, and one registerDocument call standing for
 * the registry line) is planned, built, written to out/, recorded in the manifest, skipped when
 * unchanged and rebuilt alone when its template changes — no other file names it.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { dealDocumentTypes, documentTypes, registerDocument, registeredFormats, type DealDocumentType } from '../../src/documents/registry.js';
import { build, type BuildRequest } from '../../src/pipeline/build.js';
import { outputPaths } from '../../src/pipeline/job-spec.js';
import { readManifest } from '../../src/pipeline/manifest.js';
import { docxText, pdfText } from '../helpers/extract.js';
import { copyProject } from '../helpers/cli.js';
import { HANDOVER_TEMPLATE, planHandoverNote } from './fixtures/handover-note/index.js';

const FIXTURE = join(import.meta.dirname, 'fixtures/handover-note');

/** The registry line a developer adds for the hand-over note. */
const HANDOVER: DealDocumentType = { id: 'handover-note', per: 'deal', template: HANDOVER_TEMPLATE, inputs: ['catalog'], output: '{deal}/handover-note', formats: ['pdf', 'docx'], title: { en: 'hand-over note', zh: '交接单' }, plan: planHandoverNote };

/** Two deals, no ledger (no reports: each build takes seconds); the note's template in the project's templates/ folder. */
function project(): { dir: string; request: BuildRequest } {
  const dir = copyProject();
  for (const f of readdirSync(join(dir, 'data/deals'))) if (!/^(huaxin|penang)/.test(f)) rmSync(join(dir, 'data/deals', f));
  rmSync(join(dir, 'data/receivables'), { recursive: true });
  mkdirSync(join(dir, 'templates'));
  cpSync(join(FIXTURE, 'handover-note.md.hbs'), join(dir, 'templates/handover-note.md.hbs'));
  const request: BuildRequest = { dataDir: join(dir, 'data'), outDir: join(dir, 'out'), configPath: join(dir, 'dealdoc.config.yaml'), formats: ['pdf', 'docx'], jobs: 1 };
  return { dir, request };
}

const errors = (s: { diagnostics: { severity: string; format(): string }[] }) => s.diagnostics.filter((d) => d.severity === 'error').map((d) => d.format());
const notes = (paths: string[]) => paths.filter((p) => p.includes('handover-note')).map((p) => p.replace(/^.*\/out\//, '')).sort();

let unregister: (() => void) | undefined;
afterEach(() => {
  unregister?.();
  unregister = undefined;
});

describe('document registry', () => {
  it('ships the three documents, in build order, each with its formats', () => {
    expect(documentTypes().map((d) => [d.id, d.per, d.formats.join(',')])).toEqual([
      ['proposal', 'deal', 'pdf,docx'],
      ['swot-brief', 'deal', 'pdf,docx'],
      ['provision-report', 'report-date', 'pdf,docx,xlsx'],
    ]);
    expect(registeredFormats()).toEqual(['pdf', 'docx', 'xlsx']);
    // Output names come from the registry: a deal document has no workbook, the report does.
    expect(outputPaths({ id: 'd/proposal', kind: 'deal', doc: 'proposal', dealId: 'd', file: 'x', displayPath: 'x', formats: ['docx', 'xlsx', 'pdf'] })).toEqual(['d/proposal.docx', 'd/proposal.pdf']);
    expect(outputPaths({ id: 'receivables/2026-01', kind: 'report', asOf: '2026-01-31' as never, dir: '2026-01', formats: ['pdf', 'xlsx'] })).toEqual(['receivables/2026-01/provision-report.pdf', 'receivables/2026-01/provision-report.xlsx']);
  });

  it('refuses a taken id, an output outside the deal or report folder, and a second ledger document', () => {
    expect(() => registerDocument({ ...HANDOVER, id: 'proposal' })).toThrow(/already registered/);
    expect(() => registerDocument({ ...HANDOVER, output: '{deal}/../x' as never })).toThrow(/not a plain path/);
    const report = documentTypes().find((d) => d.per === 'report-date')!;
    expect(() => registerDocument({ ...report, id: 'another-report' })).toThrow(/only one document per report date/);
    expect(dealDocumentTypes().map((d) => d.id)).toEqual(['proposal', 'swot-brief']);
  });

  it('one registry line adds a document: planned, built, written, recorded, skipped when unchanged, rebuilt alone when its template changes', async () => {
    const { dir, request } = project();
    unregister = registerDocument(HANDOVER);

    const first = await build(request);
    expect(errors(first)).toEqual([]);
    expect(notes(first.built)).toEqual(['huaxin-aoi-2026/handover-note.docx', 'huaxin-aoi-2026/handover-note.pdf', 'penang-xray-2026/handover-note.docx', 'penang-xray-2026/handover-note.pdf']);
    // The other documents are built as before, beside it.
    expect(first.built.some((p) => p.endsWith('huaxin-aoi-2026/proposal.pdf'))).toBe(true);

    // What a reader sees: the template filled with the plan's view, in both formats.
    const pdf = await pdfText(readFileSync(join(dir, 'out/huaxin-aoi-2026/handover-note.pdf')));
    expect(pdf).toContain('交接单');
    expect(pdf).toMatch(/Quote lines: \d+ \(catalogue: yes\)/);
    const docx = docxText(readFileSync(join(dir, 'out/penang-xray-2026/handover-note.docx')));
    expect(docx).toContain('Hand-over');

    // Recorded in the manifest with the inputs it declared (catalogue yes, ledger no).
    const { manifest, diagnostics } = await readManifest(request.outDir);
    expect(diagnostics).toEqual([]);
    const record = manifest.jobs['huaxin-aoi-2026/handover-note'];
    expect(record?.kind).toBe('deal');
    expect(Object.keys(record?.outputs ?? {}).sort()).toEqual(['huaxin-aoi-2026/handover-note.docx', 'huaxin-aoi-2026/handover-note.pdf']);
    expect(Object.keys(record?.parts ?? {})).toContain('catalog');
    expect(Object.keys(record?.parts ?? {})).not.toContain('ledger');

    // Unchanged: nothing is written.
    const again = await build(request);
    expect(again.built).toEqual([]);
    expect(again.skipped).toContain('penang-xray-2026/handover-note');

    // Its template changed: only its own jobs rebuild, and --explain says why.
    writeFileSync(join(dir, 'templates/handover-note.md.hbs'), readFileSync(join(dir, 'templates/handover-note.md.hbs'), 'utf8') + '\nSigned off.\n');
    const edited = await build(request);
    expect(errors(edited)).toEqual([]);
    expect(edited.explain.filter((e) => e.action === 'built').map((e) => [e.id, e.reason]).sort()).toEqual([
      ['huaxin-aoi-2026/handover-note', 'template changed'],
      ['penang-xray-2026/handover-note', 'template changed'],
    ]);

    // --document picks it alone.
    const only = await build({ ...request, documents: ['handover-note'], force: true });
    expect(only.explain.map((e) => e.id).sort()).toEqual(['huaxin-aoi-2026/handover-note', 'penang-xray-2026/handover-note']);

    // Unregistered: the manifest is still accepted and a complete build removes its outputs as stale.
    unregister();
    unregister = undefined;
    const after = await build({ ...request, formats: ['pdf', 'docx', 'xlsx'] });
    expect(after.diagnostics.map((d) => d.format()).filter((m) => m.includes('manifest'))).toEqual([]);
    expect(notes(after.removed)).toEqual(['huaxin-aoi-2026/handover-note.docx', 'huaxin-aoi-2026/handover-note.pdf', 'penang-xray-2026/handover-note.docx', 'penang-xray-2026/handover-note.pdf']);
    expect(existsSync(join(dir, 'out/huaxin-aoi-2026/handover-note.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'out/huaxin-aoi-2026/proposal.pdf'))).toBe(true);
  }, 120_000);
});

/** Run the CLI in this process (so a document registered here is seen), capturing what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('the CLI names documents from the registry', () => {
  it('help lists every registered document, --document refuses an unknown one naming those that exist', async () => {
    unregister = registerDocument(HANDOVER);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out.replace(/\s+/g, ' ')).toContain('proposal (sales proposal; pdf, docx), swot-brief (internal SWOT brief; pdf, docx), provision-report (receivables provisioning report; pdf, docx, xlsx), handover-note (hand-over note; pdf, docx)');
    const buildHelp = await cli(['build', '--help']);
    expect(buildHelp.out.replace(/\s+/g, ' ')).toContain('proposal,swot-brief,provision-report,handover-note');
    const bad = await cli(['build', '--document', 'proposal,handover', '--out', '/tmp/dealdoc-never-written']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown document "handover" (expected proposal, swot-brief, provision-report, handover-note)');
    const badFormat = await cli(['build', '--format', 'pdf,html', '--out', '/tmp/dealdoc-never-written']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toContain('unknown format "html" (expected pdf, docx, xlsx)');
  });
});
