import type { ApiError } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Icon } from './Icon.tsx';

export function Loading({ isInline = false }: { isInline?: boolean }) {
  const t = useT();
  return (
    <div className={isInline ? 'loading loading--inline' : 'loading'} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}

export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="notice notice--error" role="alert" data-testid="error-notice">
      <Icon name="alert" />
      <span>{t('common.loadFailed', { message: error.code === 'NETWORK' ? t('login.error.NETWORK') : error.message })}</span>
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
