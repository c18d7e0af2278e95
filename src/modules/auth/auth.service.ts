import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError, validationError } from '../../shared/errors.ts';
import { checkScope, isRole, type Role } from './auth.model.ts';
import { AuthRepo, type AuditEntry, type UserRow } from './auth.repo.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.ts';
import type { Db } from '../../db/client.ts';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string | null;
  role: Role;
  scopes: string[];
  canSeeSensitive: boolean;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

export interface AuthPolicy {
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
}

export interface NewUser {
  username: string;
  password: string;
  role: string;
  regions: readonly string[];
  canSeeSensitive: boolean;
  displayName?: string | undefined;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,64}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Verifying against a fixed hash when the user is unknown keeps the response time the same as a wrong password.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export class AuthService {
  private readonly repo: AuthRepo;

  constructor(
    db: Db,
    private readonly policy: AuthPolicy,
  ) {
    this.repo = new AuthRepo(db);
  }

  async login(username: string, password: string, clientAddress: string | undefined): Promise<LoginResult> {
    const user = await this.repo.findUserByName(username);
    if (!user?.isActive) {
      await verifyPassword(password, DUMMY_HASH);
      throw new DomainError('BAD_CREDENTIALS', {}, 'wrong username or password');
    }
    const now = new Date();
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new DomainError('ACCOUNT_LOCKED', { until: user.lockedUntil.toISOString() }, 'account locked after repeated failures');
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      const lockUntil = new Date(now.getTime() + this.policy.lockMinutes * 60_000);
      const updated = await this.repo.recordFailedLogin(user.id, this.policy.maxFailures, lockUntil);
      if (updated?.lockedUntil && updated.lockedUntil > now) {
        throw new DomainError('ACCOUNT_LOCKED', { until: updated.lockedUntil.toISOString() }, 'account locked after repeated failures');
      }
      throw new DomainError('BAD_CREDENTIALS', {}, 'wrong username or password');
    }
    await this.repo.resetFailedLogins(user.id);
    await this.repo.deleteExpiredSessions(now);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.policy.sessionHours * 3_600_000);
    await this.repo.insertSession({ tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt, clientAddress });
    return { token, csrfToken, expiresAt, user: await this.toSessionUser(user) };
  }

  async logout(token: string): Promise<void> {
    await this.repo.deleteSession(hashToken(token));
  }

  /** The signed-in user and the session's CSRF token, or undefined for a missing, expired or revoked session. */
  async resolveSession(token: string): Promise<{ user: SessionUser; csrfToken: string } | undefined> {
    const found = await this.repo.findSessionUser(hashToken(token));
    if (!found || found.session.expiresAt <= new Date() || !found.user.isActive) return undefined;
    const { user, scopes, session } = found;
    return { user: sessionUserOf(user, scopes), csrfToken: session.csrfToken };
  }

  async addUser(input: NewUser): Promise<SessionUser> {
    if (!USERNAME.test(input.username)) throw validationError('username', 'must be 3–64 letters, digits, _ . or -');
    if (!isRole(input.role)) throw validationError('role', `unknown role "${input.role}"`);
    const weak = checkPasswordStrength(input.password);
    if (weak) throw validationError('password', weak);
    if (input.regions.length === 0) throw validationError('regions', 'at least one region scope is needed');
    for (const scope of input.regions) {
      const reason = checkScope(scope);
      if (reason) throw validationError('regions', `"${scope}" ${reason}`);
    }
    if (await this.repo.findUserByName(input.username)) {
      throw new DomainError('CONFLICT', { field: 'username', reason: 'already taken' }, `user ${input.username} exists`);
    }
    const id = randomUUID();
    await this.repo.insertUser(
      {
        id,
        username: input.username,
        displayName: input.displayName ?? null,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        canSeeSensitive: input.canSeeSensitive,
      },
      [...new Set(input.regions)],
    );
    const user = await this.repo.findUserById(id);
    if (!user) throw new DomainError('NOT_FOUND', { username: input.username });
    return this.toSessionUser(user);
  }

  async setPassword(username: string, password: string): Promise<void> {
    const weak = checkPasswordStrength(password);
    if (weak) throw validationError('password', weak);
    const user = await this.repo.findUserByName(username);
    if (!user) throw new DomainError('NOT_FOUND', { field: 'username', reason: 'no such user' }, `no user ${username}`);
    await this.repo.updatePassword(user.id, await hashPassword(password));
  }

  async listUsers(): Promise<SessionUser[]> {
    const rows = await this.repo.listUsers();
    return rows.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: isRole(u.role) ? u.role : 'viewer',
      scopes: u.scopes,
      canSeeSensitive: u.canSeeSensitive,
    }));
  }

  countUsers(): Promise<number> {
    return this.repo.countUsers();
  }

  audit(entry: AuditEntry): Promise<void> {
    return this.repo.insertAudit(entry);
  }

  private async toSessionUser(user: UserRow): Promise<SessionUser> {
    return sessionUserOf(user, await this.repo.scopesOf(user.id));
  }
}

function sessionUserOf(user: UserRow, scopes: string[]): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    // An unknown role stored by hand gets the least rights rather than an error on every request.
    role: isRole(user.role) ? user.role : 'viewer',
    scopes,
    canSeeSensitive: user.canSeeSensitive,
  };
}
