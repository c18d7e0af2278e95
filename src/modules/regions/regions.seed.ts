import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { tenants } from '../tenants/tenants.schema.ts';
import { regions } from './regions.schema.ts';

const County = z.object({ code: z.string().regex(/^\d{6}$/), name: z.string(), cityCode: z.string().regex(/^\d{4}$/), city: z.string() });
const Town = z.object({ code: z.string().regex(/^\d{9,12}$/), name: z.string(), lon: z.number(), lat: z.number(), approx: z.boolean() });

function readJson<T>(name: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')));
}

export type RegionRow = typeof regions.$inferInsert;

/** GB/T 2260 rows shipped with the platform: Zhejiang, its cities and counties, and Wenling's towns. */
export function referenceRegions(): RegionRow[] {
  const counties = readJson('zhejiang-33-counties.json', z.array(County));
  const towns = readJson('wenling-331081-towns.json', z.array(Town));
  const cities = new Map(counties.map((c) => [c.cityCode, c.city]));
  return [
    { code: '33', nameZh: '浙江省', nameEn: 'Zhejiang', level: 'province', parentCode: null },
    ...[...cities].map(([code, name]) => ({ code, nameZh: name, level: 'city', parentCode: '33' })),
    ...counties.map((c) => ({ code: c.code, nameZh: c.name, level: 'county', parentCode: c.cityCode })),
    ...towns.map((t) => ({
      code: t.code,
      nameZh: t.name,
      level: 'town',
      parentCode: t.code.slice(0, 6),
      lon: t.lon.toFixed(6),
      lat: t.lat.toFixed(6),
      isApproximate: t.approx,
    })),
  ];
}

/** Upserts the reference regions and the first tenant, 温岭市; safe to run on every start. */
export async function seedReferenceRegions(db: Db): Promise<void> {
  const rows = referenceRegions();
  await db.transaction(async (tx) => {
    await tx
      .insert(regions)
      .values(rows)
      .onConflictDoUpdate({
        target: regions.code,
        set: { nameZh: sql`excluded.name_zh`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code` },
      });
    await tx.insert(tenants).values({ regionCode: '331081', nameZh: '温岭市', nameEn: 'Wenling' }).onConflictDoNothing();
  });
}
