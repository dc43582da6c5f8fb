/**
 * The method speaks both of the company's languages: every rule's wording comes as a pair,
 * and the document picks the deal's locale. Deal values (names, criteria) are the same in both.
 */
export type MethodLocale = 'zh-CN' | 'en';

export type Bilingual = Readonly<Record<MethodLocale, string>>;

export const bi = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });

/** A deal value that reads the same in every locale. */
export const same = (text: string): Bilingual => ({ 'zh-CN': text, en: text });

export const pick = (text: Bilingual, locale: MethodLocale): string => text[locale];

/** Join deal values in a sentence: 王总、李工 / Wang, Li. */
export const joinList = (values: readonly string[]): Bilingual => bi(values.join('、'), values.join(', '));

/** English count with a noun: 1 competitor, 2 competitors. */
export const countEn = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
