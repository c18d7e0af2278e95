import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, Paging, RegionParam } from '../../server/http.ts';
import { Scale } from '../enterprises/enterprises.model.ts';
import { attachmentHeader, buildFirmWorkbook } from './chainMap.export.ts';
import { ChainMap, ChainMapSettings, ChainMapSettingsUpdate, ChainMapSummary, NodeFirmPage } from './chainMap.model.ts';
import { ChainMapService } from './chainMap.service.ts';

const Id = z.string().min(1).max(64);
const YearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional().describe('year of the figures; latest full year by default') });
const NodeParams = RegionParam.extend({ id: Id, nodeId: Id });
const EXPORT_LIMIT = 100_000;

export async function chainMapRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new ChainMapService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
  const tags = ['chains'];

  r.get(
    '/api/r/:region/chains/:id/map',
    {
      schema: {
        tags,
        summary: 'Chain map: nodes with firm count, 规上 count, output share, local supply rate, HHI and status (METHODS §5); inputs, roles, targets',
        params: RegionParam.extend({ id: Id }),
        querystring: YearQuery,
        response: { 200: ChainMap, ...errors },
      },
    },
    async (request) => service.map(request.params.region, request.params.id, request.query.year),
  );

  r.get(
    '/api/r/:region/chain-maps',
    {
      schema: {
        tags,
        summary: 'Node status counts (missing / weak / strong) of every chain of the region for a year',
        params: RegionParam,
        querystring: YearQuery,
        response: { 200: ChainMapSummary, ...errors },
      },
    },
    async (request) => service.summary(request.params.region, request.query.year),
  );

  r.get(
    '/api/r/:region/chains/:id/nodes/:nodeId/firms',
    {
      schema: {
        tags,
        summary: 'Firms on one node of the chain, largest output of the year first, paged',
        params: NodeParams,
        querystring: Paging.merge(YearQuery),
        response: { 200: NodeFirmPage, ...errors },
      },
    },
    async (request) => {
      const { page, pageSize, year } = request.query;
      const { params } = request;
      const result = await service.firms({ regionCode: params.region, chainId: params.id, nodeId: params.nodeId, year, limit: pageSize, offset: (page - 1) * pageSize });
      return { items: result.rows.map((row) => ({ ...row, scale: Scale.parse(row.scale) })), total: result.total, page, pageSize, year: result.year };
    },
  );

  r.get(
    '/api/r/:region/chains/:id/nodes/:nodeId/firms.xlsx',
    {
      schema: {
        tags,
        summary: 'Firms on one node as an Excel workbook (Chinese headers, output of the year in 万元)',
        params: NodeParams,
        querystring: YearQuery,
        response: { 200: z.any().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), ...errors },
      },
    },
    async (request, reply) => {
      const { params } = request;
      const result = await service.firms({ regionCode: params.region, chainId: params.id, nodeId: params.nodeId, year: request.query.year, limit: EXPORT_LIMIT, offset: 0 });
      const buffer = await buildFirmWorkbook({ title: `${result.nodeNameZh} 企业清单`, year: result.year, rows: result.rows });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader(`${result.nodeNameZh}-企业清单-${result.year ?? ''}.xlsx`, `firms-${params.nodeId}.xlsx`))
        .send(buffer);
    },
  );

  r.get(
    '/api/r/:region/chain-map-settings',
    {
      schema: { tags, summary: 'Thresholds of node status (METHODS §5) with year, source and version; defaults have version 0', params: RegionParam, response: { 200: ChainMapSettings, ...errors } },
    },
    async (request) => service.settings(request.params.region),
  );

  r.put(
    '/api/r/:region/chain-map-settings',
    {
      config: { write: 'chains' },
      schema: {
        tags,
        summary: 'Change the thresholds of node status; a stale version gets 409 with the current settings',
        params: RegionParam,
        body: ChainMapSettingsUpdate,
        response: { 200: ChainMapSettings, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => {
      request.auditTarget = `chain-map-settings:${request.params.region}`;
      return service.updateSettings(request.params.region, request.body);
    },
  );
}
