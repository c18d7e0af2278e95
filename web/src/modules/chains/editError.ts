import { ApiError } from '../../api/client.ts';

/** What went wrong with an edit, for the notice under the form: stale version, refusal, or field and reason. */
export type EditOutcome = { kind: 'stale' } | { kind: 'forbidden' } | { kind: 'invalid'; text: string };

export function describeEditError(error: unknown): EditOutcome {
  if (error instanceof ApiError) {
    if (error.status === 409 && error.code === 'STALE_VERSION') return { kind: 'stale' };
    if (error.status === 403) return { kind: 'forbidden' };
    return { kind: 'invalid', text: [error.field, error.reason ?? error.message].filter(Boolean).join(': ') };
  }
  return { kind: 'invalid', text: error instanceof Error ? error.message : String(error) };
}
