import { en } from './en.ts';
import { type MessageKey, type Messages, zhCN } from './zh-CN.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const DICTIONARIES: Readonly<Record<Locale, Messages>> = { 'zh-CN': zhCN, en };

export type MessageParams = Readonly<Record<string, string | number>>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The remembered choice when it is a known locale, else Chinese. */
export function pickLocale(stored: string | null): Locale {
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
}

/** Looks a key up and fills its {placeholders}; an unknown placeholder stays visible so that it gets noticed. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return DICTIONARIES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
