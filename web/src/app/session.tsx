import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import { forgetPrefetched } from '../api/prefetch.ts';
import { LogoutResult, Me, type SessionUser } from '../api/schemas.ts';
import { loginPath } from './routes.ts';
import { navigate } from './router.tsx';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'unreachable'; error: ApiError }
  | { status: 'signed-in'; user: SessionUser };

interface SessionValue {
  state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Asks the server who is signed in, signs in and out, and sends the user to sign-in when the session ends. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setState({ status: 'anonymous' });
      navigate(loginPath(window.location.pathname + window.location.search, true), { replace: true });
    });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    if (attempt > 0) setState({ status: 'loading' });
    api('/api/auth/me', Me, { signal: controller.signal, redirectOnUnauthorized: false }).then(
      (me) => {
        setCsrfToken(me.csrfToken);
        setState({ status: 'signed-in', user: me.user });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        forgetPrefetched();
        if (error instanceof ApiError && error.status !== 0 && error.status < 500) setState({ status: 'anonymous' });
        else setState({ status: 'unreachable', error: error instanceof ApiError ? error : new ApiError({ status: 0, code: 'NETWORK', message: String(error) }) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const signIn = useCallback(async (username: string, password: string) => {
    const me = await api('/api/auth/login', Me, { method: 'POST', body: { username, password }, redirectOnUnauthorized: false });
    forgetPrefetched();
    setCsrfToken(me.csrfToken);
    setState({ status: 'signed-in', user: me.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/api/auth/logout', LogoutResult, { method: 'POST', redirectOnUnauthorized: false });
    } catch {
      // The session may already be gone; either way the browser forgets it.
    }
    setCsrfToken(null);
    forgetPrefetched();
    setState({ status: 'anonymous' });
    navigate('/login');
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo(() => ({ state, signIn, signOut, retry }), [state, signIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
