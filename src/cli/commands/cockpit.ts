import type { Command } from 'commander';
import { ChainCockpit, CountyCockpit } from '../../modules/cockpit/cockpit.model.ts';
import { CockpitService } from '../../modules/cockpit/cockpit.service.ts';
import { printResult, UsageError, withRuntime } from '../runtime.ts';

const yi = (wan: number) => `${(wan / 10_000).toFixed(1)} 亿元`;
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new UsageError('--year must be a year between 1990 and 2100');
  return year;
}

function countyText(c: CountyCockpit): string {
  const lines = [
    `${c.regionNameZh}（${c.regionCode}）产业集群驾驶舱 · ${c.year ?? '—'} 年${c.isSynthetic ? ' · 示例数据' : ''}`,
    `  链群产值 ${yi(c.totals.outputWan)}（同比 ${percent(c.totals.growth)}）；企业 ${c.totals.firms} 家，规上 ${c.totals.aboveScaleFirms}，上市 ${c.totals.listedFirms}`,
    `  本地配套率 县域 ${percent(c.localSupply?.county ?? null)} · 镇域 ${percent(c.localSupply?.sameTown ?? null)} · 半小时 ${percent(c.localSupply?.driveTime ?? null)}`,
  ];
  for (const group of c.groups) {
    lines.push(`  ${group.nameZh}：${yi(group.outputWan)}`);
    for (const ch of group.chains) {
      lines.push(
        `    ${ch.nameZh.padEnd(10, '　')} ${yi(ch.outputWan).padStart(12)}  同比 ${percent(ch.growth).padStart(6)}  目标 ${percent(ch.target?.progress ?? null).padStart(6)}  主体 ${String(ch.entities).padStart(5)}  规上 ${String(ch.aboveScaleFirms).padStart(4)}  上市 ${ch.listedFirms}  强/弱/缺 ${ch.health.strong}/${ch.health.weak}/${ch.health.missing}`,
      );
    }
  }
  const p = c.projects;
  lines.push(`  项目 ${p.total} 个；${p.landedYear} 年落地 ${p.landed}（内生 ${p.landedLocal}）；逾期 ${p.overdue}（截至 ${p.asOf}）`);
  const f = c.funds;
  lines.push(`  基金：母基金 ${yi(f.motherSizeWan)}，子基金 ${f.subFundCount} 支共 ${yi(f.subsSizeWan)}，放大 ${f.leverage?.toFixed(2) ?? '—'}×，投资 ${f.investedTargetCount}，招引 ${f.attractedProjectCount}`);
  const i = c.innovation;
  lines.push(`  卡脖子问题 ${i.chokepoints.total}（已解决 ${i.chokepoints.solved}），省级以上攻关项目 ${i.researchProjects}，联盟成员 ${i.allianceMembers}`);
  return lines.join('\n');
}

function chainText(c: ChainCockpit): string {
  const ch = c.chain;
  return [
    `${ch.nameZh} · ${c.year ?? '—'} 年${c.isSynthetic ? ' · 示例数据' : ''}`,
    `  产值 ${yi(ch.outputWan)}（同比 ${percent(ch.growth)}），目标 ${ch.target ? `${yi(ch.target.outputWan)}（${ch.target.year} 年）完成 ${percent(ch.target.progress)}` : '—'}`,
    `  链上主体 ${ch.entities}，主营 ${ch.firms}，规上 ${ch.aboveScaleFirms}，上市 ${ch.listedFirms}；环节 强/弱/缺 ${ch.health.strong}/${ch.health.weak}/${ch.health.missing}`,
    `  本地配套率 县域 ${percent(ch.localSupply?.county ?? null)}；${c.coverage?.minutes ?? 30} 分钟覆盖 ${percent(c.coverage?.meanCoverage ?? null)}`,
    `  重点项目：${c.projects.key.map((p) => p.name).join('、') || '—'}`,
    `  卡脖子问题 ${c.chokepoints.total}；基金在投 ${yi(c.funds.investedWan)}`,
  ].join('\n');
}

export function registerCockpit(program: Command): void {
  program
    .command('cockpit')
    .description('print the cockpit of a region (or of one chain with --chain): the same figures as the cockpit API, amounts in 万元')
    .requiredOption('--region <code>', 'GB/T 2260 code of the region, e.g. 331081')
    .option('--year <yyyy>', 'year of the figures (default: the latest year with firm metrics)')
    .option('--chain <id>', "one chain's cockpit")
    .option('--json', 'machine-readable output (the API’s JSON)')
    .action(async (opts: { region: string; year?: string; chain?: string; json?: boolean }) => {
      if (!/^\d{6}$/.test(opts.region)) throw new UsageError('--region must be a 6-digit GB/T 2260 code');
      const year = parseYear(opts.year);
      const isJson = Boolean(opts.json);
      await withRuntime(async ({ database }) => {
        const service = new CockpitService(database.db, { cacheMs: 0 });
        if (opts.chain !== undefined) {
          const result = ChainCockpit.parse(await service.chain(opts.region, opts.chain, year));
          printResult(isJson, result, () => chainText(result));
          return;
        }
        const result = CountyCockpit.parse(await service.county(opts.region, year));
        printResult(isJson, result, () => countyText(result));
      });
    });
}
