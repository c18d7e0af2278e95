import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { ErrorResponse, RegionParam } from '../../server/http.ts';
import { localSupplyRates, localSupplyTrend } from './supply.lsr.ts';
import { assertRiskThresholdsAllowed, type Shown, showNetworkFirms, showPartners, showRates, showRisks, showSubClusters, showTopSuppliers, showTrend } from './supply.masking.ts';
import { FlowSummary, FlowSummaryQuery, RatesQuery, SupplyRatesView, SupplyTrendView, SupplyYears, toPeriodSpec, TrendQuery } from './supply.model.ts';
import { ClusterMembers, KeyFirms, MembersQuery, NETWORK_DIRECTION, NetworkQuery, SubClusters } from './supply.network.model.ts';
import { clusterMembers, keyFirms, subClusters } from './supply.network.ts';
import { firmPartners } from './supply.partners.ts';
import { FirmPartners, PartnersQuery } from './supply.partners.model.ts';
import { DependencyRisks, RisksQuery, TopSuppliers, TopSuppliersQuery } from './supply.risk.model.ts';
import { dependencyRisks, topSuppliers } from './supply.risk.ts';
import { MIN_GROUP_FOR_FLOWS } from './supply.sensitive.model.ts';
import { rowsOf } from './supply.rows.ts';
import { SupplyService } from './supply.service.ts';

const Id = z.string().min(1).max(64);
const ChainParams = RegionParam.extend({ chainId: Id });
/** Said in the summary of every route that masks firm-level amounts (supply.sensitive.model.ts). */
const SENSITIVE = 'firm-level amounts and firm-pair shares null without the sensitive permission (isMasked); an unmasked read is audited';

const canSeeSensitive = (request: FastifyRequest): boolean => request.user?.canSeeSensitive ?? false;

/** The answer a user may see; a read that shows sensitive amounts goes to the audit log (target: the firm or node asked about). */
function reveal<T>(request: FastifyRequest, shown: Shown<T>, target?: string): T {
  if (shown.isSensitiveRead) request.isSensitiveRead = true;
  if (target !== undefined) request.auditTarget = target;
  return shown.value;
}

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
          `Local supply rates (METHODS §3) per region, chain, node, buyer firm or buyer town over a month or a year: county, same-town and drive-time variants side by side (driveTime null until drive-time pairs exist); a single buyer firm's amounts (level firm, or firmId) null without the sensitive permission, rates stay; an unmasked read is audited`,
        params: RegionParam,
        querystring: RatesQuery,
        response: { 200: SupplyRatesView, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const period = toPeriodSpec(q);
      if (!period) throw new DomainError('VALIDATION', { field: 'period', reason: 'give either period or year' });
      const filter = { chainId: q.chainId, nodeId: q.nodeId, buyerId: q.firmId, townCode: q.townCode };
      const full = await localSupplyRates(db, { regionCode: request.params.region, level: q.level, period, filter, minutes: q.minutes, limit: q.limit });
      return reveal(request, showRates(full, { isOneFirm: q.firmId !== undefined, canSeeSensitive: canSeeSensitive(request) }), q.firmId);
    },
  );

  r.get(
    '/api/r/:region/supply/trend',
    {
      schema: {
        tags,
        summary: "Monthly local supply rates of a year, all variants, for a chain, node, buyer firm or town (or the region); a buyer firm's amounts null without the sensitive permission, rates stay; an unmasked read is audited",
        params: RegionParam,
        querystring: TrendQuery,
        response: { 200: SupplyTrendView, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const full = await localSupplyTrend(db, { regionCode: request.params.region, year: q.year, filter: { chainId: q.chainId, nodeId: q.nodeId, buyerId: q.firmId, townCode: q.townCode }, minutes: q.minutes });
      return reveal(request, showTrend(full, { isOneFirm: q.firmId !== undefined, canSeeSensitive: canSeeSensitive(request) }), q.firmId);
    },
  );

  r.get(
    '/api/r/:region/supply/suppliers',
    {
      schema: {
        tags,
        summary: `Largest sellers of a node to the buyers of the node's chain in a year, with shares; each seller's amount and share ${SENSITIVE}`,
        params: RegionParam,
        querystring: TopSuppliersQuery,
        response: { 200: TopSuppliers, ...errors },
      },
    },
    async (request) => reveal(request, showTopSuppliers(await topSuppliers(db, { regionCode: request.params.region, ...request.query }), canSeeSensitive(request)), request.query.nodeId),
  );

  r.get(
    '/api/r/:region/supply/risks',
    {
      schema: {
        tags,
        summary: `Dependency risks of a year: buyers whose largest seller of a node holds more than buyerShare (default 0.7) of it, and nodes whose largest local seller holds more than localShare (default 0.5) of local supply; a buyer's purchases, HHI and top share and the top local seller's share ${SENSITIVE}; other thresholds need the permission (403)`,
        params: RegionParam,
        querystring: RisksQuery,
        response: { 200: DependencyRisks, ...errors },
      },
    },
    async (request) => {
      const canSee = canSeeSensitive(request);
      assertRiskThresholdsAllowed(request.query, canSee);
      return reveal(request, showRisks(await dependencyRisks(db, request.params.region, request.query), canSee));
    },
  );

  r.get(
    '/api/r/:region/supply/chains/:chainId/key-firms',
    {
      schema: {
        tags,
        summary: `Key firms of a chain in a year by PageRank (damping 0.85) on the flow graph, edges ${NETWORK_DIRECTION}; each firm's bought/sold ${SENSITIVE}`,
        params: ChainParams,
        querystring: NetworkQuery.omit({ chainId: true }),
        response: { 200: KeyFirms, ...errors },
      },
    },
    async (request) => {
      await requireChain(request.params.region, request.params.chainId);
      const full = await keyFirms(db, { regionCode: request.params.region, chainId: request.params.chainId, year: request.query.year, limit: request.query.limit });
      return reveal(request, showNetworkFirms(full, canSeeSensitive(request)));
    },
  );

  r.get(
    '/api/r/:region/supply/chains/:chainId/sub-clusters',
    {
      schema: {
        tags,
        summary: `Sub-clusters of a chain in a year: Louvain communities (seeded, resolution 1) of the undirected flow graph (edges ${NETWORK_DIRECTION}), aggregated with the flow between them; flows of clusters under ${MIN_GROUP_FOR_FLOWS} members null without the sensitive permission (isMasked); an unmasked read of those is audited`,
        params: ChainParams,
        querystring: NetworkQuery.omit({ chainId: true }),
        response: { 200: SubClusters, ...errors },
      },
    },
    async (request) => {
      await requireChain(request.params.region, request.params.chainId);
      const full = await subClusters(db, { regionCode: request.params.region, chainId: request.params.chainId, year: request.query.year, limit: request.query.limit });
      return reveal(request, showSubClusters(full, canSeeSensitive(request)));
    },
  );

  r.get(
    '/api/r/:region/supply/chains/:chainId/sub-clusters/:community/members',
    {
      schema: {
        tags,
        summary: `Members of one sub-cluster, highest PageRank first, paged; each firm's bought/sold ${SENSITIVE}`,
        params: ChainParams.extend({ community: z.coerce.number().int().min(0) }),
        querystring: MembersQuery.omit({ chainId: true }),
        response: { 200: ClusterMembers, ...errors },
      },
    },
    async (request) => {
      await requireChain(request.params.region, request.params.chainId);
      const { region, chainId, community } = request.params;
      return reveal(request, showNetworkFirms(await clusterMembers(db, { regionCode: region, chainId, community, ...request.query }), canSeeSensitive(request)));
    },
  );

  r.get(
    '/api/r/:region/supply/firms/:enterpriseId/partners',
    {
      schema: {
        tags,
        summary: `A firm's suppliers and customers in a year from its trade flows, largest first; its purchases and sales and every partner's amount and share ${SENSITIVE}`,
        params: RegionParam.extend({ enterpriseId: Id }),
        querystring: PartnersQuery,
        response: { 200: FirmPartners, ...errors },
      },
    },
    async (request) => {
      const full = await firmPartners(db, { regionCode: request.params.region, enterpriseId: request.params.enterpriseId, ...request.query });
      return reveal(request, showPartners(full, canSeeSensitive(request)), request.params.enterpriseId);
    },
  );
}
