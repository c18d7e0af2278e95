import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, RegionParam } from '../../server/http.ts';
import { isRegionInScope } from '../auth/auth.model.ts';
import { tenants } from './tenants.schema.ts';

export const Tenant = z
  .object({ regionCode: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), hasSyntheticData: z.boolean() })
  .meta({ id: 'Tenant' });

export async function listTenants(db: Db): Promise<z.infer<typeof Tenant>[]> {
  return db
    .select({ regionCode: tenants.regionCode, nameZh: tenants.nameZh, nameEn: tenants.nameEn, hasSyntheticData: tenants.hasSyntheticData })
    .from(tenants)
    .orderBy(asc(tenants.regionCode));
}

export async function hasTenant(db: Db, regionCode: string): Promise<boolean> {
  const rows = await db.select({ code: tenants.regionCode }).from(tenants).where(eq(tenants.regionCode, regionCode)).limit(1);
  return rows.length > 0;
}

export async function tenantRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/regions',
    { schema: { tags: ['regions'], summary: 'The regions (tenants) the signed-in user may see', response: { 200: z.object({ items: z.array(Tenant) }), 401: ErrorResponse } } },
    async (request) => {
      const scopes = request.user?.scopes ?? [];
      const all = await listTenants(options.db);
      return { items: all.filter((t) => isRegionInScope(scopes, t.regionCode)) };
    },
  );
  r.get(
    '/api/r/:region',
    { schema: { tags: ['regions'], summary: 'One region the user may see', params: RegionParam, response: { 200: Tenant, 404: ErrorResponse } } },
    async (request) => {
      const all = await listTenants(options.db);
      const tenant = all.find((t) => t.regionCode === request.params.region);
      if (!tenant) throw new Error('tenant vanished after the scope check');
      return tenant;
    },
  );
}
