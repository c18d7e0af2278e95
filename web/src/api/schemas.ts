/**
 * Runtime shapes of the API responses the web app reads. Firms reuse the server's own schema; the session
 * and region shapes live in server route files (which import the server), so they are restated here and
 * schemas.test.ts proves at compile time that they equal the server's.
 */
import { z } from 'zod';
import { ROLES } from '../../../src/modules/auth/auth.model.ts';
import { Enterprise } from '../../../src/modules/enterprises/enterprises.model.ts';

export { Enterprise };
export type { Enterprise as EnterpriseRow } from '../../../src/modules/enterprises/enterprises.model.ts';
export type { Role } from '../../../src/modules/auth/auth.model.ts';

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(ROLES),
  scopes: z.array(z.string()),
  canSeeSensitive: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const Me = z.object({ user: SessionUser, csrfToken: z.string() });
export type Me = z.infer<typeof Me>;

export const Region = z.object({ regionCode: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), hasSyntheticData: z.boolean() });
export type Region = z.infer<typeof Region>;

export const RegionList = z.object({ items: z.array(Region) });

export const EnterprisePage = z.object({ items: z.array(Enterprise), total: z.number().int(), page: z.number(), pageSize: z.number() });
export type EnterprisePage = z.infer<typeof EnterprisePage>;

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), isReachable: z.boolean() }),
  migrations: z.object({ applied: z.number(), latest: z.number(), latestTag: z.string().nullable(), isCurrent: z.boolean() }),
});
export type Health = z.infer<typeof Health>;

export const LogoutResult = z.object({ ok: z.literal(true) });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    reason: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
