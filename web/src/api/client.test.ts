import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, api, buildUrl, setCsrfToken, setUnauthorizedHandler } from './client.ts';

const Ok = z.object({ ok: z.boolean() });

interface Call {
  url: string;
  init: RequestInit;
}

function stubFetch(status: number, body: unknown): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

function headerOf(call: Call | undefined, name: string): string | undefined {
  const headers = call?.init.headers;
  if (!headers || headers instanceof Headers || Array.isArray(headers)) return undefined;
  return headers[name];
}

describe('api', () => {
  beforeEach(() => setCsrfToken('token-1'));
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('sends the CSRF token with writes but not with reads', async () => {
    const calls = stubFetch(200, { ok: true });
    await api('/api/x', Ok);
    await api('/api/x', Ok, { method: 'POST', body: {} });
    expect(headerOf(calls[0], 'x-csrf-token')).toBeUndefined();
    expect(headerOf(calls[1], 'x-csrf-token')).toBe('token-1');
    expect(calls[1]?.init.credentials).toBe('same-origin');
  });

  it('turns an error body into an ApiError with the code, field and reason', async () => {
    stubFetch(400, { error: { code: 'VALIDATION', message: 'bad', field: 'q', reason: 'too long' } });
    const error = await api('/api/x', Ok).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION', field: 'q', reason: 'too long' });
  });

  it('calls the unauthorized handler on 401 unless told not to', async () => {
    stubFetch(401, { error: { code: 'UNAUTHENTICATED', message: 'sign in first' } });
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await expect(api('/api/x', Ok, { redirectOnUnauthorized: false })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(handler).not.toHaveBeenCalled();
    await expect(api('/api/x', Ok)).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('rejects an answer that does not match the schema', async () => {
    stubFetch(200, { ok: 'yes' });
    await expect(api('/api/x', Ok)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('reports an unreachable server as NETWORK', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(api('/api/x', Ok)).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
});

describe('buildUrl', () => {
  it('leaves out empty parameters and encodes the rest', () => {
    expect(buildUrl('/api/r/331081/enterprises', { page: 2, q: '泵 业', scale: undefined, x: '' })).toBe(
      '/api/r/331081/enterprises?page=2&q=%E6%B3%B5+%E4%B8%9A',
    );
    expect(buildUrl('/api/regions')).toBe('/api/regions');
  });
});
