import { statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, openTestDatabase, type TestDatabase } from '../../../tests/helpers/db.ts';
import { enterpriseRows, headerOf, IMPORT_TMP, usccOf, writeCsv, writeXlsx, writeZipBomb } from '../../../tests/fixtures/imports/files.ts';
import { seedTaxonomy } from '../chains/chains.seed.ts';
import { WENLING_TAXONOMY } from '../chains/taxonomy/wenling.ts';
import { importHistoryOf, provenanceOf } from './imports.repo.ts';
import { CHUNK, FIRST_CHUNK, type RunImport, runImport } from './imports.service.ts';

const REGION = '331081';

describe.each(testBackends())('import centre (%s)', (backend) => {
  let database: TestDatabase;
  const run = (kind: RunImport['kind'], path: string, mode: RunImport['mode'] = 'apply') =>
    runImport(database, { regionCode: REGION, kind, mode, path, fileName: path.split('/').pop() ?? path, byUser: 'tester' });
  const count = async (table: string) => Number((await database.query<{ n: string }>(`select count(*) as n from ${table} where region_code = $1`, [REGION]))[0]?.n);
  const firm = async (uscc: string) => (await database.query<{ id: string; name: string; scale: string; town_code: string; version: number; name_initials: string }>('select * from enterprises where region_code = $1 and uscc = $2', [REGION, uscc]))[0];

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedTaxonomy(database.db, WENLING_TAXONOMY);
  });
  afterAll(() => database.dispose());

  it('applies a clean enterprises CSV, keeps every raw row and records provenance', async () => {
    const summary = await run('enterprises', writeCsv('clean.csv', enterpriseRows(12)));
    expect(summary).toMatchObject({ status: 'applied', rowsTotal: 12, rowsValid: 12, rowsInvalid: 0, outcomes: { inserted: 12 } });
    const a = await firm(usccOf(2));
    expect(a).toMatchObject({ name: '测试企业2有限公司', town_code: '331081100', scale: 'below', name_initials: 'csqy2yxgs' });
    const rows = await database.query<{ raw: Record<string, string>; outcome: string }>('select raw, outcome from import_rows where import_id = $1 order by row_number', [summary.importId]);
    expect(rows).toHaveLength(12);
    expect(rows[1]?.raw.企业名称).toBe('测试企业2有限公司');
    const provenance = await provenanceOf(database.db, REGION, a?.id ?? '');
    expect(provenance.map((p) => p.field).sort()).toEqual(['address', 'foundedYear', 'isListed', 'name', 'scale', 'townCode', 'uscc']);
    expect(provenance.find((p) => p.field === 'address')).toMatchObject({ value: '温岭市测试路2号', fileName: 'clean.csv', rowNumber: 3 });
    const history = await importHistoryOf(database.db, REGION, a?.id ?? '');
    expect(history).toEqual([expect.objectContaining({ importId: summary.importId, rowNumber: 3, outcome: 'inserted', status: 'applied' })]);
  });

  it('changes nothing when the same file is imported twice, and reports identical rows as unchanged', async () => {
    const path = writeCsv('twice.csv', enterpriseRows(12));
    const again = await run('enterprises', path);
    expect(again.status).toBe('unchanged');
    const before = await count('imports');
    expect(await run('enterprises', path)).toMatchObject({ status: 'unchanged' });
    expect(await count('imports')).toBe(before);
    const rows = enterpriseRows(12);
    rows.push([usccOf(99), '新增企业有限公司', '', '', '', '', '']);
    const changed = await run('enterprises', writeCsv('plus-one.csv', rows));
    expect(changed).toMatchObject({ status: 'applied', outcomes: { unchanged: 12, inserted: 1 } });
    expect((await firm(usccOf(1)))?.version).toBe(1);
  });

  it('updates changed fields only, bumps the version and records the new source', async () => {
    const rows = enterpriseRows(3);
    const third = rows[3];
    if (third) third[3] = '规上';
    const summary = await run('enterprises', writeCsv('upd.csv', rows));
    expect(summary.outcomes).toEqual({ unchanged: 2, updated: 1 });
    const f = await firm(usccOf(3));
    expect(f).toMatchObject({ scale: 'above', version: 2 });
    const provenance = await provenanceOf(database.db, REGION, f?.id ?? '');
    const fromUpdate = provenance.filter((p) => p.fileName === 'upd.csv');
    expect(fromUpdate.map((p) => [p.field, p.value])).toEqual([
      ['address', '温岭市测试路3号'],
      ['scale', 'above'],
    ]);
  });

  it('rejects a file with any bad cell and lists every one with row, column, value and reason', async () => {
    const rows = enterpriseRows(4, 200);
    rows.push(['91350100M000100Y44', '', '火星镇', '中型', '也许', '1700', '']);
    const before = await count('enterprises');
    const summary = await run('enterprises', writeCsv('bad.csv', rows));
    expect(summary).toMatchObject({ status: 'rejected', rowsValid: 4, rowsInvalid: 1 });
    expect(await count('enterprises')).toBe(before);
    const errors = (await database.query<{ errors: { row: number; column: string; value: string; reason: string }[] }>("select errors from import_rows where import_id = $1 and outcome = 'invalid'", [summary.importId]))[0]?.errors;
    expect(errors?.map((e) => e.column)).toEqual(['统一社会信用代码', '企业名称', '所在镇街', '规模', '是否上市', '成立年份']);
    expect(errors?.[0]).toMatchObject({ row: 6, value: '91350100M000100Y44', reason: expect.stringContaining('expected "3"') });
  });

  it('with partial applies only the valid rows', async () => {
    const rows = enterpriseRows(3, 300);
    rows.push(['bad', '坏行企业', '', '', '', '', '']);
    const summary = await run('enterprises', writeCsv('partial.csv', rows), 'partial');
    expect(summary).toMatchObject({ status: 'partial', rowsValid: 3, rowsInvalid: 1, outcomes: { inserted: 3, invalid: 1 } });
    expect(await firm(usccOf(301))).toBeDefined();
  });

  it('reads a large file in a worker thread with the same all-or-nothing and partial rules', async () => {
    const rows = enterpriseRows(14_000, 200_000);
    rows.splice(9_000, 0, ['bad', '坏行企业', '', '', '', '', '']);
    const path = writeCsv('large.csv', rows);
    expect(statSync(path).size).toBeGreaterThan(1024 * 1024);
    const before = await count('enterprises');
    expect(await run('enterprises', path)).toMatchObject({ status: 'rejected', rowsInvalid: 1 });
    expect(await count('enterprises')).toBe(before);
    const summary = await run('enterprises', path, 'partial');
    expect(summary).toMatchObject({ status: 'partial', rowsTotal: 14_001, rowsValid: 14_000, outcomes: { inserted: 14_000, invalid: 1 } });
    expect(await count('enterprises')).toBe(before + 14_000);
    expect(await firm(usccOf(213_999))).toMatchObject({ name: '测试企业213999有限公司', name_initials: 'csqy213999yxgs' });
  });

  it('a dry run validates and changes nothing', async () => {
    const before = await count('enterprises');
    const summary = await run('enterprises', writeCsv('dry.csv', enterpriseRows(5, 400)), 'dry_run');
    expect(summary).toMatchObject({ status: 'dry_run', rowsValid: 5, outcomes: { valid: 5 } });
    expect(await count('enterprises')).toBe(before);
  });

  it('checks the header row and names missing and unknown columns', async () => {
    const summary = await run('enterprises', writeCsv('header.csv', [['统一社会信用代码', '公司名称'], [usccOf(1), 'x']]));
    expect(summary.status).toBe('rejected');
    expect(summary.fileError).toContain('公司名称 (unknown column');
    expect(summary.fileError).toContain('企业名称 (required column is missing');
  });

  it.each([
    ['not a spreadsheet', () => writeBinary('photo.xlsx'), 'not a spreadsheet'],
    ['an empty file', () => writeCsv('empty.csv', []), 'no header row'],
    ['a zero-byte file', () => writeRaw('zero.csv', ''), 'empty'],
    ['a header without rows', () => writeCsv('only-header.csv', [headerOf('enterprises')]), 'no data rows'],
    ['a zip bomb', () => writeZipBomb('bomb.xlsx', 40), 'zip bomb'],
    ['a file over 50 MB', () => writeHuge('huge.csv'), 'limit is 50 MB'],
    ['an old .xls', () => writeRaw('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), '.xls'],
  ])('rejects %s with a clear error and changes nothing', async (_name, make, message) => {
    const before = await count('enterprises');
    const summary = await run('enterprises', make());
    expect(summary.status).toBe('rejected');
    expect(summary.fileError).toContain(message);
    expect(await count('enterprises')).toBe(before);
  });

  it('rejects a workbook with a formula, naming the cell', async () => {
    const rows: (string | number | { formula: string })[][] = enterpriseRows(2, 500);
    rows.push([usccOf(502), { formula: 'CONCAT("a","b")' }, '', '', '', '2000', '']);
    const summary = await run('enterprises', await writeXlsx('formula.xlsx', rows));
    expect(summary).toMatchObject({ status: 'rejected' });
    expect(summary.fileError).toContain('cell B4 holds a formula');
    expect(await firm(usccOf(500))).toBeUndefined();
  });

  it('reads an xlsx template with its notes row, and a GB18030 CSV', async () => {
    const { writeTemplate } = await import('./imports.workbook.ts');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const templatePath = writeRaw('template.xlsx', await writeTemplate('enterprises'));
    await book.xlsx.readFile(templatePath);
    const sheet = book.worksheets[0];
    sheet?.addRow([usccOf(600), '模板企业', '泽国镇', '规上', '是', 2012, '']);
    const path = join(IMPORT_TMP, 'template-filled.xlsx');
    await book.xlsx.writeFile(path);
    expect(await run('enterprises', path)).toMatchObject({ status: 'applied', rowsTotal: 1, outcomes: { inserted: 1 } });
    const gb = join(IMPORT_TMP, 'gb.csv');
    writeFileSync(gb, Buffer.from(new Uint8Array([...encodeGb18030(`${headerOf('enterprises').join(',')}\r\n${usccOf(601)},国标企业,泽国镇,,,,\r\n`)])));
    expect(await run('enterprises', gb)).toMatchObject({ status: 'applied', outcomes: { inserted: 1 } });
    expect((await firm(usccOf(601)))?.name).toBe('国标企业');
  });

  it('imports metrics and memberships for known firms and rejects unknown ones', async () => {
    const metrics = [headerOf('metrics'), [usccOf(1), '', '2024', '1,200.5', '1300', '-5', '40', '12', '300', '1', '900', '35', '60']];
    const summary = await run('metrics', writeCsv('metrics.csv', metrics));
    expect(summary).toMatchObject({ status: 'applied', outcomes: { inserted: 1 } });
    const id = (await firm(usccOf(1)))?.id ?? '';
    const m = (await database.query<{ revenue_wan: string; employees: number }>('select * from enterprise_metrics where region_code = $1 and enterprise_id = $2', [REGION, id]))[0];
    expect(Number(m?.revenue_wan)).toBe(1200.5);
    expect(m?.employees).toBe(35);
    expect((await provenanceOf(database.db, REGION, id)).some((p) => p.field === 'metrics.2024.revenueWan' && p.value === '1200.5')).toBe(true);
    const bad = await run('metrics', writeCsv('metrics-bad.csv', [headerOf('metrics'), [usccOf(9999), '', '2024', 'abc', '', '', '', '', '', '', '', '', ''], ['', '', '2024']]));
    expect(bad.status).toBe('rejected');
    const errors = await database.query<{ errors: { reason: string }[] }>('select errors from import_rows where import_id = $1 order by row_number', [bad.importId]);
    expect(errors.flatMap((r) => r.errors.map((e) => e.reason))).toEqual(['not a number', 'no such firm in this region; import it under 企业名录 first', 'either 统一社会信用代码 or 企业ID is required']);
    const members = await run('memberships', writeCsv('members.csv', [headerOf('memberships'), ['', id, 'pump.pumps', '是'], [usccOf(2), '', 'no.such.node', '']]), 'partial');
    expect(members).toMatchObject({ status: 'partial', outcomes: { inserted: 1, invalid: 1 } });
  });

  it('matches a row without USCC through entity resolution, not only by the exact name', async () => {
    const first = await run('enterprises', writeCsv('no-uscc-1.csv', [headerOf('enterprises'), ['', '大浪泵业有限公司', '泽国镇', '规下', '', '', '']]));
    expect(first.outcomes).toEqual({ inserted: 1 });
    const before = await count('enterprises');
    const second = await run('enterprises', writeCsv('no-uscc-2.csv', [headerOf('enterprises'), ['', '温岭市大浪泵业有限公司', '泽国镇', '规上', '', '', '']]));
    expect(second.outcomes).toEqual({ updated: 1 });
    expect(await count('enterprises')).toBe(before);
  });

  it('decides rows of a later chunk against the firms an earlier chunk wrote, whose writes may still be running', async () => {
    await run('enterprises', writeCsv('chunks-before.csv', [headerOf('enterprises'), ['', '鹿城泵阀有限公司', '泽国镇', '规下', '', '', '']]));
    const rows = [headerOf('enterprises')];
    rows.push([usccOf(70_001), '鹿城泵阀有限公司', '', '', '', '', '']); // chunk 1: gives the registry firm its USCC
    rows.push(['', '甬江阀门制造有限公司', '泽国镇', '', '', '', '']); // chunk 1: a new firm without USCC
    rows.push(...enterpriseRows(5000, 60_000).slice(1)); // filler: the rows below fall in chunk 2
    rows.push([usccOf(70_002), '鹿城泵阀有限公司', '', '', '', '', '']); // that firm has a USCC now: no name match, a new firm
    rows.push([usccOf(70_003), '甬江阀门制造有限公司', '', '', '', '', '']); // the exact name of the firm chunk 1 wrote: held
    rows.push(['', '温岭市甬江阀门制造有限公司', '泽国镇', '', '', '', '']); // resolves to that firm by name: held, its pair kept
    const summary = await run('enterprises', writeCsv('chunks.csv', rows));
    expect(summary).toMatchObject({ status: 'applied', rowsTotal: 5005, outcomes: { updated: 1, inserted: 5002, review: 2 } });
    const outcomes = await database.query<{ row_number: number; outcome: string }>('select row_number, outcome from import_rows where import_id = $1 and row_number in (2, 3, 5004, 5005, 5006) order by row_number', [summary.importId]);
    expect(outcomes.map((r) => r.outcome)).toEqual(['updated', 'inserted', 'inserted', 'review', 'review']);
    expect(await firm(usccOf(70_002))).toMatchObject({ name: '鹿城泵阀有限公司' });
  }, 60_000);

  it('matches later chunks exactly against the registry it read for rows without USCC: by USCC, and by the name of a firm without one', async () => {
    await run('enterprises', writeCsv('snapshot-before.csv', [headerOf('enterprises'), [usccOf(130_001), '瓯江电机有限公司', '泽国镇', '规下', '', '', ''], ['', '椒江水泵有限公司', '泽国镇', '规下', '', '', '']]));
    const rows = [headerOf('enterprises')];
    rows.push(['', '灵江刃具有限公司', '泽国镇', '', '', '', '']); // chunk 1: a row without USCC, so the registry is read
    rows.push(...enterpriseRows(FIRST_CHUNK + CHUNK - 1, 120_000).slice(1)); // filler: the rows below fall in chunk 3
    rows.push([usccOf(130_001), '瓯江电机有限公司', '泽国镇', '规上', '', '', '']); // the registry firm with this USCC: updated
    rows.push([usccOf(130_002), '椒江水泵有限公司', '泽国镇', '', '', '', '']); // the exact name of a registry firm without USCC: updated
    const summary = await run('enterprises', writeCsv('snapshot.csv', rows));
    const total = FIRST_CHUNK + CHUNK + 2;
    expect(summary).toMatchObject({ status: 'applied', rowsTotal: total, outcomes: { inserted: total - 2, updated: 2 } });
    expect(await firm(usccOf(130_001))).toMatchObject({ name: '瓯江电机有限公司', scale: 'above', version: 2 });
    expect(await firm(usccOf(130_002))).toMatchObject({ name: '椒江水泵有限公司', version: 2 });
  }, 60_000);

  it('matches a row without USCC against a firm an earlier chunk inserted, when the registry is first read after that chunk', async () => {
    const rows = [headerOf('enterprises')];
    // over 1 MB: read in the worker, which runs ahead, so later chunks have their reads sent early (when their
    // rows arrive in time) and the registry is read behind the writes of the chunks before
    const before = FIRST_CHUNK + 3 * CHUNK; // rows in chunks 1–4
    rows.push(...enterpriseRows(before - 1, 81_000).slice(1)); // chunks 1–4, all with a USCC
    rows.push([usccOf(80_001), '温岭市钱江阀门有限公司', '泽国镇', '', '', '', '']); // chunk 4's last row: written after chunk 5 reads
    rows.push(['', '钱江阀门股份有限公司', '泽国镇', '', '', '', '']); // chunk 5: the first row without USCC
    const path = writeCsv('late-registry.csv', rows);
    expect(statSync(path).size).toBeGreaterThan(1024 * 1024);
    const summary = await run('enterprises', path);
    expect(summary).toMatchObject({ status: 'applied', rowsTotal: before + 1, outcomes: { inserted: before, review: 1 } });
    const [held] = await database.query<{ enterprise_id: string }>('select enterprise_id from import_rows where import_id = $1 and row_number = $2', [summary.importId, before + 2]);
    expect(held?.enterprise_id).toBe(usccOf(80_001));
  }, 120_000);

  it('streams a 30k-row CSV in chunks with bounded memory', async () => {
    const path = writeCsv('big.csv', enterpriseRows(30_000, 10_000));
    const advances: number[] = [];
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);
    const base = process.memoryUsage().heapUsed;
    const summary = await runImport(database, { regionCode: REGION, kind: 'enterprises', mode: 'apply', path, fileName: 'big.csv', byUser: 't', progress: { start() {}, advance: (n) => advances.push(n), stop() {} } });
    clearInterval(sampler);
    expect(summary).toMatchObject({ status: 'applied', rowsTotal: 30_000, outcomes: { inserted: 30_000 } });
    expect(advances.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...advances)).toBeLessThanOrEqual(5000);
    expect(peak - base).toBeLessThan(300 * 1024 * 1024);
  }, 120_000);
});

function writeRaw(name: string, content: string | Buffer): string {
  const path = join(IMPORT_TMP, name);
  writeFileSync(path, content);
  return path;
}

function writeBinary(name: string): string {
  return writeRaw(name, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
}

function writeHuge(name: string): string {
  const path = writeRaw(name, 'a,b\n');
  truncateSync(path, 51 * 1024 * 1024);
  return path;
}

/** GB18030 bytes of a string (Node's TextEncoder only writes UTF-8). */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const c = decoder.decode(new Uint8Array([hi, lo]));
      if (c.length === 1 && !table.has(c)) table.set(c, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const c of text) bytes.push(...(c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (table.get(c) ?? [0x3f])));
  return new Uint8Array(bytes);
}
