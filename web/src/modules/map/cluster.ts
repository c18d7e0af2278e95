/** A firm (or any point) for the map. */
export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
}

/** One marker: a single point, or a cluster of `count` points drawn at their mean position. */
export interface PointCluster {
  lon: number;
  lat: number;
  count: number;
  /** the ids in the cluster (one for a single point) */
  ids: string[];
}

/**
 * Grid clustering: points falling in the same square cell of `cellDegrees` merge into one marker at their mean
 * position. Zoomed out the cell is large (few markers); zoomed in it shrinks until every firm stands alone.
 * Cells are aligned to the origin, so a point's cell does not depend on the other points.
 */
export function clusterPoints(points: readonly MapPoint[], cellDegrees: number): PointCluster[] {
  if (!(cellDegrees > 0)) return points.map((p) => ({ lon: p.lon, lat: p.lat, count: 1, ids: [p.id] }));
  const cells = new Map<string, { lonSum: number; latSum: number; ids: string[] }>();
  for (const p of points) {
    const key = `${Math.floor(p.lon / cellDegrees)}:${Math.floor(p.lat / cellDegrees)}`;
    const cell = cells.get(key);
    if (cell) {
      cell.lonSum += p.lon;
      cell.latSum += p.lat;
      cell.ids.push(p.id);
    } else cells.set(key, { lonSum: p.lon, latSum: p.lat, ids: [p.id] });
  }
  return [...cells.values()].map((c) => ({ lon: c.lonSum / c.ids.length, lat: c.latSum / c.ids.length, count: c.ids.length, ids: c.ids }));
}

/** The cell size for an ECharts geo zoom level: ~4 km cells at zoom 1 (a few markers per town), halving with each doubling of zoom, none past 16×. */
export function cellForZoom(zoom: number): number {
  if (!(zoom > 0) || zoom >= 16) return 0;
  return 0.04 / zoom;
}
