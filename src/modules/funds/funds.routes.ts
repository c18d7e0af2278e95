import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, RegionParam } from '../../server/http.ts';
import { FundDetail, FundTree } from './funds.model.ts';
import { FundsService } from './funds.service.ts';

const IdParams = RegionParam.extend({ id: z.string().min(1).max(64) });

export async function fundRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new FundsService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.get(
    '/api/r/:region/funds',
    {
      schema: {
        tags: ['funds'],
        summary: 'Mother funds with their sub-funds; leverage = Σ sub-fund sizes / mother size; projects invested and attracted',
        params: RegionParam,
        response: { 200: FundTree, ...errors },
      },
    },
    async (request) => service.tree(request.params.region),
  );

  r.get(
    '/api/r/:region/funds/:id',
    {
      schema: {
        tags: ['funds'],
        summary: 'One fund with its sub-funds and investments',
        params: IdParams,
        response: { 200: FundDetail, ...errors },
      },
    },
    async (request) => service.detail(request.params.region, request.params.id),
  );
}
