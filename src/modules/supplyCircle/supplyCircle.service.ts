import type { Db } from '../../db/client.ts';
import { DomainError, validationError } from '../../shared/errors.ts';
import { type Snap, snap } from '../../core/geo/snap.ts';
import { type CircleContext, loadCircleContext, secondsToSite } from './supplyCircle.context.ts';
import { isochronePolygons } from '../../core/geo/isochronePolygons.ts';
import { type CircleInput, computeCoverage, type SupplyCircle } from './supplyCircle.model.ts';
import { SupplyCircleRepo } from './supplyCircle.repo.ts';

export interface CircleRequest {
  site?: { lon: number; lat: number } | undefined;
  firmId?: string | undefined;
  chainId: string;
  minutes: number;
  /** 'above': only 规上 firms qualify as suppliers (METHODS §3 "optionally ≥ a class") */
  scale?: 'any' | 'above';
  withIsochrone?: boolean;
}

/** The supply circle of a site (METHODS §3–4): per input node of a chain, the suppliers within the drive-time limit. */
export class SupplyCircleService {
  private readonly repo: SupplyCircleRepo;

  constructor(private readonly db: Db) {
    this.repo = new SupplyCircleRepo(db);
  }

  async circle(regionCode: string, request: CircleRequest): Promise<SupplyCircle> {
    if (!Number.isInteger(request.minutes) || request.minutes < 1 || request.minutes > 120) throw validationError('minutes', 'must be a whole number from 1 to 120');
    if (!(await this.repo.chainExists(regionCode, request.chainId))) throw new DomainError('NOT_FOUND', { field: 'chain', reason: 'no such chain in the region' }, `no chain ${request.chainId} in ${regionCode}`);
    const context = await loadCircleContext(this.db, regionCode);
    const site = this.siteOf(context, request);
    const inputNodes = await this.repo.chainInputNodes(regionCode, request.chainId);
    const maxSeconds = request.minutes * 60;
    const scale = request.scale ?? 'any';
    const isQualified = (i: number) => scale === 'any' || context.firms[i]?.scale === 'above';
    const candidates = new Set(inputNodes.flatMap((n) => (context.members.get(n.nodeId) ?? []).filter(isQualified)));
    if (site.firmIndex !== undefined) candidates.delete(site.firmIndex);
    const position = snap(context.graph, site.lon, site.lat);
    const { seconds: reached, times } = secondsToSite(context, position, maxSeconds, candidates);
    const inputs: CircleInput[] = inputNodes.map((node) => {
      const mapped = (context.members.get(node.nodeId) ?? []).filter(isQualified);
      const suppliers = mapped
        .filter((i) => i !== site.firmIndex && isQualified(i) && reached.has(i))
        .map((i) => {
          const firm = context.firms[i];
          if (!firm) throw new Error(`firm index ${i} out of range`);
          return { enterpriseId: firm.id, name: firm.name, seconds: Math.round((reached.get(i) ?? 0) * 10) / 10, lon: firm.lon, lat: firm.lat, isSynthetic: firm.isSynthetic, scale: firm.scale };
        })
        .sort((a, b) => a.seconds - b.seconds || a.enterpriseId.localeCompare(b.enterpriseId));
      return { nodeId: node.nodeId, nameZh: node.nameZh, nameEn: node.nameEn, mappedFirms: mapped.length, suppliers, nearestSeconds: suppliers[0]?.seconds ?? null };
    });
    return {
      site: { lon: site.lon, lat: site.lat, firmId: site.firmId, firmName: site.firmName },
      chainId: request.chainId,
      minutes: request.minutes,
      scale,
      inputs,
      ...computeCoverage(inputs),
      network: context.network,
      // the area from which a supplier reaches the site in time: the reverse search's polygons
      ...(request.withIsochrone ? { isochrone: displayIsochrone(context, position, times, maxSeconds) } : {}),
    };
  }

  private siteOf(context: CircleContext, request: CircleRequest): { lon: number; lat: number; firmId: string | null; firmName: string | null; firmIndex: number | undefined } {
    if (request.firmId !== undefined) {
      const i = context.firmIndex.get(request.firmId);
      const firm = i === undefined ? undefined : context.firms[i];
      if (!firm) throw new DomainError('NOT_FOUND', { field: 'firm', reason: 'no firm with a located site under this id' }, `no located firm ${request.firmId}`);
      return { lon: firm.lon, lat: firm.lat, firmId: firm.id, firmName: firm.name, firmIndex: i };
    }
    if (!request.site) throw validationError('site', 'give a site (LON,LAT) or a firm');
    return { ...request.site, firmId: null, firmName: null, firmIndex: undefined };
  }
}

/** Display cell of the isochrone: finer adds nothing visible on a county map and only weighs down the answer. */
const ISOCHRONE_CELL_METERS = 120;
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** The reachable area as GeoJSON polygons, coordinates rounded to 1e-5° (about a metre). */
function displayIsochrone(context: CircleContext, site: Snap, times: Float64Array, maxSeconds: number) {
  const collection = isochronePolygons(context.graph, site, times, [maxSeconds], { direction: 'in', cellMeters: ISOCHRONE_CELL_METERS });
  return {
    ...collection,
    features: collection.features.map((f) => ({
      ...f,
      geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map((p) => p.map(round5)))) },
    })),
  };
}
