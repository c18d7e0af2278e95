import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.ts';
import { cliEnv } from './helpers/cli.ts';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'supply-circle', ...args], {
    cwd: ROOT,
    env: cliEnv({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cb-circle-')), PGLITE_FSYNC: 'off' }),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each case starts a process (a few seconds each): a few cases here, the rules themselves are tested in the model tests.
describe('cluster-brain supply-circle', () => {
  it.each([
    [['--region', '331081', '--site', '121.37,28.37'], '--chain is required'],
    [['--region', '331081', '--chain', 'pump', '--site', '121.37,28.37', '--firm', 'f1'], 'exactly one of --site'],
    [['--region', '331081', '--chain', 'pump', '--site', 'wenling'], '--site: must be LON,LAT'],
  ])('refuses bad usage %j with exit 2 and the reason', (args, reason) => {
    const r = cli([...args, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.message).toContain(reason);
  });

  it('fails with exit 1 naming the chain when the region has no such chain', () => {
    const r = cli(['--region', '331081', '--chain', 'no-such-chain', '--site', '121.37,28.37', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'NOT_FOUND', field: 'chain' });
  });
});
