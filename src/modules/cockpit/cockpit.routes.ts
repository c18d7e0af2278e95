import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, RegionParam } from '../../server/http.ts';
import { attachmentHeader } from '../chains/chainMap.export.ts';
import { buildCockpitPdf, buildCockpitWorkbook } from './cockpit.export.ts';
import { ChainCockpit, CockpitQuery, CountyCockpit } from './cockpit.model.ts';
import { CockpitService } from './cockpit.service.ts';

const ChainParams = RegionParam.extend({ chainId: z.string().min(1).max(64) });

export async function cockpitRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new CockpitService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
  const tags = ['cockpit'];

  r.get(
    '/api/r/:region/cockpit',
    {
      schema: {
        tags,
        summary: 'County cockpit: output, growth and target per chain group and chain, firms, local supply rates, chain health, projects, funds, innovation, sourced facts (万元)',
        params: RegionParam,
        querystring: CockpitQuery,
        response: { 200: CountyCockpit, ...errors },
      },
    },
    async (request) => service.county(request.params.region, request.query.year),
  );

  r.get(
    '/api/r/:region/cockpit/chains/:chainId',
    {
      schema: {
        tags,
        summary: "A chain's cockpit for its 链长: output trend, target, node health, lead firms, key projects, chokepoints, funds, local supply and 30-minute coverage",
        params: ChainParams,
        querystring: CockpitQuery,
        response: { 200: ChainCockpit, ...errors },
      },
    },
    async (request) => service.chain(request.params.region, request.params.chainId, request.query.year),
  );

  r.get(
    '/api/r/:region/cockpit/export.pdf',
    {
      schema: {
        tags,
        summary: 'The county cockpit as a one-page PDF (A4 landscape, Chinese text, charts)',
        params: RegionParam,
        querystring: CockpitQuery,
        response: { 200: z.any().describe('application/pdf'), ...errors },
      },
    },
    async (request, reply) => {
      const cockpit = await service.county(request.params.region, request.query.year);
      const pdf = await buildCockpitPdf(cockpit, cockpit.regionNameZh);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentHeader(`${cockpit.regionNameZh}产业集群驾驶舱-${cockpit.year ?? ''}.pdf`, `cockpit-${cockpit.regionCode}.pdf`))
        .send(pdf);
    },
  );

  r.get(
    '/api/r/:region/cockpit/export.xlsx',
    {
      schema: {
        tags,
        summary: "The cockpit's KPI table as an Excel workbook: chains, county figures, sourced facts (amounts in 万元)",
        params: RegionParam,
        querystring: CockpitQuery,
        response: { 200: z.any().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), ...errors },
      },
    },
    async (request, reply) => {
      const cockpit = await service.county(request.params.region, request.query.year);
      const workbook = await buildCockpitWorkbook(cockpit, cockpit.regionNameZh);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader(`${cockpit.regionNameZh}驾驶舱指标-${cockpit.year ?? ''}.xlsx`, `cockpit-${cockpit.regionCode}.xlsx`))
        .send(workbook);
    },
  );
}
