import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseRows, usccOf, writeCsv } from '../../../tests/fixtures/imports/files.ts';
import { type Client, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testBackends } from '../../../tests/helpers/db.ts';

function multipart(fileName: string, content: Buffer) {
  const boundary = 'cbBoundary7MA4YWxkTrZu0gW';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function readSheet(body: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(body).buffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    rows.push(Array.from({ length: row.cellCount }, (_, i) => String(row.getCell(i + 1).value ?? '')));
  });
  return rows;
}

describe.each(testBackends())('import routes (%s)', (backend) => {
  let t: TestApp;
  let analyst: Client;
  let viewer: Client;
  const upload = (c: Client, kind: string, mode: string, fileName: string, content: Buffer) => {
    const { payload, contentType } = multipart(fileName, content);
    return t.app.inject({ method: 'POST', url: `/api/r/331081/imports/${kind}?mode=${mode}`, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': contentType }, payload });
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    analyst = await t.signIn({ username: 'analyst', role: 'analyst' });
    viewer = await t.signIn({ username: 'viewer', role: 'viewer' });
  });
  afterAll(() => t.close());

  it('serves a template with Chinese headers, a notes row and a Chinese file name', async () => {
    const res = await viewer.request('GET', '/api/r/331081/imports/templates/metrics.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('企业年度指标导入模板.xlsx')}`);
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]?.slice(0, 4)).toEqual(['统一社会信用代码', '企业ID', '年份', '营业收入(万元)']);
    expect(rows[1]?.[3]).toContain('万元');
    expect((await viewer.request('GET', '/api/r/331081/imports/templates/nope.xlsx')).statusCode).toBe(400);
  });

  it('uploads a file with errors: nothing changes, every bad cell is listed and downloadable as Excel', async () => {
    const rows = enterpriseRows(2);
    rows.push(['=HYPERLINK("x")', '', '', '', '', '', '']);
    const res = await upload(analyst, 'enterprises', 'apply', '名录.csv', readFileSync(writeCsv('route-bad.csv', rows)));
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail).toMatchObject({ result: 'rejected', import: { fileName: '名录.csv', rowsValid: 2, rowsInvalid: 1, byUser: 'analyst' }, errorsTotal: 2 });
    expect(detail.errors).toEqual([
      { row: 4, column: '统一社会信用代码', value: '=HYPERLINK("x")', reason: expect.stringContaining('invalid USCC') },
      { row: 4, column: '企业名称', value: '', reason: 'is required' },
    ]);
    const firms = await t.database.query<{ n: string }>("select count(*) as n from enterprises where region_code = '331081'");
    expect(Number(firms[0]?.n)).toBe(0);
    const report = await analyst.request('GET', `/api/r/331081/imports/${detail.import.id}/errors.xlsx`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain(encodeURIComponent('企业名录导入错误报告-名录.xlsx'));
    const sheet = await readSheet(report.rawPayload);
    expect(sheet[0]).toEqual(['行号', '列', '值', '原因', 'Reason (English)']);
    expect(sheet.slice(2).map((r) => r.slice(0, 5))).toEqual([
      ['4', '统一社会信用代码', `'=HYPERLINK("x")`, expect.stringMatching(/^统一社会信用代码无效：/), expect.stringContaining('invalid USCC')],
      ['4', '企业名称', '', '必填', 'is required'],
    ]);
  });

  it('applies a clean file, answers unchanged the second time, and lists both in the history', async () => {
    const content = readFileSync(writeCsv('route-ok.csv', enterpriseRows(3)));
    const first = await upload(analyst, 'enterprises', 'apply', 'ok.csv', content);
    expect(first.json()).toMatchObject({ result: 'applied', outcomes: { inserted: 3 } });
    const second = await upload(analyst, 'enterprises', 'apply', 'ok-again.csv', content);
    expect(second.json()).toMatchObject({ result: 'unchanged', import: { id: first.json().import.id } });
    const history = await viewer.request('GET', '/api/r/331081/imports');
    expect(history.json().items.map((i: { fileName: string; status: string }) => `${i.fileName} ${i.status}`)).toEqual(['ok.csv applied', '名录.csv rejected']);
    const one = await viewer.request('GET', `/api/r/331081/imports/${first.json().import.id}`);
    expect(one.json()).toMatchObject({ result: 'applied', errors: [], errorsTotal: 0 });
  });

  it('lets only roles that may write imports upload, and answers 404 outside the scope', async () => {
    const content = readFileSync(writeCsv('route-viewer.csv', enterpriseRows(1, 700)));
    expect((await upload(viewer, 'enterprises', 'apply', 'v.csv', content)).statusCode).toBe(403);
    const other = await t.signIn({ username: 'other', role: 'analyst', regions: ['331082'] });
    expect((await other.request('GET', '/api/r/331081/imports')).statusCode).toBe(404);
    const json = await analyst.request('POST', '/api/r/331081/imports/enterprises?mode=apply', { file: usccOf(1) });
    expect(json.statusCode).toBe(415);
  });
});
