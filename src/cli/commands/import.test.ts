import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enterpriseRows, writeCsv } from '../../../tests/fixtures/imports/files.ts';
import { ROOT } from '../../../tests/helpers/paths.ts';
import { cliEnv } from '../../../tests/helpers/cli.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'cb-import-'));

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'import', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: cliEnv({ DATA_DIR: dataDir, PGLITE_FSYNC: 'off' }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cluster-brain import', () => {
  it('exits 1 and lists every bad cell when a row is bad, changing nothing; 0 when applied; unchanged the second time', () => {
    const bad = enterpriseRows(3);
    bad.push(['91350100M000100Y44', '', '', '', '', '', '']);
    const rejected = cli(['enterprises', writeCsv('cli-bad.csv', bad), '--json']);
    expect(rejected.code).toBe(1);
    const report = JSON.parse(rejected.stdout);
    expect(report).toMatchObject({ status: 'rejected', rowsValid: 3, rowsInvalid: 1 });
    expect(report.errors.map((e: { row: number; column: string }) => `${e.row} ${e.column}`)).toEqual(['5 统一社会信用代码', '5 企业名称']);

    const dry = cli(['enterprises', writeCsv('cli-ok.csv', enterpriseRows(3)), '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ status: 'dry_run', outcomes: { valid: 3 } });

    const applied = cli(['enterprises', join(ROOT, '.tmp/test/imports/cli-ok.csv')]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('applied');
    expect(applied.stdout).toContain('inserted 3');
    const again = cli(['enterprises', join(ROOT, '.tmp/test/imports/cli-ok.csv'), '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'unchanged' });

    const partial = cli(['enterprises', join(ROOT, '.tmp/test/imports/cli-bad.csv'), '--partial', '--json']);
    expect(partial.code).toBe(0);
    expect(JSON.parse(partial.stdout)).toMatchObject({ status: 'partial', outcomes: { unchanged: 3, invalid: 1 } });
  }, 120_000);

  it('exits 2 on bad usage', () => {
    expect(cli(['firms', 'x.csv']).code).toBe(2);
    expect(cli(['enterprises', '/no/such/file.csv']).code).toBe(2);
    const both = cli(['metrics', join(ROOT, 'package.json'), '--dry-run', '--partial', '--json']);
    expect(both.code).toBe(2);
    expect(JSON.parse(both.stderr).error.message).toContain('exclude each other');
  });
});
