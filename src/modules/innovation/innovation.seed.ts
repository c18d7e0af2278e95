import { insertInBatches } from '../../db/batches.ts';
import type { Db } from '../../db/client.ts';
import type { ChokepointStatus, MemberKind, PlatformKind, ResearchLevel, SolverKind } from './innovation.model.ts';
import { chokepoints, platformMembers, platforms, researchProjects } from './innovation.schema.ts';

export type NewPlatform = Omit<typeof platforms.$inferInsert, 'kind'> & { kind: PlatformKind };
export type NewPlatformMember = Omit<typeof platformMembers.$inferInsert, 'memberKind'> & { memberKind: MemberKind };
export type NewChokepoint = Omit<typeof chokepoints.$inferInsert, 'status' | 'solverKind'> & {
  status: ChokepointStatus;
  solverKind?: SolverKind | null;
};
export type NewResearchProject = Omit<typeof researchProjects.$inferInsert, 'level'> & { level: ResearchLevel };

/** Inserts platforms, 1,000 rows per statement; parents in the same call are inserted before their children. */
export function insertPlatforms(db: Db, rows: readonly NewPlatform[]): Promise<number> {
  return insertInBatches(db, orderParentsFirst(rows), (tx, batch) => tx.insert(platforms).values(batch));
}

/** Sorts rows by their depth in the parent tree they form (a parent outside the rows counts as a root). */
function orderParentsFirst<R extends { id: string; parentId?: string | null }>(rows: readonly R[]): R[] {
  const parentOf = new Map(rows.map((r) => [r.id, r.parentId ?? null]));
  const depthOf = (id: string): number => {
    let depth = 0;
    for (let p = parentOf.get(id) ?? null; p !== null && parentOf.has(p) && depth <= rows.length; p = parentOf.get(p) ?? null) depth++;
    return depth;
  };
  const depths = new Map(rows.map((r) => [r.id, depthOf(r.id)]));
  return [...rows].sort((a, b) => (depths.get(a.id) ?? 0) - (depths.get(b.id) ?? 0));
}

/** Inserts platform members (after their platforms and enterprises), 1,000 rows per statement. */
export function insertPlatformMembers(db: Db, rows: readonly NewPlatformMember[]): Promise<number> {
  return insertInBatches(db, rows, (tx, batch) => tx.insert(platformMembers).values(batch));
}

/** Inserts chokepoints (after their platforms), 1,000 rows per statement. */
export function insertChokepoints(db: Db, rows: readonly NewChokepoint[]): Promise<number> {
  return insertInBatches(db, rows, (tx, batch) => tx.insert(chokepoints).values(batch));
}

/** Inserts research projects (after their platforms and chokepoints), 1,000 rows per statement. */
export function insertResearchProjects(db: Db, rows: readonly NewResearchProject[]): Promise<number> {
  return insertInBatches(db, rows, (tx, batch) => tx.insert(researchProjects).values(batch));
}
