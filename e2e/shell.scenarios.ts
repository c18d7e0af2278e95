import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { Fixture } from './fixture.ts';
import { waitForText, waitUntil } from './harness/waitFor.ts';

const REGION = '331081';

/** The user's journey through the shell, in order: each scenario starts where the previous one left off. */
export function shellScenarios(fx: Fixture): void {
  describe('the shell, step by step', () => {
    let context: BrowserContext;
    let page: Page;
    const problems: string[] = [];

    before(async () => {
      context = await fx.browser.newContext({ baseURL: fx.baseUrl, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        // The 401 of a wrong password or of an anonymous /api/auth/me is expected; anything else is not.
        if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(`console: ${message.text()}`);
      });
    });

    after(async () => {
      await context?.close();
    });

    const signIn = async (target: Page, password: string) => {
      await target.getByTestId('login-username').fill(fx.user.username);
      await target.getByTestId('login-password').fill(password);
      await target.getByTestId('login-submit').click();
    };

    it('shows the sign-in page in Chinese and an error for a wrong password', async () => {
      await page.goto('/');
      await page.waitForURL('**/login');
      await page.getByTestId('login-page').waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      await waitForText(page.getByTestId('login-page'), '产业集群大脑');
      await signIn(page, 'not-the-password');
      const error = page.getByTestId('login-error');
      await waitForText(error, '用户名或密码错误');
      assert.equal(await error.getAttribute('data-code'), 'BAD_CREDENTIALS');
      assert.match(page.url(), /\/login$/);
    });

    it('signs in and shows the shell with its navigation and the region 温岭市', async () => {
      await signIn(page, fx.user.password);
      await page.waitForURL(`**/r/${REGION}`);
      await page.getByTestId('shell').waitFor();
      await waitForText(page.getByTestId('nav-cockpit'), '驾驶舱');
      await waitForText(page.getByTestId('nav-enterprises'), '企业');
      await waitForText(page.getByTestId('nav-api-docs'), 'API 文档');
      assert.equal(await page.getByTestId('nav-api-docs').getAttribute('href'), '/api/docs');
      const switcher = page.getByTestId('region-switcher');
      assert.equal(await switcher.inputValue(), REGION);
      assert.equal((await switcher.locator('option:checked').textContent())?.trim(), '温岭市');
      await waitForText(page.getByTestId('page-title'), '温岭市');
      await waitForText(page.getByTestId('kpi-firms'), /\d/);
    });

    it('shows the firm counts of the region and a chart by scale', async () => {
      const firms = Number((await page.getByTestId('kpi-firms').locator('.kpi__number').textContent())?.replace(/\D/g, ''));
      const above = Number((await page.getByTestId('kpi-above').locator('.kpi__number').textContent())?.replace(/\D/g, ''));
      const below = Number((await page.getByTestId('kpi-below').locator('.kpi__number').textContent())?.replace(/\D/g, ''));
      assert.ok(firms >= 5, `expected at least the 5 test firms, saw ${firms}`);
      assert.equal(above + below, firms);
      await page.getByTestId('scale-chart').locator('canvas').first().waitFor();
      await page.screenshot({ path: join(fx.screenshotDir, 'shell.png') });
    });

    it('lists only the regions in the user’s scope', async () => {
      const options = await page.getByTestId('region-switcher').locator('option').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('value')));
      assert.deepEqual(options, [REGION]);
    });

    it('switches to English, remembers it across a reload, and switches back', async () => {
      await page.getByTestId('lang-en').click();
      await waitForText(page.getByTestId('nav-cockpit'), 'Cockpit');
      await waitForText(page.getByTestId('nav-enterprises'), 'Enterprises');
      await waitForText(page.getByTestId('page-title'), 'Wenling');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.title(), 'Cluster Brain');
      await page.reload();
      await waitForText(page.getByTestId('nav-cockpit'), 'Cockpit');
      await page.getByTestId('lang-zh').click();
      await waitForText(page.getByTestId('nav-cockpit'), '驾驶舱');
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    });

    it('opens the enterprises page with a paged table and search', async () => {
      await page.getByTestId('nav-enterprises').click();
      await page.waitForURL(`**/r/${REGION}/enterprises`);
      assert.equal(await page.getByTestId('nav-enterprises').getAttribute('aria-current'), 'page');
      await page.getByTestId('enterprise-table').waitFor();
      assert.ok((await page.getByTestId('enterprise-row').count()) >= 5);
      await waitForText(page.getByTestId('pager-status'), /第 1 \/ \d+ 页/);
      await page.screenshot({ path: join(fx.screenshotDir, 'enterprises.png') });
      await page.getByTestId('enterprise-search').fill('测试泵业');
      await page.getByTestId('enterprise-search-submit').click();
      await page.waitForURL(/\/enterprises\?q=/);
      await waitUntil('only matching firms are listed', async () => {
        const names = await page.getByTestId('enterprise-row').locator('th').allTextContents();
        return names.length >= 1 && names.every((name) => name.includes('测试泵业'));
      });
      await page.getByTestId('enterprise-search').fill('没有这家企业');
      await page.getByTestId('enterprise-search-submit').click();
      await waitForText(page.getByTestId('enterprises-empty'), '没有这家企业');
      await page.goBack();
      await page.getByTestId('enterprise-row').first().waitFor();
    });

    it('shows no demo-data banner for real rows, and shows it when a row is synthetic (API answer stubbed)', async () => {
      await page.goto(`/r/${REGION}/enterprises`);
      await page.getByTestId('enterprise-table').waitFor();
      assert.equal(await page.getByTestId('demo-banner').count(), 0);
      const synthetic = {
        items: [{ id: 'demo-1', uscc: null, name: '示例泵业有限公司', townCode: null, scale: 'above', isListed: false, foundedYear: 2010, lon: null, lat: null, isSynthetic: true, version: 1 }],
        total: 1,
        page: 1,
        pageSize: 20,
      };
      await page.route(`**/api/r/${REGION}/enterprises?**`, (route) => route.fulfill({ json: synthetic }));
      try {
        await page.reload();
        await waitForText(page.getByTestId('demo-banner'), '示例数据');
        await page.getByTestId('lang-en').click();
        await waitForText(page.getByTestId('demo-banner'), 'Demo data');
        await page.getByTestId('lang-zh').click();
      } finally {
        await page.unroute(`**/api/r/${REGION}/enterprises?**`);
      }
      await page.reload();
      await page.getByTestId('enterprise-table').waitFor();
      assert.equal(await page.getByTestId('demo-banner').count(), 0);
    });

    it('offers a skip link first in the keyboard order', async () => {
      await page.goto(`/r/${REGION}`);
      await page.getByTestId('shell').waitFor();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.className ?? '');
      assert.equal(focused, 'skip-link');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    });

    it('folds the navigation behind a menu button on a narrow screen', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        await page.getByTestId('sidenav').waitFor({ state: 'hidden' });
        await page.getByTestId('nav-toggle').click();
        await page.getByTestId('nav-enterprises').click();
        await page.waitForURL(`**/r/${REGION}/enterprises`);
        await page.getByTestId('sidenav').waitFor({ state: 'hidden' });
        await page.getByTestId('enterprise-table').waitFor();
      } finally {
        await page.setViewportSize({ width: 1440, height: 900 });
      }
    });

    it('shows the role in the user menu and signs out back to the sign-in page', async () => {
      await page.getByTestId('user-menu').click();
      await waitForText(page.getByTestId('user-role'), '经信分析员');
      await page.getByTestId('sign-out').click();
      await page.waitForURL('**/login');
      await page.getByTestId('login-page').waitFor();
      const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
      assert.equal(status, 401);
    });

    it('sends an unauthenticated visit to the sign-in page, then back to the page asked for', async () => {
      const fresh = await fx.browser.newContext({ baseURL: fx.baseUrl, locale: 'zh-CN' });
      try {
        const visitor = await fresh.newPage();
        await visitor.goto(`/r/${REGION}/enterprises`);
        await visitor.waitForURL(/\/login\?next=%2Fr%2F331081%2Fenterprises$/);
        await visitor.getByTestId('login-page').waitFor();
        await signIn(visitor, fx.user.password);
        await visitor.waitForURL(`**/r/${REGION}/enterprises`);
        await visitor.getByTestId('enterprises-page').waitFor();
      } finally {
        await fresh.close();
      }
    });

    it('raised no page errors, console errors or CSP violations', () => {
      assert.deepEqual(problems, []);
    });
  });
}
