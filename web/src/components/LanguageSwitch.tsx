import { useI18n } from '../i18n/I18nProvider.tsx';
import { LOCALES, type Locale } from '../i18n/translate.ts';

const LABELS = {
  'zh-CN': { short: 'lang.zh', full: 'lang.zh.full', testId: 'lang-zh' },
  en: { short: 'lang.en', full: 'lang.en.full', testId: 'lang-en' },
} as const satisfies Record<Locale, unknown>;

/** 中文 | EN, as two toggle buttons (the choice is remembered by the i18n provider). */
export function LanguageSwitch({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <fieldset className={`lang-switch lang-switch--${tone}`} data-testid="lang-switch">
      <legend className="visually-hidden">{t('lang.label')}</legend>
      {LOCALES.map((option) => {
        const label = LABELS[option];
        return (
          <button
            key={option}
            type="button"
            lang={option}
            aria-pressed={option === locale}
            title={t(label.full)}
            data-testid={label.testId}
            onClick={() => setLocale(option)}
          >
            {t(label.short)}
          </button>
        );
      })}
    </fieldset>
  );
}
