import { useEffect } from 'react';
import type { SessionUser } from '../api/schemas.ts';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { NotFound } from '../pages/NotFound.tsx';
import { pickRegion } from './regionChoice.ts';
import { rememberedRegion, RegionsProvider, useRegions } from './regions.tsx';
import { loginPath, modulePath, parseRoute, type Route } from './routes.ts';
import { navigate, useLocation } from './router.tsx';
import { type SessionState, useSession } from './session.tsx';
import { Shell } from './Shell.tsx';

/** Where the browser must go instead of the current URL, if anywhere. */
function redirectFor(route: Route, session: SessionState, href: string): string | null {
  if (session.status === 'anonymous' && route.kind !== 'login') return loginPath(href);
  if (session.status === 'signed-in' && route.kind === 'login') return route.next ?? '/';
  return null;
}

export function App() {
  const { state, retry } = useSession();
  const location = useLocation();
  const route = parseRoute(location.pathname, location.search);
  const redirect = redirectFor(route, state, location.href);

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (state.status === 'loading' || redirect) return <Loading />;
  if (state.status === 'unreachable') {
    return (
      <div className="page page--center">
        <ErrorNotice error={state.error} onRetry={retry} />
      </div>
    );
  }
  if (state.status === 'anonymous') return <LoginPage isSessionEnded={route.kind === 'login' && route.isSessionEnded} />;

  const { user } = state;
  return (
    <RegionsProvider userId={user.id}>
      {route.kind === 'module' && <Shell user={user} regionCode={route.region} segment={route.segment} />}
      {route.kind === 'home' && <OpenRegion user={user} />}
      {route.kind === 'notFound' && <NotFound region={undefined} />}
    </RegionsProvider>
  );
}

/** `/` opens the region chosen last time, or the user's first region. */
function OpenRegion({ user }: { user: SessionUser }) {
  const regions = useRegions();
  const target = regions.data ? pickRegion(regions.data, rememberedRegion()) : undefined;

  useEffect(() => {
    if (target) navigate(modulePath(target.regionCode, ''), { replace: true });
  }, [target]);

  if (regions.error) return <ErrorNotice error={regions.error} onRetry={regions.reload} />;
  if (regions.data && !target) return <Shell user={user} regionCode="" segment="" />;
  return <Loading />;
}
