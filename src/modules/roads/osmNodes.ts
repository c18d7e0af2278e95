import type { WayInput } from '../../core/geo/roadGraph.ts';

/**
 * Node coordinates of an OSM file in three parallel typed arrays (24 bytes a node instead of a Map entry's
 * ~80), looked up by binary search on the id. Extracts are sorted by id, so sorting is usually skipped.
 */
export class OsmNodeTable {
  private ids: Float64Array = new Float64Array(1024);
  private lons: Float64Array = new Float64Array(1024);
  private lats: Float64Array = new Float64Array(1024);
  count = 0;
  private isSorted = true;

  add(id: number, lon: number, lat: number): void {
    if (this.count === this.ids.length) this.grow();
    if (this.count > 0 && id <= (this.ids[this.count - 1] ?? 0)) this.isSorted = false;
    this.ids[this.count] = id;
    this.lons[this.count] = lon;
    this.lats[this.count] = lat;
    this.count++;
  }

  /** Call once all nodes are added; lookups before then are undefined behaviour. */
  finish(): void {
    if (this.isSorted) return;
    const order = Array.from({ length: this.count }, (_, i) => i).sort((a, b) => (this.ids[a] ?? 0) - (this.ids[b] ?? 0));
    this.ids = Float64Array.from(order, (i) => this.ids[i] ?? 0);
    this.lons = Float64Array.from(order, (i) => this.lons[i] ?? 0);
    this.lats = Float64Array.from(order, (i) => this.lats[i] ?? 0);
    this.isSorted = true;
  }

  /** [lon, lat] of a node, or undefined when the file does not hold it. */
  lookup = (id: number): [number, number] | undefined => {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.ids[mid] ?? 0;
      if (v < id) lo = mid + 1;
      else if (v > id) hi = mid - 1;
      else return [this.lons[mid] ?? 0, this.lats[mid] ?? 0];
    }
    return undefined;
  };

  private grow(): void {
    const size = this.ids.length * 2;
    const grow = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.ids = grow(this.ids);
    this.lons = grow(this.lons);
    this.lats = grow(this.lats);
  }
}

/** What the readers hand to buildRoadGraph: the ways that carry a highway tag and every node's coordinates. */
export interface OsmRoadData {
  ways: WayInput[];
  nodes: OsmNodeTable;
}
