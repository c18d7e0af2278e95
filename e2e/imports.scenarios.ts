import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { composeUscc } from '../src/core/uscc/uscc.ts';
import type { Fixture } from './fixture.ts';
import { waitForText, waitUntil } from './harness/waitFor.ts';

const REGION = '331081';

/** 导入中心: download a template, fill it with a bad row, read the report, fix the row and import. */
export function importScenarios(fx: Fixture): void {
  describe('the import centre', () => {
    let context: BrowserContext;
    let page: Page;
    const dir = mkdtempSync(join(tmpdir(), 'cb-e2e-import-'));
    const run = Date.now() % 1_000_000;
    const good = composeUscc('91', REGION, `MA${String(run).padStart(7, '0')}`);
    const problems: string[] = [];

    before(async () => {
      context = await fx.browser.newContext({ baseURL: fx.baseUrl, locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await page.goto('/login');
      await page.getByTestId('login-username').fill(fx.user.username);
      await page.getByTestId('login-password').fill(fx.user.password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(`**/r/${REGION}`);
    });

    after(async () => {
      await context?.close();
    });

    /** Downloads the enterprises template and fills one data row under its notes row. */
    const fillTemplate = async (name: string, uscc: string): Promise<string> => {
      const download = page.waitForEvent('download');
      await page.getByTestId('template-enterprises').click();
      const template = join(dir, `template-${name}.xlsx`);
      await (await download).saveAs(template);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(template);
      const sheet = book.worksheets[0];
      assert.ok(sheet, 'the template has a sheet');
      assert.equal(sheet.getRow(1).getCell(1).value, '统一社会信用代码');
      assert.match(String(sheet.getRow(2).getCell(1).value), /^说明：/);
      sheet.addRow([uscc, `端到端导入测试${run}有限公司`, '泽国镇', '规上', '否', 2015, '温岭市泽国镇测试路1号']);
      const path = join(dir, `${name}.xlsx`);
      await book.xlsx.writeFile(path);
      return path;
    };

    it('opens 导入中心 from the navigation', async () => {
      await page.getByTestId('nav-imports').click();
      await page.waitForURL(`**/r/${REGION}/imports`);
      await waitForText(page.getByTestId('page-title'), '导入中心');
    });

    it('imports a template with an error: nothing changes, every bad cell is listed and the Excel report says the same', async () => {
      const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
      const path = await fillTemplate('bad', bad);
      await page.getByTestId('import-mode-apply').check();
      await page.getByTestId('import-file').setInputFiles(path);
      await page.getByTestId('import-submit').click();
      await waitForText(page.getByTestId('import-status'), '未导入');
      const rows = page.getByTestId('import-error-row');
      await waitUntil('one bad cell is listed', async () => (await rows.count()) === 1);
      const cells = await rows.first().locator('td').allTextContents();
      assert.deepEqual(cells.slice(0, 3), ['3', '统一社会信用代码', bad]);
      assert.match(cells[3] ?? '', /校验码“.”错误，应为“.”/);
      await page.screenshot({ path: join(fx.screenshotDir, 'imports-errors.png'), fullPage: true });

      const download = page.waitForEvent('download');
      await page.getByTestId('import-error-report').click();
      const report = join(dir, 'report.xlsx');
      await (await download).saveAs(report);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(report);
      const sheet = book.worksheets[0];
      const line = (n: number) => [1, 2, 3, 4, 5].map((c) => sheet?.getRow(n).getCell(c).value);
      assert.deepEqual(line(1), ['行号', '列', '值', '原因', 'Reason (English)']);
      assert.deepEqual(line(3).slice(0, 3), [3, '统一社会信用代码', bad]);
      assert.match(String(line(3)[3]), /^统一社会信用代码无效：校验码/);
      assert.match(String(line(3)[4]), /wrong check character/);
    });

    it('fixes the row and imports it; the history lists both uploads', async () => {
      const path = await fillTemplate('good', good);
      await page.getByTestId('import-file').setInputFiles(path);
      await page.getByTestId('import-submit').click();
      await waitForText(page.getByTestId('import-status'), '已导入');
      await waitForText(page.getByTestId('import-counts'), '新增 1');
      const history = page.getByTestId('import-history-row');
      await waitUntil('two uploads in the history', async () => (await history.count()) >= 2);
      await waitForText(history.first(), '已导入');
      await page.goto(`/r/${REGION}/enterprises?q=${good}`);
      await waitForText(page.getByTestId('enterprise-table'), `端到端导入测试${run}有限公司`);
      assert.deepEqual(problems, []);
    });
  });
}
