/** Punctuation that differs between the brief's two languages. */
import type { Locale } from '../../tree/nodes.js';

/** 评估比较（竞争期） / Evaluation (Competitive phase) */
export const paren = (locale: Locale, main: string, note: string): string => (locale === 'zh-CN' ? `${main}（${note}）` : `${main} (${note})`);

/** 当前阶段：评估比较 / Current stage: Evaluation */
export const colon = (locale: Locale, label: string, value: string): string => (locale === 'zh-CN' ? `${label}：${value}` : `${label}: ${value}`);

/** Labels in the tables end in a full-width colon in Chinese; English ones need a space after. */
export const spaced = (locale: Locale, value: string): string => (locale === 'zh-CN' ? value : ` ${value}`);

export const listSep = (locale: Locale): string => (locale === 'zh-CN' ? '、' : ', ');
