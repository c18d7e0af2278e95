import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useSession } from '../app/session.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { loginErrorMessage } from './loginErrorMessage.ts';

/** A centred sign-in card; where to go afterwards is decided by the app from ?next=. */
export function LoginPage({ isSessionEnded }: { isSessionEnded: boolean }) {
  const { t, locale } = useI18n();
  const { signIn } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameId = useId();
  const passwordId = useId();
  const errorId = useId();

  const formatTime = (date: Date) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) {
      setError(new ApiError({ status: 400, code: 'VALIDATION', message: 'username and password are required' }));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError({ status: 0, code: 'NETWORK', message: String(cause) }));
      setSubmitting(false);
      passwordRef.current?.select();
    }
  };

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitch tone="dark" />
      </div>
      <main className="login__card" data-testid="login-page">
        <div className="login__brand">
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <div>
            <p className="login__product">{t('brand.primary')}</p>
            <p className="login__product-sub">{t('brand.secondary')}</p>
          </div>
        </div>
        <p className="login__tagline">{t('brand.tagline')}</p>
        <h1 className="login__title">{t('login.title')}</h1>
        {isSessionEnded && !error && <p className="notice notice--info">{t('login.sessionEnded')}</p>}
        <form className="form" onSubmit={onSubmit} noValidate aria-describedby={error ? errorId : undefined}>
          <div className="field">
            <label htmlFor={usernameId}>{t('login.username')}</label>
            <input id={usernameId} name="username" autoComplete="username" required autoCapitalize="none" spellCheck={false} data-testid="login-username" />
          </div>
          <div className="field">
            <label htmlFor={passwordId}>{t('login.password')}</label>
            <input
              id={passwordId}
              ref={passwordRef}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              data-testid="login-password"
            />
          </div>
          {error && (
            <p className="notice notice--error" role="alert" id={errorId} data-testid="login-error" data-code={error.code}>
              {loginErrorMessage(error, t, formatTime)}
            </p>
          )}
          <button type="submit" className="button button--primary button--block" disabled={isSubmitting} data-testid="login-submit">
            {isSubmitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
      <footer className="login__footer">{t('brand.footer')}</footer>
    </div>
  );
}
