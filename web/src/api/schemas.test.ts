import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { MeResponse } from '../../../src/modules/auth/auth.routes.ts';
import type { ErrorBody as ServerErrorBody } from '../../../src/server/errorHandler.ts';
import type { HealthResponse } from '../../../src/server/health.routes.ts';
import type { Tenant } from '../../../src/modules/tenants/tenants.routes.ts';
import type { ErrorBody, Health, Me, Region } from './schemas.ts';

// These checks run in `tsc`: a server change that the web app does not follow fails the typecheck.
describe('web API shapes', () => {
  it('equal the server response shapes', () => {
    expectTypeOf<Me>().toEqualTypeOf<z.infer<typeof MeResponse>>();
    expectTypeOf<Region>().toEqualTypeOf<z.infer<typeof Tenant>>();
    expectTypeOf<Health>().toEqualTypeOf<z.infer<typeof HealthResponse>>();
    expectTypeOf<z.infer<typeof ErrorBody>>().toEqualTypeOf<ServerErrorBody>();
  });
});
