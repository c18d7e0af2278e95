import { z } from 'zod';
import { IsMasked, MASKED } from './supply.sensitive.model.ts';

/** Defaults of the dependency rules (issue 5): a buyer depends on one seller above 70 % of a node's purchases; one seller dominates a node's local supply above 50 %. */
export const DEFAULT_BUYER_DEPENDENCY_SHARE = 0.7;
export const DEFAULT_DOMINANT_LOCAL_SHARE = 0.5;

const Year = z.coerce.number().int().min(1990).max(2100);

/** A seller as the analyses show it: registry firms by id and name, outside sellers by USCC and region only. */
export const SellerRef = z
  .object({
    uscc: z.string(),
    enterpriseId: z.string().nullable().describe('null: not in the region registry (an external seller)'),
    name: z.string().nullable(),
    regionCode: z.string().describe('GB/T 2260 code of the registering authority (USCC positions 3–8)'),
    isLocal: z.boolean().describe('local in the county variant'),
  })
  .meta({ id: 'SellerRef' });
export type SellerRef = z.infer<typeof SellerRef>;

/** Supplier concentration of one node's chain purchases in a year (METHODS §5). */
export const NodeConcentration = z
  .object({
    nodeId: z.string(),
    amountWan: z.number().describe('net purchases, 万元'),
    countyWan: z.number().describe('of which from county-local sellers, 万元'),
    sellerCount: z.number().int().describe('sellers with positive net sales'),
    supplierHhi: z.number().nullable().describe('HHI of purchases by seller on shares 0..1 (positive net sales only)'),
    topSellerShare: z.number().nullable().describe('largest seller share of purchases, 0..1'),
    topLocalSeller: SellerRef.nullable(),
    topLocalShare: z.number().nullable().describe("largest local seller's share of local purchases, 0..1"),
  })
  .meta({ id: 'NodeConcentration' });
export type NodeConcentration = z.infer<typeof NodeConcentration>;

export const NodeConcentrations = z.object({ year: z.number().int(), nodes: z.array(NodeConcentration) });
export type NodeConcentrations = z.infer<typeof NodeConcentrations>;

export const TopSuppliersQuery = z.object({
  year: Year,
  nodeId: z.string().min(1),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type TopSuppliersQuery = z.infer<typeof TopSuppliersQuery>;

export const TopSupplier = SellerRef.extend({
  amountWan: z.number().nullable().describe(`net sales to the chain's buyers of the node, 万元 (one named firm's sales)${MASKED}`),
  share: z.number().nullable().describe(`share of the node's purchases, 0..1 (times the node total it is the firm's sales)${MASKED}; null also when the node total is not positive`),
  buyerCount: z.number().int(),
}).meta({ id: 'TopSupplier' });
export type TopSupplier = z.infer<typeof TopSupplier>;

export const TopSuppliers = z
  .object({
    year: z.number().int(),
    nodeId: z.string(),
    amountWan: z.number().describe("the node's purchases, 万元 (an aggregate: always shown)"),
    sellerCount: z.number().int(),
    items: z.array(TopSupplier).describe('largest first (the order stays without the permission)'),
    isMasked: IsMasked,
  })
  .meta({ id: 'TopSuppliers' });
export type TopSuppliers = z.infer<typeof TopSuppliers>;

export const RisksQuery = z.object({
  year: Year,
  chainId: z.string().min(1).optional(),
  nodeId: z.string().min(1).optional(),
  buyerShare: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(DEFAULT_BUYER_DEPENDENCY_SHARE)
    .describe('a buyer depends on a seller holding more than this share of a node; another value than the default needs the sensitive permission (403)'),
  localShare: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(DEFAULT_DOMINANT_LOCAL_SHARE)
    .describe("a seller dominates a node holding more than this share of the node's local supply; another value than the default needs the sensitive permission (403)"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type RisksQuery = z.infer<typeof RisksQuery>;

export const BuyerDependency = z
  .object({
    buyerId: z.string(),
    buyerName: z.string().nullable(),
    nodeId: z.string(),
    nodeName: z.string().nullable(),
    amountWan: z.number().nullable().describe(`the buyer's positive purchases of the node, 万元${MASKED}`),
    sellerCount: z.number().int(),
    hhi: z.number().nullable().describe(`HHI of the buyer's purchases of the node by seller, 0..1 (one firm's; with two sellers it gives the top share back)${MASKED}`),
    topSeller: SellerRef,
    topShare: z.number().nullable().describe(`the named top seller's share of the buyer's purchases, 0..1 (a firm-pair share; above buyerShare by the rule)${MASKED}`),
  })
  .meta({ id: 'BuyerDependency' });
export type BuyerDependency = z.infer<typeof BuyerDependency>;

export const DominatedNode = z
  .object({
    nodeId: z.string(),
    nodeName: z.string().nullable(),
    countyWan: z.number().describe("the node's purchases from county-local sellers, 万元 (an aggregate: always shown)"),
    topLocalSeller: SellerRef,
    topLocalShare: z.number().nullable().describe(`the named seller's share of countyWan, 0..1 (times countyWan it is the firm's sales; above localShare by the rule)${MASKED}`),
  })
  .meta({ id: 'DominatedNode' });
export type DominatedNode = z.infer<typeof DominatedNode>;

export const DependencyRisks = z
  .object({
    year: z.number().int(),
    buyerShare: z.number(),
    localShare: z.number(),
    buyers: z.array(BuyerDependency).describe('largest purchases first (the order stays without the permission)'),
    buyerTotal: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    nodes: z.array(DominatedNode),
    isMasked: IsMasked,
  })
  .meta({ id: 'DependencyRisks' });
export type DependencyRisks = z.infer<typeof DependencyRisks>;

