import { z } from 'zod';

export const Scale = z.enum(['above', 'below']);

export const Enterprise = z
  .object({
    id: z.string(),
    uscc: z.string().nullable(),
    name: z.string(),
    townCode: z.string().nullable(),
    scale: Scale,
    isListed: z.boolean(),
    foundedYear: z.number().int().nullable(),
    lon: z.number().nullable(),
    lat: z.number().nullable(),
    isSynthetic: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Enterprise' });
export type Enterprise = z.infer<typeof Enterprise>;

/** Yearly figures; amounts in 万元, land in 亩, energy in tce, emissions in t, electricity in MWh. */
export const EnterpriseMetric = z
  .object({
    year: z.number().int(),
    revenueWan: z.number().nullable(),
    outputWan: z.number().nullable(),
    valueAddedWan: z.number().nullable(),
    taxWan: z.number().nullable(),
    landMu: z.number().nullable(),
    energyTce: z.number().nullable(),
    emissionsT: z.number().nullable(),
    electricityMwh: z.number().nullable(),
    employees: z.number().int().nullable(),
    rdWan: z.number().nullable(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'EnterpriseMetric' });
export type EnterpriseMetric = z.infer<typeof EnterpriseMetric>;

export const EnterpriseDetail = z
  .object({ enterprise: Enterprise, metrics: z.array(EnterpriseMetric), isMasked: z.boolean() })
  .meta({ id: 'EnterpriseDetail' });

export const NewEnterprise = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -'),
  name: z.string().trim().min(1, 'is required').max(200),
  uscc: z.string().length(18, 'must be 18 characters').nullable().default(null),
  townCode: z.string().regex(/^\d{9,12}$/, 'must be a 9–12 digit town code').nullable().default(null),
  scale: Scale.default('below'),
  isListed: z.boolean().default(false),
  foundedYear: z.number().int().min(1800).max(2100).nullable().default(null),
});

export const EnterprisePatch = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1, 'is required').max(200).optional(),
  scale: Scale.optional(),
  isListed: z.boolean().optional(),
  foundedYear: z.number().int().min(1800).max(2100).nullable().optional(),
});

export const METRIC_SENSITIVE_FIELDS = ['taxWan', 'energyTce', 'emissionsT', 'electricityMwh'] as const satisfies readonly (keyof EnterpriseMetric)[];
