import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError } from '../shared/errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; reason?: string; details?: Record<string, unknown> };
}

/**
 * The one place where errors become HTTP responses. A 4xx names the field and the reason; a 500 says only
 * that something failed and gives the request id to quote, never a stack or a SQL text.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const { field, reason, ...details } = error.details;
      const body: ErrorBody = {
        error: {
          code: error.code,
          message: error.message,
          ...(typeof field === 'string' ? { field } : {}),
          ...(typeof reason === 'string' ? { reason } : {}),
          ...(Object.keys(details).length > 0 ? { details } : {}),
        },
      };
      if (error.status >= 500) request.log.error({ err: error }, 'domain error');
      return reply.status(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const context = error.validationContext ?? 'body';
      const keys = first?.params && Array.isArray(first.params.keys) ? first.params.keys.map(String) : [];
      const path = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
      const field = keys.length > 0 ? [path, keys[0]].filter(Boolean).join('.') : path || context;
      const reason = keys.length > 0 ? 'unknown field' : (first?.message ?? 'invalid');
      const body: ErrorBody = { error: { code: 'VALIDATION', message: `${context}.${field}: ${reason}`, field, reason } };
      return reply.status(400).send(body);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error.statusCode === 400 && error instanceof SyntaxError)) {
      const body: ErrorBody = { error: { code: 'INVALID_JSON', message: 'the request body is not valid JSON', field: 'body', reason: 'malformed JSON' } };
      return reply.status(400).send(body);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const body: ErrorBody = { error: { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large', field: 'body', reason: 'too large' } };
      return reply.status(413).send(body);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const body: ErrorBody = { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send application/json', field: 'content-type', reason: 'unsupported media type' } };
      return reply.status(415).send(body);
    }
    if (error.statusCode === 429) {
      const body: ErrorBody = { error: { code: 'RATE_LIMITED', message: 'too many requests; try again later' } };
      return reply.status(429).send(body);
    }
    if (!isResponseSerializationError(error) && error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const body: ErrorBody = { error: { code: error.code ?? 'BAD_REQUEST', message: error.message } };
      return reply.status(error.statusCode).send(body);
    }
    request.log.error({ err: error }, 'unhandled error');
    const body: ErrorBody = { error: { code: 'INTERNAL', message: `internal error; quote request id ${request.id}` } };
    return reply.status(500).send(body);
  });
}
