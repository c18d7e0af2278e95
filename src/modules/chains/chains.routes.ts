import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, Paging, RegionParam } from '../../server/http.ts';
import { Chain, ChainDetail, ChainGroup, ChainNode, IndustryClass, NodeInput, pageOf, Tier } from './chains.model.ts';
import { ChainsService } from './chains.service.ts';

const Id = z.string().min(1).max(64);
const ChainsQuery = Paging.extend({ group: Id.optional().describe('chain group id: pillar, emerging or future') });
const NodesQuery = Paging.extend({
  chain: Id.optional(),
  tier: Tier.optional(),
  industryCode: z
    .string()
    .regex(/^\d{4}$/, 'must be a 4-digit GB/T 4754-2017 class')
    .optional()
    .describe('nodes whose GB/T 4754 codes include this class'),
  sort: z.enum(['sort', 'name']).default('sort').describe('sort: chain order, then node order; name: pinyin of the Chinese name'),
});
const NodeInputsQuery = Paging.extend({ chain: Id.optional().describe("only edges into this chain's nodes") });
const IndustryClassesQuery = Paging.extend({ q: z.string().trim().min(1).max(50).optional().describe('code prefix or part of the name') });

function windowOf(paging: { page: number; pageSize: number }): { limit: number; offset: number } {
  return { limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize };
}

export async function chainRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new ChainsService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
  const tags = ['chains'];

  r.get(
    '/api/r/:region/chain-groups',
    {
      schema: {
        tags,
        summary: 'Chain groups of a region ("4+6+X": pillar, emerging, future) with their chain counts',
        params: RegionParam,
        response: { 200: z.object({ items: z.array(ChainGroup), total: z.number().int() }), ...errors },
      },
    },
    async (request) => service.listGroups(request.params.region),
  );

  r.get(
    '/api/r/:region/chains',
    {
      schema: { tags, summary: 'Chains of a region in strategy order, paged; filter by group', params: RegionParam, querystring: ChainsQuery, response: { 200: pageOf(Chain), ...errors } },
    },
    async (request) => {
      const { page, pageSize, group } = request.query;
      const result = await service.listChains({ regionCode: request.params.region, groupId: group, ...windowOf(request.query) });
      return { ...result, page, pageSize };
    },
  );

  r.get(
    '/api/r/:region/chains/:id',
    {
      schema: {
        tags,
        summary: 'One chain with its nodes, input edges, roles (链长/链主/链创/链金) and targets; assumptions are flagged',
        params: RegionParam.extend({ id: Id }),
        response: { 200: ChainDetail, ...errors },
      },
    },
    async (request) => service.detail(request.params.region, request.params.id),
  );

  r.get(
    '/api/r/:region/nodes',
    {
      schema: {
        tags,
        summary: 'Chain nodes, paged; filter by chain, tier and GB/T 4754 class; sort by chain order or name',
        params: RegionParam,
        querystring: NodesQuery,
        response: { 200: pageOf(ChainNode), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize, chain, tier, industryCode, sort } = request.query;
      const result = await service.listNodes({ regionCode: request.params.region, chainId: chain, tier, industryCode, sort, ...windowOf(request.query) });
      return { ...result, page, pageSize };
    },
  );

  r.get(
    '/api/r/:region/node-inputs',
    {
      schema: {
        tags,
        summary: 'Input edges (supplier node → buyer node), paged; filter by chain',
        params: RegionParam,
        querystring: NodeInputsQuery,
        response: { 200: pageOf(NodeInput), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize, chain } = request.query;
      const result = await service.listInputs({ regionCode: request.params.region, chainId: chain, ...windowOf(request.query) });
      return { ...result, page, pageSize };
    },
  );

  r.get(
    '/api/industry-classes',
    {
      schema: {
        tags: ['reference'],
        summary: 'GB/T 4754-2017 classes used by the chain taxonomies (shared by all regions), paged',
        querystring: IndustryClassesQuery,
        response: { 200: pageOf(IndustryClass), 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { page, pageSize, q } = request.query;
      const result = await service.listIndustryClasses({ q, ...windowOf(request.query) });
      return { ...result, page, pageSize };
    },
  );
}
