import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { selectRows } from '../resolution/resolution.repo.ts';
import type { Resolution } from '../resolution/resolution.types.ts';
import { applyEnterprises } from './imports.apply.ts';
import { matchFirms } from './imports.match.ts';
import { COLUMNS, parseImportSourceKey, validateRow } from './imports.model.ts';
import { ImportsRepo } from './imports.repo.ts';

const HeldRow = z.object({ raw: z.record(z.string(), z.string()), outcome: z.string(), kind: z.string() });

/**
 * Applies a firm row an import held for review, once a reviewer decided its pair: confirmed → the row updates
 * that firm; rejected → the row is resolved again (the rejection is remembered, so it becomes a new firm or
 * meets another candidate). The raw row's outcome, firm and field provenance are updated with it. Runs in the
 * caller's transaction; a row no longer held (applied before) is left alone.
 */
export async function applyHeldRow(tx: Db, regionCode: string, sourceKey: string | null, decided: { decision: 'confirm' | 'reject'; enterpriseId: string }): Promise<void> {
  const key = parseImportSourceKey(sourceKey);
  if (!key) return;
  const [held] = await selectRows(
    tx,
    sql`select r.raw, r.outcome, i.kind from import_rows r join imports i on i.region_code = r.region_code and i.id = r.import_id
         where r.region_code = ${regionCode} and r.import_id = ${key.importId} and r.row_number = ${key.rowNumber} for update of r`,
    HeldRow,
  );
  if (held?.outcome !== 'review' || held.kind !== 'enterprises') return;
  const repo = new ImportsRepo(tx);
  const specs = COLUMNS.enterprises;
  const checked = validateRow('enterprises', key.rowNumber, specs.map((s) => held.raw[s.header] ?? ''), new Map(specs.map((s, i) => [s.field, i])), {
    towns: await repo.townsOf(regionCode),
    nodeIds: new Set(),
    currentYear: new Date().getFullYear(),
  });
  if (!checked.ok || checked.value.kind !== 'enterprises') return;
  const matcher =
    decided.decision === 'confirm'
      ? async (): Promise<Resolution[]> => [{ decision: 'existing', enterpriseId: decided.enterpriseId, score: 1, rule: 'remembered' }]
      : matchFirms;
  const [applied] = await applyEnterprises({ tx, regionCode, importId: key.importId, touched: new Map() }, [{ rowNumber: key.rowNumber, value: checked.value }], matcher);
  if (!applied) return;
  await tx.execute(sql`update import_rows set outcome = ${applied.outcome}, enterprise_id = ${applied.enterpriseId}, fields = ${applied.fields ?? null}::json
    where region_code = ${regionCode} and import_id = ${key.importId} and row_number = ${key.rowNumber}`);
}
