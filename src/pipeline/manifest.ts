/**
 * out/.dealdoc/manifest.json — what the last build wrote, from which inputs. Each job records
 * the hash of each input part (so --explain can say which one changed), the inputs it
 * discovered while running (assets, ledger rows), and each output's sha256 (so `check` can
 * tell a file modified by hand).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Diagnostic } from '../diagnostics.js';
import { displayPath } from './deals.js';
import { recordedOutputBase } from './job-spec.js';
import { safeRelative } from './outdir.js';
import { STATE_DIR, writeAtomic } from './write.js';

export interface OutputRecord {
  sha256: string;
  size: number;
  mtimeMs: number;
}

export interface JobRecord {
  kind: 'deal' | 'report';
  /** Deal file (relative to the data folder) for deal jobs. */
  source?: string;
  sourceHash?: string;
  dealId?: string;
  customerId?: string;
  /** As-of date of a report, or of a brief's payment record. */
  asOf?: string;
  /** Discovered inputs: asset paths relative to the data folder. */
  deps: string[];
  parts: Record<string, string>;
  inputHash: string;
  /** Hash of the ledger figures the document printed (reports, briefs): a ledger edit that leaves them equal rebuilds nothing. */
  modelHash?: string;
  outputs: Record<string, OutputRecord>;
}

export interface LedgerRecord {
  rawHash: string;
  ok: boolean;
  /** Config hash the month list was computed under (provisioning.periods may change it). */
  configHash?: string;
  months?: { asOf: string; ledgerPart: string }[];
}

export interface Manifest {
  version: 1;
  /** The ledger as last read: its files' hash, and the report dates with their input hashes. */
  ledger?: LedgerRecord;
  jobs: Record<string, JobRecord>;
}

export function manifestPath(outDir: string): string {
  return join(outDir, STATE_DIR, 'manifest.json');
}

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const relPath = z.string().refine(safeRelative, { error: 'not a plain relative path' });
const text = z.string().max(512);

const jobRecordSchema = z.object({
  kind: z.enum(['deal', 'report']),
  source: relPath.optional(),
  sourceHash: sha.optional(),
  dealId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
  customerId: text.optional(),
  asOf: isoDate.optional(),
  deps: z.array(relPath),
  parts: z.record(text, text),
  inputHash: text,
  modelHash: sha.optional(),
  outputs: z.record(relPath, z.object({ sha256: sha, size: z.number().int().nonnegative(), mtimeMs: z.number() })),
});

/**
 * The manifest is input like any other (out/ may come from a cache or a commit): every path in it
 * must be plain and relative, each job's id must match its kind, and each output must be named
 * after its job (`<deal>/<doc>.<ext>`, `receivables/<date>/provision-report.<ext>`).
 */
export const manifestSchema = z
  .object({
    version: z.literal(1),
    ledger: z.object({ rawHash: text, ok: z.boolean(), configHash: text.optional(), months: z.array(z.object({ asOf: isoDate, ledgerPart: text })).optional() }).optional(),
    jobs: z.record(text, jobRecordSchema),
  })
  .superRefine((m, ctx) => {
    for (const [id, r] of Object.entries(m.jobs)) {
      // Job ids and output names come from the document registry (documents/registry.ts).
      const base = recordedOutputBase(id, r);
      if (base === undefined) ctx.addIssue({ code: 'custom', path: ['jobs', id], message: 'job id does not match its kind' });
      const prefix = `${base ?? id}.`;
      for (const out of Object.keys(r.outputs)) {
        if (!out.startsWith(prefix) || !/^[a-z]{3,4}$/.test(out.slice(prefix.length))) ctx.addIssue({ code: 'custom', path: ['jobs', id, 'outputs', out], message: 'output not named after its job' });
      }
    }
  });

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

const EMPTY = (): Manifest => ({ version: 1, jobs: {} });

/**
 * The last build's manifest, validated. A missing one is empty; a malformed one (bad JSON, wrong
 * shape, a path that is absolute, has `..` or is not its job's) is ignored with a warning: every
 * document is rebuilt and nothing it names is deleted.
 */
export async function readManifest(outDir: string): Promise<{ manifest: Manifest; diagnostics: Diagnostic[] }> {
  const file = manifestPath(outDir);
  const ignored = (why: string) => ({
    manifest: EMPTY(),
    diagnostics: [new Diagnostic({ file: displayPath(file), rule: 'manifest', severity: 'warning', message: `ignored (${why}): every document is rebuilt and no old output is deleted` })],
  });
  let raw: string;
  try {
    // A manifest is ~1.5 KB per document; anything past 64 MB is not one (and would cost memory).
    if ((await stat(file)).size > MAX_MANIFEST_BYTES) return ignored(`larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB`);
    raw = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: EMPTY(), diagnostics: [] };
    return ignored(`cannot read it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw, (key, value: unknown) => {
      if (key === '__proto__') throw new Error('__proto__');
      return value;
    });
  } catch (e) {
    return ignored((e as Error).message === '__proto__' ? 'a "__proto__" key' : 'not valid JSON');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return ignored(`${issue.path.map(String).join('.') || 'top level'}: ${issue.message}`);
  }
  return { manifest: parsed.data as Manifest, diagnostics: [] };
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const sorted: Manifest = { version: 1, ledger: manifest.ledger, jobs: Object.fromEntries(Object.entries(manifest.jobs).sort(([a], [b]) => a.localeCompare(b))) };
  await writeAtomic(outDir, `${STATE_DIR}/manifest.json`, JSON.stringify(sorted, null, 1) + '\n');
}
