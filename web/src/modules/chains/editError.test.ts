import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { describeEditError } from './editError.ts';

describe('describeEditError', () => {
  it('tells a stale version from a refusal and from bad input naming the field', () => {
    expect(describeEditError(new ApiError({ status: 409, code: 'STALE_VERSION', message: 'stale' }))).toEqual({ kind: 'stale' });
    expect(describeEditError(new ApiError({ status: 403, code: 'FORBIDDEN', message: 'no' }))).toEqual({ kind: 'forbidden' });
    expect(describeEditError(new ApiError({ status: 400, code: 'VALIDATION', message: 'x', field: 'toNodeId', reason: 'would close a cycle' }))).toEqual({
      kind: 'invalid',
      text: 'toNodeId: would close a cycle',
    });
  });
});
