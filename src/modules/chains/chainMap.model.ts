import { z } from 'zod';
import { Enterprise } from '../enterprises/enterprises.model.ts';
import { ChainRole, ChainTarget, Tier } from './chains.model.ts';

/**
 * Chain map (domain/METHODS.md §5, our definition, parameters editable): a node is `missing` without a local
 * firm, `adjacent` without a local firm but with a relatedness density to the region's present nodes (§7, see
 * chainMap.relatedness.ts) at or above a threshold — a candidate to extend the chain —, `weak` with fewer than k
 * firms, a local supply rate below a threshold or a supplier HHI above one, `strong` otherwise.
 */
export const NodeStatus = z.enum(['missing', 'adjacent', 'weak', 'strong']);
export type NodeStatus = z.infer<typeof NodeStatus>;

export const StatusReason = z.enum(['noLocalFirm', 'fewFirms', 'lowLocalSupply', 'concentratedSuppliers']);
export type StatusReason = z.infer<typeof StatusReason>;

export const ChainMapThresholds = z
  .object({
    minFirms: z.number().int().min(1).max(1000).describe('k: a node with fewer local firms is weak'),
    minLocalSupplyRate: z.number().min(0).max(1).describe('a node whose local supply rate is below this is weak'),
    maxSupplierHhi: z.number().min(0).max(1).describe("a node whose suppliers' HHI (shares 0..1) is above this is weak"),
    minAdjacentDensity: z.number().gt(0).max(1).describe('a node without local firm whose relatedness density (0..1, METHODS §7) reaches this is adjacent'),
  })
  .meta({ id: 'ChainMapThresholds' });
export type ChainMapThresholds = z.infer<typeof ChainMapThresholds>;

/** k, LSR and HHI are the METHODS §5 defaults; the density 0.25 is ours (docs/methods-relatedness.md). */
export const DEFAULT_THRESHOLDS: ChainMapThresholds = { minFirms: 3, minLocalSupplyRate: 0.3, maxSupplierHhi: 0.5, minAdjacentDensity: 0.25 };
export const DEFAULT_THRESHOLDS_SOURCE = 'domain/METHODS.md §5 defaults';

export const ChainMapSettings = ChainMapThresholds.extend({
  year: z.number().int().describe('year the thresholds apply from'),
  source: z.string().describe('where the numbers come from'),
  version: z.number().int().describe('0 while the defaults apply (no row stored yet)'),
}).meta({ id: 'ChainMapSettings' });
export type ChainMapSettings = z.infer<typeof ChainMapSettings>;

export const ChainMapSettingsUpdate = ChainMapThresholds.extend({
  year: z.number().int().min(1990).max(2100),
  source: z.string().trim().min(1).max(200),
  version: z.number().int().min(0).describe('the version read; a stale one gets 409 with the current settings'),
});
export type ChainMapSettingsUpdate = z.infer<typeof ChainMapSettingsUpdate>;

/**
 * What is known of one node in one year. Rates are null when the node had no purchases; the relatedness density
 * is null when not computed (a node with local firms).
 */
export interface NodeFacts {
  firmCount: number;
  localSupplyRate: number | null;
  supplierHhi: number | null;
  density: number | null;
}

/** Status of a node with every reason that made it less than strong; a density of 0 never makes a node adjacent. */
export function classifyNode(facts: NodeFacts, thresholds: ChainMapThresholds): { status: NodeStatus; reasons: StatusReason[] } {
  if (facts.firmCount === 0) {
    const isAdjacent = facts.density !== null && facts.density > 0 && facts.density >= thresholds.minAdjacentDensity;
    return { status: isAdjacent ? 'adjacent' : 'missing', reasons: ['noLocalFirm'] };
  }
  const reasons: StatusReason[] = [];
  if (facts.firmCount < thresholds.minFirms) reasons.push('fewFirms');
  if (facts.localSupplyRate !== null && facts.localSupplyRate < thresholds.minLocalSupplyRate) reasons.push('lowLocalSupply');
  if (facts.supplierHhi !== null && facts.supplierHhi > thresholds.maxSupplierHhi) reasons.push('concentratedSuppliers');
  return { status: reasons.length > 0 ? 'weak' : 'strong', reasons };
}

/** Herfindahl–Hirschman index of purchases by seller, on shares 0..1 (1 = a single seller); null without purchases. */
export function computeHhi(amounts: readonly number[]): number | null {
  const positive = amounts.filter((a) => a > 0);
  const total = positive.reduce((s, a) => s + a, 0);
  if (!(total > 0)) return null;
  return positive.reduce((s, a) => s + (a / total) ** 2, 0);
}

/** A node's share of the chain's output; null when the chain has no output that year. */
export function computeOutputShare(nodeOutputWan: number, chainOutputWan: number): number | null {
  return chainOutputWan > 0 ? nodeOutputWan / chainOutputWan : null;
}

export const RelatedNode = z
  .object({
    nodeId: z.string(),
    chainId: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    proximity: z.number().describe('φ: firms on both nodes / firms on the more common one, 0..1'),
  })
  .meta({ id: 'RelatedNode' });
export type RelatedNode = z.infer<typeof RelatedNode>;

export const NodeRelatedness = z
  .object({
    density: z.number().describe("relatedness density to the region's present nodes, 0..1 (METHODS §7)"),
    related: z.array(RelatedNode).describe('the most related nodes that have local firms (any chain), closest first'),
  })
  .meta({ id: 'NodeRelatedness' });
export type NodeRelatedness = z.infer<typeof NodeRelatedness>;

export const MapNode = z
  .object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    tier: Tier,
    boneZh: z.string().nullable(),
    boneEn: z.string().nullable(),
    isKeyNode: z.boolean(),
    sort: z.number().int(),
    version: z.number().int(),
    industryCodes: z.array(z.string()),
    firmCount: z.number().int().describe('local firms on the node'),
    aboveScaleCount: z.number().int().describe('of which 规上 (above designated size)'),
    outputWan: z.number().describe("output of the node's primary firms in the year, 万元"),
    outputShare: z.number().nullable().describe("share of the chain's output, 0..1"),
    localSupplyRate: z.number().nullable().describe('local purchases / all purchases of the node in the year, 0..1'),
    supplierHhi: z.number().nullable().describe('HHI of purchases by seller, 0..1'),
    purchasesWan: z.number().describe('purchases of the node by firms on the chain in the year, 万元'),
    status: NodeStatus,
    reasons: z.array(StatusReason),
    relatedness: NodeRelatedness.nullable().describe('for a node without local firm; null when it has local firms'),
    isSynthetic: z.boolean().describe('some of its firms are demo rows'),
  })
  .meta({ id: 'MapNode' });
export type MapNode = z.infer<typeof MapNode>;

export const StatusCounts = z.object({ missing: z.number().int(), adjacent: z.number().int(), weak: z.number().int(), strong: z.number().int() });
export type StatusCounts = z.infer<typeof StatusCounts>;

export const ChainMap = z
  .object({
    chainId: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    version: z.number().int(),
    year: z.number().int().nullable().describe('the year of the figures: latest full year unless asked'),
    chainOutputWan: z.number(),
    thresholds: ChainMapSettings,
    nodes: z.array(MapNode),
    inputs: z.array(z.object({ fromNodeId: z.string(), toNodeId: z.string() })),
    roles: z.array(ChainRole),
    targets: z.array(ChainTarget),
    statusCounts: StatusCounts,
  })
  .meta({ id: 'ChainMap' });
export type ChainMap = z.infer<typeof ChainMap>;

/** Counts of nodes per status. */
export function countStatuses(nodes: readonly { status: NodeStatus }[]): Record<NodeStatus, number> {
  const counts: Record<NodeStatus, number> = { missing: 0, adjacent: 0, weak: 0, strong: 0 };
  for (const node of nodes) counts[node.status] += 1;
  return counts;
}

/**
 * For views that show only strong / weak / missing (the cockpit): an adjacent node has no local firm, so it
 * counts as missing there.
 */
export function foldAdjacent(status: NodeStatus): Exclude<NodeStatus, 'adjacent'> {
  return status === 'adjacent' ? 'missing' : status;
}

/** The status counts with adjacent nodes counted as missing (see foldAdjacent). */
export function foldAdjacentCounts(counts: StatusCounts): { strong: number; weak: number; missing: number } {
  return { strong: counts.strong, weak: counts.weak, missing: counts.missing + counts.adjacent };
}

export const ChainMapSummary = z
  .object({
    year: z.number().int().nullable(),
    items: z.array(
      z.object({
        chainId: z.string(),
        nodeCount: z.number().int(),
        firmCount: z.number().int().describe('memberships: a firm on two nodes counts twice'),
        statusCounts: StatusCounts,
      }),
    ),
  })
  .meta({ id: 'ChainMapSummary' });
export type ChainMapSummary = z.infer<typeof ChainMapSummary>;

// The firm fields come from the registry's own schema, so the two never drift apart.
export const NodeFirm = Enterprise.pick({ id: true, uscc: true, name: true, townCode: true, scale: true, isSynthetic: true })
  .extend({
    isPrimary: z.boolean().describe('the node is the firm’s main link'),
    outputWan: z.number().nullable().describe('output in the year, 万元'),
  })
  .meta({ id: 'NodeFirm' });
export const NodeFirmPage = z.object({ items: z.array(NodeFirm), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), year: z.number().int().nullable() });
