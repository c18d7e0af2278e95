import type { Db } from '../../db/client.ts';
import { candidateNodes, candidates } from './attraction.schema.ts';

/** A candidate firm to insert with the chain nodes it sits on. */
export type NewCandidate = typeof candidates.$inferInsert & { nodeIds: readonly string[] };

const BATCH = 1000;

/**
 * Inserts candidates and their node links (candidate_nodes), 1,000 rows per statement, in one transaction
 * (a savepoint when `db` is one already). Returns the number of candidates inserted.
 */
export async function insertCandidates(db: Db, rows: readonly NewCandidate[]): Promise<number> {
  if (rows.length === 0) return 0;
  const links = rows.flatMap((c) =>
    [...new Set(c.nodeIds)].map((nodeId) => ({ regionCode: c.regionCode, candidateId: c.id, nodeId, isSynthetic: c.isSynthetic ?? false })),
  );
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += BATCH) {
      await tx.insert(candidates).values(rows.slice(start, start + BATCH).map(({ nodeIds: _nodes, ...row }) => row));
    }
    for (let start = 0; start < links.length; start += BATCH) await tx.insert(candidateNodes).values(links.slice(start, start + BATCH));
  });
  return rows.length;
}
