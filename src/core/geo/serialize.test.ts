import { describe, expect, it } from 'vitest';
import { driveTimes } from './driveTimes.ts';
import { snap } from './snap.ts';
import { deserializeRoadGraph, isSerializedRoadGraph, serializeRoadGraph } from './serialize.ts';
import { buildRandomGrid } from './testNetwork.ts';

describe('serializeRoadGraph', () => {
  it('round-trips vertices, segments and routing results, also from an unaligned offset', () => {
    const g = buildRandomGrid(9);
    const bytes = serializeRoadGraph(g);
    expect(isSerializedRoadGraph(bytes)).toBe(true);
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    for (const copy of [deserializeRoadGraph(bytes), deserializeRoadGraph(shifted.subarray(3))]) {
      expect(copy.osmIds).toEqual(g.osmIds);
      expect(copy.lon).toEqual(g.lon);
      expect(copy.segments.forwardSeconds).toEqual(g.segments.forwardSeconds);
      expect(copy.segments.classCode).toEqual(g.segments.classCode);
      const origin = snap(g, 121.01, 28.01);
      expect(driveTimes(copy, snap(copy, 121.01, 28.01), 600)).toEqual(driveTimes(g, origin, 600));
    }
  });

  it('is deterministic: the same graph gives the same bytes', () => {
    expect(serializeRoadGraph(buildRandomGrid(4))).toEqual(serializeRoadGraph(buildRandomGrid(4)));
  });

  it('rejects other files, a truncated file and a segment pointing outside the vertices', () => {
    const bytes = serializeRoadGraph(buildRandomGrid(2));
    expect(() => deserializeRoadGraph(new TextEncoder().encode('<?xml version="1.0"?><osm/>'))).toThrow(/magic/);
    expect(() => deserializeRoadGraph(bytes.subarray(0, bytes.byteLength - 8))).toThrow(/bytes/);
    const corrupt = bytes.slice();
    const n = new DataView(corrupt.buffer).getUint32(8, true);
    const m = new DataView(corrupt.buffer).getUint32(12, true);
    new DataView(corrupt.buffer).setInt32(16 + 24 * n + 24 * m, n + 5, true); // first segment's from vertex
    expect(() => deserializeRoadGraph(corrupt)).toThrow(/segment 0/);
  });
});
