import type { z } from 'zod';
import { takePrefetched } from './prefetch.ts';
import { ErrorBody } from './schemas.ts';
import { buildUrl, type QueryValue } from './url.ts';

export { buildUrl, type QueryValue };

/** An API failure with the server's error code; `status` 0 means the server was not reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly reason: string | undefined;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(init: { status: number; code: string; message: string; field?: string; reason?: string; details?: Record<string, unknown> }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.reason = init.reason;
    this.details = init.details ?? {};
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  query?: Readonly<Record<string, QueryValue>>;
  signal?: AbortSignal;
  /** A 401 normally ends the session in the app; the sign-in and session probes handle it themselves. */
  redirectOnUnauthorized?: boolean;
}

export const CSRF_HEADER = 'x-csrf-token';

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(here)}`);
};

/** The token that login and /api/auth/me return; sent with every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the server says the session is gone (the app navigates to the sign-in page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Calls the API with the session cookie, adds the CSRF token to writes, and checks the answer against `schema`. */
export async function api<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;

  const url = buildUrl(path, options.query);
  const early = method === 'GET' && options.body === undefined ? takePrefetched(url) : undefined;
  let response: Response;
  try {
    response = await (early ?? fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    }));
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: cause instanceof Error ? cause.message : 'network error' });
  }

  const payload = await readJson(response);
  if (!response.ok) {
    if (response.status === 401 && options.redirectOnUnauthorized !== false) {
      csrfToken = null;
      onUnauthorized();
    }
    throw toApiError(response.status, payload);
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', message: `unexpected answer from ${path}: ${parsed.error.message}` });
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const body = ErrorBody.safeParse(payload);
  if (!body.success) return new ApiError({ status, code: `HTTP_${status}`, message: `HTTP ${status}` });
  const { code, message, field, reason, details } = body.data.error;
  return new ApiError({ status, code, message, field, reason, details });
}
