/**
 * Typed domain errors. Services throw these with a code; the server maps each code to an HTTP status in
 * one place (src/server/errorHandler.ts) and the CLI maps them to exit codes.
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  DATA_DIR_LOCKED: 503,
  BACKUP_INVALID: 400,
  MIGRATION_MISMATCH: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Bad input: names the field and the reason. */
export function validationError(field: string, reason: string): DomainError {
  return new DomainError('VALIDATION', { field, reason }, `${field}: ${reason}`);
}
