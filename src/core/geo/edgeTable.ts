import type { RoadGraph } from './roadGraph.ts';
import type { Snap } from './snap.ts';

/**
 * The network as a pgRouting edge table: one row per segment, id = segment index + 1, source/target = OSM
 * node ids, cost/reverse_cost in seconds, -1 where a car may not drive that way.
 */
export interface EdgeTable {
  id: number[];
  source: number[];
  target: number[];
  cost: number[];
  reverseCost: number[];
}

export function toEdgeTable(graph: RoadGraph): EdgeTable {
  const s = graph.segments;
  const t: EdgeTable = { id: [], source: [], target: [], cost: [], reverseCost: [] };
  for (let i = 0; i < s.count; i++) {
    t.id.push(i + 1);
    t.source.push(graph.osmIds[s.from[i] ?? 0] ?? 0);
    t.target.push(graph.osmIds[s.to[i] ?? 0] ?? 0);
    t.cost.push((s.forwardSeconds[i] ?? -1) >= 0 ? (s.forwardSeconds[i] ?? -1) : -1);
    t.reverseCost.push((s.backwardSeconds[i] ?? -1) >= 0 ? (s.backwardSeconds[i] ?? -1) : -1);
  }
  return t;
}

/** A snapped point as a pgRouting withPoints row: the edge id of its segment and the fraction along it. */
export function toPointRow(snapped: Snap): { edgeId: number; fraction: number } {
  return { edgeId: snapped.segment + 1, fraction: snapped.fraction };
}
