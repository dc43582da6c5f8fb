/** Catalogue text in the deal's language: one string for both, or `{ zh, en }` with the other as fallback. */
import type { Locale } from '../locale.js';

export type LocalizedText = string | { zh?: string; en?: string };

export function localized(value: LocalizedText | undefined, locale: Locale): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return (locale === 'zh-CN' ? (value.zh ?? value.en) : (value.en ?? value.zh)) ?? undefined;
}
