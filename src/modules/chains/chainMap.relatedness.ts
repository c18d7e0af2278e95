import { computeDensity } from '../../core/complexity/density.ts';
import { computeProximity, countCooccurrence } from '../../core/complexity/proximity.ts';

/** A firm on a chain node: a local firm (enterprise_nodes) or an outside firm known to make the node (candidate_nodes). */
export interface NodeMembership {
  firmKey: string;
  nodeId: string;
  isLocal: boolean;
}

export interface NodeRelatedness {
  /** Σ_q present_q φ_pq / Σ_q φ_pq, 0..1 */
  density: number;
  /** the present nodes closest to this one, highest proximity first (φ > 0 only) */
  related: { nodeId: string; proximity: number }[];
}

/**
 * Relatedness of the region's chain nodes at the firms × nodes level (domain/METHODS.md §7, last bullet; the
 * py-ecomplexity formulas with M = "the firm is on the node"): proximity φ_pq = C_pq / max(k_p, k_q) from the
 * co-occurrence of nodes within firms, then for every node without a local firm its density to the nodes that
 * have one, d_p = Σ_q present_q φ_pq / Σ_q φ_pq (self term included, so d < 1).
 *
 * Why outside firms are in the firm population: a node without a local firm has ubiquity 0 among local firms, so
 * its proximity to everything — and its density — would be 0 by construction. As py-ecomplexity measures proximity
 * over all countries and density for one, we measure co-occurrence over every firm the region knows on its nodes:
 * its own firms (all chains) and the outside firms registered as makers of its nodes (attraction candidates).
 * Presence stays local: a node is present when a local firm is on it. Other regions' firms are not pooled: node
 * ids are per region, and a region's map must not change with who looks at it.
 */
export function computeNodeRelatedness(input: { nodeIds: readonly string[]; memberships: readonly NodeMembership[]; topRelated?: number }): Map<string, NodeRelatedness> {
  const n = input.nodeIds.length;
  const index = new Map(input.nodeIds.map((id, i) => [id, i]));
  const present = new Float64Array(n);
  const nodesOfFirm = new Map<string, number[]>();
  for (const m of input.memberships) {
    const p = index.get(m.nodeId);
    if (p === undefined) continue;
    if (m.isLocal) present[p] = 1;
    const list = nodesOfFirm.get(m.firmKey);
    if (list) list.push(p);
    else nodesOfFirm.set(m.firmKey, [p]);
  }
  const proximity = computeProximity(countCooccurrence([...nodesOfFirm.values()], n), n);
  const density = computeDensity(present, proximity, n);
  const top = input.topRelated ?? 3;
  const out = new Map<string, NodeRelatedness>();
  input.nodeIds.forEach((id, p) => {
    if (present[p] === 1) return;
    const related = input.nodeIds
      .map((nodeId, q) => ({ nodeId, proximity: proximity[p * n + q] ?? 0, isPresent: present[q] === 1 }))
      .filter((r) => r.isPresent && r.proximity > 0)
      .sort((a, b) => b.proximity - a.proximity || (a.nodeId < b.nodeId ? -1 : 1))
      .slice(0, top)
      .map(({ nodeId, proximity: phi }) => ({ nodeId, proximity: phi }));
    out.set(id, { density: density[p] ?? 0, related });
  });
  return out;
}
