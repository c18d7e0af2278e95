import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { ErrorResponse, RegionParam } from '../../server/http.ts';
import { localSupplyRates, localSupplyTrend } from './supply.lsr.ts';
import { FlowSummary, FlowSummaryQuery, LocalSupplyRates, LocalSupplyTrend, RatesQuery, SupplyYears, toPeriodSpec, TrendQuery } from './supply.model.ts';
import { ClusterMembers, KeyFirms, MembersQuery, NETWORK_DIRECTION, NetworkQuery, SubClusters } from './supply.network.model.ts';
import { clusterMembers, keyFirms, subClusters } from './supply.network.ts';
import { firmPartners } from './supply.partners.ts';
import { FirmPartners, PartnersQuery } from './supply.partners.model.ts';
import { DependencyRisks, RisksQuery, TopSuppliers, TopSuppliersQuery } from './supply.risk.model.ts';
import { dependencyRisks, topSuppliers } from './supply.risk.ts';
import { rowsOf } from './supply.rows.ts';
import { SupplyService } from './supply.service.ts';

const Id = z.string().min(1).max(64);
const ChainParams = RegionParam.extend({ chainId: Id });

export async function supplyRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const db = options.db;
  const service = new SupplyService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
  const tags = ['supply'];

  const requireChain = async (regionCode: string, chainId: string): Promise<void> => {
    const found = rowsOf(await db.execute(sql`select 1 as one from chains where region_code = ${regionCode} and id = ${chainId}`));
    if (found.length === 0) throw new DomainError('NOT_FOUND', { field: 'chainId', reason: 'no such chain in this region' }, 'not found');
  };

  r.get(
    '/api/r/:region/flows/summary',
    {
      schema: {
        tags,
        summary: 'Purchases by chain node over a month (period=YYYY-MM) or a year (year=YYYY): net amount in 万元, amount from sellers registered in the region, local share',
        params: RegionParam,
        querystring: FlowSummaryQuery,
        response: { 200: FlowSummary, ...errors },
      },
    },
    async (request) => service.summary(request.params.region, request.query),
  );

  r.get(
    '/api/r/:region/supply/years',
    { schema: { tags, summary: 'Years with trade flows and the latest full year', params: RegionParam, response: { 200: SupplyYears, ...errors } } },
    async (request) => service.years(request.params.region),
  );

  r.get(
    '/api/r/:region/supply/rates',
    {
      schema: {
        tags,
        summary:
          'Local supply rates (METHODS §3) per region, chain, node, buyer firm or buyer town over a month or a year: county, same-town and drive-time variants side by side (driveTime null until drive-time pairs exist)',
        params: RegionParam,
        querystring: RatesQuery,
        response: { 200: LocalSupplyRates, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const period = toPeriodSpec(q);
      if (!period) throw new DomainError('VALIDATION', { field: 'period', reason: 'give either period or year' });
      const filter = { chainId: q.chainId, nodeId: q.nodeId, buyerId: q.firmId, townCode: q.townCode };
      return localSupplyRates(db, { regionCode: request.params.region, level: q.level, period, filter, minutes: q.minutes, limit: q.limit });
    },
  );

  r.get(
    '/api/r/:region/supply/trend',
    {
      schema: { tags, summary: 'Monthly local supply rates of a year, all variants, for a chain, node, buyer firm or town (or the region)', params: RegionParam, querystring: TrendQuery, response: { 200: LocalSupplyTrend, ...errors } },
    },
    async (request) => {
      const q = request.query;
      return localSupplyTrend(db, { regionCode: request.params.region, year: q.year, filter: { chainId: q.chainId, nodeId: q.nodeId, buyerId: q.firmId, townCode: q.townCode }, minutes: q.minutes });
    },
  );

  r.get(
    '/api/r/:region/supply/suppliers',
    {
      schema: { tags, summary: "Largest sellers of a node to the buyers of the node's chain in a year, with shares", params: RegionParam, querystring: TopSuppliersQuery, response: { 200: TopSuppliers, ...errors } },
    },
    async (request) => topSuppliers(db, { regionCode: request.params.region, ...request.query }),
  );

  r.get(
    '/api/r/:region/supply/risks',
    {
      schema: {
        tags,
        summary: 'Dependency risks of a year: buyers whose largest seller of a node holds more than buyerShare (default 0.7) of it, and nodes whose largest local seller holds more than localShare (default 0.5) of local supply',
        params: RegionParam,
        querystring: RisksQuery,
        response: { 200: DependencyRisks, ...errors },
      },
    },
    async (request) => dependencyRisks(db, request.params.region, request.query),
  );

  r.get(
    '/api/r/:region/supply/chains/:chainId/key-firms',
    {
      schema: {
        tags,
        summary: `Key firms of a chain in a year by PageRank (damping 0.85) on the flow graph, edges ${NETWORK_DIRECTION}`,
        params: ChainParams,
        querystring: NetworkQuery.omit({ chainId: true }),
        response: { 200: KeyFirms, ...errors },
      },
    },
    async (request) => {
      await requireChain(request.params.region, request.params.chainId);
      return keyFirms(db, { regionCode: request.params.region, chainId: request.params.chainId, year: request.query.year, limit: request.query.limit });
    },
  );

  r.get(
    '/api/r/:region/supply/chains/:chainId/sub-clusters',
    {
      schema: {
        tags,
        summary: `Sub-clusters of a chain in a year: Louvain communities (seeded, resolution 1) of the undirected flow graph (edges ${NETWORK_DIRECTION}), aggregated with the flow between them`,
        params: ChainParams,
        querystring: NetworkQuery.omit({ chainId: true }),
        response: { 200: SubClusters, ...errors },
      },
    },
    async (request) => {
      await requireChain(request.params.region, request.params.chainId);
      return subClusters(db, { regionCode: request.params.region, chainId: request.params.chainId, year: request.query.year, limit: request.query.limit });
    },
  );

  r.get(
    '/api/r/:region/supply/chains/:chainId/sub-clusters/:community/members',
    {
      schema: {
        tags,
        summary: 'Members of one sub-cluster, highest PageRank first, paged',
        params: ChainParams.extend({ community: z.coerce.number().int().min(0) }),
        querystring: MembersQuery.omit({ chainId: true }),
        response: { 200: ClusterMembers, ...errors },
      },
    },
    async (request) => {
      await requireChain(request.params.region, request.params.chainId);
      const { region, chainId, community } = request.params;
      return clusterMembers(db, { regionCode: region, chainId, community, ...request.query });
    },
  );

  r.get(
    '/api/r/:region/supply/firms/:enterpriseId/partners',
    {
      schema: { tags, summary: "A firm's suppliers and customers in a year from its trade flows, largest first", params: RegionParam.extend({ enterpriseId: Id }), querystring: PartnersQuery, response: { 200: FirmPartners, ...errors } },
    },
    async (request) => firmPartners(db, { regionCode: request.params.region, enterpriseId: request.params.enterpriseId, ...request.query }),
  );
}
