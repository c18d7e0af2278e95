/**
 * End-to-end tests in Debian's Chromium against a real server: builds the web app, starts
 * `cluster-brain serve` on a fresh data folder with a fresh user, runs the scenarios, stops the server.
 * Usage: npm run test:e2e   (exit code 0 only when every scenario passed)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { Fixture, testFirms } from './fixture.ts';
import { launchChromium } from './harness/browser.ts';
import { REPO_ROOT, ensureUser } from './harness/cli.ts';
import { type RunningServer, startServer } from './harness/server.ts';
import { signInApi } from './harness/api.ts';
import { chainScenarios } from './chains.scenarios.ts';
import { cockpitScenarios } from './cockpit.scenarios.ts';
import { demoScenarios } from './demo.scenarios.ts';
import { editingScenarios } from './editing.scenarios.ts';
import { enterpriseScenarios } from './enterprises.scenarios.ts';
import { importScenarios } from './imports.scenarios.ts';
import { mapScenarios } from './map.scenarios.ts';
import { resolutionScenarios } from './resolution.scenarios.ts';
import { shellScenarios } from './shell.scenarios.ts';
import { supplyScenarios } from './supply.scenarios.ts';

const fixture = new Fixture(
  { username: 'e2e', password: 'E2e-Password-1', role: 'analyst', regions: '331081' },
  join(REPO_ROOT, 'docs', 'screenshots'),
);

describe('Cluster Brain web app in Chromium', () => {
  let dataDir: string | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  before(
    async () => {
      await build({ configFile: join(REPO_ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
      dataDir = mkdtempSync(join(tmpdir(), 'cluster-brain-e2e-'));
      mkdirSync(fixture.screenshotDir, { recursive: true });
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PGLITE_FSYNC: 'off' };
      await ensureUser(fixture.user, env);
      server = await startServer(env);
      await addTestFirms(server.baseUrl);
      browser = await launchChromium();
      fixture.ready(server.baseUrl, browser);
    },
    { timeout: 300_000 },
  );

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  shellScenarios(fixture);
  enterpriseScenarios(fixture);
  importScenarios(fixture);
  resolutionScenarios(fixture);
});

demoScenarios(Boolean(process.env.DATABASE_URL));
chainScenarios(Boolean(process.env.DATABASE_URL));
editingScenarios(Boolean(process.env.DATABASE_URL));
cockpitScenarios(Boolean(process.env.DATABASE_URL));
mapScenarios(Boolean(process.env.DATABASE_URL));
supplyScenarios(Boolean(process.env.DATABASE_URL));

async function addTestFirms(baseUrl: string): Promise<void> {
  const api = await signInApi(baseUrl, fixture.user.username, fixture.user.password);
  const runId = Date.now().toString(36);
  for (const firm of testFirms(runId)) {
    const { status, body } = await api.post('/api/r/331081/enterprises', firm);
    if (status !== 201) throw new Error(`adding test firm ${firm.id} failed: ${status} ${JSON.stringify(body)}`);
  }
}
