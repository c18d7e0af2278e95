import { z } from 'zod';

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

/** What is known about a region's stored road network, without its arrays. */
export const RoadNetworkSummary = z
  .object({
    regionCode: z.string(),
    contentHash: z.string().describe('sha256 of the stored binary network'),
    sourceName: z.string(),
    sourceSha256: z.string().nullable(),
    sourceFormat: z.enum(['pbf', 'xml', 'network', 'synthetic']),
    vertexCount: z.number().int(),
    segmentCount: z.number().int(),
    byteLength: z.number().int(),
    isSynthetic: z.boolean().describe('the demo network (示例路网), not OpenStreetMap data'),
    attribution: z.string().describe('"© OpenStreetMap contributors" for OSM data; empty for a synthetic network'),
    importedAt: z.string(),
  })
  .meta({ id: 'RoadNetworkSummary' });
export type RoadNetworkSummary = z.infer<typeof RoadNetworkSummary>;

/** imported: the region had none; replaced: it had another; unchanged: the same content was already stored. */
export type StoreStatus = 'imported' | 'replaced' | 'unchanged';
