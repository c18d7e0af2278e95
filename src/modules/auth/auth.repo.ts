import { asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, sessions, userScopes, users } from './auth.schema.ts';

export type UserRow = typeof users.$inferSelect;
export type AuditEntry = typeof auditLog.$inferInsert;

export class AuthRepo {
  constructor(private readonly db: Db) {}

  async findUserByName(username: string): Promise<UserRow | undefined> {
    const rows = await this.db.select().from(users).where(eq(users.username, username)).limit(1);
    return rows[0];
  }

  async findUserById(id: string): Promise<UserRow | undefined> {
    const rows = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return rows[0];
  }

  async listUsers(): Promise<(UserRow & { scopes: string[] })[]> {
    const rows = await this.db.select().from(users).orderBy(asc(users.username));
    const scopes = await this.db.select().from(userScopes);
    return rows.map((u) => ({
      ...u,
      scopes: scopes.filter((s) => s.userId === u.id).map((s) => s.regionPrefix).sort(),
    }));
  }

  async countUsers(): Promise<number> {
    const rows = await this.db.select({ n: sql<number>`count(*)::int` }).from(users);
    return rows[0]?.n ?? 0;
  }

  async scopesOf(userId: string): Promise<string[]> {
    const rows = await this.db.select().from(userScopes).where(eq(userScopes.userId, userId));
    return rows.map((r) => r.regionPrefix).sort();
  }

  async insertUser(user: typeof users.$inferInsert, scopes: readonly string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.insert(users).values(user);
      if (scopes.length > 0) await tx.insert(userScopes).values(scopes.map((regionPrefix) => ({ userId: user.id, regionPrefix })));
    });
  }

  async updatePassword(userId: string, passwordHash: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
        .where(eq(users.id, userId));
      // A new password ends every open session of that user.
      await tx.delete(sessions).where(eq(sessions.userId, userId));
    });
  }

  async recordFailedLogin(userId: string, maxFailures: number, lockUntil: Date): Promise<UserRow | undefined> {
    const rows = await this.db
      .update(users)
      .set({
        failedLogins: sql`${users.failedLogins} + 1`,
        lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
      })
      .where(eq(users.id, userId))
      .returning();
    return rows[0];
  }

  async resetFailedLogins(userId: string): Promise<void> {
    await this.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
  }

  async insertSession(session: typeof sessions.$inferInsert): Promise<void> {
    await this.db.insert(sessions).values(session);
  }

  /** A session with its user and the user's scopes, in one query (every API request asks this). */
  async findSessionUser(tokenHash: string): Promise<{ session: typeof sessions.$inferSelect; user: UserRow; scopes: string[] } | undefined> {
    const rows = await this.db
      .select({
        session: sessions,
        user: users,
        scopes: sql<string[] | null>`(select array_agg(${userScopes.regionPrefix}) from ${userScopes} where ${userScopes.userId} = ${users.id})`,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, tokenHash))
      .limit(1);
    const row = rows[0];
    return row ? { session: row.session, user: row.user, scopes: [...(row.scopes ?? [])].sort() } : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, now));
  }

  async insertAudit(entry: AuditEntry): Promise<void> {
    await this.db.insert(auditLog).values(entry);
  }
}
