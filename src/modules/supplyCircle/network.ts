import type { RoadGraph } from '../../core/geo/roadGraph.ts';
import type { Db } from '../../db/client.ts';
import { RoadsService } from '../roads/roads.service.ts';
import type { RoadNetworkInfo } from './supplyCircle.model.ts';

/** Shown instead of the OSM attribution when the network is the demo's generated one. */
export const SYNTHETIC_ATTRIBUTION = '示例路网 (synthetic demo roads, not OpenStreetMap data)';

/** The region's stored road network (the roads module owns storage and its cache), or null when there is none. */
export async function loadRegionNetwork(db: Db, regionCode: string): Promise<{ info: RoadNetworkInfo; graph: RoadGraph } | null> {
  const stored = await new RoadsService(db).load(regionCode);
  if (!stored) return null;
  const { summary, graph } = stored;
  return {
    info: { isSynthetic: summary.isSynthetic, contentHash: summary.contentHash, attribution: summary.isSynthetic ? SYNTHETIC_ATTRIBUTION : summary.attribution, vertexCount: summary.vertexCount },
    graph,
  };
}
