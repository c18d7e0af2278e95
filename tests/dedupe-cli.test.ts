import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '../src/modules/resolution/dedupeCsv.ts';
import { ROOT } from './helpers/paths.ts';
import { cliEnv } from './helpers/cli.ts';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: cliEnv({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cb-dedupe-')) }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempFile(name: string, content?: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cb-dedupe-file-')), name);
  if (content !== undefined) writeFileSync(path, content);
  return path;
}

const FIXTURE = join(ROOT, 'tests/fixtures/dedupe');

describe('cluster-brain dedupe', () => {
  it('meets precision and recall on the labelled test set (auto: P 1.00, R ≥ 0.74; auto+review: P ≥ 0.85, R ≥ 0.95)', () => {
    const out = tempFile('pairs.csv');
    const r = cli(['dedupe', join(FIXTURE, 'records.csv'), '--out', out, '--json']);
    expect(r.code).toBe(0);
    const rows = parseCsvRows(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['id_a', 'id_b', 'score', 'decision']);
    const pairs = rows.slice(1);
    const truth = new Set(parseCsvRows(readFileSync(join(FIXTURE, 'truth.csv'), 'utf8')).slice(1).map((p) => p.join(',')));
    expect(truth.size).toBeGreaterThan(200);
    const measure = (decisions: string[]) => {
      const chosen = pairs.filter((p) => decisions.includes(p[3] ?? ''));
      const hits = chosen.filter((p) => truth.has(`${p[0]},${p[1]}`)).length;
      return { precision: hits / chosen.length, recall: hits / truth.size };
    };
    const auto = measure(['auto']);
    const both = measure(['auto', 'review']);
    expect(auto.precision).toBe(1);
    expect(auto.recall).toBeGreaterThanOrEqual(0.74);
    expect(both.precision).toBeGreaterThanOrEqual(0.85);
    expect(both.recall).toBeGreaterThanOrEqual(0.95);
    const summary: unknown = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ records: 397, pairs: pairs.length });
  });

  it('writes sorted pairs with id_a < id_b, scores to three decimals and only auto/review decisions', () => {
    const input = tempFile(
      'in.csv',
      'id,name,address,uscc\n' +
        'b2,温岭市大浪泵业有限公司,"温岭市泽国镇文昌路88号",91350100M000100Y43\n' +
        'a1,"大浪泵业股份有限公司",泽国镇文昌路88号,\n' +
        'c3,温岭市东海机电有限公司,,91350100M000100Y43\n' +
        'd4,温岭市大朗泵业有限公司,,\n' +
        'e5,温岭市海天鞋业有限公司,,\n',
    );
    const out = tempFile('pairs.csv');
    expect(cli(['dedupe', input, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('id_a,id_b,score,decision\na1,b2,1.000,auto\na1,d4,0.600,review\nb2,c3,1.000,auto\nb2,d4,0.600,review\n');
  });

  it.each([
    ['id,name\nx,y\n', 'row 1, header'],
    ['id,name,address,uscc\n1,温岭市大浪泵业有限公司,,\n2,,,\n', 'row 3, name: empty'],
    ['id,name,address,uscc\n1,A厂,,91350100M000100Y44\n', 'row 2, uscc: wrong check character "4", expected "3"'],
    ['id,name,address,uscc\n1,A厂,,\n1,B厂,,\n', 'row 3, id: duplicate id "1"'],
    ['id,name,address,uscc\n1,A厂,\n', 'row 2, row: 3 columns, expected 4'],
  ])('exits 2 and names the row and reason of a bad input (%#)', (content, message) => {
    const r = cli(['dedupe', tempFile('bad.csv', content), '--out', tempFile('o.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('exits 2 without --out or with a missing file', () => {
    expect(cli(['dedupe', join(FIXTURE, 'records.csv')]).code).toBe(2);
    expect(cli(['dedupe', '/nonexistent.csv', '--out', tempFile('o.csv')]).code).toBe(2);
  });
});
