import { describe, expect, it } from 'vitest';
import { driveTimes } from '../../core/geo/driveTimes.ts';
import { snap, snapToVertex } from '../../core/geo/snap.ts';
import { Rng } from '../../core/random/seeded.ts';
import { buildRoadGraph } from '../../core/geo/roadGraph.ts';
import { generateWenlingRoads, isInsideMultiPolygon, readWenlingOutline, readWenlingTowns } from './wenlingSynthetic.ts';

// Owned by H5 (supply circle); lives in the roads module because it feeds the same pipeline as an OSM import.
describe('generateWenlingRoads', () => {
  const outline = readWenlingOutline();
  const towns = readWenlingTowns();
  const roads = generateWenlingRoads({ seed: 20241, outline, towns });
  const graph = buildRoadGraph(roads.ways, (id) => roads.coords.get(id));

  it('is deterministic for a seed and differs for another seed', () => {
    const again = generateWenlingRoads({ seed: 20241, outline, towns });
    expect(again.ways).toEqual(roads.ways);
    expect([...again.coords.entries()]).toEqual([...roads.coords.entries()]);
    const other = generateWenlingRoads({ seed: 7, outline, towns });
    expect([...other.coords.values()].slice(0, 50)).not.toEqual([...roads.coords.values()].slice(0, 50));
  });

  it('has an expressway, arterials and local streets, every way flagged synthetic', () => {
    const classes = new Set(roads.ways.map((w) => w.tags.highway));
    for (const c of ['motorway', 'motorway_link', 'primary', 'secondary', 'tertiary', 'residential', 'unclassified']) expect(classes, c).toContain(c);
    expect(roads.ways.every((w) => w.tags.source === 'synthetic')).toBe(true);
    expect(graph.vertexCount).toBeGreaterThan(2000);
  });

  it('keeps every lattice and arterial node inside the county outline', () => {
    const outside = roads.ways
      .filter((w) => !w.tags.highway?.startsWith('motorway'))
      .flatMap((w) => [...w.nodeIds])
      .filter((id) => {
        const [lon, lat] = roads.coords.get(id) ?? [0, 0];
        return !isInsideMultiPolygon(outline, lon, lat);
      });
    // arterial bends may cut a bay corner; lattice points never leave the outline
    expect(outside.length / roads.coords.size).toBeLessThan(0.01);
  });

  it('is one strongly connected network: every vertex reaches and is reached from a town centre', () => {
    const centre = snap(graph, towns[0]?.lon ?? 0, towns[0]?.lat ?? 0);
    const out = driveTimes(graph, centre, Number.POSITIVE_INFINITY, 'out');
    const into = driveTimes(graph, centre, Number.POSITIVE_INFINITY, 'in');
    expect(out.every(Number.isFinite)).toBe(true);
    expect(into.every(Number.isFinite)).toBe(true);
    expect(() => snapToVertex(graph, 0)).not.toThrow();
  });

  it('lets any point where the demo puts firms snap to a road within a few hundred metres', () => {
    const rng = new Rng(5);
    let worst = 0;
    for (let k = 0; k < 2000; k++) {
      const town = towns[k % towns.length];
      if (!town) continue;
      const lon = town.lon + rng.normal() * 0.018;
      const lat = town.lat + rng.normal() * 0.015;
      if (!isInsideMultiPolygon(outline, lon, lat)) continue;
      worst = Math.max(worst, snap(graph, lon, lat).distanceM);
    }
    expect(worst).toBeLessThan(1500);
  });
});
