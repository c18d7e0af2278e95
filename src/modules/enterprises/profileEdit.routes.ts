import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, RegionParam } from '../../server/http.ts';
import { AliasBody, AliasEdited, FirmVersion, MetricEdited, MetricUpsert, NewSite, SiteEdited, SitePatch, VersionQuery, YearParam } from './profileEdit.model.ts';
import { type EditTarget, ProfileEditService } from './profileEdit.service.ts';

const Id = z.string().min(1).max(64);
const FirmParams = RegionParam.extend({ id: Id });

/** Hand edits of a firm's profile: aliases, sites and yearly figures (write resource 'enterprises'). */
export async function profileEditRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new ProfileEditService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
  const tags = ['enterprises'];
  const config = { write: 'enterprises' } as const;
  const base = '/api/r/:region/enterprises/:id';
  const targetOf = (request: FastifyRequest, params: { region: string; id: string }, version: number): EditTarget => ({
    regionCode: params.region,
    enterpriseId: params.id,
    version,
    byUser: request.user?.username ?? 'unknown',
    canSeeSensitive: request.user?.canSeeSensitive ?? false,
  });
  const lock = "; `version` is the firm's, a stale one gets 409 with the current firm";

  r.post(
    `${base}/aliases`,
    { config, schema: { tags, summary: `Add an alias of a firm${lock}`, params: FirmParams, body: AliasBody, response: { 201: AliasEdited, ...errors } } },
    async (request, reply) => {
      request.auditTarget = `enterprise:${request.params.id}:alias`;
      return reply.status(201).send(await service.addAlias(targetOf(request, request.params, request.body.version), request.body));
    },
  );

  r.delete(
    `${base}/aliases/:alias`,
    {
      config,
      schema: { tags, summary: `Remove an alias of a firm${lock}`, params: FirmParams.extend({ alias: z.string().min(1).max(200) }), querystring: VersionQuery, response: { 200: FirmVersion, ...errors } },
    },
    async (request) => {
      request.auditTarget = `enterprise:${request.params.id}:alias`;
      return service.removeAlias(targetOf(request, request.params, request.query.version), request.params.alias);
    },
  );

  r.post(
    `${base}/sites`,
    {
      config,
      schema: { tags, summary: `Add a site (registered address or plant; lon/lat WGS 84 within China)${lock}`, params: FirmParams, body: NewSite, response: { 201: SiteEdited, ...errors } },
    },
    async (request, reply) => {
      const edited = await service.addSite(targetOf(request, request.params, request.body.version), request.body);
      request.auditTarget = `enterprise:${request.params.id}:${edited.site.id}`;
      return reply.status(201).send(edited);
    },
  );

  r.patch(
    `${base}/sites/:siteId`,
    { config, schema: { tags, summary: `Edit a site of a firm${lock}`, params: FirmParams.extend({ siteId: Id }), body: SitePatch, response: { 200: SiteEdited, ...errors } } },
    async (request) => {
      request.auditTarget = `enterprise:${request.params.id}:${request.params.siteId}`;
      return service.updateSite(targetOf(request, request.params, request.body.version), request.params.siteId, request.body);
    },
  );

  r.delete(
    `${base}/sites/:siteId`,
    { config, schema: { tags, summary: `Remove a site of a firm${lock}`, params: FirmParams.extend({ siteId: Id }), querystring: VersionQuery, response: { 200: FirmVersion, ...errors } } },
    async (request) => {
      request.auditTarget = `enterprise:${request.params.id}:${request.params.siteId}`;
      return service.removeSite(targetOf(request, request.params, request.query.version), request.params.siteId);
    },
  );

  r.put(
    `${base}/metrics/:year`,
    {
      config,
      schema: {
        tags,
        summary: `Set a year's figures (omitted stay, null clears); tax, energy, emissions and electricity need the sensitive permission (403 naming the field)${lock}`,
        params: FirmParams.extend({ year: YearParam }),
        body: MetricUpsert,
        response: { 200: MetricEdited, ...errors },
      },
    },
    async (request) => {
      request.auditTarget = `enterprise:${request.params.id}:metrics.${request.params.year}`;
      return service.putMetric(targetOf(request, request.params, request.body.version), request.params.year, request.body);
    },
  );

  r.delete(
    `${base}/metrics/:year`,
    {
      config,
      schema: {
        tags,
        summary: `Delete a year's figures; a year with sensitive figures needs the sensitive permission${lock}`,
        params: FirmParams.extend({ year: YearParam }),
        querystring: VersionQuery,
        response: { 200: FirmVersion, ...errors },
      },
    },
    async (request) => {
      request.auditTarget = `enterprise:${request.params.id}:metrics.${request.params.year}`;
      return service.removeMetric(targetOf(request, request.params, request.query.version), request.params.year);
    },
  );
}
