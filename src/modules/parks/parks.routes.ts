import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, Paging, RegionParam } from '../../server/http.ts';
import { Park, ParkKind } from './parks.model.ts';
import { ParksService } from './parks.service.ts';

const Id = z.string().min(1).max(64);
const ParksQuery = Paging.extend({
  kind: ParkKind.optional(),
  frame: z.string().trim().min(1).max(32).optional().describe("strategy frame, e.g. '1+2+N' or '两城两湖'"),
  parent: Id.optional().describe('only parks inside this park'),
});

export async function parkRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new ParksService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.get(
    '/api/r/:region/parks',
    {
      schema: {
        tags: ['parks'],
        summary: 'Industrial spaces ("1+2+N") and innovation zones ("两城两湖") of a region, paged; filter by kind, frame and parent',
        params: RegionParam,
        querystring: ParksQuery,
        response: { 200: z.object({ items: z.array(Park), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize, kind, frame, parent } = request.query;
      const result = await service.list({ regionCode: request.params.region, kind, frame, parentId: parent, limit: pageSize, offset: (page - 1) * pageSize });
      return { ...result, page, pageSize };
    },
  );

  r.get(
    '/api/r/:region/parks/:id',
    { schema: { tags: ['parks'], summary: 'One park', params: RegionParam.extend({ id: Id }), response: { 200: Park, ...errors } } },
    async (request) => service.get(request.params.region, request.params.id),
  );
}
