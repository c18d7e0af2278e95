// `npm run bench`: each benchmark runs our code and its peer in the same invocation and prints a ratio.
// Later issues add rows (graph algorithms vs graphology/igraph/NetworkX, routing vs pgRouting, …).
import { performance } from 'node:perf_hooks';
import { benchmarks } from './suites.ts';

export interface BenchRow {
  name: string;
  ours: { label: string; ms: number };
  peer: { label: string; ms: number } | undefined;
  note?: string;
}

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const bench of benchmarks) {
  if (only.length > 0 && !only.some((o) => bench.name.includes(o))) continue;
  const started = performance.now();
  process.stderr.write(`running ${bench.name}…\n`);
  try {
    rows.push(...(await bench.run()));
  } catch (error) {
    rows.push({ name: bench.name, ours: { label: 'error', ms: Number.NaN }, peer: undefined, note: error instanceof Error ? error.message : String(error) });
  }
  process.stderr.write(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

const header = ['benchmark', 'ours', 'ms', 'peer', 'ms', 'peer/ours', 'note'];
const table = rows.map((r) => [
  r.name,
  r.ours.label,
  r.ours.ms.toFixed(2),
  r.peer?.label ?? '—',
  r.peer ? r.peer.ms.toFixed(2) : '—',
  r.peer ? `${(r.peer.ms / r.ours.ms).toFixed(2)}×` : '—',
  r.note ?? '',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => String(row[i]).length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${table.map(line).join('\n')}\n`);
