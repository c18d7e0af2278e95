import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { Fixture } from './fixture.ts';
import { signInApi } from './harness/api.ts';
import { waitForText, waitUntil } from './harness/waitFor.ts';

const REGION = '331081';

/** Search by pinyin initials, filter, open a firm's profile (the firm is added through the API first). */
export function enterpriseScenarios(fx: Fixture): void {
  describe('firm search and profile', () => {
    let context: BrowserContext;
    let page: Page;
    const problems: string[] = [];
    const runId = Date.now().toString(36);
    const firm = {
      id: `e2e-${runId}-dalang`,
      name: '大浪泵业有限公司',
      uscc: null,
      townCode: '331081101',
      scale: 'above',
      isListed: false,
      foundedYear: 1998,
      aliases: [`大浪水泵厂${runId}`],
      address: '温岭市大溪镇测试路 1 号',
      lon: 121.33,
      lat: 28.47,
    };

    before(async () => {
      const api = await signInApi(fx.baseUrl, fx.user.username, fx.user.password);
      const { status, body } = await api.post(`/api/r/${REGION}/enterprises`, firm);
      if (status !== 201) throw new Error(`adding ${firm.id} failed: ${status} ${JSON.stringify(body)}`);
      context = await fx.browser.newContext({ baseURL: fx.baseUrl, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      await page.goto('/login');
      await page.getByTestId('login-username').fill(fx.user.username);
      await page.getByTestId('login-password').fill(fx.user.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('shell').waitFor();
    });

    after(async () => {
      await context?.close();
    });

    const listedNames = () => page.getByTestId('enterprise-row').locator('th').allTextContents();

    it('finds 大浪泵业 by its pinyin initials dlby', async () => {
      await page.goto(`/r/${REGION}/enterprises`);
      await page.getByTestId('enterprise-table').waitFor();
      await page.getByTestId('enterprise-search').fill('dlby');
      await page.getByTestId('enterprise-search-submit').click();
      await page.waitForURL(/\/enterprises\?q=dlby$/);
      await waitUntil('only firms whose initials contain dlby are listed', async () => {
        const names = await listedNames();
        return names.length >= 1 && names.every((name) => name.startsWith('大浪泵业'));
      });
    });

    it('narrows the search with the town and scale filters, kept in the URL', async () => {
      await page.getByTestId('filter-town').selectOption(firm.townCode);
      await page.waitForURL(/town=331081101/);
      await page.getByTestId('filter-scale').selectOption('below');
      await page.waitForURL(/scale=below/);
      await page.getByTestId('enterprises-empty').waitFor();
      await page.getByTestId('filter-scale').selectOption('above');
      await page.waitForURL(/scale=above/);
      await waitUntil('the firm is listed again', async () => (await listedNames()).some((name) => name.startsWith('大浪泵业')));
      await page.screenshot({ path: join(fx.screenshotDir, 'enterprise-search.png') });
    });

    it('finds the firm by an alias', async () => {
      await page.getByTestId('enterprise-search').fill(firm.aliases[0] ?? '');
      await page.getByTestId('enterprise-search-submit').click();
      await waitUntil('exactly the firm is listed', async () => {
        const names = await listedNames();
        return names.length === 1 && (names[0] ?? '').startsWith('大浪泵业');
      });
    });

    it('opens the profile with identity, alias, site map, masked-figures notice and imports section', async () => {
      await page.locator(`a[href$="/enterprises/${firm.id}"]`).click();
      await page.waitForURL(`**/r/${REGION}/enterprises/${firm.id}`);
      await waitForText(page.getByTestId('page-title'), '大浪泵业有限公司');
      await waitForText(page.getByTestId('identity'), '规上');
      await waitForText(page.getByTestId('identity'), '1998');
      await waitForText(page.getByTestId('alias-table'), firm.aliases[0] ?? '');
      await page.getByTestId('site-map').locator('canvas').first().waitFor();
      await waitForText(page.getByTestId('site-list'), '注册地 · 温岭市大溪镇测试路 1 号');
      await waitForText(page.getByTestId('profile-metrics'), '暂无年度指标');
      await page.getByTestId('profile-imports').waitFor();
      await page.screenshot({ path: join(fx.screenshotDir, 'enterprise-profile.png'), fullPage: true });
    });

    it('goes back to the registry, and shows a not-found notice for an unknown firm', async () => {
      await page.getByTestId('profile-back').click();
      await page.waitForURL(`**/r/${REGION}/enterprises`);
      await page.getByTestId('enterprise-table').waitFor();
      await page.goto(`/r/${REGION}/enterprises/no-such-firm`);
      await page.getByTestId('profile-not-found').waitFor();
    });

    it('raised no page errors, and no console errors but the expected ones', () => {
      // the sign-in page's anonymous /api/auth/me answers 401 and the unknown firm 404; nothing else may fail
      assert.deepEqual(
        problems.filter((p) => !/status of (401|404)/.test(p)),
        [],
      );
    });
  });
}
