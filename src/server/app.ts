import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { AuthService } from '../modules/auth/auth.service.ts';
import { attractionRoutes } from '../modules/attraction/attraction.routes.ts';
import { resolutionRoutes } from '../modules/resolution/resolution.routes.ts';
import { chainEditRoutes } from '../modules/chains/chainEdit.routes.ts';
import { chainMapRoutes } from '../modules/chains/chainMap.routes.ts';
import { chainRoutes } from '../modules/chains/chains.routes.ts';
import { cockpitRoutes } from '../modules/cockpit/cockpit.routes.ts';
import { enterpriseRoutes } from '../modules/enterprises/enterprises.routes.ts';
import { profileEditRoutes } from '../modules/enterprises/profileEdit.routes.ts';
import { importRoutes } from '../modules/imports/imports.routes.ts';
import { parkRoutes } from '../modules/parks/parks.routes.ts';
import { fundRoutes } from '../modules/funds/funds.routes.ts';
import { innovationRoutes } from '../modules/innovation/innovation.routes.ts';
import { projectRoutes } from '../modules/projects/projects.routes.ts';
import { supplyRoutes } from '../modules/supply/supply.routes.ts';
import { supplyCircleRoutes } from '../modules/supplyCircle/supplyCircle.routes.ts';
import { hasTenant, tenantRoutes } from '../modules/tenants/tenants.routes.ts';
import { DomainError } from '../shared/errors.ts';
import { installAuthHooks } from './auth.ts';
import { installErrorHandler } from './errorHandler.ts';
import { healthRoutes } from './health.routes.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const BODY_LIMIT = 1024 * 1024;

export interface RouteEntry {
  method: string;
  url: string;
  isPublic: boolean;
  write: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access settings — the authorization matrix test walks it. */
    routeTable: RouteEntry[];
  }
}

export interface AppOptions {
  config: Config;
  database: Database;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
}

/** Hashed build output never changes under its name; everything else (index.html, favicon) is revalidated. */
export function cacheControlOf(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function buildApp({ config, database, serveWeb = true, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false } },
  });
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, isPublic: Boolean(route.config?.isPublic) || route.url.startsWith('/api/docs'), write: route.config?.write });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Cluster Brain API · 产业集群大脑', version: config.version, description: 'Every route but health, login and docs needs a session cookie; writes need the x-csrf-token header.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cb_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The API description is public: it documents routes, not data.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, isPublic: true };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  const auth = new AuthService(database.db, {
    maxFailures: config.loginMaxFailures,
    lockMinutes: config.loginLockMinutes,
    sessionHours: config.sessionHours,
  });
  installAuthHooks(app, { auth, hasTenant: (code) => hasTenant(database.db, code) });

  await app.register(healthRoutes, { database, version: config.version });
  await app.register(authRoutes, { auth, cookieSecure: config.cookieSecure });
  await app.register(tenantRoutes, { db: database.db });
  await app.register(enterpriseRoutes, { db: database.db });
  await app.register(profileEditRoutes, { db: database.db });
  await app.register(importRoutes, { database });
  await app.register(chainRoutes, { db: database.db });
  await app.register(chainMapRoutes, { db: database.db });
  await app.register(chainEditRoutes, { db: database.db });
  await app.register(parkRoutes, { db: database.db });
  await app.register(supplyRoutes, { db: database.db });
  await app.register(supplyCircleRoutes, { db: database.db });
  await app.register(projectRoutes, { db: database.db });
  await app.register(fundRoutes, { db: database.db });
  await app.register(innovationRoutes, { db: database.db });
  await app.register(attractionRoutes, { db: database.db });
  await app.register(resolutionRoutes, { db: database.db });
  await app.register(cockpitRoutes, { db: database.db });

  const hasWeb = serveWeb && existsSync(WEB_DIST);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz beside each text asset; nothing is compressed per request.
      preCompressed: true,
      setHeaders: (reply, path) => reply.header('cache-control', cacheControlOf(path)),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      throw new DomainError('NOT_FOUND', { reason: 'no such route' }, `no route ${request.method} ${request.url.split('?')[0]}`);
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
