/**
 * out/.dealdoc/manifest.json — what the last build wrote, from which inputs. Each job records
 * the hash of each input part (so --explain can say which one changed), the inputs it
 * discovered while running (assets, ledger rows), and each output's sha256 (so `check` can
 * tell a file modified by hand).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STATE_DIR, tmpDirOf, writeAtomic } from './write.js';

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

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const m = JSON.parse(await readFile(manifestPath(outDir), 'utf8')) as Manifest;
    if (m.version === 1 && m.jobs && typeof m.jobs === 'object') return m;
  } catch {
    // Missing or unreadable: start afresh (every output is rebuilt).
  }
  return { version: 1, jobs: {} };
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const sorted: Manifest = { version: 1, ledger: manifest.ledger, jobs: Object.fromEntries(Object.entries(manifest.jobs).sort(([a], [b]) => a.localeCompare(b))) };
  await writeAtomic(manifestPath(outDir), JSON.stringify(sorted, null, 1) + '\n', tmpDirOf(outDir));
}
