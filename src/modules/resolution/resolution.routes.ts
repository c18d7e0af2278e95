import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, Paging, RegionParam } from '../../server/http.ts';
import { getMerge, mergeFirms, splitMerge } from './merge.service.ts';
import { MergeRecord, MergeRequest, PairDecision, PairStatus, ReviewPair, ReviewPairDetail, ScanRequest, ScanResult } from './resolution.model.ts';
import { scanFirmPairs } from './resolution.service.ts';
import { decideReviewPair, getReviewPair, listReviewPairs } from './review.service.ts';

const IdParams = RegionParam.extend({ id: z.string().min(1).max(64) });
const ListQuery = Paging.extend({ status: PairStatus.default('queued') });

export async function resolutionRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const { db } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
  const username = (u: { username: string } | null) => u?.username ?? 'unknown';

  r.get(
    '/api/r/:region/review-pairs',
    {
      schema: {
        tags: ['resolution'],
        summary: 'Match pairs of a region (METHODS §2), highest score first, paged; `status` queued (default), confirmed or rejected',
        params: RegionParam,
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(ReviewPair), total: z.number().int(), page: z.number(), pageSize: z.number() }), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize, status } = request.query;
      const result = await listReviewPairs(db, { regionCode: request.params.region, status, limit: pageSize, offset: (page - 1) * pageSize });
      return { ...result, page, pageSize };
    },
  );

  r.get(
    '/api/r/:region/review-pairs/:id',
    { schema: { tags: ['resolution'], summary: 'One pair: both records side by side with the parts of the score', params: IdParams, response: { 200: ReviewPairDetail, ...errors } } },
    (request) => getReviewPair(db, request.params.region, request.params.id),
  );

  r.post(
    '/api/r/:region/review-pairs/:id/decision',
    {
      config: { write: 'enterprises' },
      schema: {
        tags: ['resolution'],
        summary: 'Confirm (the same firm) or reject (different firms) a pair; remembered so a re-import never asks again; a stale version → 409',
        params: IdParams,
        body: PairDecision,
        response: { 200: ReviewPairDetail, 409: ErrorResponse, ...errors },
      },
    },
    (request) => decideReviewPair(db, request.params.region, request.params.id, request.body, username(request.user)),
  );

  r.post(
    '/api/r/:region/review-pairs/scan',
    {
      config: { write: 'enterprises' },
      schema: {
        tags: ['resolution'],
        summary: "Scores the region's firms against each other (or only pairs involving `enterpriseIds`) and queues undecided pairs at or above the review threshold",
        params: RegionParam,
        body: ScanRequest,
        response: { 200: ScanResult, ...errors },
      },
    },
    async (request) => {
      request.auditTarget = `review-pairs:scan:${request.body.enterpriseIds?.length ?? 'all'}`;
      return scanFirmPairs(db, request.params.region, request.body.enterpriseIds);
    },
  );

  r.post(
    '/api/r/:region/enterprises/:id/merge',
    {
      config: { write: 'enterprises' },
      schema: {
        tags: ['resolution'],
        summary: 'Merges this firm into `intoId` (memberships, metrics, aliases, sites, flows, projects move; history kept for a split); `version` is this firm’s version (stale → 409)',
        params: IdParams,
        body: MergeRequest,
        response: { 200: MergeRecord, 409: ErrorResponse, ...errors },
      },
    },
    (request) => mergeFirms(db, { regionCode: request.params.region, mergedId: request.params.id, intoId: request.body.intoId, version: request.body.version, username: username(request.user) }),
  );

  r.get(
    '/api/r/:region/merges/:id',
    { schema: { tags: ['resolution'], summary: 'One merge with what it moved', params: IdParams, response: { 200: MergeRecord, ...errors } } },
    (request) => getMerge(db, request.params.region, request.params.id),
  );

  r.post(
    '/api/r/:region/merges/:id/split',
    {
      config: { write: 'enterprises' },
      schema: { tags: ['resolution'], summary: 'Undoes a merge: the merged firm comes back and what moved moves back', params: IdParams, response: { 200: MergeRecord, 409: ErrorResponse, ...errors } },
    },
    (request) => splitMerge(db, { regionCode: request.params.region, mergeId: request.params.id, username: username(request.user) }),
  );
}
