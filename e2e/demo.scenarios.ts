import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness/browser.ts';
import { ensureUser, REPO_ROOT } from './harness/cli.ts';
import { type RunningServer, startServer } from './harness/server.ts';
import { waitForText } from './harness/waitFor.ts';

const USER = { username: 'leader', password: 'Leader-Password-1', role: 'chief', regions: '331081' };

/**
 * `npm start` on an empty database seeds the Wenling demo and opens on it. Runs on the embedded database only
 * (a PostgreSQL run shares one database with the shell scenarios, which bring their own rows).
 */
export function demoScenarios(isSkipped: boolean): void {
  describe('first start on an empty database opens on the Wenling demo', { skip: isSkipped && 'runs on the embedded database only' }, () => {
    let dataDir: string | undefined;
    let server: RunningServer | undefined;
    let browser: Browser | undefined;

    before(
      async () => {
        dataDir = mkdtempSync(join(tmpdir(), 'cluster-brain-e2e-demo-'));
        const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PGLITE_FSYNC: 'off' };
        await ensureUser(USER, env);
        server = await startServer(env, { seedDemo: true, timeoutMs: 300_000 });
        browser = await launchChromium();
      },
      { timeout: 360_000 },
    );

    after(async () => {
      await browser?.close();
      await server?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('reports the seeding on start and shows the demo region with its banner and thousands of firms', async () => {
      assert.match(server?.output() ?? '', /demo seeded in [\d.]+ s: \d+ firms, \d+ monthly flows/);
      assert.ok(browser && server);
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/login`);
      await page.getByTestId('login-username').fill(USER.username);
      await page.getByTestId('login-password').fill(USER.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('shell').waitFor();
      await waitForText(page.getByTestId('page-title'), '温岭市');
      await page.getByTestId('demo-banner').waitFor();
      await waitForText(page.getByTestId('kpi-firms'), /\d/);
      const firms = Number((await page.getByTestId('kpi-firms').locator('.kpi__number').textContent())?.replace(/\D/g, ''));
      assert.ok(firms > 5000, `expected the demo's firms, saw ${firms}`);
      await page.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshots', 'demo-cockpit.png') });
      await page.close();
    });
  });
}
