import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import type { Role } from '../../src/modules/auth/auth.model.ts';
import { AuthService } from '../../src/modules/auth/auth.service.ts';
import { buildApp } from '../../src/server/app.ts';
import { type BackendName, openTestDatabase, type TestDatabase } from './db.ts';
import { TMP_DIR } from './paths.ts';

export const TEST_PASSWORD = 'Correct-Horse-42';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  auth: AuthService;
  /** Adds a user (password TEST_PASSWORD) and returns a signed-in client. */
  signIn(user: { username: string; role: Role; regions?: string[]; canSeeSensitive?: boolean }): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  csrfToken: string;
  cookie: string;
  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export async function createTestApp(backend: BackendName, overrides: { loginMaxFailures?: number } = {}): Promise<TestApp> {
  const database = await openTestDatabase(backend);
  const config = loadConfig({ DATA_DIR: TMP_DIR, LOG_LEVEL: 'silent', SESSION_SECRET: 'x'.repeat(40) }, overrides);
  const app = await buildApp({ config, database, serveWeb: false, logger: false });
  await app.ready();
  const auth = new AuthService(database.db, { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes, sessionHours: config.sessionHours });
  return {
    app,
    database,
    auth,
    async signIn({ username, role, regions = ['331081'], canSeeSensitive = false }) {
      await auth.addUser({ username, password: TEST_PASSWORD, role, regions, canSeeSensitive });
      return login(app, username, TEST_PASSWORD);
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cb_session');
  if (!cookie) throw new Error('no session cookie');
  const body: { csrfToken: string } = res.json();
  return clientFor(app, `cb_session=${cookie.value}`, body.csrfToken);
}

export function clientFor(app: FastifyInstance, cookie: string, csrfToken: string): Client {
  return {
    cookie,
    csrfToken,
    request(method, url, body) {
      return app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    },
  };
}
