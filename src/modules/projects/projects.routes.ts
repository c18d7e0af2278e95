import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, Paging, RegionParam } from '../../server/http.ts';
import { Parcel, ParcelStatus, Project, ProjectDetail, ProjectOrigin, ProjectSort, ProjectStage } from './projects.model.ts';
import { ProjectsService, type ProjectsServiceOptions } from './projects.service.ts';

const IdParams = RegionParam.extend({ id: z.string().min(1).max(64) });
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const ProjectsQuery = Paging.extend({
  origin: ProjectOrigin.optional(),
  stage: ProjectStage.optional(),
  chain: z.string().max(64).optional(),
  park: z.string().max(64).optional(),
  landedYear: z.coerce.number().int().min(1990).max(2100).optional(),
  key: Flag.optional(),
  overdue: Flag.optional(),
  sort: ProjectSort.default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
const ParcelsQuery = Paging.extend({
  status: ParcelStatus.optional(),
  park: z.string().max(64).optional(),
  town: z.string().regex(/^\d{9,12}$/, 'must be a 9–12 digit town code').optional(),
});
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number(), pageSize: z.number() });

export async function projectRoutes(app: FastifyInstance, options: { db: Db } & ProjectsServiceOptions): Promise<void> {
  const service = new ProjectsService(options.db, options);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.get(
    '/api/r/:region/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'The project library, paged; filters: origin, stage, chain, park, year landed (land supplied), key, overdue',
        params: RegionParam,
        querystring: ProjectsQuery,
        response: { 200: page(Project), ...errors },
      },
    },
    async (request) => {
      const { page: pageNo, pageSize, chain, park, key, overdue, ...rest } = request.query;
      const result = await service.list({
        ...rest,
        regionCode: request.params.region,
        chainId: chain,
        parkId: park,
        isKey: key,
        isOverdue: overdue,
        limit: pageSize,
        offset: (pageNo - 1) * pageSize,
      });
      return { ...result, page: pageNo, pageSize };
    },
  );

  r.get(
    '/api/r/:region/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'One project with its stage dates (planned and actual, overdue flagged) and land agreements',
        params: IdParams,
        response: { 200: ProjectDetail, ...errors },
      },
    },
    async (request) => service.detail(request.params.region, request.params.id),
  );

  r.get(
    '/api/r/:region/parcels',
    {
      schema: {
        tags: ['projects'],
        summary: 'Standard-land parcels with their preset indicators, paged; filters: status, park, town',
        params: RegionParam,
        querystring: ParcelsQuery,
        response: { 200: page(Parcel), ...errors },
      },
    },
    async (request) => {
      const { page: pageNo, pageSize, status, park, town } = request.query;
      const result = await service.listParcels({
        regionCode: request.params.region,
        status,
        parkId: park,
        townCode: town,
        limit: pageSize,
        offset: (pageNo - 1) * pageSize,
      });
      return { ...result, page: pageNo, pageSize };
    },
  );
}
