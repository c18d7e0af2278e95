import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, Paging, RegionParam } from '../../server/http.ts';
import { Chokepoint, ChokepointMatrix, ChokepointStatus, Platform, PlatformDetail, PlatformKind, ResearchLevel, ResearchProject } from './innovation.model.ts';
import { InnovationService } from './innovation.service.ts';

const IdParams = RegionParam.extend({ id: z.string().min(1).max(64) });
const Code = z.string().min(1).max(64);
const Label = z.string().min(1).max(100);
const PlatformsQuery = Paging.extend({ kind: PlatformKind.optional(), chain: Code.optional(), parent: Code.optional() });
const ChokepointFilterQuery = z.object({
  chain: Code.optional(),
  platform: Code.optional(),
  link: Label.optional(),
  commonTech: Label.optional(),
  scenario: Label.optional(),
  status: ChokepointStatus.optional(),
});
const ResearchQuery = Paging.extend({ level: ResearchLevel.optional(), chain: Code.optional(), platform: Code.optional() });
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number(), pageSize: z.number() });

export async function innovationRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new InnovationService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.get(
    '/api/r/:region/platforms',
    {
      schema: {
        tags: ['innovation'],
        summary: 'Innovation platforms with their member counts, paged; filters: kind, chain, parent',
        params: RegionParam,
        querystring: PlatformsQuery,
        response: { 200: page(Platform), ...errors },
      },
    },
    async (request) => {
      const { page: pageNo, pageSize, kind, chain, parent } = request.query;
      const result = await service.listPlatforms({
        regionCode: request.params.region,
        kind,
        chainId: chain,
        parentId: parent,
        limit: pageSize,
        offset: (pageNo - 1) * pageSize,
      });
      return { ...result, page: pageNo, pageSize };
    },
  );

  r.get(
    '/api/r/:region/platforms/:id',
    {
      schema: { tags: ['innovation'], summary: 'One platform with its child platforms and members', params: IdParams, response: { 200: PlatformDetail, ...errors } },
    },
    async (request) => service.platformDetail(request.params.region, request.params.id),
  );

  r.get(
    '/api/r/:region/chokepoints',
    {
      schema: {
        tags: ['innovation'],
        summary: 'Chokepoint problems, newest first, paged; filters: chain, platform, link, common technology, scenario, status',
        params: RegionParam,
        querystring: Paging.extend(ChokepointFilterQuery.shape),
        response: { 200: page(Chokepoint), ...errors },
      },
    },
    async (request) => {
      const { page: pageNo, pageSize, chain, platform, ...rest } = request.query;
      const result = await service.listChokepoints({
        ...rest,
        regionCode: request.params.region,
        chainId: chain,
        platformId: platform,
        limit: pageSize,
        offset: (pageNo - 1) * pageSize,
      });
      return { ...result, page: pageNo, pageSize };
    },
  );

  r.get(
    '/api/r/:region/chokepoints/matrix',
    {
      schema: {
        tags: ['innovation'],
        summary: 'Chokepoints counted by common technology × application scenario, by industrial link and by status (same filters as the list)',
        params: RegionParam,
        querystring: ChokepointFilterQuery,
        response: { 200: ChokepointMatrix, ...errors },
      },
    },
    async (request) => {
      const { chain, platform, ...rest } = request.query;
      return service.chokepointMatrix({ ...rest, regionCode: request.params.region, chainId: chain, platformId: platform });
    },
  );

  r.get(
    '/api/r/:region/research-projects',
    {
      schema: {
        tags: ['innovation'],
        summary: 'Research projects at provincial level or above, newest first, paged; filters: level, chain, platform',
        params: RegionParam,
        querystring: ResearchQuery,
        response: { 200: page(ResearchProject), ...errors },
      },
    },
    async (request) => {
      const { page: pageNo, pageSize, level, chain, platform } = request.query;
      const result = await service.listResearch({
        regionCode: request.params.region,
        level,
        chainId: chain,
        platformId: platform,
        limit: pageSize,
        offset: (pageNo - 1) * pageSize,
      });
      return { ...result, page: pageNo, pageSize };
    },
  );
}
