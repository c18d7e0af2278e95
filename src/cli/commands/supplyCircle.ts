import type { Command } from 'commander';
import { LonLatText } from '../../modules/supplyCircle/supplyCircle.model.ts';
import { refreshReach } from '../../modules/supplyCircle/supplyCircle.reach.ts';
import { SupplyCircleService } from '../../modules/supplyCircle/supplyCircle.service.ts';
import { printResult, UsageError, withRuntime } from '../runtime.ts';

interface Options {
  region: string;
  site?: string;
  firm?: string;
  chain?: string;
  minutes: string;
  scale: string;
  refreshReach?: boolean;
  json?: boolean;
}

export function registerSupplyCircle(program: Command): void {
  program
    .command('supply-circle')
    .description('半小时配套圈: per input node of a chain, the suppliers within a drive time of a site, coverage and 全配套; or --refresh-reach to recompute the drive-time pairs of trading firms (supply_reach)')
    .requiredOption('--region <code>', 'GB/T 2260 region code, e.g. 331081')
    .option('--site <lon,lat>', 'the site, e.g. 121.37,28.37')
    .option('--firm <id>', "a firm's id: its site is the site")
    .option('--chain <id>', 'chain id (its input nodes are checked)')
    .option('--minutes <n>', 'drive-time limit in minutes', '30')
    .option('--scale <any|above>', 'qualified suppliers: any firm on the node, or only 规上 firms', 'any')
    .option('--refresh-reach', 'recompute supply_reach (seller → buyer pairs that trade and lie within the limit)')
    .option('--json', 'machine-readable output')
    .action(async (opts: Options) => {
      const isJson = Boolean(opts.json);
      if (!/^\d{6}$/.test(opts.region)) throw new UsageError('--region must be a 6-digit GB/T 2260 code');
      const minutes = Number(opts.minutes);
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 120) throw new UsageError('--minutes must be a whole number from 1 to 120');
      if (opts.refreshReach) {
        const summary = await withRuntime(({ database }) => refreshReach(database.db, opts.region, minutes));
        printResult(isJson, summary, () => `supply_reach ${opts.region}: ${summary.within} of ${summary.pairs} trading seller → buyer pairs within ${minutes} min (data version ${summary.dataVersion})`);
        return;
      }
      if (opts.scale !== 'any' && opts.scale !== 'above') throw new UsageError('--scale must be any or above');
      const scale = opts.scale;
      if (!opts.chain) throw new UsageError('--chain is required (or --refresh-reach)');
      if ((opts.site === undefined) === (opts.firm === undefined)) throw new UsageError('give exactly one of --site LON,LAT and --firm ID');
      let site: { lon: number; lat: number } | undefined;
      if (opts.site !== undefined) {
        const parsed = LonLatText.safeParse(opts.site);
        if (!parsed.success) throw new UsageError(`--site: ${parsed.error.issues[0]?.message ?? 'must be LON,LAT'}`);
        site = parsed.data;
      }
      const chainId = opts.chain;
      const circle = await withRuntime(({ database }) => new SupplyCircleService(database.db).circle(opts.region, { site, firmId: opts.firm, chainId, minutes, scale }));
      printResult(isJson, circle, () => {
        const pct = circle.coverage === null ? '—' : `${(circle.coverage * 100).toFixed(1)} %`;
        const lines = [
          `supply circle of ${circle.site.firmName ?? `${circle.site.lon},${circle.site.lat}`} for chain ${circle.chainId}, ${circle.minutes} min${circle.network.isSynthetic ? ' (示例路网 synthetic roads)' : ` (roads ${circle.network.attribution})`}`,
          `coverage ${pct} (${circle.coveredCount}/${circle.inputCount} input nodes)${circle.isFullySupplied ? ' — 全配套' : ''}`,
        ];
        for (const input of circle.inputs) {
          const nearest = input.nearestSeconds === null ? `none within ${circle.minutes} min` : `nearest ${(input.nearestSeconds / 60).toFixed(1)} min`;
          lines.push(`  ${input.nameZh.padEnd(12)} ${String(input.suppliers.length).padStart(4)} of ${String(input.mappedFirms).padStart(4)} firms, ${nearest}${input.suppliers[0] ? ` (${input.suppliers[0].name})` : ''}`);
        }
        return lines.join('\n');
      });
    });
}
