import { Rng } from '../random/seeded.ts';
import { buildRoadGraph, type RoadGraph, type WayInput } from './roadGraph.ts';

/**
 * A small hand-made network for the routing tests (lon/lat near Wenling, ~100 m per 0.001°):
 *
 *   1 ── 2 ── 3        way 10: 1-2-3 residential, two-way
 *        │    ↓        way 11: 2-4 residential, two-way
 *        4 ←─ 5        way 12: 3-5 one-way down; way 13: 5-4 one-way left
 *   6 ── 7             way 14: 6-7, a separate piece
 *   8 ── 9             way 15: 8-9 a footway (not routed)
 */
export const TEST_COORDS = new Map<number, [number, number]>([
  [1, [121.0, 28.0]],
  [2, [121.001, 28.0]],
  [3, [121.002, 28.0]],
  [4, [121.001, 27.999]],
  [5, [121.002, 27.999]],
  [6, [121.01, 28.01]],
  [7, [121.011, 28.01]],
  [8, [121.02, 28.02]],
  [9, [121.021, 28.02]],
]);

export const TEST_WAYS: WayInput[] = [
  { id: 10, nodeIds: [1, 2, 3], tags: { highway: 'residential' } },
  { id: 11, nodeIds: [2, 4], tags: { highway: 'residential' } },
  { id: 12, nodeIds: [3, 5], tags: { highway: 'residential', oneway: 'yes' } },
  { id: 13, nodeIds: [5, 4], tags: { highway: 'residential', oneway: 'yes' } },
  { id: 14, nodeIds: [6, 7], tags: { highway: 'service' } },
  { id: 15, nodeIds: [8, 9], tags: { highway: 'footway' } },
];

export function buildTestNetwork(): RoadGraph {
  return buildRoadGraph(TEST_WAYS, (id) => TEST_COORDS.get(id));
}

/** Vertex index of an OSM node id. */
export function vertexOf(graph: RoadGraph, osmId: number): number {
  const v = graph.osmIds.indexOf(osmId);
  if (v < 0) throw new Error(`node ${osmId} is not a vertex`);
  return v;
}

/**
 * A seeded random street grid (about 100 m blocks) with mixed classes, some one-way streets either way,
 * some missing blocks and a few long diagonal roads: enough irregularity for brute-force comparisons.
 */
export function buildRandomGrid(seed: number, size = 20, shapeNodes = 0): RoadGraph {
  const rng = new Rng(seed);
  const coords = new Map<number, [number, number]>();
  const id = (x: number, y: number) => 1000 + y * size + x;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) coords.set(id(x, y), [121 + x * 0.001 + rng.next() * 0.0003, 28 + y * 0.0009 + rng.next() * 0.0003]);
  const classes = ['residential', 'tertiary', 'primary', 'service', 'unclassified'];
  const ways: WayInput[] = [];
  let wayId = 1;
  const tagsOf = (): Record<string, string> => {
    const tags: Record<string, string> = { highway: rng.pick(classes) };
    if (rng.chance(0.2)) tags.oneway = rng.pick(['yes', '-1']);
    if (rng.chance(0.1)) tags.maxspeed = String(rng.int(20, 80));
    return tags;
  };
  // shapeNodes > 0 puts that many nodes along each block (ids from 100000 up), as OSM shapes a curved road
  let shapeId = 100_000;
  const road = (a: number, b: number): number[] => {
    const [ax, ay] = coords.get(a) ?? [0, 0];
    const [bx, by] = coords.get(b) ?? [0, 0];
    const inner: number[] = [];
    for (let k = 1; k <= shapeNodes; k++) {
      const f = k / (shapeNodes + 1);
      coords.set(shapeId, [ax + f * (bx - ax) + (rng.next() - 0.5) * 0.0001, ay + f * (by - ay) + (rng.next() - 0.5) * 0.0001]);
      inner.push(shapeId++);
    }
    return [a, ...inner, b];
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (x + 1 < size && rng.chance(0.9)) ways.push({ id: wayId++, nodeIds: road(id(x, y), id(x + 1, y)), tags: tagsOf() });
      if (y + 1 < size && rng.chance(0.9)) ways.push({ id: wayId++, nodeIds: road(id(x, y), id(x, y + 1)), tags: tagsOf() });
    }
  }
  if (shapeNodes > 0) {
    // a ring road of shape nodes only, touching nothing: a chain without a junction
    const ring = [0, 1, 2, 3].map((k) => {
      coords.set(shapeId, [121 + size * 0.001 + 0.002 + (k % 2) * 0.001, 28 + (k > 1 ? 0.001 : 0)]);
      return shapeId++;
    });
    ways.push({ id: wayId++, nodeIds: [ring[0] ?? 0, ring[1] ?? 0, ring[3] ?? 0, ring[2] ?? 0, ring[0] ?? 0], tags: { highway: 'residential', oneway: 'yes' } });
  }
  for (let k = 0; k < 5; k++) {
    const x0 = rng.int(0, size - 6);
    const y0 = rng.int(0, size - 6);
    ways.push({ id: wayId++, nodeIds: [0, 1, 2, 3, 4, 5].map((d) => id(x0 + d, y0 + d)), tags: { highway: 'trunk' } });
  }
  return buildRoadGraph(ways, (n) => coords.get(n));
}
