/**
 * out/.dealdoc/manifest.json — what the last build wrote, from which inputs. Each job records
 * the hash of each input part (so --explain can say which one changed), the inputs it
 * discovered while running (assets, ledger rows), and each output's sha256 (so `check` can
 * tell a file modified by hand).
 */
import { join } from 'node:path';
import { Diagnostic } from '../diagnostics.js';
import { displayPath } from './deals.js';
import { recordedOutputBase } from './job-spec.js';
import { safeRelative } from './outdir.js';
import { fail, object, parseStateJson, ProtoKeyError, readBounded, SHA256_HEX, StateInvalid, text, type StatePath } from './state-json.js';
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

/** One problem found in a manifest: where (as a path of keys) and what. */
interface ManifestIssue {
  path: (string | number)[];
  message: string;
}

type ManifestCheck = { success: true; data: Manifest } | { success: false; error: { issues: ManifestIssue[] } };

const SHA = SHA256_HEX;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEAL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const EXT = /^[a-z]{3,4}$/;

type Path = StatePath;
function matching(v: unknown, re: RegExp, path: Path): string {
  return typeof v === 'string' && re.test(v) ? v : fail(path, `expected a string matching ${String(re)}`);
}
function relPath(v: unknown, path: Path): string {
  return typeof v === 'string' && safeRelative(v) ? v : fail(path, 'not a plain relative path');
}
function optional<T>(v: unknown, path: Path, check: (v: unknown, path: Path) => T): T | undefined {
  return v === undefined ? undefined : check(v, path);
}
function boolean(v: unknown, path: Path): boolean {
  return typeof v === 'boolean' ? v : fail(path, 'expected a boolean');
}
function array<T>(v: unknown, path: Path, each: (v: unknown, path: Path) => T): T[] {
  if (!Array.isArray(v)) return fail(path, 'expected an array');
  return v.map((x, i) => each(x, [...path, i]));
}
function record<T>(v: unknown, path: Path, key: (k: string, path: Path) => string, each: (v: unknown, path: Path) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, x] of Object.entries(object(v, path))) out[plainKey(key(k, [...path, k]), path)] = each(x, [...path, k]);
  return out;
}

/** A key that is safe to assign on a plain object (`__proto__` would set its prototype). */
function plainKey(k: string, path: Path): string {
  return k === '__proto__' ? fail(path, 'a "__proto__" key') : k;
}

function outputRecord(v: unknown, path: Path): OutputRecord {
  const o = object(v, path);
  const size = o.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) fail([...path, 'size'], 'expected a whole number ≥ 0');
  if (typeof o.mtimeMs !== 'number' || !Number.isFinite(o.mtimeMs)) fail([...path, 'mtimeMs'], 'expected a number');
  return { sha256: matching(o.sha256, SHA, [...path, 'sha256']), size: size as number, mtimeMs: o.mtimeMs as number };
}

function jobRecord(id: string, v: unknown, path: Path): JobRecord {
  const o = object(v, path);
  const at = (k: string): Path => [...path, k];
  const kind = o.kind === 'deal' || o.kind === 'report' ? o.kind : fail(at('kind'), 'expected "deal" or "report"');
  const r: JobRecord = {
    kind,
    source: optional(o.source, at('source'), relPath),
    sourceHash: optional(o.sourceHash, at('sourceHash'), (x, p) => matching(x, SHA, p)),
    dealId: optional(o.dealId, at('dealId'), (x, p) => matching(x, DEAL_ID, p)),
    customerId: optional(o.customerId, at('customerId'), text),
    asOf: optional(o.asOf, at('asOf'), (x, p) => matching(x, ISO_DATE, p)),
    deps: array(o.deps, at('deps'), relPath),
    parts: record(o.parts, at('parts'), text, text),
    inputHash: text(o.inputHash, at('inputHash')),
    modelHash: optional(o.modelHash, at('modelHash'), (x, p) => matching(x, SHA, p)),
    outputs: record(o.outputs, at('outputs'), relPath, outputRecord),
  };
  for (const k of Object.keys(r) as (keyof JobRecord)[]) if (r[k] === undefined) delete r[k];
  // Each job's id must match its kind, and each output be named after its job: job ids and
  // output names come from the document registry (documents/registry.ts).
  const base = recordedOutputBase(id, r);
  if (base === undefined) fail(path, 'job id does not match its kind');
  const prefix = `${base}.`;
  for (const out of Object.keys(r.outputs)) {
    if (!out.startsWith(prefix) || !EXT.test(out.slice(prefix.length))) fail([...path, 'outputs', out], 'output not named after its job');
  }
  return r;
}

function ledgerRecord(v: unknown, path: Path): LedgerRecord {
  const o = object(v, path);
  const r: LedgerRecord = {
    rawHash: text(o.rawHash, [...path, 'rawHash']),
    ok: boolean(o.ok, [...path, 'ok']),
    configHash: optional(o.configHash, [...path, 'configHash'], text),
    months: optional(o.months, [...path, 'months'], (x, p) => array(x, p, (m, mp) => ({ asOf: matching(object(m, mp).asOf, ISO_DATE, [...mp, 'asOf']), ledgerPart: text(object(m, mp).ledgerPart, [...mp, 'ledgerPart']) }))),
  };
  if (r.configHash === undefined) delete r.configHash;
  if (r.months === undefined) delete r.months;
  return r;
}

/**
 * The manifest is input like any other (out/ may come from a cache or a commit): every path in it
 * must be plain and relative, each job's id must match its kind, and each output must be named
 * after its job (`<deal>/<doc>.<ext>`, `receivables/<date>/provision-report.<ext>`). Checked by
 * hand rather than with zod: this runs on every build, no-op included, over ~900 records, and the
 * schema library cost ~80 ms of a 370 ms no-op build (see bench/results.md). Unknown keys are
 * dropped, as a schema would.
 */
export const manifestSchema = {
  safeParse(json: unknown): ManifestCheck {
    try {
      const o = object(json, []);
      if (o.version !== 1) fail(['version'], 'expected 1');
      const ledger = optional(o.ledger, ['ledger'], ledgerRecord);
      const jobs: Record<string, JobRecord> = {};
      for (const [id, r] of Object.entries(object(o.jobs, ['jobs']))) jobs[plainKey(text(id, ['jobs', id]), ['jobs'])] = jobRecord(id, r, ['jobs', id]);
      return { success: true, data: { version: 1, ...(ledger ? { ledger } : {}), jobs } };
    } catch (e) {
      if (e instanceof StateInvalid) return { success: false, error: { issues: [e.issue] } };
      throw e;
    }
  },
};

/** The text of the manifest last read (under the build lock): a build that changed nothing does not rewrite it. */
let lastRead: { file: string; text: string } | undefined;
/** Same order as `localeCompare` (the manifest's key order), without building a collator per comparison. */
const COLLATOR = new Intl.Collator();

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

const EMPTY = (): Manifest => ({ version: 1, jobs: {} });

/**
 * The last build's manifest, validated. A missing one is empty; a malformed one (bad JSON, wrong
 * shape, a path that is absolute, has `..` or is not its job's) is ignored with a warning: every
 * document is rebuilt and nothing it names is deleted.
 */
export async function readManifest(outDir: string): Promise<{ manifest: Manifest; diagnostics: Diagnostic[] }> {
  const file = manifestPath(outDir);
  lastRead = undefined;
  const ignored = (why: string) => ({
    manifest: EMPTY(),
    diagnostics: [new Diagnostic({ file: displayPath(file), rule: 'manifest', severity: 'warning', message: `ignored (${why}): every document is rebuilt and no old output is deleted` })],
  });
  let raw: string | undefined;
  try {
    // A manifest is ~1.5 KB per document; anything past 64 MB is not one (and would cost memory).
    raw = readBounded(file, MAX_MANIFEST_BYTES);
    if (raw === undefined) return ignored(`larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: EMPTY(), diagnostics: [] };
    return ignored(`cannot read it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = parseStateJson(raw);
  } catch (e) {
    return ignored(e instanceof ProtoKeyError ? 'a "__proto__" key' : 'not valid JSON');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return ignored(issue ? `${issue.path.map(String).join('.') || 'top level'}: ${issue.message}` : 'invalid');
  }
  lastRead = { file, text: raw };
  return { manifest: parsed.data, diagnostics: [] };
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const sorted: Manifest = { version: 1, ledger: manifest.ledger, jobs: Object.fromEntries(Object.entries(manifest.jobs).sort(([a], [b]) => COLLATOR.compare(a, b))) };
  const text = JSON.stringify(sorted, null, 1) + '\n';
  const file = manifestPath(outDir);
  if (lastRead?.file === file && lastRead.text === text) return;
  await writeAtomic(outDir, `${STATE_DIR}/manifest.json`, text);
  lastRead = { file, text };
}
