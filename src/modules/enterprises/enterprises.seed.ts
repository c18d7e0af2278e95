import type { enterpriseSites, enterprises } from './enterprises.schema.ts';

/** One plant site per synthetic firm at the firm's own position (the demo knows nothing finer). */
export function plantSitesOf(rows: readonly (typeof enterprises.$inferInsert)[]): (typeof enterpriseSites.$inferInsert)[] {
  return rows
    .filter((r) => r.isSynthetic === true && r.lon != null && r.lat != null)
    .map((r) => ({ regionCode: r.regionCode, enterpriseId: r.id, id: 'plant-1', kind: 'plant', townCode: r.townCode ?? null, lon: r.lon, lat: r.lat, isSynthetic: true }));
}
