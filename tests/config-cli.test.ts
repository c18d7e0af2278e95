import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { acquireDirLock } from '../src/db/dirLock.ts';
import { ROOT } from './helpers/paths.ts';
import { cliEnv } from './helpers/cli.ts';

function cli(args: string[], env: Record<string, string> = {}) {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'cb-cli-'));
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: cliEnv({ DATA_DIR: dataDir, ...env }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, dataDir };
}

describe('configuration', () => {
  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between 0 and 65535/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a postgres/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['SESSION_SECRET', 'short', /SESSION_SECRET must be at least 32/],
    ['PGLITE_FSYNC', 'maybe', /PGLITE_FSYNC must be on or off/],
  ])('names %s when it is malformed (%s)', (variable, value, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-config-'));
    expect(() => loadConfig({ DATA_DIR: dir, [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir, [variable]: value })).toThrow(message);
  });

  it('generates the session secret once and keeps it in DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-config-'));
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.sessionSecret).toHaveLength(43);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe('cli', () => {
  it('exits 2 and names the variable on a malformed configuration', () => {
    const r = cli(['db', 'status'], { PORT: 'abc' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT');
  });

  it('exits 2 on bad usage and 0 on --help', () => {
    expect(cli(['db', 'frobnicate']).code).toBe(2);
    expect(cli(['user', 'add', '--username', 'x']).code).toBe(2);
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('serve');
  });

  it('adds and lists users, refusing a bad role with exit 2 and a weak password naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-cli-'));
    const add = cli(['user', 'add', '--username', 'wang', '--password', 'Good-Password-9', '--role', 'chief', '--regions', '331081,3310', '--sensitive', '--json'], { DATA_DIR: dir, PGLITE_FSYNC: 'off' });
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ username: 'wang', role: 'chief', scopes: ['3310', '331081'], canSeeSensitive: true });
    const badRole = cli(['user', 'add', '--username', 'lisi', '--password', 'Good-Password-9', '--role', 'king', '--regions', '331081', '--json'], { DATA_DIR: dir, PGLITE_FSYNC: 'off' });
    expect(badRole.code).toBe(2);
    expect(JSON.parse(badRole.stderr).error).toMatchObject({ code: 'VALIDATION', field: 'role' });
    const weak = cli(['user', 'passwd', '--username', 'wang', '--password', 'short'], { DATA_DIR: dir, PGLITE_FSYNC: 'off' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('password');
    const list = cli(['user', 'list', '--json'], { DATA_DIR: dir, PGLITE_FSYNC: 'off' });
    expect(JSON.parse(list.stdout).map((u: { username: string }) => u.username)).toEqual(['wang']);
  });
});

describe('PGlite data folder lock', () => {
  it('refuses a second process with a clear message and takes over a stale lock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-lock-'));
    const lock = acquireDirLock(dir);
    const second = cli(['db', 'status'], { DATA_DIR: dir });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/in use by process \d+/);
    lock.release();
    expect(cli(['db', 'status', '--json'], { DATA_DIR: dir, PGLITE_FSYNC: 'off' }).code).toBe(0);
  });
});
