import type { ApiError } from '../api/client.ts';
import type { TFunction } from '../i18n/I18nProvider.tsx';

/** The sign-in failure in the user's language; a lockout names the time it ends. */
export function loginErrorMessage(error: ApiError, t: TFunction, formatTime: (date: Date) => string): string {
  switch (error.code) {
    case 'BAD_CREDENTIALS':
      return t('login.error.BAD_CREDENTIALS');
    case 'ACCOUNT_LOCKED': {
      const until = error.details.until;
      const date = typeof until === 'string' ? new Date(until) : null;
      return date && !Number.isNaN(date.getTime()) ? t('login.error.ACCOUNT_LOCKED', { time: formatTime(date) }) : t('login.error.ACCOUNT_LOCKED.noTime');
    }
    case 'RATE_LIMITED':
      return t('login.error.RATE_LIMITED');
    case 'VALIDATION':
      return t('login.error.VALIDATION');
    case 'NETWORK':
      return t('login.error.NETWORK');
    default:
      return t('login.error.OTHER', { code: error.code });
  }
}
