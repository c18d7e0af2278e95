import type { Db } from './client.ts';

/**
 * Runs `insert` on consecutive slices of `rows` inside one transaction (a savepoint when `db` is one already),
 * so a bulk insert is all or nothing. `onBatch` reports progress. Returns the number of rows.
 */
export async function insertInBatches<R>(
  db: Db,
  rows: readonly R[],
  insert: (tx: Db, batch: R[]) => Promise<unknown>,
  options: { batchSize?: number; onBatch?: (rows: number) => void } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const size = options.batchSize ?? 1000;
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += size) {
      const batch = rows.slice(start, start + size);
      await insert(tx, batch);
      options.onBatch?.(batch.length);
    }
  });
  return rows.length;
}
