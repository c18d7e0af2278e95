import { describe, expect, it } from 'vitest';
import { loginPath, modulePath, parseRoute, safeNext } from './routes.ts';

describe('parseRoute', () => {
  it('reads the region and the module from /r/:region/:module', () => {
    expect(parseRoute('/r/331081/enterprises', '')).toEqual({ kind: 'module', region: '331081', segment: 'enterprises' });
    expect(parseRoute('/r/331081', '')).toEqual({ kind: 'module', region: '331081', segment: '' });
    expect(parseRoute('/r/331081/', '')).toEqual({ kind: 'module', region: '331081', segment: '' });
    expect(parseRoute('/r/331081/enterprises/f000123', '')).toEqual({ kind: 'module', region: '331081', segment: 'enterprises' });
  });

  it('treats a malformed region code or a deeper path as not found', () => {
    expect(parseRoute('/r/33/enterprises', '')).toEqual({ kind: 'notFound' });
    expect(parseRoute('/r/331081/a/b', '')).toEqual({ kind: 'notFound' });
    expect(parseRoute('/r/331081/enterprises/f1/x', '')).toEqual({ kind: 'notFound' });
    expect(parseRoute('/elsewhere', '')).toEqual({ kind: 'notFound' });
  });

  it('reads where to go after sign-in and why the session ended', () => {
    expect(parseRoute('/login', '?next=%2Fr%2F331081%2Fenterprises&reason=ended')).toEqual({
      kind: 'login',
      next: '/r/331081/enterprises',
      isSessionEnded: true,
    });
    expect(parseRoute('/', '')).toEqual({ kind: 'home' });
  });
});

describe('safeNext', () => {
  it('refuses other sites, the API and the sign-in page', () => {
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('/login?next=/x')).toBeNull();
    expect(safeNext('/api/auth/me')).toBeNull();
    expect(safeNext('/r/331081?q=1')).toBe('/r/331081?q=1');
  });
});

describe('paths', () => {
  it('builds module and sign-in paths', () => {
    expect(modulePath('331081', '')).toBe('/r/331081');
    expect(modulePath('331081', 'enterprises')).toBe('/r/331081/enterprises');
    expect(loginPath('/r/331081/enterprises', true)).toBe('/login?next=%2Fr%2F331081%2Fenterprises&reason=ended');
    expect(loginPath('/')).toBe('/login');
  });
});
