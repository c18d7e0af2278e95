import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * A firm-level amount or share the API masked (null, isMasked) for a user without the sensitive permission:
 * "— needs sensitive-data permission"; otherwise the formatted value, or "—" when there is none.
 */
export function MaskedCell({ text, isMasked }: { text: string | null; isMasked: boolean }) {
  const { t } = useI18n();
  if (text !== null) return <>{text}</>;
  if (!isMasked) return <>{t('common.none')}</>;
  return (
    <span className="muted" data-testid="masked-amount" title={t('supply.masked.notice')}>
      {t('supply.masked')}
    </span>
  );
}

/** A number cell (`td.num`) holding a MaskedCell. */
export function MaskedNumCell({ text, isMasked }: { text: string | null; isMasked: boolean }) {
  return (
    <td className="num">
      <MaskedCell text={text} isMasked={isMasked} />
    </td>
  );
}

/** The line above a table whose firm-level amounts are masked. */
export function MaskedNotice({ isMasked }: { isMasked: boolean }) {
  const { t } = useI18n();
  if (!isMasked) return null;
  return (
    <p className="notice notice--info" data-testid="supply-masked-notice">
      {t('supply.masked.notice')}
    </p>
  );
}
