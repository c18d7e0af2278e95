import { driveTimes } from '../../core/geo/driveTimes.ts';
import type { RoadGraph } from '../../core/geo/roadGraph.ts';
import { type Snap, snap } from '../../core/geo/snap.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { loadRegionNetwork } from './network.ts';
import type { RoadNetworkInfo } from './supplyCircle.model.ts';
import { type FirmPointRow, SupplyCircleRepo } from './supplyCircle.repo.ts';
import { secondsToSiteFrom } from './snapTime.ts';

/**
 * Everything a supply-circle query needs, loaded once per region, road network and data version: the graph,
 * every firm's point snapped onto it, and which firms sit on which node. Queries then cost one bounded
 * Dijkstra from the site plus a lookup per candidate supplier.
 */
export interface CircleContext {
  regionCode: string;
  network: RoadNetworkInfo;
  graph: RoadGraph;
  dataVersion: number;
  firms: FirmPointRow[];
  firmIndex: Map<string, number>;
  /** snapped position of each firm, by firm index */
  positions: Snap[];
  /** firm indexes per node id */
  members: Map<string, number[]>;
}

// Per database handle (tests open several databases in one process) and per region: the current context.
const caches = new WeakMap<Db, Map<string, Promise<CircleContext>>>();

/** The region's context, rebuilt when the stored network or the firm data changed. */
export async function loadCircleContext(db: Db, regionCode: string): Promise<CircleContext> {
  const repo = new SupplyCircleRepo(db);
  const [stored, dataVersion] = await Promise.all([loadRegionNetwork(db, regionCode), repo.dataVersion(regionCode)]);
  if (!stored) throw new DomainError('NOT_FOUND', { field: 'region', reason: 'no road network stored for the region' }, `no road network for ${regionCode}: import one with cluster-brain roads import FILE --region ${regionCode} (the demo stores a synthetic one)`);
  const key = `${regionCode}|${stored.info.contentHash}|${dataVersion}`;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let context = cache.get(key);
  if (!context) {
    for (const k of cache.keys()) if (k.startsWith(`${regionCode}|`)) cache.delete(k);
    context = buildContext(repo, regionCode, stored.info, stored.graph, dataVersion);
    cache.set(key, context);
    const owner = cache;
    context.catch(() => owner.delete(key));
  }
  return context;
}

async function buildContext(repo: SupplyCircleRepo, regionCode: string, network: RoadNetworkInfo, graph: RoadGraph, dataVersion: number): Promise<CircleContext> {
  const [firms, memberships] = await Promise.all([repo.firmPoints(regionCode), repo.memberships(regionCode)]);
  const firmIndex = new Map(firms.map((f, i) => [f.id, i]));
  const positions = firms.map((f) => snap(graph, f.lon, f.lat));
  const members = new Map<string, number[]>();
  for (const m of memberships) {
    const i = firmIndex.get(m.enterpriseId);
    if (i === undefined) continue;
    const list = members.get(m.nodeId);
    if (list) list.push(i);
    else members.set(m.nodeId, [i]);
  }
  return { regionCode, network, graph, dataVersion, firms, firmIndex, positions, members };
}

/** Drive times from every vertex to the firm's site within the limit (Infinity beyond). */
export function reverseTimes(context: CircleContext, firmIndex: number, maxSeconds: number): Float64Array {
  const site = context.positions[firmIndex];
  if (!site) throw new Error(`firm index ${firmIndex} out of range`);
  return driveTimes(context.graph, site, maxSeconds, 'in');
}

/**
 * Seconds from every firm of `firmIndexes` that can drive to the site within the limit, by firm index: one
 * reverse Dijkstra from the site (its times are returned too, for the isochrone), then each firm's snapped
 * position is looked up.
 */
export function secondsToSite(context: CircleContext, site: Snap, maxSeconds: number, firmIndexes: Iterable<number>): { seconds: Map<number, number>; times: Float64Array } {
  const times = driveTimes(context.graph, site, maxSeconds, 'in');
  const seconds = new Map<number, number>();
  for (const i of firmIndexes) {
    const p = context.positions[i];
    if (!p) continue;
    const t = secondsToSiteFrom(context.graph.segments, times, p, site);
    if (t <= maxSeconds) seconds.set(i, t);
  }
  return { seconds, times };
}
