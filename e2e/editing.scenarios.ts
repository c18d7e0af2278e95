import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './harness/browser.ts';
import { ensureUser } from './harness/cli.ts';
import { type RunningServer, startServer } from './harness/server.ts';
import { waitForText, waitUntil } from './harness/waitFor.ts';

const USER = { username: 'edit-analyst', password: 'Edit-Analyst-1', role: 'analyst', regions: '331081' };
const NODE_ID = 'pump.seals-e2e';
const ALIAS = '端到端测试别名';

/**
 * Editing on the Wenling demo: on the pump chain add a node and an input edge into the whole pump, put a firm
 * found by name on the new node, then add an alias on that firm's profile and see it with its hand-edit source.
 * Brings its own demo server; embedded database only, like the chain scenarios.
 */
export function editingScenarios(isSkipped: boolean): void {
  describe('editing the pump chain and a firm profile on the Wenling demo', { skip: isSkipped && 'runs on the embedded database only' }, () => {
    let dataDir: string | undefined;
    let server: RunningServer | undefined;
    let browser: Browser | undefined;
    let page: Page | undefined;
    let firm: { id: string; name: string } | undefined;

    before(
      async () => {
        dataDir = mkdtempSync(join(tmpdir(), 'cluster-brain-e2e-editing-'));
        const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PGLITE_FSYNC: 'off' };
        await ensureUser(USER, env);
        server = await startServer(env, { seedDemo: true, timeoutMs: 300_000 });
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
        await page.goto(`${server.baseUrl}/login?next=${encodeURIComponent('/r/331081/chains?chain=pump')}`);
        await page.getByTestId('login-username').fill(USER.username);
        await page.getByTestId('login-password').fill(USER.password);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('fishbone').waitFor({ timeout: 30_000 });
      },
      { timeout: 360_000 },
    );

    after(async () => {
      await browser?.close();
      await server?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('adds an upstream node to the pump chain; it appears on the fishbone', async () => {
      assert.ok(page);
      const editor = page.getByTestId('structure-editor');
      await editor.getByTestId('add-node').locator('summary').click();
      const form = editor.getByTestId('add-node-form');
      await form.locator('input[name="id"]').fill('seals-e2e');
      await form.locator('input[name="nameZh"]').fill('机械密封件');
      await form.locator('select[name="tier"]').selectOption('up');
      await form.locator('input[name="boneZh"]').fill('核心零部件');
      await form.locator('input[name="industryCodes"]').fill('3441');
      await form.locator('button[type="submit"]').click();
      await waitForText(editor.getByTestId('edit-notice'), `已新增环节 ${NODE_ID}`);
      await page.locator(`[data-testid="fishbone-node"][data-node-id="${NODE_ID}"]`).waitFor();
    });

    it('adds the input edge seals → whole pump, which the form then no longer offers', async () => {
      assert.ok(page);
      const editor = page.getByTestId('input-editor');
      await editor.locator('summary').click();
      const form = editor.getByTestId('add-edge-form');
      await form.locator('select[name="to"]').selectOption('pump.pumps');
      await form.locator('select[name="from"]').selectOption(NODE_ID);
      await form.locator('button[type="submit"]').click();
      await editor.locator(`[data-testid="input-edge"][data-edge="${NODE_ID}>pump.pumps"]`).waitFor();
      await waitForText(editor.getByTestId('input-edge').filter({ hasText: '机械密封件' }), /机械密封件 → 泵整机/);
      // the form now no longer offers the new node as an input of the whole pump
      const offered = await form.locator('select[name="from"] option').evaluateAll((options) => options.map((o) => o.getAttribute('value')));
      assert.ok(!offered.includes(NODE_ID), 'the existing edge is not offered again');
    });

    it('puts a firm found by name on the new node', async () => {
      assert.ok(page);
      firm = await page.evaluate(async () => {
        const res = await fetch('/api/r/331081/enterprises?chain=pump&pageSize=1');
        const body: { items: { id: string; name: string }[] } = await res.json();
        const first = body.items[0];
        if (!first) throw new Error('no pump firm in the demo');
        return { id: first.id, name: first.name };
      });
      await page.locator(`[data-testid="fishbone-node"][data-node-id="${NODE_ID}"]`).click();
      const panel = page.getByTestId('node-firms');
      await waitForText(panel, '机械密封件');
      await panel.getByTestId('firm-adder').locator('summary').click();
      await panel.getByTestId('firm-search').fill(firm.name);
      await panel.getByTestId('firm-search').press('Enter');
      const result = panel.getByTestId('firm-result').filter({ hasText: firm.name });
      await result.first().waitFor();
      await result.first().getByTestId('firm-add').click();
      await waitForText(panel.getByTestId('edit-notice'), `已将“${firm.name}”加入本环节`);
      await waitForText(panel.getByTestId('node-firm-row'), firm.name);
      await waitUntil('the node chip counts the firm', async () => (await page?.locator(`[data-testid="fishbone-node"][data-node-id="${NODE_ID}"]`).getAttribute('data-status')) !== 'missing');
    });

    it("adds an alias on the firm's profile; it is listed with its hand-edit source", async () => {
      assert.ok(page && server && firm);
      await page.goto(`${server.baseUrl}/r/331081/enterprises/${encodeURIComponent(firm.id)}`);
      await page.getByTestId('enterprise-profile').waitFor();
      const editors = page.getByTestId('profile-editors');
      await editors.getByTestId('alias-editor').locator('summary').click();
      await editors.getByTestId('alias-input').fill(ALIAS);
      await editors.getByTestId('alias-input').press('Enter');
      await waitForText(page.getByTestId('alias-table'), ALIAS);
      await waitForText(page.getByTestId('provenance-table').locator('tr').filter({ hasText: ALIAS }), `手工修改 · ${USER.username}`);
    });
  });
}
