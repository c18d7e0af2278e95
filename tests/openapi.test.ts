import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { ROOT } from './helpers/paths.ts';

describe('OpenAPI description', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('resolves every schema reference', () => {
    const text = JSON.stringify(t.app.swagger());
    const defined = new Set(Object.keys((t.app.swagger() as { components?: { schemas?: object } }).components?.schemas ?? {}));
    const used = new Set([...text.matchAll(/#\/components\/schemas\/([\w.-]+)/g)].map((m) => m[1]));
    expect([...used].filter((r) => r !== undefined && !defined.has(r))).toEqual([]);
  });

  it('is served at /api/docs/json without a session and matches the committed docs/openapi.json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const committed: unknown = JSON.parse(readFileSync(join(ROOT, 'docs/openapi.json'), 'utf8'));
    expect(res.json()).toEqual(committed);
  });
});
