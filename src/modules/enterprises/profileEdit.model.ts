import { z } from 'zod';
import { EnterpriseAlias, EnterpriseMetric, EnterpriseSite, METRIC_SENSITIVE_FIELDS, SiteKind } from './enterprises.model.ts';

/** Bodies and pure rules of the profile edits (aliases, sites, yearly figures); one schema per boundary. */

const Version = z.number().int().min(1).describe("the firm's version read; a stale one gets 409 with the current firm");
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1).describe("the firm's version read") });

export const AliasBody = z.strictObject({ version: Version, alias: z.string().trim().min(1, 'is required').max(200) });
export type AliasBody = z.infer<typeof AliasBody>;

// WGS 84, within China's bounding box (as for a new firm's registered address).
const Lon = z.number().min(73, 'must be within China (73–136° E)').max(136, 'must be within China (73–136° E)');
const Lat = z.number().min(3, 'must be within China (3–54° N)').max(54, 'must be within China (3–54° N)');

const SiteFields = z.strictObject({
  name: z.string().trim().max(100).nullable().optional(),
  kind: SiteKind,
  address: z.string().trim().max(300).nullable().optional(),
  townCode: z.string().regex(/^\d{9,12}$/, 'must be a 9–12 digit town code').nullable().optional(),
  lon: Lon.nullable().optional(),
  lat: Lat.nullable().optional(),
});
export type SiteFields = z.infer<typeof SiteFields>;

/** A position is both coordinates or neither: one alone cannot be placed on the map. */
function checkLonLat(site: { lon?: number | null; lat?: number | null }, ctx: z.RefinementCtx): void {
  const hasLon = site.lon !== undefined && site.lon !== null;
  const hasLat = site.lat !== undefined && site.lat !== null;
  if (hasLon !== hasLat) ctx.addIssue({ code: 'custom', path: [hasLon ? 'lat' : 'lon'], message: 'give both lon and lat, or neither' });
}

export const NewSite = SiteFields.extend({ version: Version }).superRefine(checkLonLat);
export type NewSite = z.infer<typeof NewSite>;
export const SitePatch = SiteFields.partial().extend({ version: Version }).superRefine(checkLonLat);
export type SitePatch = z.infer<typeof SitePatch>;

const Amount = z.number().min(0, 'must not be negative').max(1e13, 'too large');
const SignedAmount = z.number().min(-1e13, 'too small').max(1e13, 'too large');

/** One year's figures; an omitted field stays as it is, null clears it. Units as in EnterpriseMetric. */
export const MetricValues = z.strictObject({
  revenueWan: Amount.nullable().optional(),
  outputWan: Amount.nullable().optional(),
  valueAddedWan: SignedAmount.nullable().optional(),
  // tax net of refunds can be negative
  taxWan: SignedAmount.nullable().optional(),
  landMu: Amount.nullable().optional(),
  energyTce: Amount.nullable().optional(),
  emissionsT: Amount.nullable().optional(),
  electricityMwh: Amount.nullable().optional(),
  employees: z.number().int().min(0, 'must not be negative').max(10_000_000).nullable().optional(),
  rdWan: Amount.nullable().optional(),
});
export type MetricValues = z.infer<typeof MetricValues>;
export type MetricField = keyof MetricValues;
export const METRIC_FIELDS = Object.keys(MetricValues.shape) as MetricField[];

export const MetricUpsert = MetricValues.extend({ version: Version });
export type MetricUpsert = z.infer<typeof MetricUpsert>;
export const YearParam = z.coerce.number().int().min(1949).max(2100);

export const AliasEdited = z.object({ version: z.number().int(), alias: EnterpriseAlias }).meta({ id: 'AliasEdited' });
export const SiteEdited = z.object({ version: z.number().int(), site: EnterpriseSite }).meta({ id: 'SiteEdited' });
export const MetricEdited = z.object({ version: z.number().int(), metric: EnterpriseMetric }).meta({ id: 'MetricEdited' });
export const FirmVersion = z.object({ version: z.number().int() }).meta({ id: 'FirmVersion' });

/** The sensitive figures (tax, energy, emissions, electricity) a body sets or clears; only `sensitive` users may. */
export function sensitiveFieldsIn(values: MetricValues): MetricField[] {
  return METRIC_SENSITIVE_FIELDS.filter((f) => values[f] !== undefined);
}

/** The fields a body sets or clears, in schema order. */
export function givenMetricFields(values: MetricValues): MetricField[] {
  return METRIC_FIELDS.filter((f) => values[f] !== undefined);
}

export interface FieldValue {
  field: string;
  value: string | null;
}

/** Provenance entries of a metric upsert, named like the import centre's (`metrics.2024.taxWan`). */
export function metricProvenance(year: number, values: MetricValues): FieldValue[] {
  return givenMetricFields(values).map((f) => ({ field: `metrics.${year}.${f}`, value: textOf(values[f]) }));
}

/** Provenance entries of a site edit: `sites.<id>.<field>` for each field given. */
export function siteProvenance(siteId: string, fields: Partial<SiteFields>): FieldValue[] {
  const names = ['name', 'kind', 'address', 'townCode', 'lon', 'lat'] as const;
  return names.filter((n) => fields[n] !== undefined).map((n) => ({ field: `sites.${siteId}.${n}`, value: textOf(fields[n]) }));
}

function textOf(value: string | number | null | undefined): string | null {
  return value === undefined || value === null ? null : String(value);
}
