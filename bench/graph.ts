// Graph suite: our PageRank and Louvain (src/core/graph) next to graphology, igraph and NetworkX on the same
// generated supply network (200k nodes, 2M edges by default), all timed in this one invocation.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { readEdgeCsvFile } from '../src/cli/commands/graph.ts';
import { buildUndirectedCsr } from '../src/core/graph/csr.ts';
import type { EdgeList } from '../src/core/graph/edgeList.ts';
import { louvain } from '../src/core/graph/louvain.ts';
import { pagerank } from '../src/core/graph/pagerank.ts';
import { Rng } from '../src/core/random/seeded.ts';
import type { BenchRow } from './run.ts';
import type { Benchmark } from './suites.ts';

// Both peers are CommonJS whose typings declare an ES default export: load them as what they are.
const require = createRequire(import.meta.url);
const louvainGraphology: typeof import('graphology-communities-louvain').default = require('graphology-communities-louvain');
const pagerankGraphology: typeof import('graphology-metrics/centrality/pagerank.js').default = require('graphology-metrics/centrality/pagerank.js');

const ROOT = new URL('..', import.meta.url).pathname;
const PYTHON = '/usr/bin/python3';
const GENERATOR = join(ROOT, '..', 'shared', 'tools', 'gen_graph.py');
const PY_PACKAGES = ['python3-igraph', 'python3-networkx', 'python3-numpy', 'python3-pandas', 'python3-scipy'];
/** `BENCH_GRAPH_SIZE=20000x200000` for a quick run; the figures are for 200000x2000000. */
const SIZE = process.env.BENCH_GRAPH_SIZE ?? '200000x2000000';
const RUNS = Number(process.env.BENCH_GRAPH_RUNS ?? 3);
/** NetworkX's Louvain takes ~200 s on the 2M-edge graph: only with BENCH_NX_LOUVAIN=1. */
const WITH_NX_LOUVAIN = process.env.BENCH_NX_LOUVAIN === '1';
/** `BENCH_GRAPH_ONLY=pagerank`: PageRank rows only (no Louvain on either side), for a quick run. */
const IS_PAGERANK_ONLY = process.env.BENCH_GRAPH_ONLY === 'pagerank';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(mid)] ?? Number.NaN) + (sorted[Math.ceil(mid)] ?? Number.NaN)) / 2;
}

/**
 * Wall-clock and CPU time of one call. The peers run in another process at another moment, so on a loaded machine
 * a wall-clock ratio mostly compares the load of two moments; CPU time (process.cpuUsage here, time.process_time
 * in graph_peers.py, both single-threaded) is what the algorithms cost.
 */
function timed<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function run(command: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}

/** Debian's peers (the contract: the bench installs them when missing). */
function ensurePythonPeers(): void {
  if (run(PYTHON, ['-c', 'import igraph, networkx, numpy, pandas, scipy']).ok) return;
  process.stderr.write(`  installing ${PY_PACKAGES.join(' ')} with apt-get…\n`);
  if (!run('apt-get', ['install', '-y', ...PY_PACKAGES]).ok) {
    run('apt-get', ['update']);
    const retry = run('apt-get', ['install', '-y', ...PY_PACKAGES]);
    if (!retry.ok) throw new Error(`apt-get install ${PY_PACKAGES.join(' ')} failed: ${retry.stderr.slice(-300)}`);
  }
}

function ensureGraphFile(): string {
  const [nodes, edges] = SIZE.split('x');
  const dir = join(ROOT, '.tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, nodes === '200000' && edges === '2000000' ? 'graph200k.csv' : `graph-${SIZE}.csv`);
  if (existsSync(file)) return file;
  process.stderr.write(`  generating ${file} (gen_graph.py ${nodes} ${edges} 4242)…\n`);
  const r = run(PYTHON, [GENERATOR, nodes ?? '', edges ?? '', '4242', file]);
  if (!r.ok) throw new Error(`gen_graph.py failed: ${r.stderr.slice(-300)}`);
  return file;
}

interface PeerResult {
  peer: string;
  algorithm: 'pagerank' | 'louvain';
  ms: number[];
  cpu_ms: number[];
  modularity?: number[];
  communities?: number[];
}

function runPythonPeers(file: string, outDir: string): PeerResult[] {
  const args = [
    join(ROOT, 'bench', 'graph_peers.py'),
    file,
    String(RUNS),
    outDir,
    ...(WITH_NX_LOUVAIN ? ['--networkx-louvain'] : []),
    ...(IS_PAGERANK_ONLY ? ['--pagerank-only'] : []),
  ];
  const r = run(PYTHON, args);
  if (!r.ok) throw new Error(`graph_peers.py failed: ${r.stderr.slice(-500)}`);
  return r.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as PeerResult);
}

function maxDiffToCsv(ids: string[], ours: Float64Array, file: string): number {
  const theirs = new Map(
    readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => {
        const comma = line.lastIndexOf(',');
        return [line.slice(0, comma), Number(line.slice(comma + 1))] as const;
      }),
  );
  let worst = 0;
  ids.forEach((id, v) => {
    worst = Math.max(worst, Math.abs((ours[v] ?? 0) - (theirs.get(id) ?? Number.NaN)));
  });
  return worst;
}

/** graphology's PageRank with our stopping rule (its tolerance is per node: L1 < N·tolerance). */
function graphologyPagerank(ids: string[], edges: EdgeList): number[] {
  const graph = new DirectedGraph();
  for (const id of ids) graph.addNode(id);
  for (let e = 0; e < edges.src.length; e++) graph.addEdge(ids[edges.src[e] ?? 0], ids[edges.dst[e] ?? 0], { weight: edges.w[e] });
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    times.push(timed(() => pagerankGraphology(graph, { alpha: 0.85, getEdgeWeight: 'weight', tolerance: 1e-10 / ids.length, maxIterations: 10_000 })).ms);
  }
  return times;
}

/** graphology's Louvain on the undirected projection (built outside the timing), seeded like ours. */
function graphologyLouvain(ids: string[], edges: EdgeList): { ms: number[]; modularity: number[] } {
  const csr = buildUndirectedCsr(edges);
  const graph = new UndirectedGraph();
  for (const id of ids) graph.addNode(id);
  for (let u = 0; u < csr.n; u++) {
    for (let i = csr.offsets[u] ?? 0; i < (csr.offsets[u + 1] ?? 0); i++) {
      const v = csr.targets[i] ?? 0;
      if (u < v) graph.addEdge(ids[u], ids[v], { weight: csr.weights[i] });
    }
  }
  const ms: number[] = [];
  const modularity: number[] = [];
  for (let seed = 0; seed < RUNS; seed++) {
    const rng = new Rng(seed);
    const { value, ms: t } = timed(() => louvainGraphology.detailed(graph, { getEdgeWeight: 'weight', rng: () => rng.next() }));
    ms.push(t);
    modularity.push(value.modularity);
  }
  return { ms, modularity };
}

export const graphBenchmark: Benchmark = {
  name: 'graph: PageRank and Louvain',
  async run(): Promise<BenchRow[]> {
    ensurePythonPeers();
    const file = ensureGraphFile();
    const parse = performance.now();
    const { ids, edges } = await readEdgeCsvFile(file);
    const parseS = ((performance.now() - parse) / 1000).toFixed(1);
    const size = `${Math.round(edges.n / 1000)}k/${Math.round(edges.src.length / 1e5) / 10}M`;

    // Timed: pagerank() from the edge list (its CSR build included); igraph's call likewise builds PRPACK's graph.
    const ourPr = Array.from({ length: RUNS }, () => timed(() => pagerank(edges)));
    const ourLouvain = IS_PAGERANK_ONLY ? [] : Array.from({ length: RUNS }, (_, seed) => timed(() => louvain(edges, { seed })));
    const prMs = median(ourPr.map((r) => r.ms));
    const prCpuMs = median(ourPr.map((r) => r.cpuMs));
    const louvainMs = median(ourLouvain.map((r) => r.ms));
    const ourQ = median(ourLouvain.map((r) => r.value.modularity));

    const outDir = join(ROOT, '.tmp', 'bench', 'peers');
    mkdirSync(outDir, { recursive: true });
    process.stderr.write('  python peers (igraph, NetworkX)…\n');
    const peers = runPythonPeers(file, outDir);
    const peer = (name: string) => peers.find((p) => p.peer.startsWith(name));
    const igraphPr = peer('igraph 0.10 PRPACK');
    const igraphLouvain = peer('igraph 0.10 multilevel');
    const nxPr = peer('NetworkX 2.8 pagerank');
    const nxLouvain = peer('NetworkX 2.8 louvain');
    const ours = (ms: number, what: string) => ({ label: `ours ${what}`, ms });
    const firstPr = ourPr[0]?.value ?? new Float64Array(0);
    const q = (values: number[] | undefined) => (values ? median(values).toFixed(4) : '—');

    process.stderr.write('  graphology…\n');
    const gPr = graphologyPagerank(ids, edges);

    const rows: BenchRow[] = [
      {
        name: `graph: PageRank ${size}`,
        ours: ours(prMs, 'Gauss–Seidel'),
        peer: igraphPr ? { label: 'igraph PRPACK', ms: median(igraphPr.ms) } : undefined,
        note: `L1 < 1e-10; max |ours − igraph| ${maxDiffToCsv(ids, firstPr, join(outDir, 'igraph_pagerank.csv')).toExponential(1)}; our first call ${(ourPr[0]?.ms ?? Number.NaN).toFixed(0)} ms (fresh kernel memory; later calls reuse it); CSV read ${parseS} s (untimed)`,
      },
      {
        name: `graph: PageRank ${size}`,
        ours: { label: 'ours Gauss–Seidel (CPU)', ms: prCpuMs },
        peer: igraphPr ? { label: 'igraph PRPACK (CPU)', ms: median(igraphPr.cpu_ms) } : undefined,
        note: `CPU time of the same runs: robust to load; wall ours ${(prMs / 1000).toFixed(2)} s, igraph ${igraphPr ? (median(igraphPr.ms) / 1000).toFixed(2) : '—'} s`,
      },
      { name: `graph: PageRank ${size}`, ours: ours(prMs, 'Gauss–Seidel'), peer: { label: 'graphology-metrics', ms: median(gPr) }, note: 'tolerance 1e-10/N (same L1 rule)' },
      { name: `graph: PageRank ${size}`, ours: ours(prMs, 'Gauss–Seidel'), peer: nxPr ? { label: 'NetworkX', ms: median(nxPr.ms) } : undefined, note: 'tol 1e-10/N (same L1 rule), one run' },
    ];
    if (IS_PAGERANK_ONLY) return rows;
    const gLouvain = graphologyLouvain(ids, edges);
    rows.push(
      {
        name: `graph: Louvain ${size}`,
        ours: ours(louvainMs, 'Louvain'),
        peer: igraphLouvain ? { label: 'igraph multilevel', ms: median(igraphLouvain.ms) } : undefined,
        note: `median Q ours ${ourQ.toFixed(4)} vs igraph ${q(igraphLouvain?.modularity)} (seeds 0..${RUNS - 1})`,
      },
      { name: `graph: Louvain ${size}`, ours: ours(louvainMs, 'Louvain'), peer: { label: 'graphology louvain', ms: median(gLouvain.ms) }, note: `median Q graphology ${q(gLouvain.modularity)}` },
      {
        name: `graph: Louvain ${size}`,
        ours: ours(louvainMs, 'Louvain'),
        peer: nxLouvain ? { label: 'NetworkX louvain', ms: median(nxLouvain.ms) } : undefined,
        note: nxLouvain ? `Q NetworkX ${q(nxLouvain.modularity)}, one run` : 'NetworkX skipped (~200 s); BENCH_NX_LOUVAIN=1 runs it',
      },
    );
    return rows;
  },
};
