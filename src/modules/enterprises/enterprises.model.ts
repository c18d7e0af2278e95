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
  /** other names the firm is known by (former or short names); searchable */
  aliases: z.array(z.string().trim().min(1, 'is required').max(200)).max(20).default([]),
  /** registered address and its position (WGS 84); stored as the firm's registered site */
  address: z.string().trim().max(300).nullable().default(null),
  lon: z.number().min(73).max(136).nullable().default(null),
  lat: z.number().min(3).max(54).nullable().default(null),
});

export const EnterprisePatch = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1, 'is required').max(200).optional(),
  scale: Scale.optional(),
  isListed: z.boolean().optional(),
  foundedYear: z.number().int().min(1800).max(2100).nullable().optional(),
});

export const METRIC_SENSITIVE_FIELDS = ['taxWan', 'energyTce', 'emissionsT', 'electricityMwh'] as const satisfies readonly (keyof EnterpriseMetric)[];

export const SiteKind = z.enum(['registered', 'plant']);

export const EnterpriseAlias = z
  .object({ alias: z.string(), source: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable() })
  .meta({ id: 'EnterpriseAlias' });
export type EnterpriseAlias = z.infer<typeof EnterpriseAlias>;

export const EnterpriseSite = z
  .object({
    id: z.string(),
    kind: SiteKind,
    name: z.string().nullable(),
    address: z.string().nullable(),
    townCode: z.string().nullable(),
    lon: z.number().nullable(),
    lat: z.number().nullable(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'EnterpriseSite' });
export type EnterpriseSite = z.infer<typeof EnterpriseSite>;

/** A firm's place on a chain, with the names a reader needs. */
export const EnterpriseNodeMembership = z
  .object({
    nodeId: z.string(),
    nodeNameZh: z.string(),
    nodeNameEn: z.string().nullable(),
    tier: z.string(),
    chainId: z.string(),
    chainNameZh: z.string(),
    chainNameEn: z.string().nullable(),
    isPrimary: z.boolean(),
  })
  .meta({ id: 'EnterpriseNodeMembership' });
export type EnterpriseNodeMembership = z.infer<typeof EnterpriseNodeMembership>;

export const EnterpriseProject = z
  .object({
    id: z.string(),
    name: z.string(),
    origin: z.string(),
    stage: z.string(),
    chainId: z.string().nullable(),
    investmentWan: z.number().nullable(),
    landMu: z.number().nullable(),
    isKey: z.boolean(),
    isSynthetic: z.boolean(),
  })
  .meta({ id: 'EnterpriseProject' });
export type EnterpriseProject = z.infer<typeof EnterpriseProject>;

/** One import that touched the firm: the file, the row and what happened to it. */
export const ImportHistoryEntry = z
  .object({
    importId: z.string(),
    kind: z.string(),
    fileName: z.string(),
    rowNumber: z.number().int(),
    outcome: z.string(),
    byUser: z.string(),
    at: z.string(),
  })
  .meta({ id: 'ImportHistoryEntry' });
export type ImportHistoryEntry = z.infer<typeof ImportHistoryEntry>;

/**
 * Which source said what about a field of the firm, and when (value null when masked or removed). An import names
 * its file and row; a hand edit on the profile (source 'manual', importId = the edit's id) names the user.
 */
export const FieldProvenanceEntry = z
  .object({
    field: z.string(),
    value: z.string().nullable(),
    source: z.enum(['import', 'manual']),
    importId: z.string(),
    fileName: z.string().nullable(),
    rowNumber: z.number().int().nullable(),
    byUser: z.string().nullable(),
    at: z.string(),
    isMasked: z.boolean(),
  })
  .meta({ id: 'FieldProvenanceEntry' });
export type FieldProvenanceEntry = z.infer<typeof FieldProvenanceEntry>;

export const EnterpriseProfile = z
  .object({
    enterprise: Enterprise,
    aliases: z.array(EnterpriseAlias),
    sites: z.array(EnterpriseSite),
    nodes: z.array(EnterpriseNodeMembership),
    metrics: z.array(EnterpriseMetric),
    isMasked: z.boolean(),
    projects: z.array(EnterpriseProject),
    /** false while the import centre is not installed; history and provenance are then empty */
    importsAvailable: z.boolean(),
    importHistory: z.array(ImportHistoryEntry),
    provenance: z.array(FieldProvenanceEntry),
  })
  .meta({ id: 'EnterpriseProfile' });
export type EnterpriseProfile = z.infer<typeof EnterpriseProfile>;

export const Town = z
  .object({ code: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), lon: z.number().nullable(), lat: z.number().nullable() })
  .meta({ id: 'Town' });
export type Town = z.infer<typeof Town>;
