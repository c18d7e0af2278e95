import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { api } from './client.ts';
import { forgetPrefetched, prefetch, takePrefetched } from './prefetch.ts';

const Answer = z.object({ n: z.number() });

/** A fetch that answers {n: k} for its k-th call. */
function countingFetch(): string[] {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    return new Response(JSON.stringify({ n: urls.length }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return urls;
}

describe('prefetch', () => {
  afterEach(() => {
    forgetPrefetched();
    vi.unstubAllGlobals();
  });

  it('hands an early answer to the first GET of the same URL only', async () => {
    const urls = countingFetch();
    prefetch('/api/r/331081/cockpit?year=2024');
    expect(await api('/api/r/331081/cockpit', Answer, { query: { year: 2024 } })).toEqual({ n: 1 });
    expect(await api('/api/r/331081/cockpit', Answer, { query: { year: 2024 } })).toEqual({ n: 2 });
    expect(urls).toEqual(['/api/r/331081/cockpit?year=2024', '/api/r/331081/cockpit?year=2024']);
  });

  it('never answers another URL or a write with it', async () => {
    const urls = countingFetch();
    prefetch('/api/x');
    expect(await api('/api/x', Answer, { query: { year: 2023 } })).toEqual({ n: 2 });
    expect(await api('/api/x', Answer, { method: 'POST', body: {} })).toEqual({ n: 3 });
    expect(urls).toHaveLength(3);
    expect(takePrefetched('/api/x')).toBeDefined();
  });

  it('starts a URL once while it waits, and drops an answer nobody took in time or after the session changed', () => {
    countingFetch();
    prefetch('/api/a', 1_000);
    prefetch('/api/a', 1_001);
    expect(takePrefetched('/api/a', 60_000)).toBeUndefined();
    expect(takePrefetched('/api/a', 1_002)).toBeUndefined();
    prefetch('/api/b');
    forgetPrefetched();
    expect(takePrefetched('/api/b')).toBeUndefined();
  });

  it('leaves a failed early request to the caller that takes it', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('connection refused');
    });
    prefetch('/api/down');
    await expect(api('/api/down', Answer)).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
});
