import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.ts';
import { cliEnv } from './helpers/cli.ts';

function cli(args: string[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-uscc-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: cliEnv({ DATA_DIR: dataDir }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cluster-brain uscc', () => {
  it('prints one JSON result per code and exits 0 when all are valid', () => {
    const r = cli(['uscc', '91350100M000100Y43', '９１３４０１００ma8neh400q', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { code: '91350100M000100Y43', valid: true, reason: null },
      { code: '91340100MA8NEH400Q', valid: true, reason: null },
    ]);
  });

  it('names the fault of each invalid code and exits 1', () => {
    const r = cli(['uscc', '91350100M000100Y4', '91350100M000100I43', '91350100M000100Y44', '91440106074639077N', '--json']);
    expect(r.code).toBe(1);
    const results: unknown = JSON.parse(r.stdout);
    expect(results).toEqual([
      { code: '91350100M000100Y4', valid: false, reason: expect.stringContaining('length 17') },
      { code: '91350100M000100I43', valid: false, reason: expect.stringMatching(/character "I" at position 16/) },
      { code: '91350100M000100Y44', valid: false, reason: 'wrong check character "4", expected "3"' },
      { code: '91440106074639077N', valid: true, reason: null },
    ]);
  });

  it('reads one code per line from --file, skipping blank lines, and prints one line per code without --json', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cb-uscc-file-')), 'codes.txt');
    writeFileSync(file, '91350100M000100Y43\n\n  \r\n91350100M000100Y44\n');
    const r = cli(['uscc', '--file', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('91350100M000100Y43');
    expect(lines[0]).toContain('valid');
    expect(lines[1]).toContain('expected "3"');
  });

  it('exits 2 when no codes are given', () => {
    const r = cli(['uscc', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no codes');
  });
});
