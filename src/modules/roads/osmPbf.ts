import { inflateSync } from 'node:zlib';
import { PbfReader } from 'pbf';
import { OsmNodeTable, type OsmRoadData } from './osmNodes.ts';

/**
 * A decoder for the OSM PBF format (https://wiki.openstreetmap.org/wiki/PBF_Format) on the `pbf` protobuf
 * reader and node:zlib: file blocks → PrimitiveBlocks → nodes, dense nodes and ways. It keeps every node's
 * coordinates and the ways that carry a `highway` tag; relations and metadata are skipped.
 */

const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);

export class OsmFileError extends Error {}

interface BlobHeader {
  type: string;
  dataSize: number;
}

interface Blob {
  raw: Uint8Array | undefined;
  zlib: Uint8Array | undefined;
  rawSize: number;
  other: string | undefined;
}

export function readOsmPbf(bytes: Uint8Array): OsmRoadData {
  const nodes = new OsmNodeTable();
  const ways: OsmRoadData['ways'] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  let blockNumber = 0;
  while (pos < bytes.byteLength) {
    if (pos + 4 > bytes.byteLength) throw new OsmFileError(`PBF block ${blockNumber}: truncated length at byte ${pos}`);
    const headerLength = view.getUint32(pos, false);
    pos += 4;
    const header = new PbfReader(bytes.subarray(pos, pos + headerLength)).readFields(readBlobHeader, { type: '', dataSize: 0 });
    pos += headerLength;
    if (pos + header.dataSize > bytes.byteLength) throw new OsmFileError(`PBF block ${blockNumber} (${header.type}): truncated data`);
    const data = decodeBlob(bytes.subarray(pos, pos + header.dataSize), blockNumber);
    pos += header.dataSize;
    if (header.type === 'OSMHeader') checkHeader(data);
    else if (header.type === 'OSMData') readPrimitiveBlock(data, nodes, ways);
    blockNumber++;
  }
  if (blockNumber === 0) throw new OsmFileError('empty PBF file');
  nodes.finish();
  return { ways, nodes };
}

function readBlobHeader(tag: number, h: BlobHeader, pbf: PbfReader): void {
  if (tag === 1) h.type = pbf.readString();
  else if (tag === 3) h.dataSize = pbf.readVarint();
}

function readBlob(tag: number, b: Blob, pbf: PbfReader): void {
  if (tag === 1) b.raw = pbf.readBytes();
  else if (tag === 2) b.rawSize = pbf.readVarint();
  else if (tag === 3) b.zlib = pbf.readBytes();
  else if (tag === 4 || tag === 5 || tag === 6 || tag === 7) {
    b.other = ['lzma', 'bzip2', 'lz4', 'zstd'][tag - 4];
    pbf.skip(pbf.type);
  }
}

function decodeBlob(bytes: Uint8Array, blockNumber: number): Uint8Array {
  const blob = new PbfReader(bytes).readFields(readBlob, { raw: undefined, zlib: undefined, rawSize: 0, other: undefined });
  if (blob.raw) return blob.raw;
  if (blob.zlib) {
    const out = inflateSync(blob.zlib);
    if (blob.rawSize && out.byteLength !== blob.rawSize) throw new OsmFileError(`PBF block ${blockNumber}: inflated ${out.byteLength} bytes, header says ${blob.rawSize}`);
    return out;
  }
  throw new OsmFileError(`PBF block ${blockNumber}: ${blob.other ?? 'unknown'} compression is not supported (re-encode with \`osmium cat -f pbf,pbf_compression=zlib\`)`);
}

function checkHeader(data: Uint8Array): void {
  const required: string[] = [];
  new PbfReader(data).readFields((tag, acc: string[], pbf) => {
    if (tag === 4) acc.push(pbf.readString());
  }, required);
  const unsupported = required.filter((f) => !SUPPORTED_FEATURES.has(f));
  if (unsupported.length > 0) throw new OsmFileError(`PBF file requires unsupported features: ${unsupported.join(', ')}`);
}

interface Block {
  strings: string[];
  groups: Array<[number, number]>;
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

function readBlockField(tag: number, b: Block, pbf: PbfReader): void {
  if (tag === 1) {
    const end = pbf.readVarint() + pbf.pos;
    while (pbf.pos < end) {
      const key = pbf.readVarint();
      if (key >> 3 === 1) b.strings.push(pbf.readString());
      else pbf.skip(key & 7);
    }
  } else if (tag === 2) {
    // groups need the string table and granularity, which may come later in the message
    const length = pbf.readVarint();
    b.groups.push([pbf.pos, pbf.pos + length]);
    pbf.pos += length;
  } else if (tag === 17) b.granularity = pbf.readVarint();
  else if (tag === 19) b.latOffset = pbf.readVarint(true);
  else if (tag === 20) b.lonOffset = pbf.readVarint(true);
}

function readPrimitiveBlock(data: Uint8Array, nodes: OsmNodeTable, ways: OsmRoadData['ways']): void {
  const pbf = new PbfReader(data);
  const empty: Block = { strings: [], groups: [], granularity: 100, latOffset: 0, lonOffset: 0 };
  const block = pbf.readFields(readBlockField, empty);
  // dividing by 1e9 gives the double nearest the decimal degrees, as osmium prints them
  const toLat = (raw: number): number => (block.latOffset + block.granularity * raw) / 1e9;
  const toLon = (raw: number): number => (block.lonOffset + block.granularity * raw) / 1e9;
  const highwayKey = block.strings.indexOf('highway');
  for (const [start, end] of block.groups) {
    pbf.pos = start;
    pbf.readFields(
      (tag, _: null, p) => {
        if (tag === 1) readNode(p, nodes, toLon, toLat);
        else if (tag === 2) readDenseNodes(p, nodes, toLon, toLat);
        else if (tag === 3 && highwayKey >= 0) readWay(p, block.strings, highwayKey, ways);
        else p.skip(p.type);
      },
      null,
      end,
    );
  }
}

function readNode(pbf: PbfReader, nodes: OsmNodeTable, toLon: (raw: number) => number, toLat: (raw: number) => number): void {
  const n = { id: 0, lat: 0, lon: 0 };
  pbf.readMessage((tag, acc: typeof n, p) => {
    if (tag === 1) acc.id = p.readSVarint();
    else if (tag === 8) acc.lat = p.readSVarint();
    else if (tag === 9) acc.lon = p.readSVarint();
    else p.skip(p.type);
  }, n);
  nodes.add(n.id, toLon(n.lon), toLat(n.lat));
}

function readDenseNodes(pbf: PbfReader, nodes: OsmNodeTable, toLon: (raw: number) => number, toLat: (raw: number) => number): void {
  const d = { ids: [] as number[], lats: [] as number[], lons: [] as number[] };
  pbf.readMessage((tag, acc: typeof d, p) => {
    if (tag === 1) p.readPackedSVarint(acc.ids);
    else if (tag === 8) p.readPackedSVarint(acc.lats);
    else if (tag === 9) p.readPackedSVarint(acc.lons);
    else p.skip(p.type);
  }, d);
  if (d.ids.length !== d.lats.length || d.ids.length !== d.lons.length) throw new OsmFileError(`PBF dense nodes: ${d.ids.length} ids but ${d.lats.length} lats and ${d.lons.length} lons`);
  let id = 0;
  let lat = 0;
  let lon = 0;
  for (let i = 0; i < d.ids.length; i++) {
    id += d.ids[i] ?? 0;
    lat += d.lats[i] ?? 0;
    lon += d.lons[i] ?? 0;
    nodes.add(id, toLon(lon), toLat(lat));
  }
}

function readWay(pbf: PbfReader, strings: string[], highwayKey: number, ways: OsmRoadData['ways']): void {
  const w = { id: 0, keys: [] as number[], vals: [] as number[], refs: [] as number[] };
  pbf.readMessage((tag, acc: typeof w, p) => {
    if (tag === 1) acc.id = p.readVarint(true);
    else if (tag === 2) p.readPackedVarint(acc.keys);
    else if (tag === 3) p.readPackedVarint(acc.vals);
    else if (tag === 8) p.readPackedSVarint(acc.refs);
    else p.skip(p.type);
  }, w);
  if (!w.keys.includes(highwayKey)) return;
  const tags: Record<string, string> = {};
  for (let i = 0; i < w.keys.length; i++) tags[strings[w.keys[i] ?? 0] ?? ''] = strings[w.vals[i] ?? 0] ?? '';
  const nodeIds = new Float64Array(w.refs.length);
  let ref = 0;
  for (let i = 0; i < w.refs.length; i++) {
    ref += w.refs[i] ?? 0;
    nodeIds[i] = ref;
  }
  ways.push({ id: w.id, nodeIds, tags });
}
