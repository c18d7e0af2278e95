import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { parks } from './parks.schema.ts';

export type ParkRow = typeof parks.$inferSelect;

export interface ParkFilter {
  regionCode: string;
  kind?: string | undefined;
  frame?: string | undefined;
  parentId?: string | undefined;
  limit: number;
  offset: number;
}

/** SQL of the parks module. */
export class ParksRepo {
  constructor(private readonly db: Db) {}

  async list(filter: ParkFilter): Promise<{ rows: ParkRow[]; total: number }> {
    const where = and(
      eq(parks.regionCode, filter.regionCode),
      filter.kind ? eq(parks.kind, filter.kind) : undefined,
      filter.frame ? eq(parks.frame, filter.frame) : undefined,
      filter.parentId ? eq(parks.parentId, filter.parentId) : undefined,
    );
    const rows = await this.db.select().from(parks).where(where).orderBy(asc(parks.sort), asc(parks.id)).limit(filter.limit).offset(filter.offset);
    const totals = await this.db.select({ n: count() }).from(parks).where(where);
    return { rows, total: Number(totals[0]?.n ?? 0) };
  }

  async get(regionCode: string, id: string): Promise<ParkRow | undefined> {
    const rows = await this.db
      .select()
      .from(parks)
      .where(and(eq(parks.regionCode, regionCode), eq(parks.id, id)))
      .limit(1);
    return rows[0];
  }
}
