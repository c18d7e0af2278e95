import { insertInBatches } from '../../db/batches.ts';
import type { Db } from '../../db/client.ts';
import { candidateNodes, candidates } from './attraction.schema.ts';

/** A candidate firm to insert with the chain nodes it sits on. */
export type NewCandidate = typeof candidates.$inferInsert & { nodeIds: readonly string[] };

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
    await insertInBatches(tx, rows, (t, batch) => t.insert(candidates).values(batch.map(({ nodeIds: _nodes, ...row }) => row)));
    await insertInBatches(tx, links, (t, batch) => t.insert(candidateNodes).values(batch));
  });
  return rows.length;
}
