import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, login, TEST_PASSWORD, type TestApp } from './helpers/app.ts';
import { testBackends } from './helpers/db.ts';

describe.each(testBackends())('request safety (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { loginMaxFailures: 3 });
  });
  afterAll(() => t.close());

  it('rejects a write without the CSRF token, or with another session’s token', async () => {
    const a = await t.signIn({ username: 'csrf-a', role: 'analyst' });
    const b = await t.signIn({ username: 'csrf-b', role: 'analyst' });
    const noToken = await t.app.inject({ method: 'POST', url: '/api/r/331081/enterprises', headers: { cookie: a.cookie }, payload: { id: 'c1', name: '甲' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error).toMatchObject({ code: 'CSRF', field: 'x-csrf-token' });
    const crossed = await clientFor(t.app, a.cookie, b.csrfToken).request('POST', '/api/r/331081/enterprises', { id: 'c1', name: '甲' });
    expect(crossed.statusCode).toBe(403);
    const ok = await a.request('POST', '/api/r/331081/enterprises', { id: 'c1', name: '甲' });
    expect(ok.statusCode).toBe(201);
    const logoutNoToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: a.cookie } });
    expect(logoutNoToken.statusCode).toBe(403);
  });

  it('locks an account after repeated failures, even for the right password, until an admin resets it', async () => {
    await t.signIn({ username: 'victim', role: 'viewer' });
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'victim', password: 'wrong-password-1' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('BAD_CREDENTIALS');
    }
    const third = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'victim', password: 'wrong-password-1' } });
    expect(third.statusCode).toBe(423);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'victim', password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    await t.auth.setPassword('victim', 'Another-Pass-77');
    await expect(login(t.app, 'victim', 'Another-Pass-77')).resolves.toBeDefined();
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'whatever-123' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe('wrong username or password');
  });

  it('ends the session on logout', async () => {
    const c = await t.signIn({ username: 'leaver', role: 'viewer' });
    expect((await c.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await c.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('answers malformed JSON with 400 naming the body', async () => {
    const c = await t.signIn({ username: 'json', role: 'analyst' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/r/331081/enterprises',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': 'application/json' },
      payload: '{"id": "x", "name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_JSON', field: 'body' });
  });

  it('answers unknown fields and bad values with 400 naming the field and the reason', async () => {
    const c = await t.signIn({ username: 'fields', role: 'analyst' });
    const unknown = await c.request('POST', '/api/r/331081/enterprises', { id: 'u1', name: '乙', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION', field: 'colour', reason: 'unknown field' });
    const bad = await c.request('POST', '/api/r/331081/enterprises', { id: 'u1', name: '乙', foundedYear: 1500 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('foundedYear');
    const login400 = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(login400.json().error).toMatchObject({ code: 'VALIDATION', field: 'password' });
  });

  it('answers an oversize body with 413', async () => {
    const c = await t.signIn({ username: 'big', role: 'analyst' });
    const res = await c.request('POST', '/api/r/331081/enterprises', { id: 'b1', name: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a stale edit with 409 and the current version', async () => {
    const c = await t.signIn({ username: 'editor', role: 'analyst' });
    await c.request('POST', '/api/r/331081/enterprises', { id: 'v1', name: '丙' });
    expect((await c.request('PATCH', '/api/r/331081/enterprises/v1', { version: 1, name: '丙二' })).statusCode).toBe(200);
    const stale = await c.request('PATCH', '/api/r/331081/enterprises/v1', { version: 1, name: '丙三' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ name: '丙二', version: 2 });
  });

  it('sends security headers with a strict CSP and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { isReachable: true }, migrations: { isCurrent: true } });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('rate-limits login attempts from one address', async () => {
    let limited = 0;
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `flood${i}`, password: 'x' }, remoteAddress: '10.9.9.9' });
      if (res.statusCode === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });
});
