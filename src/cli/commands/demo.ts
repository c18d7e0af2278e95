import type { Command } from 'commander';
import { DEFAULT_DEMO_SEED, hasFirms, seedCountyDemo, seedProvinceDemo } from '../../modules/demo/demo.service.ts';
import { DomainError } from '../../shared/errors.ts';
import { createProgress } from '../progress.ts';
import { printResult, UsageError, withRuntime } from '../runtime.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('seed the Wenling demo (示例数据) from a seeded generator and print the article’s totals read back from the rows')
    .option('--scale <scale>', 'county (温岭) or province (every Zhejiang county)', 'county')
    .option('--seed <n>', 'generator seed', String(DEFAULT_DEMO_SEED))
    .option('--json', 'machine-readable output')
    .action(async (opts: { scale: string; seed: string; json?: boolean }) => {
      const isJson = Boolean(opts.json);
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed) || seed < 0) throw new UsageError('--seed must be a non-negative whole number');
      if (opts.scale !== 'county' && opts.scale !== 'province') throw new UsageError('--scale must be county or province');
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const started = Date.now();
      let province: Record<string, number> | undefined;
      const summary = await withRuntime(async ({ database }) => {
        if (opts.scale === 'province') {
          const wenling = await seedProvinceDemo(database, { seed, progress: createProgress(isJson), log });
          const rows = await database.query<Record<string, string | number>>(
            'select (select count(*) from tenants) as regions, (select count(*) from enterprises) as firms, (select count(*) from trade_flows) as flows',
          );
          province = Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
          return wenling;
        }
        if (await hasFirms(database.db, '331081')) {
          throw new DomainError('CONFLICT', { field: 'region', reason: '331081 already has firms' }, 'the Wenling tenant already has firms; start from an empty database (or db restore) to reseed');
        }
        return seedCountyDemo(database, { seed, progress: createProgress(isJson) });
      });
      const seconds = (Date.now() - started) / 1000;
      printResult(isJson, { scale: opts.scale, seed, seconds, ...(province ? { province } : {}), summary }, () =>
        [
          `demo seeded in ${seconds.toFixed(1)} s (scale ${opts.scale}, seed ${seed})`,
          ...(province ? [`  province: ${province.regions} regions, ${province.firms} firms, ${province.flows} monthly flows`] : []),
          '温岭 totals read back from the rows:',
          ...Object.entries(summary).map(([k, v]) => `  ${k.padEnd(28)} ${v}`),
        ].join('\n'),
      );
    });
}
