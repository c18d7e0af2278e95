import { z } from 'zod';

/** "lon,lat" in WGS-84 degrees, e.g. "121.37,28.37". */
export const LonLatText = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'must be LON,LAT in degrees, e.g. 121.37,28.37')
  .transform((text, ctx) => {
    const [lon, lat] = text.split(',').map(Number) as [number, number];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      ctx.addIssue({ code: 'custom', message: 'longitude must be within ±180 and latitude within ±90' });
      return z.NEVER;
    }
    return { lon, lat };
  });

export const SupplyCircleQuery = z
  .object({
    site: LonLatText.optional().describe('the site as LON,LAT; give this or firm'),
    firm: z.string().min(1).max(64).optional().describe("a firm's id: its plant (else registered) site is the site, and it is not its own supplier"),
    chain: z.string().min(1).max(64).describe('chain id: its input nodes are checked'),
    minutes: z.coerce.number().int().min(1).max(120).default(30).describe('drive-time limit in minutes'),
    scale: z.enum(['any', 'above']).default('any').describe("qualified suppliers: any firm on the node, or only 规上 (above designated size) firms"),
    isochrone: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe('also return display polygons of the area reachable within the limit'),
  })
  .refine((q) => (q.site === undefined) !== (q.firm === undefined), { message: 'give exactly one of site and firm', path: ['site'] });
export type SupplyCircleQuery = z.infer<typeof SupplyCircleQuery>;

export const CircleSupplier = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  seconds: z.number().describe('drive time from the supplier to the site, seconds'),
  lon: z.number(),
  lat: z.number(),
  isSynthetic: z.boolean(),
  scale: z.string().describe("'above' = 规上, 'below' = 规下"),
});
export type CircleSupplier = z.infer<typeof CircleSupplier>;

export const CircleInput = z.object({
  nodeId: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  /** qualified firms of the region mapped to the node, wherever they are */
  mappedFirms: z.number().int(),
  suppliers: z.array(CircleSupplier).describe('qualified suppliers within the limit, nearest first'),
  nearestSeconds: z.number().nullable().describe('drive time of the nearest qualified supplier; null when none is within the limit'),
});
export type CircleInput = z.infer<typeof CircleInput>;

export const RoadNetworkInfo = z.object({
  isSynthetic: z.boolean().describe('the demo network (示例路网), not OpenStreetMap data'),
  contentHash: z.string(),
  attribution: z.string().describe('"© OpenStreetMap contributors" for an imported network'),
  vertexCount: z.number().int(),
});
export type RoadNetworkInfo = z.infer<typeof RoadNetworkInfo>;

export const SupplyCircle = z
  .object({
    site: z.object({ lon: z.number(), lat: z.number(), firmId: z.string().nullable(), firmName: z.string().nullable() }),
    chainId: z.string(),
    minutes: z.number().int(),
    scale: z.enum(['any', 'above']).describe('which firms qualify as suppliers'),
    inputs: z.array(CircleInput),
    inputCount: z.number().int(),
    coveredCount: z.number().int().describe('input nodes with at least one qualified supplier within the limit'),
    coverage: z.number().nullable().describe('coveredCount / inputCount (METHODS §3); null when the chain has no input nodes'),
    isFullySupplied: z.boolean().describe('全配套: coverage = 1'),
    network: RoadNetworkInfo,
    isochrone: z.unknown().optional().describe('GeoJSON FeatureCollection of the reachable area (display only)'),
  })
  .meta({ id: 'SupplyCircle' });
export type SupplyCircle = z.infer<typeof SupplyCircle>;

/** Coverage of a site (METHODS §3): input nodes with ≥ 1 qualified supplier within the limit / input nodes. */
export function computeCoverage(inputs: readonly Pick<CircleInput, 'nearestSeconds'>[]): { inputCount: number; coveredCount: number; coverage: number | null; isFullySupplied: boolean } {
  const coveredCount = inputs.filter((i) => i.nearestSeconds !== null).length;
  const coverage = inputs.length === 0 ? null : coveredCount / inputs.length;
  return { inputCount: inputs.length, coveredCount, coverage, isFullySupplied: coverage === 1 };
}

/** Mean of the defined values; null when there is none. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}
