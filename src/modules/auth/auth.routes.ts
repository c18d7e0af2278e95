import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_HEADER, SESSION_COOKIE } from '../../server/auth.ts';
import { ErrorResponse } from '../../server/http.ts';
import { ROLES } from './auth.model.ts';
import type { AuthService } from './auth.service.ts';

export const SessionUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(ROLES),
    scopes: z.array(z.string()),
    canSeeSensitive: z.boolean(),
  })
  .meta({ id: 'SessionUser' });

export const LoginBody = z.strictObject({
  username: z.string().min(1, 'is required').max(64),
  password: z.string().min(1, 'is required').max(200),
});

export const MeResponse = z.object({ user: SessionUserSchema, csrfToken: z.string() });

export interface AuthRoutesOptions {
  auth: AuthService;
  cookieSecure: boolean;
}

export async function authRoutes(app: FastifyInstance, options: AuthRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      config: { isPublic: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token for later writes',
        body: LoginBody,
        response: { 200: MeResponse, 400: ErrorResponse, 401: ErrorResponse, 423: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      request.auditTarget = request.body.username;
      const result = await options.auth.login(request.body.username, request.body.password, request.ip);
      request.user = result.user;
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: options.cookieSecure,
        path: '/',
        expires: result.expiresAt,
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out; ends the session',
        headers: z.object({ [CSRF_HEADER]: z.string().optional() }),
        response: { 200: z.object({ ok: z.literal(true) }), 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (request.sessionToken) await options.auth.logout(request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in user, with region scopes and the CSRF token', response: { 200: MeResponse, 401: ErrorResponse } },
    },
    // The session hook has just resolved the cookie; asking the database again would only double the work.
    async (request) => {
      if (!request.user || request.sessionCsrfToken === null) throw new Error('GET /api/auth/me ran without a resolved session');
      return { user: request.user, csrfToken: request.sessionCsrfToken };
    },
  );
}
