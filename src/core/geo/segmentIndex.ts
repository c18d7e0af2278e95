import { METERS_PER_DEGREE } from './haversine.ts';

/**
 * A uniform grid over the segments' bounding boxes, in CSR form: the segments touching cell c are
 * items[cellStart[c] .. cellStart[c + 1] - 1]. Cells are about square on the ground at the network's middle
 * latitude and hold a few segments each, so the nearest segment is found by scanning rings of cells.
 */
export interface SegmentIndex {
  minLon: number;
  minLat: number;
  cellLon: number;
  cellLat: number;
  columns: number;
  rows: number;
  cellStart: Int32Array;
  items: Int32Array;
  /** the shortest ground side of a cell anywhere in the grid, in metres: the ring search's stopping bound */
  minCellMeters: number;
}

const TARGET_SEGMENTS_PER_CELL = 4;
const MAX_CELLS = 4_000_000;

export function buildSegmentIndex(lon: Float64Array, lat: Float64Array, from: Int32Array, to: Int32Array): SegmentIndex {
  let minLon = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (let v = 0; v < lon.length; v++) {
    const x = lon[v] ?? 0;
    const y = lat[v] ?? 0;
    if (x < minLon) minLon = x;
    if (x > maxLon) maxLon = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
  }
  if (from.length === 0 || !Number.isFinite(minLon)) {
    return { minLon: 0, minLat: 0, cellLon: 1, cellLat: 1, columns: 1, rows: 1, cellStart: new Int32Array(2), items: new Int32Array(0), minCellMeters: Number.POSITIVE_INFINITY };
  }
  const cosMid = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const widthM = Math.max((maxLon - minLon) * METERS_PER_DEGREE * cosMid, 1);
  const heightM = Math.max((maxLat - minLat) * METERS_PER_DEGREE, 1);
  const cells = Math.min(MAX_CELLS, Math.max(1, Math.ceil(from.length / TARGET_SEGMENTS_PER_CELL)));
  const cellM = Math.max(Math.sqrt((widthM * heightM) / cells), 1);
  const cellLat = cellM / METERS_PER_DEGREE;
  const cellLon = cellM / (METERS_PER_DEGREE * Math.max(cosMid, 1e-6));
  const columns = Math.floor((maxLon - minLon) / cellLon) + 1;
  const rows = Math.floor((maxLat - minLat) / cellLat) + 1;
  const cosWorst = Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
  const grid = { minLon, minLat, cellLon, cellLat, columns, rows };
  const cellStart = new Int32Array(columns * rows + 1);
  forEachCell(grid, lon, lat, from, to, (cell) => {
    cellStart[cell + 1] = (cellStart[cell + 1] ?? 0) + 1;
  });
  for (let c = 0; c < columns * rows; c++) cellStart[c + 1] = (cellStart[c + 1] ?? 0) + (cellStart[c] ?? 0);
  const fill = cellStart.slice(0, columns * rows);
  const items = new Int32Array(cellStart[columns * rows] ?? 0);
  forEachCell(grid, lon, lat, from, to, (cell, segment) => {
    const at = fill[cell] ?? 0;
    items[at] = segment;
    fill[cell] = at + 1;
  });
  const minCellMeters = Math.min(cellLat * METERS_PER_DEGREE, cellLon * METERS_PER_DEGREE * cosWorst);
  return { ...grid, cellStart, items, minCellMeters };
}

interface Grid {
  minLon: number;
  minLat: number;
  cellLon: number;
  cellLat: number;
  columns: number;
  rows: number;
}

/** Every cell a segment's bounding box overlaps (a conservative superset of the cells it crosses). */
function forEachCell(g: Grid, lon: Float64Array, lat: Float64Array, from: Int32Array, to: Int32Array, visit: (cell: number, segment: number) => void): void {
  for (let s = 0; s < from.length; s++) {
    const a = from[s] ?? 0;
    const b = to[s] ?? 0;
    const ax = lon[a] ?? 0;
    const bx = lon[b] ?? 0;
    const ay = lat[a] ?? 0;
    const by = lat[b] ?? 0;
    const c0 = Math.floor((Math.min(ax, bx) - g.minLon) / g.cellLon);
    const c1 = Math.floor((Math.max(ax, bx) - g.minLon) / g.cellLon);
    const r0 = Math.floor((Math.min(ay, by) - g.minLat) / g.cellLat);
    const r1 = Math.floor((Math.max(ay, by) - g.minLat) / g.cellLat);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * g.columns + c, s);
  }
}
