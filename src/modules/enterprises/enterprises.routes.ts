import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, Paging, RegionParam } from '../../server/http.ts';
import { Enterprise, EnterpriseDetail, EnterprisePatch, EnterpriseProfile, NewEnterprise, Scale, Town } from './enterprises.model.ts';
import { EnterprisesService } from './enterprises.service.ts';
import { parseSearchText } from './search.model.ts';

const IdParams = RegionParam.extend({ id: z.string().min(1).max(64) });
const ListQuery = Paging.extend({
  q: z.string().max(100).optional(),
  scale: Scale.optional(),
  synthetic: z.enum(['true', 'false']).optional(),
  listed: z.enum(['true', 'false']).optional(),
  town: z.string().regex(/^\d{9,12}$/, 'must be a 9–12 digit town code').optional(),
  node: z.string().max(100).optional(),
  chain: z.string().max(100).optional(),
  sort: z.enum(['name', 'founded', '-founded']).default('name'),
});

export async function enterpriseRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new EnterprisesService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.get(
    '/api/r/:region/enterprises',
    {
      schema: {
        tags: ['enterprises'],
        summary:
          'Firms of a region: search `q` by name or alias substring, pinyin initials or full pinyin (`dlby` finds 大浪泵业) or exact USCC; filter by scale, listed, synthetic, town, chain node or chain; sort by pinyin name or founding year; paged',
        params: RegionParam,
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(Enterprise), total: z.number().int(), page: z.number(), pageSize: z.number() }), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize, q, scale, synthetic, listed, town, node, chain, sort } = request.query;
      const result = await service.list({
        regionCode: request.params.region,
        search: q?.trim() ? parseSearchText(q) : undefined,
        scale,
        isSynthetic: synthetic === undefined ? undefined : synthetic === 'true',
        isListed: listed === undefined ? undefined : listed === 'true',
        townCode: town,
        nodeId: node,
        chainId: chain,
        sort,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { ...result, page, pageSize };
    },
  );

  r.get(
    '/api/r/:region/enterprises/:id',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'One firm with its yearly figures (tax, energy, emissions, electricity masked without the sensitive permission)',
        params: IdParams,
        response: { 200: EnterpriseDetail, ...errors },
      },
    },
    async (request) => {
      const canSee = request.user?.canSeeSensitive ?? false;
      const { hasSensitiveFigures, ...detail } = await service.detail(request.params.region, request.params.id, canSee);
      if (canSee && hasSensitiveFigures) request.isSensitiveRead = true;
      return detail;
    },
  );

  r.get(
    '/api/r/:region/enterprises/:id/profile',
    {
      schema: {
        tags: ['enterprises'],
        summary:
          'A firm\'s profile: identity, aliases, sites, chain nodes, yearly figures (tax, energy, emissions, electricity masked without the sensitive permission; an unmasked read is audited), projects, import history and field provenance',
        params: IdParams,
        response: { 200: EnterpriseProfile, ...errors },
      },
    },
    async (request) => {
      const canSee = request.user?.canSeeSensitive ?? false;
      const { hasSensitiveFigures, ...profile } = await service.profile(request.params.region, request.params.id, canSee);
      if (canSee && hasSensitiveFigures) request.isSensitiveRead = true;
      return profile;
    },
  );

  r.get(
    '/api/r/:region/towns',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Towns and subdistricts of a county (GB/T 2260), for the firm filters',
        params: RegionParam,
        response: { 200: z.object({ items: z.array(Town) }), ...errors },
      },
    },
    async (request) => ({ items: await service.towns(request.params.region) }),
  );

  r.post(
    '/api/r/:region/enterprises',
    {
      config: { write: 'enterprises' },
      schema: { tags: ['enterprises'], summary: 'Add a firm', params: RegionParam, body: NewEnterprise, response: { 201: Enterprise, 409: ErrorResponse, ...errors } },
    },
    async (request, reply) => {
      const created = await service.create(request.params.region, request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  r.patch(
    '/api/r/:region/enterprises/:id',
    {
      config: { write: 'enterprises' },
      schema: {
        tags: ['enterprises'],
        summary: 'Edit a firm; `version` must be the one read (a stale edit gets 409 and the current record)',
        params: IdParams,
        body: EnterprisePatch,
        response: { 200: Enterprise, 409: ErrorResponse, ...errors },
      },
    },
    async (request) => service.update(request.params.region, request.params.id, request.body),
  );
}
