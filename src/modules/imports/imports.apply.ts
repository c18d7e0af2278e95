import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { BulkRows, type ChunkWrite, statementOf } from '../../db/bulkRows.ts';
import { type NameKeys, nameKeysOf } from '../enterprises/search.model.ts';
import type { EnterpriseRowValue, MembershipRowValue, MetricField, MetricRowValue } from './imports.model.ts';
import { importSourceKey, insertedFirmFields, METRIC_FIELDS } from './imports.model.ts';
import { enterpriseMetrics, enterpriseNodes, enterprises } from './imports.repo.ts';
import { nextTurn } from './imports.chunkWriter.ts';
import type { FirmMatcher } from './imports.match.ts';

export type Outcome = 'inserted' | 'updated' | 'unchanged' | 'review';
export interface Applied {
  rowNumber: number;
  outcome: Outcome;
  enterpriseId: string | null;
  /** the firm's fields the row set (field provenance), as the JSON text import_rows.fields keeps */
  fields?: string;
}
export interface ApplyContext {
  tx: Db;
  regionCode: string;
  importId: string;
  /** firms already written by an earlier row of this import: a second row for the same firm goes to review */
  touched: Map<string, number>;
  /**
   * Takes the chunk's closing writes (nothing later in the apply function reads what they write): data-modifying
   * statements that may run as one (src/db/oneStatement.ts) and bulk rows (src/db/bulkRows.ts), in no set order.
   * Without it they run before the function returns; the import centre queues them so the database writes one
   * chunk while the next is matched.
   */
  defer?: (write: ChunkWrite) => void;
  /** Called once the apply function has read what it needs: the caller may start the previous chunk's writes now. */
  readsDone?: () => void;
  /** A read after `readsDone` waits for this first (one connection runs one statement at a time). */
  writesIdle?: () => Promise<void>;
}

/** Runs the writes now, in order, or hands them to the caller's queue (see ApplyContext.defer). */
export async function closingWrite(ctx: ApplyContext, writes: readonly ChunkWrite[]): Promise<void> {
  for (const write of writes) {
    if (ctx.defer) ctx.defer(write);
    else await ctx.tx.execute(statementOf(write));
  }
}

function fieldsOf<T extends Record<string, unknown>>(record: T, keys: readonly (keyof T & string)[]): Record<string, string | null> {
  return Object.fromEntries(keys.map((k) => [k, record[k] === null || record[k] === undefined ? null : String(record[k])]));
}

function isDuplicate(ctx: ApplyContext, enterpriseId: string, rowNumber: number): boolean {
  if (ctx.touched.has(enterpriseId)) return true;
  ctx.touched.set(enterpriseId, rowNumber);
  return false;
}

const FIRM_FIELDS = ['uscc', 'name', 'townCode', 'scale', 'isListed', 'foundedYear'] as const;

export async function applyEnterprises(
  ctx: ApplyContext,
  rows: { rowNumber: number; value: EnterpriseRowValue; nameKeys?: NameKeys | undefined; insertFieldsJson?: string | undefined }[],
  matcher: FirmMatcher,
): Promise<Applied[]> {
  const matches = await matcher(
    ctx.tx,
    ctx.regionCode,
    rows.map((r) => ({ sourceKey: importSourceKey(ctx.importId, r.rowNumber), name: r.value.name, uscc: r.value.uscc, address: r.value.address })),
    { defer: ctx.defer, readsDone: ctx.readsDone },
  );
  await nextTurn(); // the previous chunk's next write goes out (imports.chunkWriter.ts)
  const ids = matches.flatMap((m) => (m.decision === 'existing' ? [m.enterpriseId] : []));
  if (ids.length > 0) await ctx.writesIdle?.();
  const existing = new Map((ids.length > 0 ? await ctx.tx.select().from(enterprises).where(sql`${enterprises.regionCode} = ${ctx.regionCode} and ${enterprises.id} = any(${sql.param(ids)}::text[])`) : []).map((e) => [e.id, e]));
  ctx.readsDone?.(); // the import matcher has said so already; another matcher may not
  const out: Applied[] = [];
  const inserts: (typeof enterprises.$inferInsert)[] = [];
  const updates: (typeof enterprises.$inferSelect)[] = [];
  for (const [i, { rowNumber, value, nameKeys, insertFieldsJson }] of rows.entries()) {
    const match = matches[i];
    if (!match || match.decision === 'review') {
      out.push({ rowNumber, outcome: 'review', enterpriseId: match ? match.enterpriseId : null });
      continue;
    }
    // A firm an earlier row of this import wrote may not be visible yet (ApplyContext.readsDone): `touched` knows it.
    if (match.decision === 'existing' && ctx.touched.has(match.enterpriseId)) {
      out.push({ rowNumber, outcome: 'review', enterpriseId: match.enterpriseId });
      continue;
    }
    const current = match.decision === 'existing' ? existing.get(match.enterpriseId) : undefined;
    if (!current) {
      const id = value.uscc ?? `${ctx.importId}-r${rowNumber}`;
      if (isDuplicate(ctx, id, rowNumber)) {
        out.push({ rowNumber, outcome: 'review', enterpriseId: id });
        continue;
      }
      const record = { regionCode: ctx.regionCode, id, uscc: value.uscc, name: value.name, ...(nameKeys ?? nameKeysOf(value.name)), townCode: value.townCode, scale: value.scale ?? 'below', isListed: value.isListed ?? false, foundedYear: value.foundedYear };
      inserts.push(record);
      out.push({ rowNumber, outcome: 'inserted', enterpriseId: id, fields: insertFieldsJson ?? JSON.stringify(insertedFirmFields(value)) });
      continue;
    }
    ctx.touched.set(current.id, rowNumber); // not touched yet: checked above
    const next = { ...current };
    if (value.uscc !== null) next.uscc = value.uscc;
    next.name = value.name;
    if (value.townCode !== null) next.townCode = value.townCode;
    if (value.scale !== null) next.scale = value.scale;
    if (value.isListed !== null) next.isListed = value.isListed;
    if (value.foundedYear !== null) next.foundedYear = value.foundedYear;
    const changed = FIRM_FIELDS.filter((f) => next[f] !== current[f]);
    if (changed.length === 0) {
      out.push({ rowNumber, outcome: 'unchanged', enterpriseId: current.id });
      continue;
    }
    Object.assign(next, nameKeys ?? nameKeysOf(next.name));
    updates.push(next);
    const fields = fieldsOf(next, changed);
    if (value.address) fields.address = value.address;
    out.push({ rowNumber, outcome: 'updated', enterpriseId: current.id, fields: JSON.stringify(fields) });
  }
  matcher.remember?.(ctx.regionCode, inserts.map((r) => ({ id: r.id, name: r.name, uscc: r.uscc ?? null, townCode: r.townCode ?? null })), 'inserted');
  matcher.remember?.(ctx.regionCode, updates.map((r) => ({ id: r.id, name: r.name, uscc: r.uscc, townCode: r.townCode })), 'updated');
  await nextTurn(); // the previous chunk's next write goes out (imports.chunkWriter.ts)
  const col = <T>(f: (u: (typeof updates)[number]) => T) => sql.param(updates.map(f));
  const writes: ChunkWrite[] = [];
  if (inserts.length > 0) writes.push(BulkRows.of(enterprises, inserts));
  if (updates.length > 0) {
    writes.push(sql`update enterprises e set uscc = u.uscc, name = u.name, name_sort_key = u.sort_key, name_initials = u.initials, name_pinyin = u.pinyin, town_code = u.town_code, scale = u.scale,
        is_listed = u.is_listed, founded_year = u.founded_year, version = e.version + 1, updated_at = now()
      from unnest(${col((u) => u.id)}::text[], ${col((u) => u.uscc)}::text[], ${col((u) => u.name)}::text[], ${col((u) => u.nameSortKey)}::text[], ${col((u) => u.nameInitials)}::text[], ${col((u) => u.namePinyin)}::text[], ${col((u) => u.townCode)}::text[],
        ${col((u) => u.scale)}::text[], ${col((u) => u.isListed)}::boolean[], ${col((u) => u.foundedYear)}::smallint[]) as u(id, uscc, name, sort_key, initials, pinyin, town_code, scale, is_listed, founded_year)
      where e.region_code = ${ctx.regionCode} and e.id = u.id`);
  }
  await closingWrite(ctx, writes);
  return out;
}

const METRIC_COLUMN: Record<MetricField, string> = {
  revenueWan: 'revenue_wan',
  outputWan: 'output_wan',
  valueAddedWan: 'value_added_wan',
  taxWan: 'tax_wan',
  landMu: 'land_mu',
  energyTce: 'energy_tce',
  emissionsT: 'emissions_t',
  electricityMwh: 'electricity_mwh',
  employees: 'employees',
  rdWan: 'rd_wan',
};

export async function applyMetrics(ctx: ApplyContext, rows: { rowNumber: number; enterpriseId: string; value: MetricRowValue }[]): Promise<Applied[]> {
  const ids = [...new Set(rows.map((r) => r.enterpriseId))];
  const found = ids.length > 0 ? await ctx.tx.select().from(enterpriseMetrics).where(sql`${enterpriseMetrics.regionCode} = ${ctx.regionCode} and ${enterpriseMetrics.enterpriseId} = any(${sql.param(ids)}::text[])`) : [];
  ctx.readsDone?.();
  const existing = new Map(found.map((m) => [`${m.enterpriseId}|${m.year}`, m]));
  const out: Applied[] = [];
  const upserts: { enterpriseId: string; year: number; values: Record<MetricField, number | null> }[] = [];
  for (const { rowNumber, enterpriseId, value } of rows) {
    const current = existing.get(`${enterpriseId}|${value.year}`);
    const merged = { ...value.values };
    const changed: MetricField[] = [];
    for (const f of METRIC_FIELDS) {
      const before = current?.[f] ?? null;
      const beforeNumber = before === null ? null : Number(before);
      if (merged[f] === null) merged[f] = beforeNumber;
      else if (merged[f] !== beforeNumber) changed.push(f);
    }
    if (current && changed.length === 0) {
      out.push({ rowNumber, outcome: 'unchanged', enterpriseId });
      continue;
    }
    upserts.push({ enterpriseId, year: value.year, values: merged });
    const fields = Object.fromEntries(changed.map((f) => [`metrics.${value.year}.${f}`, String(merged[f])]));
    out.push({ rowNumber, outcome: current ? 'updated' : 'inserted', enterpriseId, fields: JSON.stringify(fields) });
  }
  if (upserts.length > 0) {
    const columns = METRIC_FIELDS.map((f) => sql.raw(METRIC_COLUMN[f]));
    const arrays = METRIC_FIELDS.map((f) => sql`${sql.param(upserts.map((u) => u.values[f]))}::${sql.raw(f === 'employees' ? 'int' : 'numeric')}[]`);
    await closingWrite(ctx, [
      sql`insert into enterprise_metrics (region_code, enterprise_id, year, ${sql.join(columns, sql`, `)})
      select ${ctx.regionCode}, * from unnest(${sql.param(upserts.map((u) => u.enterpriseId))}::text[], ${sql.param(upserts.map((u) => u.year))}::smallint[], ${sql.join(arrays, sql`, `)})
      on conflict (region_code, enterprise_id, year) do update set ${sql.join(
        columns.map((c) => sql`${c} = excluded.${c}`),
        sql`, `,
      )}`,
    ]);
  }
  return out;
}

export async function applyMemberships(ctx: ApplyContext, rows: { rowNumber: number; enterpriseId: string; value: MembershipRowValue }[]): Promise<Applied[]> {
  const ids = [...new Set(rows.map((r) => r.enterpriseId))];
  const found = ids.length > 0 ? await ctx.tx.select().from(enterpriseNodes).where(sql`${enterpriseNodes.regionCode} = ${ctx.regionCode} and ${enterpriseNodes.enterpriseId} = any(${sql.param(ids)}::text[])`) : [];
  ctx.readsDone?.();
  const existing = new Map(found.map((m) => [`${m.enterpriseId}|${m.nodeId}`, m]));
  const out: Applied[] = [];
  const upserts: { enterpriseId: string; nodeId: string; isPrimary: boolean }[] = [];
  for (const { rowNumber, enterpriseId, value } of rows) {
    const current = existing.get(`${enterpriseId}|${value.nodeId}`);
    const isPrimary = value.isPrimary ?? current?.isPrimary ?? false;
    if (current && current.isPrimary === isPrimary) {
      out.push({ rowNumber, outcome: 'unchanged', enterpriseId });
      continue;
    }
    upserts.push({ enterpriseId, nodeId: value.nodeId, isPrimary });
    out.push({ rowNumber, outcome: current ? 'updated' : 'inserted', enterpriseId, fields: JSON.stringify({ [`node.${value.nodeId}`]: isPrimary ? '主营' : '非主营' }) });
  }
  if (upserts.length > 0) {
    await closingWrite(ctx, [
      sql`insert into enterprise_nodes (region_code, enterprise_id, node_id, is_primary)
      select ${ctx.regionCode}, * from unnest(${sql.param(upserts.map((u) => u.enterpriseId))}::text[], ${sql.param(upserts.map((u) => u.nodeId))}::text[], ${sql.param(upserts.map((u) => u.isPrimary))}::boolean[])
      on conflict (region_code, enterprise_id, node_id) do update set is_primary = excluded.is_primary`,
    ]);
  }
  return out;
}
