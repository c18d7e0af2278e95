import { assertEdgeList, type EdgeList } from './edgeList.ts';

/**
 * Undirected modularity of a partition (edges are treated as undirected; u→v and v→u weights add up):
 * Q = Σ_c [ L_c / m − γ (d_c / 2m)² ] with L_c the weight inside community c, d_c its total degree and m the
 * total weight — the formula of NetworkX's `modularity` and igraph's `Graph.modularity` (self loops count
 * once in L_c and twice in a degree). A graph without weight has Q = 0 (NetworkX divides by zero, igraph
 * answers NaN; 0 keeps the value a number for callers that store or serialise it).
 */
export function modularity(edges: EdgeList, community: Int32Array, resolution = 1): number {
  assertEdgeList(edges);
  const { n, src, dst, w } = edges;
  if (community.length !== n) throw new RangeError(`modularity: ${community.length} community labels for ${n} vertices`);
  const labels = denseLabels(community);
  const inside = new Float64Array(labels.count);
  const degree = new Float64Array(labels.count);
  let twiceM = 0;
  for (let e = 0; e < src.length; e++) {
    const weight = w[e] ?? 0;
    const cu = labels.of[src[e] ?? 0] ?? 0;
    const cv = labels.of[dst[e] ?? 0] ?? 0;
    degree[cu] = (degree[cu] ?? 0) + weight;
    degree[cv] = (degree[cv] ?? 0) + weight;
    if (cu === cv) inside[cu] = (inside[cu] ?? 0) + 2 * weight;
    twiceM += 2 * weight;
  }
  if (twiceM === 0) return 0;
  let q = 0;
  for (let c = 0; c < labels.count; c++) {
    const share = (degree[c] ?? 0) / twiceM;
    q += (inside[c] ?? 0) / twiceM - resolution * share * share;
  }
  return q;
}

/** Maps arbitrary integer labels to 0..count-1 (first-seen order). */
export function denseLabels(community: Int32Array): { of: Int32Array; count: number } {
  const of = new Int32Array(community.length);
  const seen = new Map<number, number>();
  for (let v = 0; v < community.length; v++) {
    const label = community[v] ?? 0;
    let dense = seen.get(label);
    if (dense === undefined) {
      dense = seen.size;
      seen.set(label, dense);
    }
    of[v] = dense;
  }
  return { of, count: seen.size };
}
