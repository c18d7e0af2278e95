import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUscc } from '../../core/uscc/uscc.ts';
import { openTestDatabase, type TestDatabase, testBackends } from '../../../tests/helpers/db.ts';
import { enterpriseRows, headerOf, usccOf, writeCsv } from '../../../tests/fixtures/imports/files.ts';
import { seedTaxonomy } from '../chains/chains.seed.ts';
import { WENLING_TAXONOMY } from '../chains/taxonomy/wenling.ts';
import { type RunImport, runImport } from './imports.service.ts';

const REGION = '331081';
/** A seller registered in Ningbo's 北仑区 (330206): not in Wenling's registry. */
const EXTERNAL = composeUscc('91', '330206', 'MA0000001');

describe.each(testBackends())('trade-flow import (%s)', (backend) => {
  let database: TestDatabase;
  const run = (kind: RunImport['kind'], path: string, mode: RunImport['mode'] = 'apply') =>
    runImport(database, { regionCode: REGION, kind, mode, path, fileName: path.split('/').pop() ?? path, byUser: 'tester' });
  const flows = () =>
    database.query<{ period: string; seller_uscc: string; seller_enterprise_id: string | null; seller_region_code: string; buyer_enterprise_id: string; node_id: string; amount_wan: string }>(
      `select to_char(period, 'YYYY-MM') as period, seller_uscc, seller_enterprise_id, seller_region_code, buyer_enterprise_id, node_id, amount_wan::text from trade_flows where region_code = $1 order by period, seller_uscc, node_id, amount_wan`,
      [REGION],
    );
  let buyerId = '';
  let sellerId = '';

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedTaxonomy(database.db, WENLING_TAXONOMY);
    await run('enterprises', writeCsv('flow-firms.csv', enterpriseRows(3)));
    const ids = await database.query<{ id: string; uscc: string }>('select id, uscc from enterprises where region_code = $1', [REGION]);
    buyerId = ids.find((r) => r.uscc === usccOf(1))?.id ?? '';
    sellerId = ids.find((r) => r.uscc === usccOf(2))?.id ?? '';
  });
  afterAll(() => database.dispose());

  it('lists every bad cell (unknown buyer, bad month, bad code, unmapped tax code, missing node) and changes nothing', async () => {
    const summary = await run(
      'flows',
      writeCsv('flows-bad.csv', [
        headerOf('flows'),
        ['2025-03', usccOf(2), usccOf(1), 'pump.castings-iron', '', '120.5'],
        ['2025-13', usccOf(2), usccOf(1), 'pump.castings-iron', '', '1'],
        ['2025-04', '91331081MA0000001X', usccOf(1), 'pump.castings-iron', '', '1'],
        ['2025-04', usccOf(2), usccOf(77), 'pump.castings-iron', '', '1'],
        ['2025-04', usccOf(2), usccOf(1), '', '1090211', '1'],
        ['2025-04', usccOf(2), usccOf(1), '', '', 'abc'],
        ['2099-01', usccOf(2), usccOf(1), 'pump.castings-iron', '', '1'],
      ]),
    );
    expect(summary).toMatchObject({ status: 'rejected', rowsTotal: 7, rowsValid: 1, rowsInvalid: 6 });
    const errors = await database.query<{ row_number: number; errors: { column: string; reason: string }[] }>(
      `select row_number, errors from import_rows where import_id = $1 and outcome = 'invalid' order by row_number`,
      [summary.importId],
    );
    const cells = errors.flatMap((r) => r.errors.map((e) => `${r.row_number}:${e.column}`));
    expect(cells).toEqual(['3:期间', '4:销方统一社会信用代码', '5:购方统一社会信用代码', '6:税收分类编码', '7:产业链节点ID', '7:金额(万元,不含税)', '8:期间']);
    expect(errors.find((r) => r.row_number === 5)?.errors[0]?.reason).toMatch(/buyer is not a firm of this region/);
    expect(await flows()).toEqual([]);
  });

  it('imports flows: registry and external sellers, a credit note, a tax-item code mapped to a node; the same file again changes nothing', async () => {
    const mapping = await run('taxcodes', writeCsv('taxcodes.csv', [headerOf('taxcodes'), ['109021', 'pump.castings-iron'], ['10902119', 'pump.mech-seals']]));
    expect(mapping).toMatchObject({ status: 'applied', outcomes: { inserted: 2 } });
    const path = writeCsv('flows-good.csv', [
      headerOf('flows'),
      ['2025-03', usccOf(2), usccOf(1), 'pump.castings-iron', '', '120.5'],
      ['2025/03', EXTERNAL, usccOf(1), '', '1090211900', '80'],
      ['202503', EXTERNAL, usccOf(1), '', '109021100', '-12.25'],
      ['2025-04-01', usccOf(2), usccOf(1), 'pump.castings-iron', '', '30'],
    ]);
    expect(await run('flows', path)).toMatchObject({ status: 'applied', rowsValid: 4, outcomes: { inserted: 4 } });
    expect(await flows()).toEqual([
      { period: '2025-03', seller_uscc: EXTERNAL, seller_enterprise_id: null, seller_region_code: '330206', buyer_enterprise_id: buyerId, node_id: 'pump.castings-iron', amount_wan: '-12.2500' },
      { period: '2025-03', seller_uscc: EXTERNAL, seller_enterprise_id: null, seller_region_code: '330206', buyer_enterprise_id: buyerId, node_id: 'pump.mech-seals', amount_wan: '80.0000' },
      { period: '2025-03', seller_uscc: usccOf(2), seller_enterprise_id: sellerId, seller_region_code: '331081', buyer_enterprise_id: buyerId, node_id: 'pump.castings-iron', amount_wan: '120.5000' },
      { period: '2025-04', seller_uscc: usccOf(2), seller_enterprise_id: sellerId, seller_region_code: '331081', buyer_enterprise_id: buyerId, node_id: 'pump.castings-iron', amount_wan: '30.0000' },
    ]);
    expect(await run('flows', path)).toMatchObject({ status: 'unchanged' });
    expect(await flows()).toHaveLength(4);
  });

  it('replaces a corrected month instead of adding to it, and flags a repeated key in one file', async () => {
    const corrected = await run(
      'flows',
      writeCsv('flows-corrected.csv', [headerOf('flows'), ['2025-04', usccOf(2), usccOf(1), 'pump.castings-iron', '', '35'], ['2025-03', usccOf(2), usccOf(1), 'pump.castings-iron', '', '120.5']]),
    );
    expect(corrected).toMatchObject({ status: 'applied', outcomes: { updated: 1, unchanged: 1 } });
    const april = (await flows()).filter((f) => f.period === '2025-04');
    expect(april.map((f) => f.amount_wan)).toEqual(['35.0000']);
    const repeated = await run('flows', writeCsv('flows-repeated.csv', [headerOf('flows'), ['2025-05', usccOf(2), usccOf(1), 'pump.castings-iron', '', '1'], ['2025-05', usccOf(2), usccOf(1), 'pump.castings-iron', '', '2']]), 'partial');
    expect(repeated).toMatchObject({ status: 'partial', rowsValid: 1, rowsInvalid: 1, outcomes: { inserted: 1, invalid: 1 } });
  });
});
