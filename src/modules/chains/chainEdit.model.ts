import { z } from 'zod';
import { ChainRoleKind, Tier } from './chains.model.ts';

/** Bodies of the chain editing routes (one schema per boundary). */
const Id = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, 'lower-case letters, digits, dots and dashes, at most 64');
const Name = z.string().trim().min(1).max(100);
const OptionalText = z.string().trim().max(200).nullable().optional();
const ClassCode = z.string().regex(/^\d{4}$/, 'must be a 4-digit GB/T 4754-2017 class');
const Version = z.number().int().min(1).describe('the version read; a stale one gets 409 with the current record');

export const NewChain = z.object({ id: Id, groupId: z.string().min(1).max(64), nameZh: Name, nameEn: OptionalText, sort: z.number().int().min(0).max(32_000).optional() });
export type NewChain = z.infer<typeof NewChain>;
export const ChainPatch = NewChain.omit({ id: true }).partial().extend({ version: Version });
export type ChainPatch = z.infer<typeof ChainPatch>;

export const NewNode = z.object({
  id: Id,
  nameZh: Name,
  nameEn: OptionalText,
  tier: Tier,
  industryCodes: z.array(ClassCode).min(1).max(20),
  boneZh: OptionalText,
  boneEn: OptionalText,
  isKeyNode: z.boolean().optional(),
  sort: z.number().int().min(0).max(32_000).optional(),
});
export type NewNode = z.infer<typeof NewNode>;
export const NodePatch = NewNode.omit({ id: true }).partial().extend({ version: Version });
export type NodePatch = z.infer<typeof NodePatch>;

export const NewInput = z.object({ fromNodeId: z.string().min(1).max(64), toNodeId: z.string().min(1).max(64) });
export type NewInput = z.infer<typeof NewInput>;

export const NewRole = z.object({ kind: ChainRoleKind, nameZh: Name, nameEn: OptionalText, note: OptionalText, isAssumption: z.boolean().optional() });
export type NewRole = z.infer<typeof NewRole>;
export const RolePatch = NewRole.partial();
export type RolePatch = z.infer<typeof RolePatch>;

export const Membership = z
  .object({ enterpriseId: z.string(), nodeId: z.string(), isPrimary: z.boolean() })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof Membership>;
export const MembershipBody = z.object({ isPrimary: z.boolean().default(false) });

/**
 * Whether adding the edge from → to closes a cycle in the bill of materials: true when `to` already reaches
 * `from` (or they are the same node). Breadth-first over the existing edges.
 */
export function wouldCreateCycle(edges: readonly { fromNodeId: string; toNodeId: string }[], from: string, to: string): boolean {
  if (from === to) return true;
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.fromNodeId, [...(next.get(e.fromNodeId) ?? []), e.toNodeId]);
  const seen = new Set([to]);
  const queue = [to];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const n of next.get(id) ?? []) {
      if (n === from) return true;
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return false;
}
