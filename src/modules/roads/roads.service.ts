import { createHash } from 'node:crypto';
import type { RoadGraph } from '../../core/geo/roadGraph.ts';
import { deserializeRoadGraph, serializeRoadGraph } from '../../core/geo/serialize.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { OSM_ATTRIBUTION, type RoadNetworkSummary, type StoreStatus } from './roads.model.ts';
import { RoadsRepo } from './roads.repo.ts';
import { loadRoadFile } from './osmFile.ts';

export interface StoreRoadNetworkInput {
  regionCode: string;
  graph: RoadGraph;
  sourceName: string;
  sourceSha256: string | null;
  sourceFormat: RoadNetworkSummary['sourceFormat'];
  isSynthetic: boolean;
}

export interface StoreResult {
  status: StoreStatus;
  summary: RoadNetworkSummary;
}

export interface StoredRoadNetwork {
  summary: RoadNetworkSummary;
  graph: RoadGraph;
}

// Deserialising and re-indexing a county network takes tens of ms; keep the last graph per region and
// content hash, so routes and the supply circle pay for it once per process and import.
const graphCache = new Map<string, { contentHash: string; graph: RoadGraph }>();

type SummaryRow = NonNullable<Awaited<ReturnType<RoadsRepo['summary']>>>;

function toSummary(row: SummaryRow): RoadNetworkSummary {
  const sourceFormat = row.sourceFormat === 'pbf' || row.sourceFormat === 'xml' || row.sourceFormat === 'network' ? row.sourceFormat : 'synthetic';
  return {
    ...row,
    sourceFormat,
    attribution: row.isSynthetic ? '' : OSM_ATTRIBUTION,
    importedAt: row.importedAt.toISOString(),
  };
}

/** Stores, loads and lists the routable road network of each region (issue 6, METHODS §4). */
export class RoadsService {
  private readonly repo: RoadsRepo;

  constructor(db: Db) {
    this.repo = new RoadsRepo(db);
  }

  /** Reads an .osm.pbf, .osm (XML, maybe gzipped) or stored network file and stores it for the region. */
  async importFile(regionCode: string, path: string, sourceName: string): Promise<StoreResult> {
    await this.requireTenant(regionCode);
    const loaded = loadRoadFile(path);
    if (loaded.graph.segments.count === 0) throw new DomainError('VALIDATION', { field: 'file', reason: 'no routable road (highway=* of a routed class) in the file' }, `${sourceName}: no routable road in the file (METHODS §4 routes motorway … service)`);
    return this.store({ regionCode, graph: loaded.graph, sourceName, sourceSha256: loaded.sourceSha256, sourceFormat: loaded.format, isSynthetic: false });
  }

  /** Stores a graph; the same content as already stored changes nothing (not even the import time). */
  async store(input: StoreRoadNetworkInput): Promise<StoreResult> {
    await this.requireTenant(input.regionCode);
    const data = serializeRoadGraph(input.graph);
    const contentHash = createHash('sha256').update(data).digest('hex');
    const previous = await this.repo.contentHash(input.regionCode);
    let status: StoreStatus = 'unchanged';
    if (previous !== contentHash) {
      await this.repo.upsert({
        regionCode: input.regionCode,
        contentHash,
        sourceName: input.sourceName,
        sourceSha256: input.sourceSha256,
        sourceFormat: input.sourceFormat,
        vertexCount: input.graph.vertexCount,
        segmentCount: input.graph.segments.count,
        isSynthetic: input.isSynthetic,
        data,
      });
      graphCache.set(input.regionCode, { contentHash, graph: input.graph });
      status = previous === undefined ? 'imported' : 'replaced';
    }
    const summary = await this.repo.summary(input.regionCode);
    if (!summary) throw new Error(`road network of ${input.regionCode} vanished after storing it`);
    return { status, summary: toSummary(summary) };
  }

  async summary(regionCode: string): Promise<RoadNetworkSummary | undefined> {
    const row = await this.repo.summary(regionCode);
    return row ? toSummary(row) : undefined;
  }

  async list(): Promise<RoadNetworkSummary[]> {
    return (await this.repo.list()).map(toSummary);
  }

  /** The region's network, or undefined when none is stored; cached while its content hash stays the same. */
  async load(regionCode: string): Promise<StoredRoadNetwork | undefined> {
    const row = await this.repo.summary(regionCode);
    if (!row) return undefined;
    const summary = toSummary(row);
    const cached = graphCache.get(regionCode);
    if (cached && cached.contentHash === summary.contentHash) return { summary, graph: cached.graph };
    const stored = await this.repo.data(regionCode);
    if (!stored) return undefined;
    const graph = deserializeRoadGraph(stored.data);
    graphCache.set(regionCode, { contentHash: stored.contentHash, graph });
    return { summary: { ...summary, contentHash: stored.contentHash }, graph };
  }

  /** The stored binary, e.g. to write a network file the isochrone command reads. */
  async data(regionCode: string): Promise<Uint8Array | undefined> {
    return (await this.repo.data(regionCode))?.data;
  }

  async remove(regionCode: string): Promise<boolean> {
    graphCache.delete(regionCode);
    return this.repo.remove(regionCode);
  }

  private async requireTenant(regionCode: string): Promise<void> {
    if (!(await this.repo.isTenant(regionCode))) throw new DomainError('NOT_FOUND', { field: 'region', reason: `${regionCode} is not a tenant of this installation` }, `region ${regionCode} is not a tenant of this installation`);
  }
}
