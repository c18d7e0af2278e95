import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { readMigrationStatus } from '../db/migrations.ts';

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), isReachable: z.boolean() }),
  migrations: z.object({ applied: z.number(), latest: z.number(), latestTag: z.string().nullable(), isCurrent: z.boolean() }),
});

export async function healthRoutes(app: FastifyInstance, options: { database: Database; version: string }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { isPublic: true },
      schema: { tags: ['system'], summary: 'Liveness: database reachable, version, migration level', response: { 200: HealthResponse, 503: HealthResponse } },
    },
    async (_request, reply) => {
      try {
        const m = await readMigrationStatus(options.database);
        const status = m.isCurrent ? 'ok' : 'degraded';
        return reply.status(status === 'ok' ? 200 : 503).send({
          status,
          version: options.version,
          database: { kind: options.database.kind, isReachable: true },
          migrations: { ...m, latestTag: m.latestTag ?? null },
        });
      } catch {
        return reply.status(503).send({
          status: 'degraded' as const,
          version: options.version,
          database: { kind: options.database.kind, isReachable: false },
          migrations: { applied: 0, latest: 0, latestTag: null, isCurrent: false },
        });
      }
    },
  );
}
