import { type SQL, sql } from 'drizzle-orm';

/**
 * Several data-modifying statements as one, `with w0 as (…), w1 as (…) <last>`: a single round trip, so the
 * database runs them all while the caller goes on with other work. They run on one snapshot and in no set
 * order, so none may read what another writes, nor may two touch the same row; foreign keys are checked after
 * all of them.
 */
export function asOneStatement(statements: readonly SQL[]): SQL {
  const last = statements.at(-1);
  if (last === undefined) throw new Error('asOneStatement: no statements');
  if (statements.length === 1) return last;
  const ctes = statements.slice(0, -1).map((statement, i) => sql`${sql.raw(`w${i}`)} as (${statement})`);
  return sql`with ${sql.join(ctes, sql`, `)} ${last}`;
}
