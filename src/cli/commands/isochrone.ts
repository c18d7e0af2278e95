import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Direction } from '../../core/geo/driveTimes.ts';
import type { RoadGraph } from '../../core/geo/roadGraph.ts';
import { roadGraphOfBytes } from '../../modules/roads/osmFile.ts';
import { computeIsochrone, formatReachedNodesCsv, isochroneGeoJson } from '../../modules/roads/isochrone.ts';
import { OSM_ATTRIBUTION } from '../../modules/roads/roads.model.ts';
import { UsageError, printResult } from '../runtime.ts';

interface IsochroneOptions {
  roads: string;
  from: string;
  minutes: string;
  nodesOut: string;
  geojsonOut?: string;
  direction: string;
  maxSnapM: string;
  json?: boolean;
}

export function parseLonLat(value: string, flag: string): { lon: number; lat: number } {
  const parts = value.split(',').map((p) => p.trim());
  const [lon, lat] = parts.map(Number);
  if (parts.length !== 2 || lon === undefined || lat === undefined || parts.some((p) => p === '') || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    throw new UsageError(`${flag} must be LON,LAT in decimal degrees (e.g. 121.386,28.376), got "${value}"`);
  }
  if (lon < -180 || lon > 180) throw new UsageError(`${flag}: longitude ${lon} is outside -180..180 (is the order LON,LAT?)`);
  if (lat < -90 || lat > 90) throw new UsageError(`${flag}: latitude ${lat} is outside -90..90 (is the order LON,LAT?)`);
  return { lon, lat };
}

export function parseMinutes(value: string): number[] {
  const parts = value.split(',').map((p) => p.trim());
  const minutes = parts.map(Number);
  parts.forEach((p, i) => {
    const m = minutes[i] ?? Number.NaN;
    if (p === '' || !Number.isFinite(m) || m <= 0 || m > 600) throw new UsageError(`--minutes: "${p}" (item ${i + 1}) is not a number of minutes in (0, 600]`);
  });
  return [...new Set(minutes)].sort((a, b) => a - b);
}

function readRoads(path: string): { graph: RoadGraph; format: string } {
  let bytes: Buffer;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read --roads ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return roadGraphOfBytes(bytes);
  } catch (error) {
    throw new UsageError(`--roads ${path} is not a readable .osm.pbf, .osm or stored network: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function registerIsochrone(program: Command): void {
  program
    .command('isochrone')
    .description('drive-time reach from a point on an OSM road file (METHODS §4): reached nodes per limit as CSV, polygons as GeoJSON')
    .requiredOption('--roads <file>', '.osm.pbf, .osm (XML) or a stored network file (cluster-brain roads export)')
    .requiredOption('--from <lon,lat>', 'origin in decimal degrees, snapped to the nearest road segment')
    .requiredOption('--minutes <list>', 'comma-separated limits, e.g. 10,20,30')
    .requiredOption('--nodes-out <file.csv>', 'write minutes,node,seconds for every OSM node reached within each limit')
    .option('--geojson-out <file.geojson>', 'write display polygons per limit (holes and islands kept)')
    .option('--direction <out|in>', 'out: from the point; in: to the point (who can reach it)', 'out')
    .option('--max-snap-m <metres>', 'fail when the origin is farther than this from every road', '5000')
    .option('--json', 'print the summary as JSON')
    .action((opts: IsochroneOptions) => {
      const { lon, lat } = parseLonLat(opts.from, '--from');
      const minutes = parseMinutes(opts.minutes);
      if (opts.direction !== 'out' && opts.direction !== 'in') throw new UsageError(`--direction must be out or in, got "${opts.direction}"`);
      const direction: Direction = opts.direction;
      const maxSnapM = Number(opts.maxSnapM);
      if (!Number.isFinite(maxSnapM) || maxSnapM < 0) throw new UsageError(`--max-snap-m must be a number of metres ≥ 0, got "${opts.maxSnapM}"`);
      const { graph, format } = readRoads(opts.roads);
      if (graph.segments.count === 0) throw new UsageError(`--roads ${opts.roads} holds no routable road (METHODS §4 routes motorway … service)`);
      const request = { lon, lat, minutes, direction };
      const result = computeIsochrone(graph, request);
      if (result.origin.distanceM > maxSnapM) {
        throw new UsageError(`--from ${opts.from} is ${Math.round(result.origin.distanceM)} m from the nearest road of ${basename(opts.roads)} (limit --max-snap-m ${maxSnapM})`);
      }
      writeFileSync(opts.nodesOut, formatReachedNodesCsv(graph, result.times, minutes));
      if (opts.geojsonOut) {
        const attribution = format === 'network' ? '' : OSM_ATTRIBUTION;
        writeFileSync(opts.geojsonOut, `${JSON.stringify(isochroneGeoJson(graph, result, request, attribution))}\n`);
      }
      const s = result.origin;
      const summary = {
        roads: { file: opts.roads, format, vertices: graph.vertexCount, segments: graph.segments.count },
        origin: { lon: s.lon, lat: s.lat, segment: s.segment + 1, fraction: s.fraction, snapDistanceM: Math.round(s.distanceM * 10) / 10 },
        direction,
        reached: result.reachedPerLimit,
        nodesOut: opts.nodesOut,
        geojsonOut: opts.geojsonOut ?? null,
      };
      printResult(Boolean(opts.json), summary, () =>
        [
          `${summary.roads.vertices} vertices, ${summary.roads.segments} segments (${format}); origin snapped ${summary.origin.snapDistanceM} m to edge ${summary.origin.segment} at ${s.fraction.toFixed(4)}`,
          ...result.reachedPerLimit.map((r) => `≤ ${r.minutes} min: ${r.nodes} nodes`),
          `nodes → ${opts.nodesOut}${opts.geojsonOut ? `; polygons → ${opts.geojsonOut}` : ''}`,
        ].join('\n'),
      );
    });
}
