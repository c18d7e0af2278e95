import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable.ts';

describe('preloadable', () => {
  it('loads once, however often asked, and has the code at hand once it arrived', async () => {
    let calls = 0;
    const code = preloadable(async () => {
      calls += 1;
      return { page: 'cockpit' };
    });
    expect(code.current()).toBeUndefined();
    const [a, b] = await Promise.all([code.load(), code.load()]);
    expect(a).toBe(b);
    expect(code.current()).toBe(a);
    expect(calls).toBe(1);
  });

  it('asks again after a failed load (a chunk the network lost)', async () => {
    let calls = 0;
    const code = preloadable(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'ok';
    });
    await expect(code.load()).rejects.toThrow('Failed to fetch');
    expect(code.current()).toBeUndefined();
    await expect(code.load()).resolves.toBe('ok');
    expect(calls).toBe(2);
  });
});
