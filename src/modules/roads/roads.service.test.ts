import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testBackends } from '../../../tests/helpers/db.ts';
import { ROOT } from '../../../tests/helpers/paths.ts';
import { driveTimes } from '../../core/geo/driveTimes.ts';
import { snap } from '../../core/geo/snap.ts';
import { DomainError } from '../../shared/errors.ts';
import { RoadsService } from './roads.service.ts';

const OSM = join(ROOT, 'tests', 'fixtures', 'osm');
const WENLING = '331081';

describe.each(testBackends())('RoadsService on %s', (backend) => {
  let database: TestDatabase;
  let service: RoadsService;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    service = new RoadsService(database.db);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('stores an imported file for the region and changes nothing when the same network comes again', async () => {
    const first = await service.importFile(WENLING, join(OSM, 'shanghai-jingan-huangpu.osmnx.osm'), 'shanghai.osm');
    expect(first.status).toBe('imported');
    expect(first.summary).toMatchObject({ regionCode: WENLING, sourceFormat: 'xml', vertexCount: 2454, segmentCount: 2845, isSynthetic: false, attribution: '© OpenStreetMap contributors' });
    const again = await service.importFile(WENLING, join(OSM, 'shanghai-jingan-huangpu.osmnx.osm'), 'shanghai.osm');
    expect(again.status).toBe('unchanged');
    expect(again.summary).toEqual(first.summary);
    // the PBF of the same data builds the same network: recognised by content, not by file
    const asPbf = await service.importFile(WENLING, join(OSM, 'shanghai-jingan-huangpu.osmnx.osm.pbf'), 'shanghai.osm.pbf');
    expect(asPbf.status).toBe('unchanged');
    expect(asPbf.summary.sourceName).toBe('shanghai.osm');
  });

  it('loads the stored binary back into a graph that routes as the original', async () => {
    const stored = await service.load(WENLING);
    expect(stored?.graph.vertexCount).toBe(2454);
    const graph = stored?.graph;
    if (!graph) throw new Error('no graph');
    const t = driveTimes(graph, snap(graph, 121.4737, 31.2304), 600);
    expect(t.filter(Number.isFinite).length).toBe(1836);
    const bytes = await service.data(WENLING);
    expect(bytes?.byteLength).toBe(stored?.summary.byteLength);
  });

  it('replaces the network when other data is imported and lists one network per region', async () => {
    const replaced = await service.importFile(WENLING, join(OSM, 'monaco.osm.pbf'), 'monaco.osm.pbf');
    expect(replaced.status).toBe('replaced');
    expect(replaced.summary.sourceFormat).toBe('pbf');
    expect((await service.load(WENLING))?.graph.vertexCount).toBe(replaced.summary.vertexCount);
    expect((await service.list()).map((s) => s.regionCode)).toEqual([WENLING]);
  });

  it('refuses a region that is not a tenant, naming it', async () => {
    const error = await service.importFile('110101', join(OSM, 'monaco.osm.pbf'), 'monaco.osm.pbf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', details: { field: 'region' } });
  });
});
