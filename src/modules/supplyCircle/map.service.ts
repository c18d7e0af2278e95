import { HIGHWAY_CLASSES } from '../../core/geo/speeds.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import type { MapFirms, MapNetwork } from './map.model.ts';
import { loadRegionNetwork } from './network.ts';
import { SupplyCircleRepo } from './supplyCircle.repo.ts';

/** Above this many road pieces only the classes down to tertiary are drawn (a real county extract is large). */
const MAX_DRAWN_SEGMENTS = 60_000;
const MAJOR_CLASS_CODES = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link', 'tertiary', 'tertiary_link'].map((c) => HIGHWAY_CLASSES.indexOf(c as (typeof HIGHWAY_CLASSES)[number])));

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** What the map page draws: the region's roads and the firms of a chain. */
export class MapService {
  private readonly repo: SupplyCircleRepo;

  constructor(private readonly db: Db) {
    this.repo = new SupplyCircleRepo(db);
  }

  async network(regionCode: string): Promise<MapNetwork> {
    const stored = await loadRegionNetwork(this.db, regionCode);
    if (!stored) return { network: null, roads: [], isSimplified: false };
    const { graph } = stored;
    const s = graph.segments;
    const isSimplified = s.count > MAX_DRAWN_SEGMENTS;
    const byClass = new Map<number, number[]>();
    for (let i = 0; i < s.count; i++) {
      const code = s.classCode[i] ?? 0;
      if (isSimplified && !MAJOR_CLASS_CODES.has(code)) continue;
      const a = s.from[i] ?? 0;
      const b = s.to[i] ?? 0;
      let list = byClass.get(code);
      if (!list) {
        list = [];
        byClass.set(code, list);
      }
      list.push(round5(graph.lon[a] ?? 0), round5(graph.lat[a] ?? 0), round5(graph.lon[b] ?? 0), round5(graph.lat[b] ?? 0));
    }
    const roads = [...byClass.entries()].sort((x, y) => y[0] - x[0]).map(([code, coords]) => ({ highway: HIGHWAY_CLASSES[code] ?? 'unclassified', coords }));
    return { network: stored.info, roads, isSimplified };
  }

  async firms(regionCode: string, chainId: string): Promise<MapFirms> {
    if (!(await this.repo.chainExists(regionCode, chainId))) throw new DomainError('NOT_FOUND', { field: 'chain', reason: 'no such chain in the region' }, `no chain ${chainId} in ${regionCode}`);
    const [nodes, memberships, points] = await Promise.all([this.repo.chainNodes(regionCode, chainId), this.repo.chainMemberships(regionCode, chainId), this.repo.firmPoints(regionCode)]);
    const nodesOf = new Map<string, string[]>();
    for (const m of memberships) {
      const list = nodesOf.get(m.enterpriseId);
      if (list) list.push(m.nodeId);
      else nodesOf.set(m.enterpriseId, [m.nodeId]);
    }
    const firms = points.flatMap((p) => {
      const nodeIds = nodesOf.get(p.id);
      return nodeIds ? [{ id: p.id, name: p.name, lon: p.lon, lat: p.lat, nodeIds, isSynthetic: p.isSynthetic }] : [];
    });
    return { chainId, nodes: nodes.map((n) => ({ id: n.nodeId, nameZh: n.nameZh, nameEn: n.nameEn })), firms };
  }
}
