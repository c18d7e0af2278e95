import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { referenceRegions } from '../regions/regions.seed.ts';
import { orderParentsFirst, type ParkSeed } from './parks.model.ts';
import { parks } from './parks.schema.ts';

/**
 * Upserts a region's parks in one transaction (parents first); idempotent, never deletes. A park in one town
 * gets that town's approximate centre as its location (flagged approximate); others get no location.
 */
export async function seedParks(db: Db, regionCode: string, seeds: readonly ParkSeed[]): Promise<number> {
  const towns = new Map(referenceRegions().filter((r) => r.level === 'town').map((t) => [t.code, t]));
  const rows = orderParentsFirst(seeds).map((p) => {
    const town = p.townCode === undefined ? undefined : towns.get(p.townCode);
    return {
      regionCode,
      id: p.id,
      parentId: p.parentId ?? null,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      kind: p.kind,
      frame: p.frame,
      townCode: p.townCode ?? null,
      areaMu: p.areaMu === undefined ? null : p.areaMu.toFixed(2),
      statusZh: p.statusZh ?? null,
      statusYear: p.statusYear ?? null,
      note: p.note ?? null,
      lon: town?.lon ?? null,
      lat: town?.lat ?? null,
      isLocationApproximate: true,
      isSynthetic: p.isSynthetic ?? false,
      sort: seeds.indexOf(p),
    };
  });
  if (rows.length === 0) return 0;
  await db.transaction(async (tx) => {
    // One statement per row keeps parents ahead of children under the self-referencing foreign key.
    for (const row of rows) {
      await tx
        .insert(parks)
        .values(row)
        .onConflictDoUpdate({
          target: [parks.regionCode, parks.id],
          set: {
            parentId: sql`excluded.parent_id`,
            nameZh: sql`excluded.name_zh`,
            nameEn: sql`excluded.name_en`,
            kind: sql`excluded.kind`,
            frame: sql`excluded.frame`,
            townCode: sql`excluded.town_code`,
            areaMu: sql`excluded.area_mu`,
            statusZh: sql`excluded.status_zh`,
            statusYear: sql`excluded.status_year`,
            note: sql`excluded.note`,
            lon: sql`excluded.lon`,
            lat: sql`excluded.lat`,
            isLocationApproximate: sql`excluded.is_location_approximate`,
            isSynthetic: sql`excluded.is_synthetic`,
            sort: sql`excluded.sort`,
          },
        });
    }
  });
  return rows.length;
}
