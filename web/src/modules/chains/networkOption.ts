import type { MapNode, NodeStatus } from './chainApi.ts';
import { STATUS_COLOURS } from './chainFormat.ts';

const TIER_COLUMN: Readonly<Record<MapNode['tier'], number>> = { up: 0, service: 0, mid: 1, down: 2 };

export interface NetworkNode {
  id: string;
  name: string;
  x: number;
  y: number;
  symbolSize: number;
  status: NodeStatus;
  itemStyle: { color: string };
}

/**
 * The input edges as a layered graph: upstream and service nodes in the left column, midstream in the middle,
 * downstream at the right; symbol size grows with the square root of the firm count. Pure, so it is tested.
 */
export function buildNetwork(input: { nodes: readonly MapNode[]; inputs: readonly { fromNodeId: string; toNodeId: string }[]; nameOf(node: MapNode): string }) {
  const rows = [0, 0, 0];
  const ids = new Set(input.nodes.map((n) => n.id));
  const nodes: NetworkNode[] = input.nodes.map((node) => {
    const column = TIER_COLUMN[node.tier];
    const row = rows[column] ?? 0;
    rows[column] = row + 1;
    return {
      id: node.id,
      name: input.nameOf(node),
      x: column * 400,
      y: row * 40,
      symbolSize: 10 + Math.min(30, Math.sqrt(node.firmCount) * 2),
      status: node.status,
      itemStyle: { color: STATUS_COLOURS[node.status] },
    };
  });
  // Columns of different lengths are centred on each other.
  const tallest = Math.max(...rows);
  for (const node of nodes) {
    const column = TIER_COLUMN[input.nodes.find((n) => n.id === node.id)?.tier ?? 'up'];
    node.y += ((tallest - (rows[column] ?? 0)) * 40) / 2;
  }
  const links = input.inputs.filter((e) => ids.has(e.fromNodeId) && ids.has(e.toNodeId)).map((e) => ({ source: e.fromNodeId, target: e.toNodeId }));
  return { nodes, links };
}
