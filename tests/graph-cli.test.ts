import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modularity } from '../src/core/graph/modularity.ts';
import { ROOT } from './helpers/paths.ts';
import { REFERENCE_DIR, readReferenceCsv, readReferenceEdges, referenceColumn } from './helpers/reference.ts';
import { cliEnv } from './helpers/cli.ts';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: cliEnv({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cb-graph-')) }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempFile(name: string, content?: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cb-graph-file-')), name);
  if (content !== undefined) writeFileSync(path, content);
  return path;
}

/** Rows of an output CSV without quoted cells, header checked. */
function readOutput(path: string, header: string): string[][] {
  const [head, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  expect(head).toBe(header);
  return rows.map((row) => row.split(','));
}

const EDGES = join(REFERENCE_DIR, 'graph2k_edges.csv');

describe('cluster-brain graph pagerank', () => {
  it('writes node,pagerank for every node of the 2k graph within 1e-9 of the exact reference', () => {
    const out = tempFile('pr.csv');
    const r = cli(['graph', 'pagerank', '--edges', EDGES, '--out', out]);
    expect(r.code).toBe(0);
    const rows = readOutput(out, 'node,pagerank');
    const table = readReferenceCsv('graph2k_pagerank.csv');
    const exact = new Map(referenceColumn(table, 'node').map((node, i) => [node, Number(referenceColumn(table, 'pr_w_exact')[i])]));
    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((row) => row[0])).size).toBe(2000);
    for (const [node = '', value = ''] of rows) expect(Math.abs(Number(value) - (exact.get(node) ?? Number.NaN))).toBeLessThan(1e-9);
  });

  it('honours --damping and writes ids that need quoting as quoted cells', () => {
    const input = tempFile('in.csv', 'source,target,weight\n"温岭,泵业",b,5\n');
    const out = tempFile('pr.csv');
    expect(cli(['graph', 'pagerank', '--edges', input, '--damping', '0.5', '--out', out]).code).toBe(0);
    // a→b alone: x_a = 1/(2+d), x_b = (1+d)/(2+d)
    const [head, first, second] = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(head).toBe('node,pagerank');
    expect(first?.startsWith('"温岭,泵业",')).toBe(true);
    expect(Number(first?.split(',').at(-1))).toBeCloseTo(1 / 2.5, 14);
    expect(Number(second?.replace('b,', ''))).toBeCloseTo(1.5 / 2.5, 14);
  });
});

describe('cluster-brain graph communities', () => {
  it('writes node,community and prints {"modularity","communities"} that match the written partition', () => {
    const out = tempFile('c.csv');
    const r = cli(['graph', 'communities', '--edges', EDGES, '--seed', '4', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const printed: unknown = JSON.parse(r.stdout);
    expect(Object.keys(printed as object)).toEqual(['modularity', 'communities']);
    const { modularity: q, communities } = printed as { modularity: number; communities: number };
    const rows = readOutput(out, 'node,community');
    expect(rows).toHaveLength(2000);
    const { ids, edges } = readReferenceEdges('graph2k_edges.csv');
    const byNode = new Map(rows.map(([node = '', c = '']) => [node, Number(c)]));
    const partition = Int32Array.from(ids, (id) => byNode.get(id) ?? Number.NaN);
    expect(new Set(partition).size).toBe(communities);
    expect(q).toBeCloseTo(modularity(edges, partition), 12);
    expect(q).toBeGreaterThan(0.745);
  });

  it('gives the same partition for the same seed and prints the modularity in text mode', () => {
    const a = tempFile('a.csv');
    const b = tempFile('b.csv');
    const ra = cli(['graph', 'communities', '--edges', EDGES, '--seed', '9', '--resolution', '1', '--out', a]);
    expect(ra.code).toBe(0);
    expect(ra.stdout).toMatch(/^modularity 0\.7\d+ with \d+ communities of 2000 nodes/);
    expect(cli(['graph', 'communities', '--edges', EDGES, '--seed', '9', '--out', b]).code).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });

  it('finds more, smaller communities at a higher --resolution', () => {
    const count = (resolution: string) => {
      const r = cli(['graph', 'communities', '--edges', EDGES, '--resolution', resolution, '--out', tempFile('c.csv'), '--json']);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { communities: number }).communities;
    };
    expect(count('4')).toBeGreaterThan(count('1'));
  });
});

describe('cluster-brain graph: bad input exits 2 naming the row and field', () => {
  it.each([
    ['pagerank', 'from,to,weight\na,b,1\n', 'row 1, header: expected source,target,weight'],
    ['pagerank', 'source,target,weight\na,b,1\na,c,ten\n', 'row 3, weight: not a number: "ten"'],
    ['communities', 'source,target,weight\na,b,-1\n', 'row 2, weight: negative: -1'],
    ['communities', 'source,target,weight\na,b\n', 'row 2, row: 2 columns, expected 3'],
  ])('%s (%#)', (command, content, message) => {
    const r = cli(['graph', command, '--edges', tempFile('bad.csv', content), '--out', tempFile('o.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it.each([
    [['graph', 'pagerank', '--edges', EDGES]],
    [['graph', 'pagerank', '--edges', '/nonexistent.csv', '--out', '/tmp/x.csv']],
    [['graph', 'pagerank', '--edges', EDGES, '--out', '/tmp/x.csv', '--damping', '1.2']],
    [['graph', 'communities', '--edges', EDGES, '--out', '/tmp/x.csv', '--seed', '-1']],
    [['graph', 'communities', '--edges', EDGES, '--out', '/tmp/x.csv', '--resolution', 'big']],
  ])('usage error %#', (args) => {
    expect(cli(args).code).toBe(2);
  });
});
