import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, RegionParam } from '../../server/http.ts';
import { FlowSummary, FlowSummaryQuery } from './supply.model.ts';
import { SupplyService } from './supply.service.ts';

export async function supplyRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new SupplyService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.get(
    '/api/r/:region/flows/summary',
    {
      schema: {
        tags: ['supply'],
        summary: 'Purchases by chain node over a month (period=YYYY-MM) or a year (year=YYYY): net amount in 万元, amount from sellers registered in the region, local share',
        params: RegionParam,
        querystring: FlowSummaryQuery,
        response: { 200: FlowSummary, ...errors },
      },
    },
    async (request) => service.summary(request.params.region, request.query),
  );
}
