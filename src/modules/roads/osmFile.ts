import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { buildRoadGraph, type RoadGraph } from '../../core/geo/roadGraph.ts';
import { deserializeRoadGraph, isSerializedRoadGraph } from '../../core/geo/serialize.ts';
import { readOsmPbf } from './osmPbf.ts';
import { OsmXmlReader } from './osmXml.ts';

export type RoadFileFormat = 'pbf' | 'xml' | 'network';

export interface LoadedRoadFile {
  graph: RoadGraph;
  format: RoadFileFormat;
  /** sha256 of the file's bytes, hex */
  sourceSha256: string;
  byteLength: number;
}

/** What a file holds, from its first bytes (not its name): a stored network, OSM XML (maybe gzipped) or PBF. */
export function detectRoadFileFormat(bytes: Uint8Array): RoadFileFormat {
  if (isSerializedRoadGraph(bytes)) return 'network';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'xml';
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<') ? 'xml' : 'pbf';
}

/** Parses OSM XML text in chunks, so a large file does not need one parser call on a huge string. */
function readOsmXmlBytes(bytes: Uint8Array): ReturnType<OsmXmlReader['finish']> {
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const reader = new OsmXmlReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const CHUNK = 1 << 22;
  for (let at = 0; at < text.byteLength; at += CHUNK) reader.write(decoder.decode(text.subarray(at, at + CHUNK), { stream: true }));
  reader.write(decoder.decode());
  return reader.finish();
}

/** Builds the road graph of bytes in any of the three formats. */
export function roadGraphOfBytes(bytes: Uint8Array): { graph: RoadGraph; format: RoadFileFormat } {
  const format = detectRoadFileFormat(bytes);
  if (format === 'network') return { graph: deserializeRoadGraph(bytes), format };
  const data = format === 'xml' ? readOsmXmlBytes(bytes) : readOsmPbf(bytes);
  return { graph: buildRoadGraph(data.ways, data.nodes.lookup), format };
}

export function loadRoadFile(path: string): LoadedRoadFile {
  const bytes = readFileSync(path);
  const { graph, format } = roadGraphOfBytes(bytes);
  return { graph, format, sourceSha256: createHash('sha256').update(bytes).digest('hex'), byteLength: bytes.byteLength };
}
