import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ErrorResponse, RegionParam } from '../../server/http.ts';
import { ChainPatch, Membership, MembershipBody, NewChain, NewInput, NewNode, NewRole, NodePatch, RolePatch } from './chainEdit.model.ts';
import { ChainEditService } from './chainEdit.service.ts';
import { Chain, ChainNode, ChainRole } from './chains.model.ts';

const Id = z.string().min(1).max(64);
const ChainParams = RegionParam.extend({ id: Id });
const NodeParams = ChainParams.extend({ nodeId: Id });
const Done = z.object({ ok: z.literal(true) });

/** Editing of chains, nodes, input edges and roles (write resource 'chains') and of memberships ('enterprises'). */
export async function chainEditRoutes(app: FastifyInstance, options: { db: Db }): Promise<void> {
  const service = new ChainEditService(options.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
  const tags = ['chains'];
  const chains = { write: 'chains' } as const;

  r.post(
    '/api/r/:region/chains',
    { config: chains, schema: { tags, summary: 'Add a chain to a group', params: RegionParam, body: NewChain, response: { 201: Chain, ...errors } } },
    async (request, reply) => {
      request.auditTarget = `chain:${request.body.id}`;
      return reply.status(201).send(await service.createChain(request.params.region, request.body));
    },
  );

  r.patch(
    '/api/r/:region/chains/:id',
    {
      config: chains,
      schema: { tags, summary: 'Edit a chain; a stale version gets 409 with the current record', params: ChainParams, body: ChainPatch, response: { 200: Chain, ...errors } },
    },
    async (request) => {
      request.auditTarget = `chain:${request.params.id}`;
      return service.updateChain(request.params.region, request.params.id, request.body);
    },
  );

  r.post(
    '/api/r/:region/chains/:id/nodes',
    { config: chains, schema: { tags, summary: 'Add a node to a chain', params: ChainParams, body: NewNode, response: { 201: ChainNode, ...errors } } },
    async (request, reply) => {
      request.auditTarget = `node:${request.body.id}`;
      return reply.status(201).send(await service.createNode(request.params.region, request.params.id, request.body));
    },
  );

  r.patch(
    '/api/r/:region/chains/:id/nodes/:nodeId',
    {
      config: chains,
      schema: { tags, summary: 'Edit a node; a stale version gets 409 with the current record', params: NodeParams, body: NodePatch, response: { 200: ChainNode, ...errors } },
    },
    async (request) => {
      const { region, id, nodeId } = request.params;
      request.auditTarget = `node:${nodeId}`;
      return service.updateNode(region, id, nodeId, request.body);
    },
  );

  r.delete(
    '/api/r/:region/chains/:id/nodes/:nodeId',
    {
      config: chains,
      schema: {
        tags,
        summary: 'Delete a node with its input edges; 409 when stale or when firms, trade flows or projects still use it',
        params: NodeParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).describe('the version read') }),
        response: { 200: Done, ...errors },
      },
    },
    async (request) => {
      const { region, id, nodeId } = request.params;
      request.auditTarget = `node:${nodeId}`;
      await service.deleteNode(region, id, nodeId, request.query.version);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/r/:region/chains/:id/inputs',
    {
      config: chains,
      schema: { tags, summary: 'Add an input edge (from is consumed by to); an edge that closes a cycle gets 400', params: ChainParams, body: NewInput, response: { 201: NewInput, ...errors } },
    },
    async (request, reply) => {
      request.auditTarget = `input:${request.body.fromNodeId}->${request.body.toNodeId}`;
      return reply.status(201).send(await service.addInput(request.params.region, request.params.id, request.body));
    },
  );

  r.delete(
    '/api/r/:region/chains/:id/inputs/:fromNodeId/:toNodeId',
    {
      config: chains,
      schema: { tags, summary: 'Remove an input edge', params: ChainParams.extend({ fromNodeId: Id, toNodeId: Id }), response: { 200: Done, ...errors } },
    },
    async (request) => {
      const { region, id, fromNodeId, toNodeId } = request.params;
      request.auditTarget = `input:${fromNodeId}->${toNodeId}`;
      await service.removeInput(region, id, { fromNodeId, toNodeId });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/r/:region/chains/:id/roles',
    { config: chains, schema: { tags, summary: 'Add a role (链长/链主/链创/链金) to a chain', params: ChainParams, body: NewRole, response: { 201: ChainRole, ...errors } } },
    async (request, reply) => {
      const role = await service.createRole(request.params.region, request.params.id, request.body);
      request.auditTarget = `role:${role.id}`;
      return reply.status(201).send(role);
    },
  );

  r.patch(
    '/api/r/:region/chains/:id/roles/:roleId',
    { config: chains, schema: { tags, summary: 'Edit a role of a chain', params: ChainParams.extend({ roleId: Id }), body: RolePatch, response: { 200: ChainRole, ...errors } } },
    async (request) => {
      const { region, id, roleId } = request.params;
      request.auditTarget = `role:${roleId}`;
      return service.updateRole(region, id, roleId, request.body);
    },
  );

  r.delete(
    '/api/r/:region/chains/:id/roles/:roleId',
    { config: chains, schema: { tags, summary: 'Remove a role of a chain', params: ChainParams.extend({ roleId: Id }), response: { 200: Done, ...errors } } },
    async (request) => {
      const { region, id, roleId } = request.params;
      request.auditTarget = `role:${roleId}`;
      await service.deleteRole(region, id, roleId);
      return { ok: true as const };
    },
  );

  r.put(
    '/api/r/:region/chains/:id/nodes/:nodeId/firms/:enterpriseId',
    {
      config: { write: 'enterprises' },
      schema: {
        tags,
        summary: 'Put a firm on a node (or change whether the node is its primary one); 201 when new',
        params: NodeParams.extend({ enterpriseId: Id }),
        body: MembershipBody,
        response: { 200: Membership, 201: Membership, ...errors },
      },
    },
    async (request, reply) => {
      const { region, id, nodeId, enterpriseId } = request.params;
      request.auditTarget = `membership:${enterpriseId}@${nodeId}`;
      const membership = { enterpriseId, nodeId, isPrimary: request.body.isPrimary };
      const isNew = await service.putMembership(region, id, membership);
      return reply.status(isNew ? 201 : 200).send(membership);
    },
  );

  r.delete(
    '/api/r/:region/chains/:id/nodes/:nodeId/firms/:enterpriseId',
    {
      config: { write: 'enterprises' },
      schema: { tags, summary: 'Take a firm off a node', params: NodeParams.extend({ enterpriseId: Id }), response: { 200: Done, ...errors } },
    },
    async (request) => {
      const { region, id, nodeId, enterpriseId } = request.params;
      request.auditTarget = `membership:${enterpriseId}@${nodeId}`;
      await service.removeMembership(region, id, enterpriseId, nodeId);
      return { ok: true as const };
    },
  );
}
