import { pinyin } from 'pinyin-pro';
import { z } from 'zod';

/** API shapes of the chain module (one schema per boundary: types, validation and OpenAPI come from here). */
export const ChainGroupKind = z.enum(['pillar', 'emerging', 'future']);
export const Tier = z.enum(['up', 'mid', 'down', 'service']);
export const ChainRoleKind = z.enum(['chief', 'leadFirm', 'innovator', 'financier']);

export const ChainGroup = z
  .object({ id: z.string(), kind: ChainGroupKind, nameZh: z.string(), nameEn: z.string().nullable(), sort: z.number().int(), chainCount: z.number().int() })
  .meta({ id: 'ChainGroup' });
export type ChainGroup = z.infer<typeof ChainGroup>;

export const Chain = z
  .object({
    id: z.string(),
    groupId: z.string(),
    groupKind: ChainGroupKind,
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    sort: z.number().int(),
    version: z.number().int(),
    nodeCount: z.number().int(),
  })
  .meta({ id: 'Chain' });
export type Chain = z.infer<typeof Chain>;

export const ChainNode = z
  .object({
    id: z.string(),
    chainId: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    tier: Tier,
    industryCodes: z.array(z.string()),
    boneZh: z.string().nullable(),
    boneEn: z.string().nullable(),
    isKeyNode: z.boolean(),
    sort: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'ChainNode' });
export type ChainNode = z.infer<typeof ChainNode>;

/** `fromNodeId` is consumed by `toNodeId`; `chainId` is the consuming node's chain. */
export const NodeInput = z
  .object({ fromNodeId: z.string(), toNodeId: z.string(), chainId: z.string() })
  .meta({ id: 'NodeInput' });
export type NodeInput = z.infer<typeof NodeInput>;

export const ChainRole = z
  .object({
    id: z.string(),
    kind: ChainRoleKind,
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    note: z.string().nullable(),
    isAssumption: z.boolean().describe('the assignment is a demo assumption, not stated by a source'),
  })
  .meta({ id: 'ChainRole' });
export type ChainRole = z.infer<typeof ChainRole>;

export const ChainTarget = z
  .object({
    year: z.number().int(),
    outputWan: z.number().describe('output target in 万元'),
    nameZh: z.string(),
    isAssumption: z.boolean().describe('value or year not given by a source: a demo assumption, shown as such'),
    source: z.string(),
  })
  .meta({ id: 'ChainTarget' });
export type ChainTarget = z.infer<typeof ChainTarget>;

export const ChainDetail = z
  .object({ chain: Chain, nodes: z.array(ChainNode), inputs: z.array(NodeInput), roles: z.array(ChainRole), targets: z.array(ChainTarget) })
  .meta({ id: 'ChainDetail' });
export type ChainDetail = z.infer<typeof ChainDetail>;

export const IndustryClass = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string().nullable() }).meta({ id: 'IndustryClass' });
export type IndustryClass = z.infer<typeof IndustryClass>;

/** A page of items: the shape every paged list answers with. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** Pinyin sort key of a Chinese name (collations differ between PGlite and PostgreSQL, so the key is stored). */
export function nameSortKeyOf(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ').toLowerCase();
}
