import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, RegionParam } from '../../server/http.ts';
import { MapFirms, MapFirmsQuery, MapNetwork } from './map.model.ts';
import { MapService } from './map.service.ts';
import { SupplyCircle, SupplyCircleQuery } from './supplyCircle.model.ts';
import { SupplyCircleService } from './supplyCircle.service.ts';

export async function supplyCircleRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new SupplyCircleService(options.db);
  const maps = new MapService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.get(
    '/api/r/:region/supply-circle',
    {
      schema: {
        tags: ['supply-circle'],
        summary:
          "Supply circle (半小时配套圈) of a site or a firm's site for a chain: per input node the suppliers (firms mapped to the node) that can drive to the site within the limit, the nearest one's drive time, coverage and 全配套",
        params: RegionParam,
        querystring: SupplyCircleQuery,
        response: { 200: SupplyCircle, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      return service.circle(request.params.region, { site: q.site, firmId: q.firm, chainId: q.chain, minutes: q.minutes, scale: q.scale, withIsochrone: q.isochrone });
    },
  );

  r.get(
    '/api/r/:region/supply-circle/network',
    {
      schema: {
        tags: ['supply-circle'],
        summary: "The region's stored road network for drawing: its flags (synthetic 示例路网 or OpenStreetMap) and its road pieces as lines, major classes only when the network is large",
        params: RegionParam,
        response: { 200: MapNetwork, ...errors },
      },
    },
    async (request) => maps.network(request.params.region),
  );

  r.get(
    '/api/r/:region/supply-circle/firms',
    {
      schema: {
        tags: ['supply-circle'],
        summary: "Located firms for the map, by chain and node: each firm's point (first plant, else registered site) and its nodes on the chain",
        params: RegionParam,
        querystring: MapFirmsQuery,
        response: { 200: MapFirms, ...errors },
      },
    },
    async (request) => maps.firms(request.params.region, request.query.chain),
  );
}
