import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enterpriseRows, headerOf, usccOf, writeCsv, writeXlsx } from '../../../tests/fixtures/imports/files.ts';
import { type CheckedEvent, type CheckRowsOptions, checkRows, rawCellsOf } from './checkRows.ts';
import { checkRowsInWorker, IN_FLIGHT, prestartRowChecker } from './checkRows.inWorker.ts';
import { FileRejected } from './imports.file.ts';

const ctx = { towns: new Map([['331081100', '泽国镇'], ['331081001', '太平街道']]), nodeIds: new Set<string>(), currentYear: 2026 };
const options = (path: string, format: CheckRowsOptions['format'] = 'csv-utf8', chunkSize = 4): CheckRowsOptions => ({ path, format, kind: 'enterprises', ctx, chunkSize });

async function collect(events: AsyncGenerator<CheckedEvent>): Promise<CheckedEvent[]> {
  const out: CheckedEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

async function failureOf(events: AsyncGenerator<CheckedEvent>): Promise<unknown> {
  try {
    await collect(events);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('checkRows', () => {
  it('checks rows in chunks, skipping blank and notes rows, and gives firm rows their pinyin keys', async () => {
    const rows = enterpriseRows(10);
    rows.splice(3, 0, ['', '', '', '', '', '', '']);
    const bad = rows[6];
    if (bad) bad[0] = '91331081MA2XXXXXX0';
    const events = await collect(checkRows(options(writeCsv('checked.csv', rows))));
    expect(events.map((e) => (e.type === 'rows' ? e.rows.length : e.type))).toEqual([4, 4, 2]);
    const all = events.flatMap((e) => (e.type === 'rows' ? e.rows : []));
    expect(all.filter((r) => r.errors.length > 0).map((r) => r.errors[0]?.column)).toEqual(['统一社会信用代码']);
    expect(all[0]).toMatchObject({ row: 2, value: { kind: 'enterprises', uscc: usccOf(1) }, nameKeys: { nameInitials: 'csqy1yxgs' } });
    expect(all[0] && rawCellsOf(all[0])).toMatchObject({ 企业名称: '测试企业1有限公司', 统一社会信用代码: usccOf(1) });
    // what an insert of the firm records as its fields (provenance), made here for the writer
    expect(JSON.parse(all[0]?.insertFieldsJson ?? 'null')).toEqual({ uscc: usccOf(1), name: '测试企业1有限公司', townCode: '331081001', scale: 'below', isListed: 'false', foundedYear: '1991', address: '温岭市测试路1号' });
  });

  it('ends with a bad-header event when the first row does not match the template', async () => {
    const events = await collect(checkRows(options(writeCsv('bad-header.csv', [['名称', '地址'], ['x', 'y']]))));
    expect(events).toEqual([{ type: 'bad-header', row: 1, cells: ['名称', '地址'], errors: expect.arrayContaining([expect.objectContaining({ column: '统一社会信用代码' })]) }]);
  });

  it('gives no event for a file without a header, and one empty chunk for a header without rows', async () => {
    expect(await collect(checkRows(options(writeCsv('blank.csv', [['', '']]))))).toEqual([]);
    expect(await collect(checkRows(options(writeCsv('header-only.csv', [headerOf('enterprises')]))))).toEqual([{ type: 'rows', rows: [] }]);
  });
});

describe('checkRowsInWorker', () => {
  it('gives the same events as checkRows, in the same order', async () => {
    const rows = enterpriseRows(37);
    const bad = rows[9];
    if (bad) bad[4] = '也许';
    const path = writeCsv('worker-same.csv', rows);
    const direct = await collect(checkRows(options(path)));
    expect(direct.length).toBeGreaterThan(IN_FLIGHT + 2);
    expect(await collect(checkRowsInWorker(options(path)))).toEqual(direct);
  });

  it('puts the chunks together from the parts the worker posts: larger chunks, and a last empty chunk after a full one', async () => {
    const path = writeCsv('worker-parts.csv', enterpriseRows(2000));
    const sized = { ...options(path, 'csv-utf8', 900), firstChunkSize: 500 };
    const direct = await collect(checkRows(sized));
    expect(direct.map((e) => (e.type === 'rows' ? e.rows.length : e.type))).toEqual([500, 900, 600]);
    expect(await collect(checkRowsInWorker(sized))).toEqual(direct);
    const full = { ...options(path, 'csv-utf8', 500), firstChunkSize: 500 };
    const directFull = await collect(checkRows(full));
    expect(directFull.map((e) => (e.type === 'rows' ? e.rows.length : e.type))).toEqual([500, 500, 500, 500, 0]);
    expect(await collect(checkRowsInWorker(full))).toEqual(directFull);
  });

  it('carries a file fault across as a FileRejected with its message', async () => {
    const path = await writeXlsx('worker-formula.xlsx', [headerOf('enterprises'), [usccOf(1), { formula: '1+1' }, '', '', '', '', '']]);
    const direct = await failureOf(checkRows(options(path, 'xlsx')));
    const viaWorker = await failureOf(checkRowsInWorker(options(path, 'xlsx')));
    expect(direct).toBeInstanceOf(FileRejected);
    expect(viaWorker).toBeInstanceOf(FileRejected);
    expect((viaWorker as Error).message).toBe((direct as Error).message);
  });

  it('reads an xlsx file in the same events as checkRows, in a thread started ahead or not', async () => {
    const rows = enterpriseRows(37);
    const bad = rows[9];
    if (bad) bad[4] = '也许';
    const path = await writeXlsx('worker-same.xlsx', rows);
    const sized = { ...options(path, 'xlsx', 10), firstChunkSize: 3 };
    const direct = await collect(checkRows(sized));
    expect(direct.map((e) => (e.type === 'rows' ? e.rows.length : e.type))).toEqual([3, 10, 10, 10, 4]);
    expect(await collect(checkRowsInWorker(sized))).toEqual(direct);
    prestartRowChecker();
    expect(await collect(checkRowsInWorker(sized))).toEqual(direct); // the thread started ahead
    expect(await collect(checkRowsInWorker(sized))).toEqual(direct); // the one started after that import
  });

  it('does not keep a process alive with the thread it starts ahead', () => {
    const script = `import { prestartRowChecker } from ${JSON.stringify(new URL('./checkRows.inWorker.ts', import.meta.url).href)}; prestartRowChecker(); console.log('started');`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(out.trim()).toBe('started');
  });

  it('reports a damaged shared string table as checkRows does', async () => {
    const path = await writeXlsx('worker-damaged-sst.xlsx', enterpriseRows(30));
    const bytes = readFileSync(path);
    const name = bytes.indexOf('xl/sharedStrings.xml');
    const header = name - 30; // the local file header before the name
    const dataStart = name + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
    bytes.fill(0xff, dataStart, dataStart + 16);
    writeFileSync(path, bytes);
    const direct = await failureOf(checkRows(options(path, 'xlsx')));
    const viaWorker = await failureOf(checkRowsInWorker(options(path, 'xlsx')));
    expect(direct).toBeInstanceOf(FileRejected);
    expect((direct as Error).message).toMatch(/^not a readable \.xlsx workbook: a damaged zip entry/);
    expect(viaWorker).toBeInstanceOf(FileRejected);
    expect((viaWorker as Error).message).toBe((direct as Error).message);
  });

  it('stops the worker when the reader stops early', async () => {
    const reader = checkRowsInWorker(options(writeCsv('worker-early.csv', enterpriseRows(40))));
    const first = await reader.next();
    expect(first.value).toMatchObject({ type: 'rows' });
    expect(await reader.return(undefined)).toEqual({ done: true, value: undefined });
  });
});
