import { insertInBatches } from '../../db/batches.ts';
import type { Db } from '../../db/client.ts';
import type { FundKind } from './funds.model.ts';
import { fundInvestments, funds } from './funds.schema.ts';

export type NewFund = Omit<typeof funds.$inferInsert, 'kind'> & { kind: FundKind };
export type NewFundInvestment = typeof fundInvestments.$inferInsert;

/** Inserts funds, mothers before their sub-funds (the parent key is checked row by row), 1,000 rows per statement. */
export function insertFunds(db: Db, rows: readonly NewFund[]): Promise<number> {
  const ordered = [...rows].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'mother' ? -1 : 1));
  return insertInBatches(db, ordered, (tx, batch) => tx.insert(funds).values(batch));
}

/** Inserts fund investments (after their funds and projects), 1,000 rows per statement. */
export function insertFundInvestments(db: Db, rows: readonly NewFundInvestment[]): Promise<number> {
  return insertInBatches(db, rows, (tx, batch) => tx.insert(fundInvestments).values(batch));
}
