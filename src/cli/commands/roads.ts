import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { RoadsService } from '../../modules/roads/roads.service.ts';
import { refreshReach } from '../../modules/supplyCircle/supplyCircle.reach.ts';
import { DomainError } from '../../shared/errors.ts';
import { UsageError, printResult, withRuntime } from '../runtime.ts';

function checkRegion(code: string): string {
  if (!/^\d{6}$/.test(code)) throw new UsageError(`--region must be a 6-digit GB/T 2260 code, got "${code}"`);
  return code;
}

export function registerRoads(program: Command): void {
  const roads = program.command('roads').description('road networks for drive-time analysis (OpenStreetMap .osm.pbf / .osm)');

  roads
    .command('import')
    .description('read an .osm.pbf, .osm (XML) or stored network file and store it as the region’s network; the same data again changes nothing')
    .argument('<file>', 'e.g. wenling.osm.pbf cut with `osmium extract -b 121.15,28.20,121.75,28.55 zhejiang-latest.osm.pbf -o wenling.osm.pbf`')
    .option('--region <code>', 'GB/T 2260 code of the tenant', '331081')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { region: string; json?: boolean }) => {
      const region = checkRegion(opts.region);
      await withRuntime(async ({ database }) => {
        const service = new RoadsService(database.db);
        let result: Awaited<ReturnType<RoadsService['importFile']>>;
        try {
          result = await service.importFile(region, file, basename(file));
        } catch (error) {
          if (error instanceof DomainError) throw error;
          throw new UsageError(`cannot import ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
        const s = result.summary;
        // A new network changes who is within 30 minutes of whom: the drive-time supply rate reads these pairs.
        const reach = result.status === 'unchanged' ? null : await refreshReach(database.db, region);
        printResult(Boolean(opts.json), { ...result, reach }, () =>
          [
            `${result.status}: ${region} ← ${s.sourceName} (${s.sourceFormat}), ${s.vertexCount} vertices, ${s.segmentCount} segments, ${s.byteLength} bytes, sha256 ${s.contentHash.slice(0, 12)}…`,
            ...(reach ? [`drive-time pairs refreshed: ${reach.within} of ${reach.pairs} trading pairs within ${reach.minutes} minutes`] : []),
          ].join('\n'),
        );
      });
    });

  roads
    .command('list')
    .description('the stored networks, one per region')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withRuntime(async ({ database }) => {
        const list = await new RoadsService(database.db).list();
        printResult(Boolean(opts.json), list, () =>
          list.length === 0 ? 'no road network stored' : list.map((s) => `${s.regionCode}  ${s.sourceName} (${s.isSynthetic ? 'synthetic' : s.sourceFormat})  ${s.vertexCount} vertices  ${s.segmentCount} segments  ${s.importedAt}`).join('\n'),
        );
      });
    });

  roads
    .command('export')
    .description('write the region’s stored network as a file for `cluster-brain isochrone --roads FILE`')
    .requiredOption('--out <file>', 'output network file')
    .option('--region <code>', 'GB/T 2260 code of the tenant', '331081')
    .option('--json', 'machine-readable output')
    .action(async (opts: { out: string; region: string; json?: boolean }) => {
      const region = checkRegion(opts.region);
      await withRuntime(async ({ database }) => {
        const data = await new RoadsService(database.db).data(region);
        if (!data) throw new DomainError('NOT_FOUND', { field: 'region', reason: 'no road network stored' }, `no road network stored for ${region}: run cluster-brain roads import FILE --region ${region}`);
        writeFileSync(opts.out, data);
        printResult(Boolean(opts.json), { region, out: opts.out, bytes: data.byteLength }, () => `${region} → ${opts.out} (${data.byteLength} bytes)`);
      });
    });
}
