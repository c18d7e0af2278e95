import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { Fixture } from './fixture.ts';
import { signInApi } from './harness/api.ts';
import { waitForText } from './harness/waitFor.ts';

const REGION = '331081';

/** Resolve a review pair: two similar firms are added and scanned through the API, then decided and merged in the page. */
export function resolutionScenarios(fx: Fixture): void {
  describe('review queue of possible duplicates', () => {
    let context: BrowserContext;
    let page: Page;
    const problems: string[] = [];
    const runId = Date.now().toString(36);
    // a unique trade name per run, so that earlier runs' firms do not pair with these
    const trade = `锦${runId}`;
    const kept = { id: `e2e-${runId}-a-kept`, name: `温岭市${trade}阀门有限公司`, townCode: '331081100', address: '温岭市泽国镇文昌路 8 号' };
    const dup = { id: `e2e-${runId}-b-dup`, name: `${trade}阀门（温岭）股份有限公司`, townCode: '331081100', address: '浙江省温岭市泽国镇文昌路8号' };

    before(async () => {
      const api = await signInApi(fx.baseUrl, fx.user.username, fx.user.password);
      for (const firm of [kept, dup]) {
        const { status, body } = await api.post(`/api/r/${REGION}/enterprises`, firm);
        if (status !== 201) throw new Error(`adding ${firm.id} failed: ${status} ${JSON.stringify(body)}`);
      }
      const scan = await api.post(`/api/r/${REGION}/review-pairs/scan`, { enterpriseIds: [dup.id] });
      assert.deepEqual(scan, { status: 200, body: { scanned: 1, queued: 1, remembered: 0 } });
      context = await fx.browser.newContext({ baseURL: fx.baseUrl, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await page.goto('/login');
      await page.getByTestId('login-username').fill(fx.user.username);
      await page.getByTestId('login-password').fill(fx.user.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('shell').waitFor();
    });

    after(async () => {
      await context?.close();
    });

    it('shows the pair side by side, confirms it, merges B into A and splits the merge again', async () => {
      await page.goto(`/r/${REGION}/review`);
      await waitForText(page.getByTestId('page-title'), '疑似重复企业');
      const row = page.getByTestId('review-pairs').locator('tr', { hasText: dup.name });
      await row.getByTestId('review-open').click();
      const sides = page.getByTestId('review-sides');
      await waitForText(sides, kept.name);
      assert.match((await sides.textContent()) ?? '', new RegExp(dup.name.replace(/[()（）]/g, '.')));
      await waitForText(page.getByTestId('review-pair'), '相似度 1.00');
      await page.screenshot({ path: join(fx.screenshotDir, 'review-pair.png') });

      await page.getByTestId('review-confirm').click();
      await waitForText(page.getByTestId('review-notice'), '已确认为同一家企业');
      await waitForText(page.getByTestId('review-pair-status'), '已确认');

      await page.getByTestId('review-merge-button').click();
      await waitForText(page.getByTestId('review-notice'), `已将“${dup.name}”合并`);
      await waitForText(page.getByTestId('review-merge'), kept.id);

      await page.getByTestId('review-split').click();
      await waitForText(page.getByTestId('review-notice'), `已撤销合并，“${dup.name}”已恢复`);
      assert.deepEqual(problems, []);
    });
  });
}
