import { z } from 'zod';
import { RoadNetworkInfo } from './supplyCircle.model.ts';

export const MapNetwork = z
  .object({
    network: RoadNetworkInfo.nullable().describe('null when the region has no stored road network'),
    roads: z
      .array(z.object({ highway: z.string(), coords: z.array(z.number()).describe('flat lon,lat pairs of straight pieces: lon1,lat1,lon2,lat2, …') }))
      .describe('road pieces grouped by OSM highway class'),
    isSimplified: z.boolean().describe('minor classes left out because the network is large'),
  })
  .meta({ id: 'MapNetwork' });
export type MapNetwork = z.infer<typeof MapNetwork>;

export const MapFirmsQuery = z.object({ chain: z.string().min(1).max(64).describe('chain id') });

export const MapFirms = z
  .object({
    chainId: z.string(),
    nodes: z.array(z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string().nullable() })),
    firms: z.array(z.object({ id: z.string(), name: z.string(), lon: z.number(), lat: z.number(), nodeIds: z.array(z.string()), isSynthetic: z.boolean() })),
  })
  .meta({ id: 'MapFirms' });
export type MapFirms = z.infer<typeof MapFirms>;
