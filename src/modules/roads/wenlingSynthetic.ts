import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { buildRoadGraph, type RoadGraph, type WayInput } from '../../core/geo/roadGraph.ts';
import { Rng } from '../../core/random/seeded.ts';
import type { Db } from '../../db/client.ts';
import { RoadsService } from './roads.service.ts';

/**
 * A plausible, clearly synthetic road network for 温岭 (no Wenling OSM extract ships offline). It is emitted as
 * OSM-like ways and node coordinates and built with buildRoadGraph, so it goes through exactly the pipeline of a
 * real import; `cluster-brain roads import wenling.osm.pbf --region 331081` replaces it.
 *
 * Shape: one expressway (two one-way carriageways, interchanges to the grid), primary/secondary arterials
 * between town centres (minimum spanning tree plus each town's two nearest neighbours), a county-wide rural
 * lattice every 2 km and dense local grids (500 m) around each town centre, all inside the county outline;
 * whatever is not connected to the main network (islands) is dropped so every snap can route.
 */
export interface SyntheticRoads {
  ways: WayInput[];
  coords: Map<number, [number, number]>;
}

export interface TownCentre {
  code: string;
  name: string;
  lon: number;
  lat: number;
}

/** [lon, lat] rings of a MultiPolygon: polygons → rings → positions. */
export type MultiPolygonCoords = number[][][][];

const WENLING_REGION = '331081';
const KM_PER_DEG_LAT = 111.32;
const SPACING_KM = 0.5;
/** every RURAL_EVERY-th lattice line runs across the whole county */
const RURAL_EVERY = 4;
const TOWN_GRID_RADIUS_KM = 3.6;

/** The approximate course of an expressway through the west of the county (north → south-west); synthetic. */
const EXPRESSWAY_COURSE: readonly [number, number][] = [
  [121.372, 28.528],
  [121.352, 28.49],
  [121.318, 28.455],
  [121.3, 28.42],
  [121.272, 28.385],
  [121.232, 28.352],
];

export function generateWenlingRoads(args: { seed: number; outline: MultiPolygonCoords; towns: readonly TownCentre[] }): SyntheticRoads {
  const rng = new Rng(args.seed).fork('roads');
  const builder = new WayBuilder();
  const isInside = insideTest(args.outline);
  const [minLon, minLat, maxLon, maxLat] = boundsOf(args.outline);
  const midLat = (minLat + maxLat) / 2;
  const kmPerDegLon = KM_PER_DEG_LAT * Math.cos((midLat * Math.PI) / 180);
  const dLon = SPACING_KM / kmPerDegLon;
  const dLat = SPACING_KM / KM_PER_DEG_LAT;
  const cols = Math.ceil((maxLon - minLon) / dLon) + 1;
  const rows = Math.ceil((maxLat - minLat) / dLat) + 1;
  const distanceKm = (lonA: number, latA: number, lonB: number, latB: number) => Math.hypot((lonA - lonB) * kmPerDegLon, (latA - latB) * KM_PER_DEG_LAT);
  const nearTown = (lon: number, lat: number) => args.towns.some((t) => distanceKm(lon, lat, t.lon, t.lat) <= TOWN_GRID_RADIUS_KM);

  // Lattice points with a little seeded jitter (roads are never a perfect grid); only points inside the outline.
  const latticeId = (i: number, j: number) => 1_000_000 + j * 1000 + i;
  const latticeAt = (i: number, j: number): number | undefined => (builder.coords.has(latticeId(i, j)) ? latticeId(i, j) : undefined);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const lon = minLon + i * dLon + (rng.next() - 0.5) * dLon * 0.25;
      const lat = minLat + j * dLat + (rng.next() - 0.5) * dLat * 0.25;
      if (isInside(lon, lat)) builder.coords.set(latticeId(i, j), [lon, lat]);
    }
  }
  // Rows then columns: runs of consecutive lattice edges of one class become one way.
  const classOf = (a: number, b: number, line: number): string | undefined => {
    const [lonA, latA] = builder.coordOf(a);
    const [lonB, latB] = builder.coordOf(b);
    const isTown = nearTown(lonA, latA) && nearTown(lonB, latB);
    if (line % RURAL_EVERY === 0) return isTown ? 'tertiary' : 'unclassified';
    return isTown ? 'residential' : undefined;
  };
  for (const [lines, steps, at] of [
    [rows, cols, (k: number, s: number) => latticeAt(s, k)],
    [cols, rows, (k: number, s: number) => latticeAt(k, s)],
  ] as const) {
    for (let k = 0; k < lines; k++) {
      let run: number[] = [];
      let runClass: string | undefined;
      for (let s = 0; s + 1 < steps; s++) {
        const a = at(k, s);
        const b = at(k, s + 1);
        const cls = a !== undefined && b !== undefined ? classOf(a, b, k) : undefined;
        if (cls !== runClass || cls === undefined) {
          if (runClass !== undefined) builder.addWay(run, { highway: runClass });
          run = cls !== undefined && a !== undefined ? [a] : [];
          runClass = cls;
        }
        if (cls !== undefined && b !== undefined) run.push(b);
      }
      if (runClass !== undefined) builder.addWay(run, { highway: runClass });
    }
  }

  const nearestLattice = (lon: number, lat: number): number | undefined => {
    const i0 = Math.round((lon - minLon) / dLon);
    const j0 = Math.round((lat - minLat) / dLat);
    let best: number | undefined;
    let bestKm = Number.POSITIVE_INFINITY;
    for (let j = j0 - 2; j <= j0 + 2; j++) {
      for (let i = i0 - 2; i <= i0 + 2; i++) {
        const id = latticeAt(i, j);
        if (id === undefined || !builder.isRouted(id)) continue;
        const [x, y] = builder.coordOf(id);
        const km = distanceKm(lon, lat, x, y);
        if (km < bestKm) [best, bestKm] = [id, km];
      }
    }
    return best;
  };

  // Arterials between town centres, gently curved, tied into the grid every ~1 km.
  for (const [a, b] of arterialPairs(args.towns, distanceKm)) {
    const from = nearestLattice(a.lon, a.lat);
    const to = nearestLattice(b.lon, b.lat);
    if (from === undefined || to === undefined) continue;
    const [x0, y0] = builder.coordOf(from);
    const [x1, y1] = builder.coordOf(to);
    const km = distanceKm(x0, y0, x1, y1);
    const steps = Math.max(2, Math.round(km / SPACING_KM));
    const bend = (rng.next() - 0.5) * 0.12;
    const points: [number, number][] = [];
    for (let s = 1; s < steps; s++) {
      const t = s / steps;
      const off = Math.sin(Math.PI * t) * bend;
      points.push([x0 + (x1 - x0) * t - (y1 - y0) * off, y0 + (y1 - y0) * t + (x1 - x0) * off]);
    }
    if (points.filter(([x, y]) => !isInside(x, y)).length > points.length * 0.15) continue;
    const nodes = [from, ...points.map((p) => builder.addNode(p)), to];
    const isPrimary = a.code.slice(6, 7) === '0' || b.code.slice(6, 7) === '0' || km > 9;
    builder.addWay(nodes, { highway: isPrimary ? 'primary' : 'secondary', name: `${a.name}—${b.name}（示例）` });
    for (let s = 2; s < nodes.length - 1; s += 2) tieIntoGrid(builder, nodes[s], nearestLattice, 'unclassified');
  }

  // The expressway: two carriageways over shared nodes, interchanges at both ends and every ~8 km.
  const course = densify(EXPRESSWAY_COURSE, 1 / KM_PER_DEG_LAT).filter(([x, y]) => isInside(x, y));
  const motorway = course.map((p) => builder.addNode(p));
  builder.addWay(motorway, { highway: 'motorway', ref: 'G15（示例）' });
  builder.addWay([...motorway].reverse(), { highway: 'motorway', ref: 'G15（示例）' });
  for (let s = 0; s < motorway.length; s += 8) tieIntoGrid(builder, motorway[s], nearestLattice, 'motorway_link');
  tieIntoGrid(builder, motorway[motorway.length - 1], nearestLattice, 'motorway_link');

  return builder.mainComponent();
}

/** The synthetic network built exactly as an import builds a real one. */
export function buildWenlingRoadGraph(seed: number): { graph: RoadGraph; wayCount: number } {
  const roads = generateWenlingRoads({ seed, outline: readWenlingOutline(), towns: readWenlingTowns() });
  return { graph: buildRoadGraph(roads.ways, (id) => roads.coords.get(id)), wayCount: roads.ways.length };
}

const OutlineFile = z.object({ features: z.array(z.object({ geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.array(z.number())))) }) })).min(1) });
const TownsFile = z.array(z.object({ code: z.string(), name: z.string(), lon: z.number(), lat: z.number() }));

/** 温岭's outline as shipped for the web map (one file, two readers). */
export function readWenlingOutline(): MultiPolygonCoords {
  const file = OutlineFile.parse(JSON.parse(readFileSync(new URL('../../../web/src/modules/enterprises/outline-331081.geo.json', import.meta.url), 'utf8')));
  return file.features.flatMap((f) => f.geometry.coordinates);
}

export function readWenlingTowns(): TownCentre[] {
  return TownsFile.parse(JSON.parse(readFileSync(new URL('../regions/data/wenling-331081-towns.json', import.meta.url), 'utf8')));
}

function tieIntoGrid(builder: WayBuilder, node: number | undefined, nearest: (lon: number, lat: number) => number | undefined, highway: string): void {
  if (node === undefined) return;
  const [lon, lat] = builder.coordOf(node);
  const target = nearest(lon, lat);
  if (target !== undefined && target !== node) builder.addWay([node, target], { highway });
}

/** Minimum spanning tree of the town centres plus each town's two nearest neighbours, without duplicates. */
function arterialPairs<T extends TownCentre>(towns: readonly T[], km: (a: number, b: number, c: number, d: number) => number): [T, T][] {
  const d = (a: T, b: T) => km(a.lon, a.lat, b.lon, b.lat);
  const keys = new Set<string>();
  const pairs: [T, T][] = [];
  const add = (a: T, b: T) => {
    const key = [a.code, b.code].sort().join('|');
    if (!keys.has(key)) {
      keys.add(key);
      pairs.push([a, b]);
    }
  };
  const inTree = new Set<T>(towns.slice(0, 1));
  while (inTree.size < towns.length) {
    let best: [T, T] | undefined;
    for (const a of inTree) for (const b of towns) if (!inTree.has(b) && (!best || d(a, b) < d(best[0], best[1]))) best = [a, b];
    if (!best) break;
    add(best[0], best[1]);
    inTree.add(best[1]);
  }
  for (const a of towns) {
    const others = towns.filter((b) => b !== a).sort((x, y) => d(a, x) - d(a, y));
    for (const b of others.slice(0, 2)) add(a, b);
  }
  return pairs;
}

/** Points every `step` degrees (roughly) along a polyline, first and last included. */
function densify(line: readonly [number, number][], step: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k + 1 < line.length; k++) {
    const [x0, y0] = line[k] as [number, number];
    const [x1, y1] = line[k + 1] as [number, number];
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let s = 0; s < n; s++) out.push([x0 + ((x1 - x0) * s) / n, y0 + ((y1 - y0) * s) / n]);
  }
  const last = line[line.length - 1];
  if (last) out.push([last[0], last[1]]);
  return out;
}

function boundsOf(polygons: MultiPolygonCoords): [number, number, number, number] {
  let [minLon, minLat, maxLon, maxLat] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const polygon of polygons) {
    for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}

/** isInsideMultiPolygon with each polygon's bounding box checked first (most polygons are small islands). */
function insideTest(polygons: MultiPolygonCoords): (lon: number, lat: number) => boolean {
  const boxes = polygons.map((p) => ({ polygon: [p], box: boundsOf([p]) }));
  return (lon, lat) => {
    let isIn = false;
    for (const { polygon, box } of boxes) {
      if (lon < box[0] || lat < box[1] || lon > box[2] || lat > box[3]) continue;
      if (isInsideMultiPolygon(polygon, lon, lat)) isIn = !isIn;
    }
    return isIn;
  };
}

/** Even-odd rule over every ring: tolerant of the outline's self-intersections. */
export function isInsideMultiPolygon(polygons: MultiPolygonCoords, lon: number, lat: number): boolean {
  let isIn = false;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
        // indexed reads, not destructuring: this loop runs millions of times
        const pa = ring[a];
        const pb = ring[b];
        if (!pa || !pb) continue;
        const xa = pa[0] ?? 0;
        const ya = pa[1] ?? 0;
        const xb = pb[0] ?? 0;
        const yb = pb[1] ?? 0;
        if (ya > lat !== yb > lat && lon < ((xb - xa) * (lat - ya)) / (yb - ya) + xa) isIn = !isIn;
      }
    }
  }
  return isIn;
}

/** Collects nodes and ways; keeps only the largest connected part at the end. */
class WayBuilder {
  readonly coords = new Map<number, [number, number]>();
  private readonly ways: WayInput[] = [];
  private readonly routed = new Set<number>();
  private nextNodeId = 2_000_000;

  coordOf(id: number | undefined): [number, number] {
    const c = id === undefined ? undefined : this.coords.get(id);
    if (!c) throw new Error(`synthetic roads: node ${id} has no coordinates`);
    return c;
  }

  isRouted(id: number): boolean {
    return this.routed.has(id);
  }

  addNode(p: [number, number]): number {
    const id = this.nextNodeId++;
    this.coords.set(id, p);
    return id;
  }

  addWay(nodeIds: number[], tags: Record<string, string>): void {
    if (nodeIds.length < 2) return;
    for (const id of nodeIds) this.routed.add(id);
    this.ways.push({ id: this.ways.length + 1, nodeIds, tags: { ...tags, source: 'synthetic' } });
  }

  mainComponent(): SyntheticRoads {
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      let r = x;
      while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) as number;
      parent.set(x, r);
      return r;
    };
    for (const way of this.ways) {
      const first = find(Number(way.nodeIds[0]));
      for (const id of way.nodeIds) parent.set(find(id), first);
    }
    const sizes = new Map<number, number>();
    for (const id of this.routed) sizes.set(find(id), (sizes.get(find(id)) ?? 0) + 1);
    const main = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const ways = this.ways.filter((w) => find(Number(w.nodeIds[0])) === main);
    const coords = new Map<number, [number, number]>();
    for (const w of ways) for (const id of w.nodeIds) coords.set(id, this.coordOf(id));
    return { ways: ways.map((w, k) => ({ ...w, id: k + 1 })), coords };
  }
}

/**
 * Stores the synthetic network for 温岭 (flagged synthetic) unless a real network was imported already: an
 * imported OpenStreetMap extract always wins over the demo's roads.
 */
export async function storeWenlingSyntheticRoads(db: Db, seed: number): Promise<{ status: 'imported' | 'replaced' | 'unchanged' | 'kept-real'; vertexCount: number }> {
  const roads = new RoadsService(db);
  const existing = await roads.summary(WENLING_REGION);
  if (existing && !existing.isSynthetic) return { status: 'kept-real', vertexCount: existing.vertexCount };
  const { graph } = buildWenlingRoadGraph(seed);
  const result = await roads.store({ regionCode: WENLING_REGION, graph, sourceName: `示例路网 synthetic Wenling roads (seed ${seed})`, sourceSha256: null, sourceFormat: 'synthetic', isSynthetic: true });
  return { status: result.status, vertexCount: graph.vertexCount };
}
