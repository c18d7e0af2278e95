import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { prestartRowChecker } from '../../modules/imports/checkRows.inWorker.ts';
import { ImportKind } from '../../modules/imports/imports.contract.ts';
import { ImportsRepo } from '../../modules/imports/imports.repo.ts';
import { type ImportSummary, runImport } from '../../modules/imports/imports.service.ts';
import { hasTenant } from '../../modules/tenants/tenants.routes.ts';
import { createProgress } from '../progress.ts';
import { EXIT_FAILURE, EXIT_OK, printResult, UsageError, withRuntime } from '../runtime.ts';

const SHOWN_ERRORS = 50;

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import firms, yearly metrics, chain memberships, trade flows or the tax-item code → node mapping from .xlsx or .csv (templates: GET /api/r/:region/imports/templates/:kind.xlsx); a file with any bad cell changes nothing unless --partial')
    .argument('<kind>', 'enterprises | metrics | memberships | flows | taxcodes')
    .argument('<file>', '.xlsx or .csv (UTF-8 or GB18030)')
    .option('--region <code>', 'GB/T 2260 code of the tenant', '331081')
    .option('--dry-run', 'check every row, change nothing')
    .option('--partial', 'apply the valid rows even when some rows are bad')
    .option('--json', 'machine-readable output')
    .action(async (kindArg: string, file: string, opts: { region: string; dryRun?: boolean; partial?: boolean; json?: boolean }) => {
      const isJson = Boolean(opts.json);
      const kind = ImportKind.safeParse(kindArg);
      if (!kind.success) throw new UsageError(`kind must be one of ${ImportKind.options.join(', ')}, not "${kindArg}"`);
      if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
      if (opts.dryRun && opts.partial) throw new UsageError('--dry-run and --partial exclude each other');
      if (!/^\d{6}$/.test(opts.region)) throw new UsageError('--region must be a 6-digit GB/T 2260 code');
      prestartRowChecker(); // starts while the database opens
      const { summary, errors } = await withRuntime(async ({ database }) => {
        if (!(await hasTenant(database.db, opts.region))) throw new UsageError(`region ${opts.region} is not a tenant of this database`);
        const summary = await runImport(database, {
          regionCode: opts.region,
          kind: kind.data,
          mode: opts.dryRun ? 'dry_run' : opts.partial ? 'partial' : 'apply',
          path: file,
          fileName: basename(file),
          byUser: 'cli',
          progress: createProgress(isJson),
        });
        const rows = await new ImportsRepo(database.db).invalidRows(opts.region, summary.importId, 0, isJson ? 10_000 : SHOWN_ERRORS);
        return { summary, errors: rows.flatMap((r) => (Array.isArray(r.errors) ? r.errors : [])) };
      });
      printResult(isJson, { ...summary, errors }, () => describe(summary, errors));
      const isClean = summary.status === 'applied' || summary.status === 'unchanged' || summary.status === 'partial' || (summary.status === 'dry_run' && summary.rowsInvalid === 0);
      process.exitCode = isClean ? EXIT_OK : EXIT_FAILURE;
    });
}

function describe(summary: ImportSummary, errors: unknown[]): string {
  const lines = [`${summary.kind} import ${summary.importId}: ${summary.status}`];
  if (summary.status === 'unchanged') lines.push('  the same file was imported before; nothing changed');
  if (summary.fileError) lines.push(`  file rejected: ${summary.fileError}`);
  lines.push(`  rows ${summary.rowsTotal}: ${summary.rowsValid} valid, ${summary.rowsInvalid} bad`);
  const outcomes = Object.entries(summary.outcomes).map(([k, v]) => `${k} ${v}`);
  if (outcomes.length > 0) lines.push(`  outcomes: ${outcomes.join(', ')}`);
  for (const e of errors) {
    if (typeof e === 'object' && e !== null && 'row' in e && 'column' in e && 'value' in e && 'reason' in e) {
      lines.push(`  row ${String(e.row)}, ${String(e.column)} "${String(e.value)}": ${String(e.reason)}`);
    }
  }
  if (summary.rowsInvalid > 0 && summary.status === 'rejected') lines.push('  nothing was changed; fix the rows above (or use --partial to apply only the valid rows)');
  return lines.join('\n');
}
