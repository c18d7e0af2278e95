import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driveTimes } from '../src/core/geo/driveTimes.ts';
import { snap } from '../src/core/geo/snap.ts';
import { parseLonLat, parseMinutes } from '../src/cli/commands/isochrone.ts';
import { UsageError } from '../src/cli/runtime.ts';
import { formatReachedNodesCsv } from '../src/modules/roads/isochrone.ts';
import { loadRoadFile } from '../src/modules/roads/osmFile.ts';
import { ROOT } from './helpers/paths.ts';
import { cliEnv } from './helpers/cli.ts';

const OSM = join(ROOT, 'tests', 'fixtures', 'osm');
const SHANGHAI_PBF = join(OSM, 'shanghai-jingan-huangpu.osmnx.osm.pbf');
const SHANGHAI_XML = join(OSM, 'shanghai-jingan-huangpu.osmnx.osm');
const ANDORRA = join(OSM, 'andorra.osm.pbf');

function cli(args: string[], dataDir = mkdtempSync(join(tmpdir(), 'cb-iso-data-'))) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: cliEnv({ DATA_DIR: dataDir }),
    encoding: 'utf8',
    timeout: 280_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function outFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'cb-iso-')), name);
}

function parseCsv(path: string): Array<{ minutes: number; node: number; seconds: number }> {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  expect(header).toBe('minutes,node,seconds');
  return lines.map((line) => {
    const [minutes, node, seconds] = line.split(',').map(Number);
    return { minutes: minutes ?? Number.NaN, node: node ?? Number.NaN, seconds: seconds ?? Number.NaN };
  });
}

describe('cluster-brain isochrone', () => {
  it('writes every OSM node reached within each limit with its drive seconds', { timeout: 120_000 }, () => {
    const csv = outFile('nodes.csv');
    const r = cli(['isochrone', '--roads', ANDORRA, '--from', '1.5218,42.5063', '--minutes', '20,10,30', '--nodes-out', csv, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    const rows = parseCsv(csv);
    // the same computation in-process: the file is the routing core's answer, limit by limit
    const { graph } = loadRoadFile(ANDORRA);
    const times = driveTimes(graph, snap(graph, 1.5218, 42.5063), 1800);
    for (const minutes of [10, 20, 30]) {
      const expected = new Map<number, number>();
      times.forEach((t, v) => {
        if (t <= minutes * 60) expected.set(graph.osmIds[v] ?? 0, t);
      });
      const got = rows.filter((row) => row.minutes === minutes);
      expect(got.length).toBe(expected.size);
      for (const row of got) expect(row.seconds).toBeCloseTo(expected.get(row.node) ?? Number.NaN, 5);
      expect(summary.reached).toContainEqual({ minutes, nodes: expected.size });
    }
    expect(rows.filter((row) => row.minutes === 10).length).toBeGreaterThan(5000);
    expect(summary.origin.snapDistanceM).toBeLessThan(10);
  });

  it('gives the same nodes from the .osm XML as from the .osm.pbf, and polygons per limit with OSM attribution', { timeout: 200_000 }, () => {
    const fromPbf = outFile('pbf.csv');
    const fromXml = outFile('xml.csv');
    const geojson = outFile('iso.geojson');
    expect(cli(['isochrone', '--roads', SHANGHAI_PBF, '--from', '121.4737,31.2304', '--minutes', '2,5', '--nodes-out', fromPbf]).code).toBe(0);
    const r = cli(['isochrone', '--roads', SHANGHAI_XML, '--from', '121.4737,31.2304', '--minutes', '2,5', '--nodes-out', fromXml, '--geojson-out', geojson]);
    expect(r.code).toBe(0);
    expect(readFileSync(fromXml, 'utf8')).toBe(readFileSync(fromPbf, 'utf8'));
    const collection = JSON.parse(readFileSync(geojson, 'utf8'));
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.attribution).toBe('© OpenStreetMap contributors');
    expect(collection.features.map((f: { properties: unknown }) => f.properties)).toEqual([
      { minutes: 2, seconds: 120 },
      { minutes: 5, seconds: 300 },
    ]);
    for (const f of collection.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      const [lon, lat] = f.geometry.coordinates[0][0][0];
      expect(lon).toBeGreaterThan(121.45);
      expect(lat).toBeGreaterThan(31.2);
    }
  });

  it('checks --from and --minutes, naming the flag and the item', () => {
    expect(parseLonLat('121.386, 28.376', '--from')).toEqual({ lon: 121.386, lat: 28.376 });
    expect(parseMinutes('30,10,20,10')).toEqual([10, 20, 30]);
    const cases: Array<[() => unknown, RegExp]> = [
      [() => parseLonLat('1.52', '--from'), /--from must be LON,LAT/],
      [() => parseLonLat('1.52,', '--from'), /--from must be LON,LAT/],
      [() => parseLonLat('42.5,191', '--from'), /latitude 191/],
      [() => parseMinutes('10,abc'), /--minutes: "abc" \(item 2\)/],
      [() => parseMinutes('0'), /--minutes: "0"/],
    ];
    for (const [run, message] of cases) {
      expect(run).toThrow(UsageError);
      expect(run).toThrow(message);
    }
  });

  it('exits 2 naming the problem for a bad flag, a missing or non-OSM file and an origin far from every road', { timeout: 300_000 }, () => {
    const csv = outFile('x.csv');
    const cases: Array<[string[], RegExp]> = [
      [['--roads', ANDORRA, '--from', '1.52', '--minutes', '10'], /--from must be LON,LAT/],
      [['--roads', ANDORRA, '--from', '2.35,48.85', '--minutes', '10'], /m from the nearest road/],
      [['--roads', join(OSM, 'nowhere.osm.pbf'), '--from', '1.52,42.5', '--minutes', '10'], /cannot read --roads/],
      [['--roads', join(OSM, 'README.md'), '--from', '1.52,42.5', '--minutes', '10'], /not a readable/],
    ];
    for (const [args, message] of cases) {
      const r = cli(['isochrone', '--nodes-out', csv, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('cluster-brain roads', () => {
  it('imports once, leaves the same data unchanged, and exports a network file the isochrone command reads', { timeout: 590_000 }, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cb-roads-data-'));
    const first = cli(['roads', 'import', SHANGHAI_PBF, '--region', '331081', '--json'], dataDir);
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'imported', summary: { regionCode: '331081', vertexCount: 2454, sourceFormat: 'pbf' }, reach: { minutes: 30, pairs: 0, within: 0 } });
    const again = cli(['roads', 'import', SHANGHAI_PBF, '--json'], dataDir);
    expect(JSON.parse(again.stdout).status).toBe('unchanged');
    const network = outFile('331081.roads');
    const exported = cli(['roads', 'export', '--region', '331081', '--out', network], dataDir);
    expect(exported.code, exported.stderr).toBe(0);
    const fromNetwork = outFile('net.csv');
    expect(cli(['isochrone', '--roads', network, '--from', '121.47,31.23', '--minutes', '3', '--nodes-out', fromNetwork]).code).toBe(0);
    const { graph } = loadRoadFile(SHANGHAI_PBF);
    expect(readFileSync(fromNetwork, 'utf8')).toBe(formatReachedNodesCsv(graph, driveTimes(graph, snap(graph, 121.47, 31.23), 180), [3]));
  });
});
