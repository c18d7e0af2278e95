import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../tests/helpers/paths.ts';
import { serializeRoadGraph } from '../../core/geo/serialize.ts';
import { detectRoadFileFormat, roadGraphOfBytes } from './osmFile.ts';
import { readOsmPbf } from './osmPbf.ts';
import { OsmXmlReader } from './osmXml.ts';

const OSM = join(ROOT, 'tests', 'fixtures', 'osm');
const read = (name: string) => readFileSync(join(OSM, name));

function readXml(text: string) {
  const reader = new OsmXmlReader();
  reader.write(text);
  return reader.finish();
}

describe('OSM readers', () => {
  // node and highway-way counts as `osmium fileinfo -e` / `osmium tags-count` report them (tests/fixtures/osm/README.md)
  it.each([
    ['monaco.osm.pbf', 180_118, 2_927],
    ['andorra.osm.pbf', 69_644, 1_615],
    ['shanghai-jingan-huangpu.osmnx.osm.pbf', 2_958, 796],
  ])('reads every node and every highway way of %s', (file, nodes, highwayWays) => {
    const data = readOsmPbf(read(file));
    expect(data.nodes.count).toBe(nodes);
    expect(data.ways.length).toBe(highwayWays);
  });

  it('reads the same nodes, ways and tags from XML as from PBF (Chinese names included)', () => {
    const xml = readXml(read('shanghai-jingan-huangpu.osmnx.osm').toString('utf8'));
    const pbf = readOsmPbf(read('shanghai-jingan-huangpu.osmnx.osm.pbf'));
    expect(xml.nodes.count).toBe(2_958);
    expect(xml.ways.map((w) => [w.id, [...w.nodeIds], w.tags])).toEqual(pbf.ways.map((w) => [w.id, [...w.nodeIds], w.tags]));
    expect(xml.ways.some((w) => w.tags.name === '南京西路')).toBe(true);
    const first = xml.ways[0]?.nodeIds[0] ?? 0;
    expect(xml.nodes.lookup(first)).toEqual(pbf.nodes.lookup(first));
  });

  it('builds byte-identical networks from the XML and the PBF of the same data', () => {
    const a = roadGraphOfBytes(read('shanghai-jingan-huangpu.osmnx.osm'));
    const b = roadGraphOfBytes(read('shanghai-jingan-huangpu.osmnx.osm.pbf'));
    expect([a.format, b.format]).toEqual(['xml', 'pbf']);
    expect(serializeRoadGraph(a.graph)).toEqual(serializeRoadGraph(b.graph));
  });

  it('recognises a stored network by its content, whatever the file name', () => {
    const bytes = serializeRoadGraph(roadGraphOfBytes(read('shanghai-jingan-huangpu.osmnx.osm.pbf')).graph);
    expect(detectRoadFileFormat(bytes)).toBe('network');
    expect(roadGraphOfBytes(bytes).graph.vertexCount).toBe(2_454);
  });

  it('skips deleted elements of a JOSM file, keeps unsorted node ids, and names the line of a bad coordinate', () => {
    const data = readXml(`<?xml version="1.0"?>
<osm version="0.6">
  <node id="3" lat="28.1" lon="121.2"/>
  <node id="1" lat="28.0" lon="121.0"/>
  <node id="2" lat="28.05" lon="121.1" action="delete"/>
  <way id="7"><nd ref="1"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="name" v="东辉北路 &amp; 万昌路"/></way>
  <way id="8" action="delete"><nd ref="1"/><nd ref="3"/><tag k="highway" v="primary"/></way>
  <way id="9"><nd ref="1"/><nd ref="3"/><tag k="building" v="yes"/></way>
</osm>`);
    expect(data.nodes.count).toBe(2);
    expect(data.nodes.lookup(3)).toEqual([121.2, 28.1]);
    expect(data.ways.map((w) => w.id)).toEqual([7]);
    expect(data.ways[0]?.tags.name).toBe('东辉北路 & 万昌路');
    expect(() => readXml('<osm>\n<node id="1" lat="north" lon="121"/></osm>')).toThrow(/line 2: node 1 has no valid lat/);
  });

  it('rejects a file that is neither OSM nor a stored network', () => {
    expect(() => roadGraphOfBytes(new TextEncoder().encode('<html><body>not osm</body></html>'))).toThrow(/no <osm> root/);
    expect(() => roadGraphOfBytes(new Uint8Array([0, 0, 0, 5, 1, 2]))).toThrow();
  });
});
