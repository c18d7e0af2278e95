import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testBackends } from '../../../tests/helpers/db.ts';
import { headerOf, writeCsv } from '../../../tests/fixtures/imports/files.ts';
import { enterprises } from '../enterprises/enterprises.schema.ts';
import { decideReviewPair } from '../resolution/review.service.ts';
import { type RunImport, runImport } from './imports.service.ts';

const REGION = '331081';

describe.each(testBackends())('import rows held for review (%s)', (backend) => {
  let database: TestDatabase;
  const run = (path: string, mode: RunImport['mode'] = 'apply') => runImport(database, { regionCode: REGION, kind: 'enterprises', mode, path, fileName: path.split('/').pop() ?? path, byUser: 'tester' });
  const rowOf = async (importId: string, rowNumber: number) =>
    (await database.query<{ outcome: string; enterprise_id: string | null; fields: Record<string, string> | null }>('select outcome, enterprise_id, fields from import_rows where import_id = $1 and row_number = $2', [importId, rowNumber]))[0];
  const pairFor = async (importId: string, rowNumber: number) =>
    (await database.query<{ id: string; version: number }>('select id, version from match_pairs where source_key = $1', [`import:${importId}:${rowNumber}`]))[0];

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await database.db.insert(enterprises).values([
      { regionCode: REGION, id: 'e2', name: '温岭市东海机电有限公司', nameSortKey: 'wen ling shi dong hai ji dian you xian gong si' },
      { regionCode: REGION, id: 'e3', name: '温岭市东方鞋业有限公司', nameSortKey: 'wen ling shi dong fang xie ye you xian gong si' },
    ]);
  });
  afterAll(() => database.dispose());

  it('applies a held row to the confirmed firm, and as a new firm when the pair is rejected', async () => {
    const header = headerOf('enterprises');
    const summary = await run(
      writeCsv('held.csv', [
        header,
        ['', '温岭市东梅机电有限公司', '泽国镇', '规上', '', '2001', ''],
        ['', '温岭市东芳鞋业有限公司', '', '', '是', '', ''],
      ]),
    );
    expect(summary.outcomes).toEqual({ review: 2 });
    const confirmPair = await pairFor(summary.importId, 2);
    const rejectPair = await pairFor(summary.importId, 3);
    if (!confirmPair || !rejectPair) throw new Error('expected two queued pairs');

    await decideReviewPair(database.db, REGION, confirmPair.id, { decision: 'confirm', version: confirmPair.version }, 'reviewer');
    const e2 = (await database.query<{ scale: string; founded_year: number; version: number }>("select scale, founded_year, version from enterprises where id = 'e2'"))[0];
    expect(e2).toEqual({ scale: 'above', founded_year: 2001, version: 2 });
    expect(await rowOf(summary.importId, 2)).toMatchObject({ outcome: 'updated', enterprise_id: 'e2', fields: expect.objectContaining({ scale: 'above', foundedYear: '2001' }) });

    await decideReviewPair(database.db, REGION, rejectPair.id, { decision: 'reject', version: rejectPair.version }, 'reviewer');
    const created = await rowOf(summary.importId, 3);
    expect(created).toMatchObject({ outcome: 'inserted', fields: expect.objectContaining({ name: '温岭市东芳鞋业有限公司', isListed: 'true' }) });
    const fresh = (await database.query<{ name: string; is_listed: boolean }>('select name, is_listed from enterprises where id = $1', [created?.enterprise_id]))[0];
    expect(fresh).toEqual({ name: '温岭市东芳鞋业有限公司', is_listed: true });
    expect((await database.query<{ name: string }>("select name from enterprises where id = 'e3'"))[0]?.name).toBe('温岭市东方鞋业有限公司');
  });
});
