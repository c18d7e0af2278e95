import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canWrite, isRegionInScope, type Resource } from '../modules/auth/auth.model.ts';
import type { AuthService, SessionUser } from '../modules/auth/auth.service.ts';
import { DomainError } from '../shared/errors.ts';

export const SESSION_COOKIE = 'cb_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (health, login, docs). */
    isPublic?: boolean;
    /** The resource a state-changing route writes; the role must be allowed to write it. */
    write?: Resource;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
    /** The session's CSRF token (GET /api/auth/me hands it to the web app). */
    sessionCsrfToken: string | null;
    /** Set by a handler that returned unmasked sensitive figures; the audit hook records the read. */
    isSensitiveRead: boolean;
    /** What the request acted on, for the audit log, when the route has no :id parameter. */
    auditTarget: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthHooksOptions {
  auth: AuthService;
  /** Whether a tenant with this code exists (a region in scope but not served still answers 404). */
  hasTenant(regionCode: string): Promise<boolean>;
}

/**
 * Every /api route needs a session unless marked public; state-changing requests carry the session's CSRF
 * token; a route with a :region parameter answers 404 outside the user's scopes; writes need the role's
 * permission. Writes and sensitive reads go to the audit log.
 */
export function installAuthHooks(app: FastifyInstance, options: AuthHooksOptions): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionCsrfToken', null);
  app.decorateRequest('isSensitiveRead', false);
  app.decorateRequest('auditTarget', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const config = request.routeOptions.config;
    const token = request.cookies[SESSION_COOKIE];
    // Public routes (login, health, docs) neither need nor use the session, so a stale cookie cannot block them.
    if (config.isPublic) return;
    if (token) {
      const session = await options.auth.resolveSession(token);
      if (session) {
        request.user = session.user;
        request.sessionToken = token;
        request.sessionCsrfToken = session.csrfToken;
        if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
          throw new DomainError('CSRF', { field: CSRF_HEADER, reason: 'missing or wrong CSRF token' }, 'CSRF token missing or wrong');
        }
      }
    }
    if (!request.user) throw new DomainError('UNAUTHENTICATED', {}, 'sign in first');
  });

  // Before body validation, so that a caller without rights learns nothing from validation messages.
  app.addHook('preValidation', async (request) => {
    const user = request.user;
    if (!user || request.routeOptions.config.isPublic) return;
    const region = regionOf(request);
    if (region !== undefined && (!isRegionInScope(user.scopes, region) || !(await options.hasTenant(region)))) {
      throw new DomainError('NOT_FOUND', { field: 'region', reason: 'no such region' }, 'not found');
    }
    const resource = request.routeOptions.config.write;
    if (resource && !canWrite(user.role, resource)) {
      throw new DomainError('FORBIDDEN', { reason: `role ${user.role} may not change ${resource}` }, 'not allowed');
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const isWrite = !SAFE_METHODS.has(request.method);
    if (!isWrite && !request.isSensitiveRead) return;
    await writeAudit(options.auth, request, reply, isWrite ? 'write' : 'read_sensitive').catch((err: unknown) =>
      request.log.error({ err }, 'audit log write failed'),
    );
  });
}

function regionOf(request: FastifyRequest): string | undefined {
  const params = request.params;
  if (params && typeof params === 'object' && 'region' in params && typeof params.region === 'string') return params.region;
  return undefined;
}

function targetOf(request: FastifyRequest): string | null {
  if (request.auditTarget) return request.auditTarget;
  const params = request.params;
  if (params && typeof params === 'object' && 'id' in params && typeof params.id === 'string') return params.id;
  return null;
}

async function writeAudit(auth: AuthService, request: FastifyRequest, reply: FastifyReply, action: string): Promise<void> {
  await auth.audit({
    userId: request.user?.id ?? null,
    username: request.user?.username ?? null,
    action,
    method: request.method,
    route: request.routeOptions.url ?? request.url.split('?')[0] ?? request.url,
    statusCode: reply.statusCode,
    regionCode: regionOf(request) ?? null,
    target: targetOf(request),
    clientAddress: request.ip,
    requestId: String(request.id),
  });
}
