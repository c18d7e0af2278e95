import { assembleRoadGraph, type RoadGraph } from './roadGraph.ts';

/**
 * The stored form of a network: a 16-byte header ("CBRG", format version, vertex and segment counts) and the
 * vertex and segment arrays, each starting on an 8-byte boundary, little-endian. Only vertices and segments
 * are stored; the adjacency and the snapping index are rebuilt on load (linear time, a few ms per 100k
 * segments), which keeps the file small and its layout independent of those structures.
 */
const MAGIC = 0x47524243; // "CBRG" read as a little-endian uint32
const VERSION = 1;
const HEADER_BYTES = 16;

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('road graph files assume a little-endian machine');

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function byteLength(n: number, m: number): number {
  return HEADER_BYTES + 3 * 8 * n + 3 * 8 * m + 2 * align8(4 * m) + align8(m);
}

export function serializeRoadGraph(g: RoadGraph): Uint8Array {
  const n = g.vertexCount;
  const s = g.segments;
  const m = s.count;
  const out = new Uint8Array(byteLength(n, m));
  const header = new DataView(out.buffer);
  header.setUint32(0, MAGIC, true);
  header.setUint32(4, VERSION, true);
  header.setUint32(8, n, true);
  header.setUint32(12, m, true);
  let at = HEADER_BYTES;
  for (const part of [g.osmIds, g.lon, g.lat, s.forwardSeconds, s.backwardSeconds, s.lengthM, s.from, s.to, s.classCode]) {
    out.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += align8(part.byteLength);
  }
  return out;
}

/** True when the bytes start like a serialized road graph. */
export function isSerializedRoadGraph(bytes: Uint8Array): boolean {
  return bytes.byteLength >= HEADER_BYTES && new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES).getUint32(0, true) === MAGIC;
}

export function deserializeRoadGraph(bytes: Uint8Array): RoadGraph {
  if (!isSerializedRoadGraph(bytes)) throw new Error('not a road graph file (bad magic number)');
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const version = header.getUint32(4, true);
  if (version !== VERSION) throw new Error(`road graph file version ${version} is not supported (expected ${VERSION})`);
  const n = header.getUint32(8, true);
  const m = header.getUint32(12, true);
  if (bytes.byteLength !== byteLength(n, m)) throw new Error(`road graph file is ${bytes.byteLength} bytes; ${n} vertices and ${m} segments need ${byteLength(n, m)}`);
  let at = HEADER_BYTES;
  // slice() copies into a fresh, aligned buffer: the input may sit at any offset (e.g. a bytea from the driver)
  const take = (bytesPerItem: number, count: number): ArrayBuffer => {
    const start = bytes.byteOffset + at;
    at += align8(bytesPerItem * count);
    return bytes.buffer.slice(start, start + bytesPerItem * count) as ArrayBuffer;
  };
  const osmIds = new Float64Array(take(8, n));
  const lon = new Float64Array(take(8, n));
  const lat = new Float64Array(take(8, n));
  const forwardSeconds = new Float64Array(take(8, m));
  const backwardSeconds = new Float64Array(take(8, m));
  const lengthM = new Float64Array(take(8, m));
  const from = new Int32Array(take(4, m));
  const to = new Int32Array(take(4, m));
  const classCode = new Uint8Array(take(1, m));
  for (let i = 0; i < m; i++) {
    const a = from[i] ?? -1;
    const b = to[i] ?? -1;
    if (a < 0 || a >= n || b < 0 || b >= n) throw new Error(`road graph file is corrupt: segment ${i} joins vertices ${a} and ${b} of ${n}`);
  }
  return assembleRoadGraph({ count: n, osmIds, lon, lat }, { count: m, from, to, forwardSeconds, backwardSeconds, lengthM, classCode });
}
