import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Raised when an environment variable is malformed; the CLI exits with code 2 and names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`configuration error: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= 0 && n <= 65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  COOKIE_SECURE: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  PGLITE_FSYNC: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  LOGIN_MAX_FAILURES: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).default(5),
  LOGIN_LOCK_MINUTES: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).default(15),
  SESSION_HOURS: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).default(12),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly sessionSecret: string;
  readonly cookieSecure: boolean;
  /** PGlite writes user data with fsync unless explicitly turned off (tests on throw-away copies). */
  readonly pgliteFsync: boolean;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  readonly sessionHours: number;
  readonly version: string;
}

type Env = Record<string, string | undefined>;

/** Parses the environment once into a frozen object; secrets absent from it are generated and kept in DATA_DIR. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'is invalid');
  }
  const e = parsed.data;
  const dataDir = resolve(overrides.dataDir ?? e.DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir, 'session-secret'),
    cookieSecure: e.COOKIE_SECURE === 'true',
    pgliteFsync: e.PGLITE_FSYNC === 'on',
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    sessionHours: e.SESSION_HOURS,
    version: readVersion(),
    ...overrides,
  });
}

function stripEmpty(env: Env): Env {
  const out: Env = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

function readOrCreateSecret(dataDir: string, name: string): string {
  const dir = join(dataDir, 'secrets');
  const file = join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

function readVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return z.object({ version: z.string() }).parse(pkg).version;
}
