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

const USER = { username: 'map-analyst', password: 'Map-Analyst-1', role: 'analyst', regions: '331081' };

interface CircleAnswer {
  inputCount: number;
  coverage: number | null;
  site: { firmId: string | null };
  isochrone?: { features: unknown[] };
  network: { isSynthetic: boolean };
}

/**
 * The map page on the Wenling demo (synthetic roads, 示例路网): pick the pump chain and 10 minutes, click a site
 * on the map → the isochrone, the coverage table per input node and the suppliers; then pick a firm. Brings its
 * own demo server; embedded database only, like the other demo scenarios.
 */
export function mapScenarios(isSkipped: boolean): void {
  describe('the supply-circle tool on the map of the Wenling demo', { skip: isSkipped && 'runs on the embedded database only' }, () => {
    let dataDir: string | undefined;
    let server: RunningServer | undefined;
    let browser: Browser | undefined;
    let page: Page | undefined;

    before(
      async () => {
        dataDir = mkdtempSync(join(tmpdir(), 'cluster-brain-e2e-map-'));
        const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PGLITE_FSYNC: 'off' };
        await ensureUser(USER, env);
        server = await startServer(env, { seedDemo: true, timeoutMs: 420_000 });
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
        await page.goto(`${server.baseUrl}/login?next=${encodeURIComponent('/r/331081/map')}`);
        await page.getByTestId('login-username').fill(USER.username);
        await page.getByTestId('login-password').fill(USER.password);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('map-page').waitFor();
      },
      { timeout: 480_000 },
    );

    after(async () => {
      await browser?.close();
      await server?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('draws the county with the demo roads flagged 示例路网 and the chain firms', async () => {
      assert.ok(page);
      await waitForText(page.getByTestId('map-attribution'), '示例路网', 30_000);
      await waitForText(page.getByTestId('map-attribution'), /\d+/, 30_000);
      await page.getByTestId('county-map').locator('canvas').first().waitFor();
      await waitUntil('the chain list is loaded', async () => (await page?.getByTestId('map-chain').locator('option').count()) !== 0, 20_000);
      await page.getByTestId('map-chain').selectOption('pump');
      await waitUntil('the pump chain firms are listed', async () => ((await page?.getByTestId('map-firm').locator('option').count()) ?? 0) > 10, 20_000);
    });

    it('clicks a site → isochrone, coverage per input node and suppliers within 10 minutes', async () => {
      assert.ok(page);
      await page.getByTestId('map-minutes').selectOption('10');
      const box = await page.getByTestId('county-map').boundingBox();
      assert.ok(box);
      const answer = page.waitForResponse((r) => r.url().includes('/supply-circle?') && r.status() === 200, { timeout: 60_000 });
      // the middle of the county (the city centre lies a little west of it)
      await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.5);
      const circle = (await (await answer).json()) as CircleAnswer;
      assert.ok(circle.inputCount > 5, `pump chain input nodes: ${circle.inputCount}`);
      assert.ok((circle.isochrone?.features.length ?? 0) > 0, 'isochrone polygons');
      assert.equal(circle.network.isSynthetic, true);
      await page.getByTestId('circle-panel').waitFor();
      const rows = page.getByTestId('circle-inputs').locator('tbody tr');
      await waitUntil('a row per input node', async () => (await rows.count()) === circle.inputCount, 10_000);
      await waitForText(page.getByTestId('circle-coverage'), /\d/);
      await waitForText(page.getByTestId('circle-full'), /配套/);
      await page.getByTestId('circle-suppliers').locator('tbody tr').first().waitFor();
      await page.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshots', 'map-supply-circle.png') });
    });

    it('picks a firm: its plant is the site and the title names it', async () => {
      assert.ok(page);
      const firm = page.getByTestId('map-firm').locator('option').nth(1);
      const name = (await firm.textContent())?.trim() ?? '';
      const value = (await firm.getAttribute('value')) ?? '';
      const answer = page.waitForResponse((r) => r.url().includes('/supply-circle?') && r.url().includes('firm=') && r.status() === 200, { timeout: 60_000 });
      await page.getByTestId('map-firm').selectOption(value);
      const circle = (await (await answer).json()) as CircleAnswer;
      assert.equal(circle.site.firmId, value);
      await waitForText(page.getByTestId('circle-panel').locator('.card__title').first(), name);
    });
  });
}
