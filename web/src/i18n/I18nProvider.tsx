import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { readStored, writeStored } from '../app/storage.ts';
import type { MessageKey } from './zh-CN.ts';
import { type Locale, type MessageParams, pickLocale, translate } from './translate.ts';

const STORAGE_KEY = 'cb.locale';

export type TFunction = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: TFunction;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  formatDate(value: Date): string;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Holds the interface language: Chinese unless the user chose English before; keeps <html lang> and the title in step. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => pickLocale(readStored(STORAGE_KEY)));

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.title');
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    writeStored(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const numberFormat = new Intl.NumberFormat(locale);
    const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    return {
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      formatNumber: (n, options) => (options ? new Intl.NumberFormat(locale, options).format(n) : numberFormat.format(n)),
      formatDate: (d) => dateFormat.format(d),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translation function of the current language. */
export function useT(): TFunction {
  return useI18n().t;
}
