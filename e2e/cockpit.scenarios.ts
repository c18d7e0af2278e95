import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './harness/browser.ts';
import { ensureUser, REPO_ROOT } from './harness/cli.ts';
import { type RunningServer, startServer } from './harness/server.ts';
import { waitForText, waitUntil } from './harness/waitFor.ts';

const USER = { username: 'cockpit-chief', password: 'Cockpit-Chief-1', role: 'chief', regions: '331081' };
const SHOTS = join(REPO_ROOT, 'docs', 'screenshots');

/**
 * The cockpit on the Wenling demo: the county cockpit after sign-in, switching to a chain's cockpit, the big screen
 * at 1920×1080 (dark, no scrolling, reloading by itself) and the PDF export whose text names the chains. Brings its
 * own demo server; embedded database only, like the other demo scenarios.
 */
export function cockpitScenarios(isSkipped: boolean): void {
  describe('the cockpit on the Wenling demo', { skip: isSkipped && 'runs on the embedded database only' }, () => {
    let dataDir: string | undefined;
    let server: RunningServer | undefined;
    let browser: Browser | undefined;
    let context: BrowserContext | undefined;
    let page: Page | undefined;

    before(
      async () => {
        dataDir = mkdtempSync(join(tmpdir(), 'cluster-brain-e2e-cockpit-'));
        const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PGLITE_FSYNC: 'off' };
        await ensureUser(USER, env);
        server = await startServer(env, { seedDemo: true, timeoutMs: 300_000 });
        browser = await launchChromium();
        context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
        page = await context.newPage();
        await page.goto(`${server.baseUrl}/login`);
        await page.getByTestId('login-username').fill(USER.username);
        await page.getByTestId('login-password').fill(USER.password);
        await page.getByTestId('login-submit').click();
      },
      { timeout: 360_000 },
    );

    after(async () => {
      await browser?.close();
      await server?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('opens on the county cockpit after sign-in: chain groups, the pump chain near its target, sourced facts', async () => {
      assert.ok(page);
      await page.waitForURL('**/r/331081');
      await page.getByTestId('cockpit-year').selectOption('2024');
      await page.waitForURL(/\/r\/331081\?year=2024$/);
      await page.getByTestId('tile-chains').waitFor({ timeout: 60_000 });
      assert.equal(await page.getByTestId('cockpit-group').count(), 3);
      await waitForText(page.locator('[data-testid="chain-row"][data-chain-id="pump"]'), /泵与电机\s*(79\d|80\d)\s*亿元/);
      await waitForText(page.getByTestId('tile-target'), /泵与电机 · 目标进度/);
      await waitForText(page.getByTestId('tile-facts'), /小型水泵全国市场占有率\s*70% 以上/);
      await waitForText(page.getByTestId('tile-funds'), /173\s*亿元/);
      await waitForText(page.getByTestId('tile-innovation'), /卡脖子问题 · 69 项/);
      await page.getByTestId('output-chart').locator('canvas').first().waitFor();
      await page.getByTestId('demo-banner').waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(SHOTS, 'cockpit-county.png'), fullPage: true });
    });

    it("switches to the pump chain's cockpit and on to machine tools", async () => {
      assert.ok(page);
      await page.getByTestId('cockpit-chain').selectOption('pump');
      const pump = page.locator('[data-testid="chain-cockpit"][data-chain-id="pump"]');
      await pump.waitFor({ timeout: 60_000 });
      await waitForText(page.getByTestId('chain-kpi-output'), /(79\d|80\d)\s*亿元/);
      await waitForText(page.getByTestId('chain-roles'), /链长.*链主.*链创.*链金/);
      assert.equal(await page.getByTestId('node-chip').count(), 31);
      await waitForText(page.getByTestId('chain-parks'), /泵与电机千亩产业园二期A区\s*8 个 · 2026 年计划投产 8 个/);
      await page.getByTestId('chain-trend').locator('canvas').first().waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(SHOTS, 'cockpit-chain.png'), fullPage: true });

      await page.getByTestId('cockpit-chain').selectOption('machine-tool');
      await page.locator('[data-testid="chain-cockpit"][data-chain-id="machine-tool"]').waitFor({ timeout: 60_000 });
      await waitForText(page.getByTestId('chain-tile-innovation'), /本链卡脖子问题 · 69 项/);
      await page.getByTestId('cockpit-back').click();
      await page.getByTestId('tile-chains').waitFor();
    });

    it('shows the big screen at 1920×1080: dark, without scrolling, reloading by itself', async () => {
      assert.ok(context && server);
      // Same browser context as the signed-in page: the session cookie comes along.
      const wall = await context.newPage();
      await wall.setViewportSize({ width: 1920, height: 1080 });
      try {
        await wall.goto(`${server.baseUrl}/r/331081?year=2024&screen=1&refresh=10`);
        await wall.getByTestId('bigscreen').waitFor({ timeout: 60_000 });
        await waitForText(wall.getByTestId('screen-kpi-output'), /亿元/);
        await wall.getByTestId('target-gauge').locator('canvas').first().waitFor();
        const size = await wall.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
        assert.ok(size.height <= 1080 && size.width <= 1920, `the big screen scrolls: ${JSON.stringify(size)}`);
        const background = await wall.getByTestId('bigscreen').evaluate((el) => getComputedStyle(el).backgroundColor);
        const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
        assert.ok(r + g + b < 100, `expected a dark background, saw ${background}`);
        await wall.waitForTimeout(1200);
        await wall.screenshot({ path: join(SHOTS, 'cockpit-bigscreen.png') });
        await wall.waitForRequest((request) => /\/api\/r\/331081\/cockpit\?year=2024$/.test(request.url()), { timeout: 30_000 });
        await wall.getByTestId('bigscreen-exit').click();
        await wall.getByTestId('tile-chains').waitFor();
      } finally {
        await wall.close();
      }
    });

    it('exports the cockpit as a one-page PDF whose text names the chains, and the KPI table as Excel', async () => {
      assert.ok(page);
      const pdfDownload = page.waitForEvent('download');
      await page.getByTestId('cockpit-pdf').click();
      const pdf = await pdfDownload;
      assert.match(pdf.suggestedFilename(), /温岭市产业集群驾驶舱-2024\.pdf/);
      const dir = mkdtempSync(join(tmpdir(), 'cockpit-export-'));
      try {
        const file = join(dir, 'cockpit.pdf');
        await pdf.saveAs(file);
        assert.match(execFileSync('pdfinfo', [file], { encoding: 'utf8' }), /Pages:\s+1\n/);
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        for (const name of ['温岭市产业集群驾驶舱', '泵与电机', '汽摩配件', '机床工具', '鞋业', '激光与光电']) assert.ok(text.includes(name), `the PDF text lacks ${name}`);
        const excelDownload = page.waitForEvent('download');
        await page.getByTestId('cockpit-xlsx').click();
        const excel = await excelDownload;
        const book = join(dir, 'cockpit.xlsx');
        await excel.saveAs(book);
        assert.equal(readFileSync(book).subarray(0, 2).toString(), 'PK');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await waitUntil('the page is still the cockpit', async () => (await page?.getByTestId('cockpit-page').count()) === 1);
    });
  });
}
