import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './harness/browser.ts';
import { ensureUser, REPO_ROOT } from './harness/cli.ts';
import { type RunningServer, startServer } from './harness/server.ts';
import { waitForText, waitUntil } from './harness/waitFor.ts';

const USER = { username: 'chain-analyst', password: 'Chain-Analyst-1', role: 'analyst', regions: '331081' };

/**
 * The pump chain of the Wenling demo: the chain list, the fishbone, a click on a node lists its firms, the
 * Excel and SVG downloads. Brings its own demo server (the shell scenarios run with --no-demo); embedded
 * database only, like the demo scenarios.
 */
export function chainScenarios(isSkipped: boolean): void {
  describe('the pump chain map on the Wenling demo', { skip: isSkipped && 'runs on the embedded database only' }, () => {
    let dataDir: string | undefined;
    let server: RunningServer | undefined;
    let browser: Browser | undefined;
    let page: Page | undefined;

    before(
      async () => {
        dataDir = mkdtempSync(join(tmpdir(), 'cluster-brain-e2e-chains-'));
        const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PGLITE_FSYNC: 'off' };
        await ensureUser(USER, env);
        server = await startServer(env, { seedDemo: true, timeoutMs: 300_000 });
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
        await page.goto(`${server.baseUrl}/login?next=${encodeURIComponent('/r/331081/chains')}`);
        await page.getByTestId('login-username').fill(USER.username);
        await page.getByTestId('login-password').fill(USER.password);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('chains-page').waitFor();
      },
      { timeout: 360_000 },
    );

    after(async () => {
      await browser?.close();
      await server?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('lists the "4+6+X" groups with the pump chain and its status counts', async () => {
      assert.ok(page);
      await page.getByTestId('chain-card').first().waitFor();
      assert.equal(await page.getByTestId('chain-group').count(), 3);
      const card = page.locator('[data-testid="chain-card"][data-chain-id="pump"]');
      await waitForText(card, /泵与电机.*31 个环节.*强 \d+.*弱 \d+.*缺 \d+/);
      await page.getByTestId('demo-banner').waitFor();
    });

    it('opens the pump fishbone: every node drawn as a chip coloured by status, roles beside it', async () => {
      assert.ok(page);
      await page.locator('[data-testid="chain-card"][data-chain-id="pump"]').click();
      await page.getByTestId('fishbone').waitFor();
      await waitForText(page.getByTestId('page-title'), '泵与电机产业链图谱');
      const chips = page.getByTestId('fishbone-node');
      assert.equal(await chips.count(), 31);
      const statuses = new Set(await chips.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-status'))));
      assert.ok([...statuses].every((s) => s === 'strong' || s === 'weak' || s === 'adjacent' || s === 'missing'), `statuses ${[...statuses].join(',')}`);
      await waitForText(page.getByTestId('roles-panel'), '链长');
      await page.getByTestId('chain-network').waitFor();
      await page.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshots', 'chain-fishbone.png'), fullPage: true });
    });

    it('clicking the whole-pump node lists its firms with output of the year, paged, and offers the Excel list', async () => {
      assert.ok(page);
      await page.locator('[data-testid="fishbone-node"][data-node-id="pump.pumps"]').click();
      await page.getByTestId('node-firm-row').first().waitFor();
      await waitForText(page.getByTestId('node-firms'), '泵整机');
      const status = await waitForText(page.getByTestId('node-firms-status'), /共 [\d,]+ 家 · 第 1 \/ \d+ 页/);
      const total = Number(status.match(/共 ([\d,]+) 家/)?.[1]?.replace(/,/g, ''));
      assert.ok(total > 20, `expected more firms than one page, saw ${total}`);
      assert.equal(await page.getByTestId('node-firm-row').count(), 20);
      const firstName = await page.getByTestId('node-firm-row').first().locator('th').textContent();
      await page.getByTestId('node-firms-next').click();
      await waitForText(page.getByTestId('node-firms-status'), /第 2 \//);
      await waitUntil('the second page shows other firms', async () => (await page?.getByTestId('node-firm-row').first().locator('th').textContent()) !== firstName);

      const excel = page.waitForEvent('download');
      await page.getByTestId('firms-excel').click();
      const file = await excel;
      assert.match(file.suggestedFilename(), /^泵与电机·泵整机.*-企业清单-\d{4}\.xlsx$/);
      const path = await file.path();
      assert.equal(readFileSync(path).subarray(0, 2).toString(), 'PK');
    });

    it('an analyst renames the chosen node and adds a 链主, and the map shows both', async () => {
      assert.ok(page);
      const editor = page.getByTestId('node-editor');
      await editor.locator('summary').click();
      await editor.locator('input[name="nameZh"]').fill('泵整机（含屏蔽泵）');
      await editor.locator('button[type="submit"]').click();
      await waitForText(editor.locator('.notice'), '已保存');
      await waitForText(page.locator('[data-testid="fishbone-node"][data-node-id="pump.pumps"] text').first(), '泵整机（含屏蔽泵）');
      const roles = page.getByTestId('role-editor');
      await roles.locator('summary').click();
      await roles.locator('input[name="nameZh"]').fill('示范链主企业');
      await roles.locator('button[type="submit"]').click();
      await waitForText(page.getByTestId('roles-panel').locator('dl'), '示范链主企业');
    });

    it('exports the fishbone as SVG and as PNG', async () => {
      assert.ok(page);
      const svg = page.waitForEvent('download');
      await page.getByTestId('export-svg').click();
      const file = await svg;
      assert.match(file.suggestedFilename(), /\.svg$/);
      const text = readFileSync(await file.path(), 'utf8');
      assert.match(text, /^<\?xml/);
      assert.ok(text.includes('<svg') && text.includes('泵整机（含屏蔽泵）'), 'the SVG holds the drawing and its labels');
      const png = page.waitForEvent('download');
      await page.getByTestId('export-png').click();
      const image = await png;
      assert.match(image.suggestedFilename(), /^泵与电机-鱼骨图-\d{4}\.png$/);
      const bytes = readFileSync(await image.path());
      assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
      assert.ok(bytes.length > 20_000, `a drawn PNG, not an empty canvas (${bytes.length} bytes)`);
    });
  });
}
