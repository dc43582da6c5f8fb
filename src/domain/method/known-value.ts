/** A value a rep typed as "unknown" is not information: 未知, 不详, 不清楚, 待定, ?, unknown, n/a, TBD. */
const UNKNOWN = /^(unknown|not known|n\/?a|tbd|tba|none|-+|—+|\?+|？+|未知|不详|不清楚|不明|待定|待确认|暂无|无)[。.!！]?$/i;

export function isUnknown(value: string | undefined | null): boolean {
  if (value === undefined || value === null) return true;
  const t = value.normalize('NFKC').trim();
  return t === '' || UNKNOWN.test(t);
}

/** The value when it says something, else undefined. */
export const knownValue = (value: string | undefined): string | undefined => (isUnknown(value) ? undefined : value);
