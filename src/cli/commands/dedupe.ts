import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { findDuplicatePairs } from '../../core/names/findDuplicatePairs.ts';
import { referenceRegions } from '../../modules/regions/regions.seed.ts';
import { formatPairsCsv, parseDedupeCsv } from '../../modules/resolution/dedupeCsv.ts';
import { placeContextOf } from '../../modules/resolution/regionPlaces.ts';
import { UsageError, printResult } from '../runtime.ts';

export function registerDedupe(program: Command): void {
  program
    .command('dedupe')
    .description('find duplicate firms in a CSV (id,name,address,uscc) and write pairs (id_a,id_b,score,decision)')
    .argument('<file>', 'input CSV with header id,name,address,uscc')
    .requiredOption('--out <path>', 'output CSV of pairs')
    .option('--region <code>', 'GB/T 2260 code whose place names are stripped from names', '331081')
    .option('--json', 'print a summary as JSON')
    .action((file: string, opts: { out: string; region: string; json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const firms = parseDedupeCsv(text);
      const regions = referenceRegions();
      if (!regions.some((r) => r.code === opts.region)) throw new UsageError(`--region ${opts.region} is not a known GB/T 2260 code`);
      const started = performance.now();
      const pairs = findDuplicatePairs(firms, placeContextOf(regions.map((r) => ({ ...r, parentCode: r.parentCode ?? null })), opts.region));
      const seconds = (performance.now() - started) / 1000;
      writeFileSync(opts.out, formatPairsCsv(pairs));
      const summary = {
        records: firms.length,
        pairs: pairs.length,
        auto: pairs.filter((p) => p.decision === 'auto').length,
        review: pairs.filter((p) => p.decision === 'review').length,
        out: opts.out,
        seconds: Math.round(seconds * 1000) / 1000,
      };
      printResult(Boolean(opts.json), summary, () => `${summary.records} firms → ${summary.pairs} pairs (${summary.auto} auto, ${summary.review} review) in ${summary.out}`);
    });
}
