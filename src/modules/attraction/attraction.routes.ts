import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, Paging, RegionParam } from '../../server/http.ts';
import { Candidate, CandidateSort, defaultOrder } from './attraction.model.ts';
import { AttractionService } from './attraction.service.ts';

const CandidatesQuery = Paging.extend({
  node: z.string().min(1).max(64).optional(),
  listed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  home: z.string().regex(/^\d{2,6}$/, 'must be a GB/T 2260 code or prefix of 2–6 digits').optional(),
  sort: CandidateSort.default('revenue'),
  order: z.enum(['asc', 'desc']).optional(),
});

export async function attractionRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new AttractionService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.get(
    '/api/r/:region/candidates',
    {
      schema: {
        tags: ['attraction'],
        summary: 'External candidate firms, paged; filters: chain node, listed, home region (code or prefix); sort by revenue, growth, distance or name',
        params: RegionParam,
        querystring: CandidatesQuery,
        response: { 200: z.object({ items: z.array(Candidate), total: z.number().int(), page: z.number(), pageSize: z.number() }), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize, node, listed, home, sort, order } = request.query;
      const result = await service.list({
        regionCode: request.params.region,
        nodeId: node,
        isListed: listed,
        homeRegionPrefix: home,
        sort,
        order: order ?? defaultOrder(sort),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { ...result, page, pageSize };
    },
  );
}
