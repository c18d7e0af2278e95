import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './harness/browser.ts';
import { ensureUser, REPO_ROOT } from './harness/cli.ts';
import { type RunningServer, startServer } from './harness/server.ts';
import { waitForText, waitUntil } from './harness/waitFor.ts';

const USER = { username: 'supply-analyst', password: 'Supply-Analyst-1', role: 'analyst', regions: '331081' };
const PERCENT = /\d+\.\d%/;
/** USER has no sensitive permission: firm-to-firm amounts and shares show this instead. */
const MASKED = /需敏感数据权限/;

/**
 * The 供应链 page for the pump chain of the Wenling demo: the three local-supply variants side by side, the node
 * table, a node's suppliers, dependency risks, key firms and the sub-cluster graph with a cluster's members,
 * then a key firm's profile with its suppliers and customers. Brings its own demo server; embedded database only.
 * `seededDataDir`: a data folder where `cluster-brain demo` already ran (kept afterwards), to skip the seeding.
 */
export function supplyScenarios(isSkipped: boolean, seededDataDir?: string): void {
  describe('the supply page of the pump chain on the Wenling demo', { skip: isSkipped && 'runs on the embedded database only' }, () => {
    let dataDir: string | undefined;
    let server: RunningServer | undefined;
    let browser: Browser | undefined;
    let page: Page | undefined;

    before(
      async () => {
        dataDir = seededDataDir ?? mkdtempSync(join(tmpdir(), 'cluster-brain-e2e-supply-'));
        const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PGLITE_FSYNC: 'off' };
        await ensureUser(USER, env);
        server = await startServer(env, { seedDemo: true, timeoutMs: 600_000 });
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.goto(`${server.baseUrl}/login?next=${encodeURIComponent('/r/331081/supply?chain=pump')}`);
        await page.getByTestId('login-username').fill(USER.username);
        await page.getByTestId('login-password').fill(USER.password);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('supply-page').waitFor();
      },
      { timeout: 660_000 },
    );

    after(async () => {
      await browser?.close();
      await server?.stop();
      if (dataDir && !seededDataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('shows the county, same-town and drive-time rates of the pump chain side by side, and every node with its rates', async () => {
      assert.ok(page);
      await waitForText(page.getByTestId('page-title'), '供应链');
      await waitForText(page.getByTestId('variant-county').locator('.kpi__number'), PERCENT, 60_000);
      await waitForText(page.getByTestId('variant-sameTown').locator('.kpi__number'), PERCENT);
      // drive time is a rate once the geo module has computed reach pairs, "未计算" before
      await waitForText(page.getByTestId('variant-driveTime').locator('.kpi__number'), /\d+\.\d%|未计算/);
      const rows = page.getByTestId('supply-node-rates').locator('tbody tr');
      await waitUntil('node rows', async () => (await rows.count()) > 5);
      assert.match((await rows.first().textContent()) ?? '', PERCENT);
      await page.getByTestId('supply-trend').locator('canvas').waitFor();
    });

    it("picks a node: its rate leads, its suppliers are listed (amounts and shares masked without the sensitive permission), the trend follows it", async () => {
      assert.ok(page);
      await page.getByTestId('supply-node-rates').locator('tbody tr').first().getByRole('button').click();
      await waitUntil('node in the URL', async () => page?.url().includes('node=') ?? false);
      const suppliers = page.getByTestId('supply-suppliers').locator('tbody tr');
      await waitUntil('supplier rows', async () => (await suppliers.count()) > 0, 30_000);
      assert.match((await suppliers.first().textContent()) ?? '', MASKED);
      assert.doesNotMatch((await suppliers.first().textContent()) ?? '', PERCENT);
      await waitForText(page.getByTestId('supply-risks'), /单一来源依赖/);
      await page.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshots', 'supply-pump.png'), fullPage: true });
    });

    it('lists key firms by PageRank and draws the sub-clusters; a cluster opens its members', async () => {
      assert.ok(page);
      const keyRows = page.getByTestId('supply-key-table').locator('tbody tr');
      await waitUntil('key firm rows', async () => (await keyRows.count()) > 3, 60_000);
      assert.match((await keyRows.first().textContent()) ?? '', /^1/);
      await page.getByTestId('supply-cluster-graph').locator('canvas').waitFor();
      await page.locator('[data-testid^="cluster-"]').first().click();
      const members = page.getByTestId('supply-members').locator('tbody tr');
      await waitUntil('member rows', async () => (await members.count()) > 0, 30_000);
    });

    it("opens a key supplier's profile with its customers, their amounts masked", async () => {
      assert.ok(page);
      const firstFirmLink = page.getByTestId('supply-key-table').locator('tbody a').first();
      const href = await firstFirmLink.getAttribute('href');
      await firstFirmLink.click();
      await waitUntil('the profile URL', async () => page?.url().endsWith(href ?? '?') ?? false);
      await page.getByTestId('enterprise-profile').waitFor({ timeout: 60_000 });
      const partners = page.getByTestId('profile-partners');
      await waitForText(partners, /供应商与客户/, 60_000);
      await waitUntil('customer or supplier rows', async () => (await partners.locator('tbody tr').count()) > 0, 60_000);
      assert.match((await partners.locator('tbody tr').first().textContent()) ?? '', MASKED);
      await partners.getByTestId('supply-masked-notice').waitFor();
    });
  });
}
