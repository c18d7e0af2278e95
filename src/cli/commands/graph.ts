import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { csvCell, EdgeCsvError, EdgeCsvReader } from '../../core/graph/edgeCsv.ts';
import type { EdgeList } from '../../core/graph/edgeList.ts';
import { louvain } from '../../core/graph/louvain.ts';
import { pagerank } from '../../core/graph/pagerank.ts';
import { UsageError, printResult } from '../runtime.ts';

/** Streams a `source,target,weight` CSV into an EdgeList; bad rows become usage errors naming row and field. */
export async function readEdgeCsvFile(path: string): Promise<{ ids: string[]; edges: EdgeList }> {
  const reader = new EdgeCsvReader();
  try {
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) reader.push(String(chunk));
    return reader.end();
  } catch (error) {
    if (error instanceof EdgeCsvError) throw new UsageError(`${path}: ${error.message}`);
    if (error instanceof Error && 'code' in error) throw new UsageError(`cannot read --edges ${path}: ${error.message}`);
    throw error;
  }
}

/** Writes `header` then one row per vertex, in buffered blocks (200k rows without one giant string). */
async function writeVertexCsv(path: string, header: string, ids: string[], value: (v: number) => string): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(out, 'error').then(([error]) => {
    throw new UsageError(`cannot write --out ${path}: ${error instanceof Error ? error.message : String(error)}`);
  });
  let block = `${header}\n`;
  for (let v = 0; v < ids.length; v++) {
    block += `${csvCell(ids[v] ?? '')},${value(v)}\n`;
    if (block.length > 1 << 16) {
      if (!out.write(block)) await Promise.race([once(out, 'drain'), failed]);
      block = '';
    }
  }
  out.end(block);
  await Promise.race([once(out, 'finish'), failed]);
}

function parseNumberOption(name: string, text: string, isValid: (x: number) => boolean, rule: string): number {
  const value = Number(text);
  if (text.trim() === '' || !isValid(value)) throw new UsageError(`--${name} ${text}: must be ${rule}`);
  return value;
}

export function registerGraph(program: Command): void {
  const graph = program.command('graph').description('network metrics of a weighted directed edge list (source,target,weight CSV)');

  graph
    .command('pagerank')
    .description('PageRank (uniform teleport, dangling mass spread uniformly, L1 < 1e-10); writes node,pagerank')
    .requiredOption('--edges <file>', 'CSV with header source,target,weight (directed; weights ≥ 0; parallel edges add up)')
    .option('--damping <d>', 'probability of following an edge, in [0, 1)', '0.85')
    .requiredOption('--out <file>', 'output CSV node,pagerank (one row per node)')
    .option('--json', 'print a summary as JSON')
    .action(async (opts: { edges: string; damping: string; out: string; json?: boolean }) => {
      const damping = parseNumberOption('damping', opts.damping, (d) => d >= 0 && d < 1, 'a number in [0, 1)');
      const { ids, edges } = await readEdgeCsvFile(opts.edges);
      const rank = pagerank(edges, { damping });
      await writeVertexCsv(opts.out, 'node,pagerank', ids, (v) => String(rank[v]));
      const summary = { nodes: edges.n, edges: edges.src.length, out: opts.out };
      printResult(Boolean(opts.json), summary, () => `${summary.nodes} nodes, ${summary.edges} edges → ${summary.out}`);
    });

  graph
    .command('communities')
    .description('Louvain communities of the undirected projection w(u,v)+w(v,u); writes node,community, prints the modularity')
    .requiredOption('--edges <file>', 'CSV with header source,target,weight (weights ≥ 0)')
    .option('--seed <n>', 'seed of the node order (same seed → same partition)', '0')
    .option('--resolution <γ>', 'modularity resolution (> 1: smaller communities)', '1')
    .requiredOption('--out <file>', 'output CSV node,community')
    .option('--json', 'print {"modularity":…,"communities":…}')
    .action(async (opts: { edges: string; seed: string; resolution: string; out: string; json?: boolean }) => {
      const seed = parseNumberOption('seed', opts.seed, (s) => Number.isInteger(s) && s >= 0 && s <= 0xffffffff, 'an integer in 0..4294967295');
      const resolution = parseNumberOption('resolution', opts.resolution, (r) => Number.isFinite(r) && r >= 0, 'a number ≥ 0');
      const { ids, edges } = await readEdgeCsvFile(opts.edges);
      const result = louvain(edges, { seed, resolution });
      await writeVertexCsv(opts.out, 'node,community', ids, (v) => String(result.community[v]));
      const communities = new Set(result.community).size;
      if (opts.json) process.stdout.write(`${JSON.stringify({ modularity: result.modularity, communities })}\n`);
      else process.stdout.write(`modularity ${result.modularity} with ${communities} communities of ${edges.n} nodes → ${opts.out}\n`);
    });
}
