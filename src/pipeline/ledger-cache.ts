/**
 * out/.dealdoc/ledger-cache.json — each brief's payment record (and the fingerprint of the ledger
 * rows it reads), so that editing a deal does not parse the whole ledger again: a brief needs its
 * customer's payment record, and parsing 5,000 invoices costs ~0.3 s, most of a one-deal rebuild.
 *
 * Valid only for the ledger files' bytes (`rawHash`), the config file and dealdoc's own code it
 * was computed under. When the ledger changes, the build (which parses it anyway) keeps the
 * entries whose customer's rows did not change and recomputes the others. Like the manifest it is
 * input from out/ (a cache, a commit): it is checked field by field when read, and anything
 * malformed is ignored whole — the records are then computed from the ledger, never guessed.
 * Only the main thread writes it (under the build lock); workers read it.
 */
import { join } from 'node:path';
import { dealDocumentTypes } from '../documents/registry.js';
import type { IsoDate } from '../domain/dates.js';
import { Decimal } from '../domain/money.js';
import type { BucketTotal, CustomerPaymentRecord } from '../domain/receivables/types.js';
import { InputError } from '../diagnostics.js';
import { LedgerFindings } from '../domain/receivables/findings.js';
import type { BuildContext } from './context.js';
import { hashParts } from './hash.js';
import { customerFingerprint } from './ledger-fingerprint.js';
import { configHashOf, loadLedgerState, parsed, parsedIfLoaded, rawHashOf, type LedgerState } from './ledger-state.js';
import type { Manifest } from './manifest.js';
import { versionPart } from './plan.js';
import { fail, object, parseStateJson, ProtoKeyError, readBounded, SHA256_HEX, StateInvalid, text } from './state-json.js';
import { STATE_DIR, writeAtomic } from './write.js';

const LEDGER_CACHE = 'ledger-cache.json';
const MAX_BYTES = 16 * 1024 * 1024;

interface Entry {
  /** Fingerprint of the customer's rows up to the as-of date (customerFingerprint). */
  ledgerPart: string;
  /** Undefined: the customer has no invoice (or no record can be computed): the brief shows none. */
  record?: CustomerPaymentRecord;
}

interface CacheState {
  /** What the file held, when it was valid for this config and code (entries of any ledger). */
  file?: { rawHash: string; entries: Map<string, Entry> };
  /** Records computed in this thread, keyed by ledger hash and entry key. */
  fresh: Map<string, Entry>;
  key: string;
  /** The file's text as last read or written by this thread (an unchanged cache is not rewritten). */
  text?: string;
}

const states = new Map<string, CacheState>();
const entryKey = (customerId: string, asOf: string) => `${customerId}|${asOf}`;

/** The cache key every entry shares: config and dealdoc's own code (the policy and the computation). Once per context. */
const cacheKeys = new WeakMap<BuildContext, Promise<string>>();
function cacheKey(ctx: BuildContext): Promise<string> {
  let key = cacheKeys.get(ctx);
  if (!key) cacheKeys.set(ctx, (key = (async () => hashParts({ version: await versionPart(), config: await configHashOf(ctx) }))()));
  return key;
}

/** This thread's view of the cache for this out folder, config and code (read once). */
async function stateOf(ctx: BuildContext): Promise<CacheState> {
  const key = await cacheKey(ctx);
  let s = states.get(ctx.outDir);
  if (s?.key !== key) {
    const text = readQuiet(join(ctx.outDir, STATE_DIR, LEDGER_CACHE));
    s = { key, fresh: new Map(), text, file: parseCacheFile(text, key) };
    states.set(ctx.outDir, s);
  }
  return s;
}

/** A customer's payment record for the SWOT brief, from the same computation as the report — from the cache when it holds it. */
export async function paymentRecordFor(ctx: BuildContext, customerId: string | undefined, asOf: IsoDate): Promise<CustomerPaymentRecord | undefined> {
  if (!customerId) return undefined;
  const cache = await stateOf(ctx);
  const raw = await rawHashOf(ctx);
  if (!raw.present) return undefined;
  const key = entryKey(customerId, asOf);
  const hit = cache.fresh.get(`${raw.hash}|${key}`) ?? (cache.file?.rawHash === raw.hash ? cache.file.entries.get(key) : undefined);
  if (hit) return hit.record;
  // Not cached: parse the ledger (once per thread) and compute.
  const full = await parsed(ctx, await loadLedgerState(ctx));
  if (!full.ledger) return undefined;
  const entry = await computeEntry(ctx, full, customerId, asOf);
  cache.fresh.set(`${full.rawHash}|${key}`, entry);
  return entry.record;
}

async function computeEntry(ctx: BuildContext, state: LedgerState, customerId: string, asOf: string): Promise<Entry> {
  const ledger = state.ledger!;
  const ledgerPart = customerFingerprint(ledger, customerId, asOf as IsoDate);
  if (!ledger.invoices.some((i) => i.customerId === customerId)) return { ledgerPart };
  const { customerPaymentRecord } = await import('../domain/receivables/payment-record.js');
  try {
    // A ledger the computation cannot value (a missing FX rate) gives no record: the report names the problem.
    return { ledgerPart, record: customerPaymentRecord(ledger, ctx.config.provisioning, customerId, asOf as IsoDate) };
  } catch (e) {
    if (e instanceof LedgerFindings || e instanceof InputError) return { ledgerPart };
    throw e;
  }
}

/** The fingerprint of a customer's rows as the cache knows it for the current ledger, if it does. */
export async function cachedCustomerPart(ctx: BuildContext, rawHash: string, customerId: string, asOf: string): Promise<string | undefined> {
  const cache = await stateOf(ctx);
  const key = entryKey(customerId, asOf);
  return cache.fresh.get(`${rawHash}|${key}`)?.ledgerPart ?? (cache.file?.rawHash === rawHash ? cache.file.entries.get(key)?.ledgerPart : undefined);
}

/**
 * After a build (main thread, under the lock): bring the cache up to date for every brief in the
 * manifest. With the ledger parsed in this thread (it changed, or a cold build), entries whose
 * customer rows did not change are kept and the others computed; otherwise only what this build
 * computed is added. Written only when its content changed.
 */
export async function saveLedgerCache(ctx: BuildContext, manifest: Manifest): Promise<void> {
  const cache = await stateOf(ctx);
  // With the manifest: an unchanged ledger is not parsed here.
  const state = await loadLedgerState(ctx, manifest);
  if (!state.present || !state.ok) return;
  const old = cache.file;
  // The jobs of every deal document that reads its customer's ledger (documents/registry.ts).
  const reading = new Set(dealDocumentTypes().filter((d) => d.inputs.includes('customer-ledger')).map((d) => d.id));
  const briefs = Object.entries(manifest.jobs).filter(([id, r]) => r.kind === 'deal' && reading.has(id.slice(id.indexOf('/') + 1)) && r.customerId && r.asOf);
  // Parsed here only when the cache cannot answer for this ledger (missing, malformed, another
  // ledger) and this build did not parse it: once, so that the next deal edit parses nothing.
  const complete = old?.rawHash === state.rawHash && briefs.every(([, r]) => old.entries.has(entryKey(r.customerId!, r.asOf!)) || cache.fresh.has(`${state.rawHash}|${entryKey(r.customerId!, r.asOf!)}`));
  const full = parsedIfLoaded(state) ?? (complete || !briefs.length ? undefined : await parsed(ctx, state));
  const entries = new Map<string, Entry>();
  for (const [, r] of briefs) {
    if (!r.customerId || !r.asOf) continue;
    const key = entryKey(r.customerId, r.asOf);
    if (entries.has(key)) continue;
    const fresh = cache.fresh.get(`${state.rawHash}|${key}`);
    if (fresh) {
      entries.set(key, fresh);
      continue;
    }
    const before = old?.entries.get(key);
    if (!full?.ledger) {
      if (before && old?.rawHash === state.rawHash) entries.set(key, before);
      continue;
    }
    const part = customerFingerprint(full.ledger, r.customerId, r.asOf as IsoDate);
    entries.set(key, before?.ledgerPart === part ? before : await computeEntry(ctx, full, r.customerId, r.asOf));
  }
  const text = JSON.stringify({ version: 1, key: cache.key, rawHash: state.rawHash, entries: Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, e]) => [k, serialize(e)])) }) + '\n';
  if (cache.text === text) return;
  await writeAtomic(ctx.outDir, `${STATE_DIR}/${LEDGER_CACHE}`, text);
  cache.text = text;
  cache.file = { rawHash: state.rawHash, entries };
  cache.fresh.clear();
}

// ---- serialised form: decimals as exact text ("-0" kept: a negative zero prints as -0.00) ----

const dec = (d: Decimal): string => (d.isZero() && d.isNegative() ? '-0' : d.toString());

function serialize(e: Entry): unknown {
  const r = e.record;
  if (!r) return { ledgerPart: e.ledgerPart };
  return {
    ledgerPart: e.ledgerPart,
    record: {
      customerId: r.customerId,
      asOf: r.asOf,
      outstanding: dec(r.outstanding),
      overdue: dec(r.overdue),
      byBucket: r.byBucket.map((b) => ({ bucket: b.bucket, minDays: b.minDays, ...(b.maxDays !== undefined ? { maxDays: b.maxDays } : {}), rate: dec(b.rate), balance: dec(b.balance), provision: dec(b.provision), count: b.count })),
      provision: dec(r.provision),
      ...(r.averageDaysLate !== undefined ? { averageDaysLate: r.averageDaysLate } : {}),
      paidInvoices: r.paidInvoices,
    },
  };
}

// The checkers of state-json.ts; a path is not kept (a bad entry makes the whole cache ignored).
const bad = (): never => fail([], 'malformed ledger cache');
const obj = (v: unknown) => object(v, []);
const str = (v: unknown, max = 512) => text(v, [], max);
const SHA = SHA256_HEX;
const DECIMAL = /^-?(\d{1,40}(\.\d{1,40})?|0)$/;
const int = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : bad());
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : bad());
const decimal = (v: unknown): Decimal => new Decimal(typeof v === 'string' && DECIMAL.test(v) ? v : bad());

function bucket(v: unknown): BucketTotal {
  const b = obj(v);
  return { bucket: str(b.bucket, 64), minDays: int(b.minDays), ...(b.maxDays !== undefined ? { maxDays: int(b.maxDays) } : {}), rate: decimal(b.rate), balance: decimal(b.balance), provision: decimal(b.provision), count: int(b.count) };
}

function entry(v: unknown, customerId: string, asOf: string): Entry {
  const e = obj(v);
  const ledgerPart = typeof e.ledgerPart === 'string' && SHA.test(e.ledgerPart) ? e.ledgerPart : bad();
  if (e.record === undefined) return { ledgerPart };
  const r = obj(e.record);
  // An entry answers for its own key only.
  if (r.customerId !== customerId || r.asOf !== asOf) bad();
  if (!Array.isArray(r.byBucket) || r.byBucket.length > 64) bad();
  return {
    ledgerPart,
    record: {
      customerId,
      asOf: asOf as IsoDate,
      outstanding: decimal(r.outstanding),
      overdue: decimal(r.overdue),
      byBucket: (r.byBucket as unknown[]).map(bucket),
      provision: decimal(r.provision),
      ...(r.averageDaysLate !== undefined ? { averageDaysLate: num(r.averageDaysLate) } : {}),
      paidInvoices: int(r.paidInvoices),
    },
  };
}

function readQuiet(file: string): string | undefined {
  try {
    return readBounded(file, MAX_BYTES);
  } catch {
    return undefined;
  }
}

/** The cache file's entries, or undefined when it is missing, for another config or code, or malformed in any way. */
function parseCacheFile(text: string | undefined, key: string): CacheState['file'] {
  if (text === undefined) return undefined;
  try {
    const json = obj(parseStateJson(text));
    if (json.version !== 1 || json.key !== key) return undefined;
    const rawHash = str(json.rawHash);
    const entries = new Map<string, Entry>();
    for (const [k, v] of Object.entries(obj(json.entries))) {
      const [, customerId, asOf] = /^(.{1,512})\|(\d{4}-\d{2}-\d{2})$/.exec(k) ?? bad();
      entries.set(k, entry(v, customerId ?? bad(), asOf ?? bad()));
    }
    return { rawHash, entries };
  } catch (e) {
    if (e instanceof StateInvalid || e instanceof ProtoKeyError || e instanceof SyntaxError || (e as Error)?.name === 'DecimalError') return undefined;
    throw e;
  }
}
