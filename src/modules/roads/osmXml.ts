import { SaxesParser } from 'saxes';
import { OsmNodeTable, type OsmRoadData } from './osmNodes.ts';
import { OsmFileError } from './osmPbf.ts';

/**
 * A streaming reader of OSM XML (.osm, as written by the API, JOSM, osmium or OSMnx) on the saxes parser:
 * every node's coordinates and the ways that carry a `highway` tag. Elements a JOSM file marks deleted or
 * invisible are skipped.
 */
export class OsmXmlReader {
  private readonly parser = new SaxesParser();
  private readonly nodes = new OsmNodeTable();
  private readonly ways: OsmRoadData['ways'] = [];
  private way: { id: number; nodeIds: number[]; tags: Record<string, string> } | undefined;
  private isRootSeen = false;

  constructor() {
    this.parser.on('opentag', (tag) => this.open(tag.name, tag.attributes));
    this.parser.on('closetag', (tag) => {
      if (tag.name === 'way' && this.way) {
        if (this.way.tags.highway !== undefined) this.ways.push({ id: this.way.id, nodeIds: Float64Array.from(this.way.nodeIds), tags: this.way.tags });
        this.way = undefined;
      }
    });
    this.parser.on('error', (error) => {
      throw new OsmFileError(`OSM XML line ${this.parser.line}: ${error.message}`);
    });
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  finish(): OsmRoadData {
    this.parser.close();
    if (!this.isRootSeen) throw new OsmFileError('not an OSM XML file: no <osm> root element');
    this.nodes.finish();
    return { ways: this.ways, nodes: this.nodes };
  }

  private open(name: string, attributes: Record<string, string>): void {
    if (name === 'osm' || name === 'osmChange') {
      this.isRootSeen = true;
      return;
    }
    if (attributes.action === 'delete' || attributes.visible === 'false') return;
    if (name === 'node') {
      const id = this.number(attributes, 'id', 'node');
      // a node without coordinates (a deleted one in a history file) cannot be routed through
      if (attributes.lon === undefined || attributes.lat === undefined) return;
      this.nodes.add(id, this.number(attributes, 'lon', `node ${id}`), this.number(attributes, 'lat', `node ${id}`));
    } else if (name === 'way') {
      this.way = { id: this.number(attributes, 'id', 'way'), nodeIds: [], tags: {} };
    } else if (name === 'nd' && this.way) {
      this.way.nodeIds.push(this.number(attributes, 'ref', `way ${this.way.id}`));
    } else if (name === 'tag' && this.way) {
      const k = attributes.k;
      const v = attributes.v;
      if (k !== undefined && v !== undefined) this.way.tags[k] = v;
    }
  }

  private number(attributes: Record<string, string>, key: string, where: string): number {
    const raw = attributes[key];
    const value = raw === undefined ? Number.NaN : Number(raw);
    if (raw === undefined || raw.trim() === '' || !Number.isFinite(value)) throw new OsmFileError(`OSM XML line ${this.parser.line}: ${where} has no valid ${key} (${raw ?? 'missing'})`);
    return value;
  }
}
