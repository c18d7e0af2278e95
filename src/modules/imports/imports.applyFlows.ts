import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { unnestInsertStatement } from '../../db/unnestInsert.ts';
import { nodeTaxCodes } from '../chains/chains.schema.ts';
import { selectRows } from '../resolution/resolution.repo.ts';
import { tradeFlows } from '../supply/supply.schema.ts';
import { type Applied, type ApplyContext, closingWrite } from './imports.apply.ts';
import type { FlowRowValue, TaxCodeRowValue } from './imports.model.ts';

const ExistingFlow = z.object({ id: z.coerce.number(), period: z.string(), seller_uscc: z.string(), buyer_enterprise_id: z.string(), node_id: z.string(), amount_wan: z.coerce.number() });

const flowKey = (period: string, sellerUscc: string, buyerId: string, nodeId: string) => `${period}|${sellerUscc}|${buyerId}|${nodeId}`;

/**
 * Trade flows (METHODS §3). A flow is keyed by month, seller, buyer and node: a row for a key the database
 * already holds replaces it (a corrected month re-imported), with the same amount it is unchanged. A seller
 * outside the registry is an external seller; its region is read from positions 3–8 of its USCC.
 */
export async function applyFlows(ctx: ApplyContext, rows: { rowNumber: number; enterpriseId: string; sellerId: string | null; value: FlowRowValue }[]): Promise<Applied[]> {
  if (rows.length === 0) return [];
  const buyers = [...new Set(rows.map((r) => r.enterpriseId))];
  const periods = [...new Set(rows.map((r) => r.value.period))];
  const found = await selectRows(
    ctx.tx,
    sql`select id, to_char(period, 'YYYY-MM-DD') as period, seller_uscc, buyer_enterprise_id, node_id, amount_wan from trade_flows
        where region_code = ${ctx.regionCode} and buyer_enterprise_id = any(${sql.param(buyers)}::text[]) and period = any(${sql.param(periods)}::date[])`,
    ExistingFlow,
  );
  ctx.readsDone?.();
  const existing = new Map<string, { ids: number[]; amount: number }>();
  for (const f of found) {
    const key = flowKey(f.period, f.seller_uscc, f.buyer_enterprise_id, f.node_id);
    const entry = existing.get(key) ?? { ids: [], amount: 0 };
    entry.ids.push(f.id);
    entry.amount += f.amount_wan;
    existing.set(key, entry);
  }
  const out: Applied[] = [];
  const replaced: number[] = [];
  const inserts: (typeof tradeFlows.$inferInsert)[] = [];
  for (const { rowNumber, enterpriseId, sellerId, value } of rows) {
    const before = existing.get(flowKey(value.period, value.sellerUscc, enterpriseId, value.nodeId));
    if (before && before.ids.length === 1 && Math.abs(before.amount - value.amountWan) < 5e-5) {
      out.push({ rowNumber, outcome: 'unchanged', enterpriseId });
      continue;
    }
    if (before) replaced.push(...before.ids);
    inserts.push({
      regionCode: ctx.regionCode,
      period: value.period,
      sellerUscc: value.sellerUscc,
      sellerEnterpriseId: sellerId,
      sellerRegionCode: value.sellerUscc.slice(2, 8),
      buyerEnterpriseId: enterpriseId,
      nodeId: value.nodeId,
      amountWan: value.amountWan,
      isSynthetic: false,
    });
    out.push({ rowNumber, outcome: before ? 'updated' : 'inserted', enterpriseId });
  }
  await closingWrite(ctx, [
    ...(replaced.length > 0 ? [sql`delete from trade_flows where region_code = ${ctx.regionCode} and id = any(${sql.param(replaced)}::bigint[])`] : []),
    ...(inserts.length > 0 ? [unnestInsertStatement(tradeFlows, inserts)] : []),
  ]);
  return out;
}

const ExistingCode = z.object({ tax_code: z.string(), node_id: z.string() });

/** The tax-item code → chain node mapping: a code mapped before is re-pointed (updated) or left (unchanged). */
export async function applyTaxCodes(ctx: ApplyContext, rows: { rowNumber: number; value: TaxCodeRowValue }[]): Promise<Applied[]> {
  if (rows.length === 0) return [];
  const codes = rows.map((r) => r.value.taxCode);
  const found = await selectRows(ctx.tx, sql`select tax_code, node_id from node_tax_codes where region_code = ${ctx.regionCode} and tax_code = any(${sql.param(codes)}::text[])`, ExistingCode);
  ctx.readsDone?.();
  const existing = new Map(found.map((f) => [f.tax_code, f.node_id]));
  const out: Applied[] = [];
  const upserts = rows.filter(({ rowNumber, value }) => {
    const before = existing.get(value.taxCode);
    const outcome = before === undefined ? 'inserted' : before === value.nodeId ? 'unchanged' : 'updated';
    out.push({ rowNumber, outcome, enterpriseId: null });
    return outcome !== 'unchanged';
  });
  if (upserts.length > 0) {
    await closingWrite(ctx, [
      sql`insert into ${nodeTaxCodes} (region_code, tax_code, node_id)
      select ${ctx.regionCode}, * from unnest(${sql.param(upserts.map((u) => u.value.taxCode))}::text[], ${sql.param(upserts.map((u) => u.value.nodeId))}::text[])
      on conflict (region_code, tax_code) do update set node_id = excluded.node_id`,
    ]);
  }
  return out;
}
