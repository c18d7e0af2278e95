/** A signed-in API client for arranging data before the browser looks at it. */
export interface ApiSession {
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

export async function signInApi(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`API sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const payload: unknown = await login.json();
  const csrf = payload && typeof payload === 'object' && 'csrfToken' in payload && typeof payload.csrfToken === 'string' ? payload.csrfToken : '';
  return {
    async post(path, body) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}
