/**
 * `dealdoc diff OLD NEW` and `dealdoc diff ID --since REV`. Exit codes: 0 compared (with
 * --exit-code: nothing customer-facing changed), 1 customer-facing changes (--exit-code only),
 * 2 usage error or a version that cannot be read.
 */
import { UsageError } from '../cli/commands.js';
import { loadConfig } from '../config/load.js';
import { loadCatalog } from '../data/catalog.js';
import { report } from '../diagnostics.js';
import type { Locale } from '../tree/nodes.js';
import { diffDeals, type DealDiff } from './deal-diff.js';
import { diffJson, formatDiff } from './format.js';
import { findDealFile, loadDealAtRevision, loadDealFile, type LoadedDeal } from './load.js';

export interface DiffFlags {
  data: string;
  config?: string;
  since?: string;
  internal?: boolean;
  json?: boolean;
  exitCode?: boolean;
}

export function defaultLocaleOf(configPath: string | undefined): Locale {
  return loadConfig(configPath).config?.locale ?? 'zh-CN';
}

/** Compare a deal file with itself at a git revision. */
export async function diffSince(file: string, rev: string, locale: Locale): Promise<{ diff?: DealDiff; failed: LoadedDeal[] }> {
  const [a, b] = await Promise.all([loadDealAtRevision(file, rev, locale), loadDealFile(file, locale)]);
  if (!a.deal || !b.deal) return { failed: [a, b].filter((x) => !x.deal) };
  return { diff: diffDeals(a.deal, b.deal), failed: [] };
}

export async function runDiff(first: string, second: string | undefined, opts: DiffFlags): Promise<number> {
  const locale = defaultLocaleOf(opts.config);
  let versions: [LoadedDeal, LoadedDeal];
  if (opts.since !== undefined) {
    if (second !== undefined) throw new UsageError('give either two deal files, or one deal (id or file) with --since REV');
    const file = await findDealFile(first, opts.data, locale);
    if (!file) throw new UsageError(`no deal file or deal id "${first}" (looked in ${opts.data}/deals)`);
    versions = await Promise.all([loadDealAtRevision(file, opts.since, locale), loadDealFile(file, locale)]);
  } else {
    if (second === undefined) throw new UsageError('give two deal files (OLD NEW), or one deal with --since REV');
    versions = await Promise.all([loadDealFile(first, locale), loadDealFile(second, locale)]);
  }
  const [a, b] = versions;
  if (!a.deal || !b.deal) {
    report([...a.diagnostics, ...b.diagnostics].filter((d) => d.severity === 'error'));
    return 2;
  }
  const { catalog } = await loadCatalog(opts.data);
  const diff = diffDeals(a.deal, b.deal, catalog);
  if (opts.json) process.stdout.write(JSON.stringify(diffJson(diff, opts), null, 2) + '\n');
  else process.stdout.write(formatDiff(diff, opts));
  return opts.exitCode && diff.customerFacingChanged ? 1 : 0;
}
