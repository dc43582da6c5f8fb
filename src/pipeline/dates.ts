/**
 * The date a document carries, never the wall clock when the inputs give one:
 * the deal's `date`, else SOURCE_DATE_EPOCH, else the config's document_date, else today
 * (Asia/Shanghai) — the last only for a deal without a date, where a rep expects today.
 */
import type { Config } from '../config/schema.js';
import { dateInShanghai, sourceDateEpoch, toUtcDate, type IsoDate } from '../domain/dates.js';

export function documentDate(explicit: IsoDate | undefined, config: Config, env: NodeJS.ProcessEnv): { date: IsoDate; created: Date } {
  if (explicit) return { date: explicit, created: toUtcDate(explicit) };
  const epoch = sourceDateEpoch(env);
  if (epoch) return { date: dateInShanghai(epoch), created: epoch };
  const date = config.document_date ?? dateInShanghai(new Date());
  return { date, created: toUtcDate(date) };
}
