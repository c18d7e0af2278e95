import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkUscc } from '../../core/uscc/uscc.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, printResult } from '../runtime.ts';

export interface UsccResult {
  code: string;
  valid: boolean;
  /** the fault (length, a character outside the set, wrong check character with the expected one); null when valid */
  reason: string | null;
}

/** One result per code, in input order. */
export function checkCodes(codes: readonly string[]): UsccResult[] {
  return codes.map((input) => {
    const r = checkUscc(input);
    return { code: r.code, valid: r.valid, reason: r.valid ? null : r.reason };
  });
}

function readCodeFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

export function registerUscc(program: Command): void {
  program
    .command('uscc')
    .description('check unified social credit codes (GB 32100-2015); exit 0 when all are valid, 1 otherwise')
    .argument('[codes...]', 'codes to check')
    .option('--file <path>', 'read one code per line (blank lines skipped)')
    .option('--json', 'machine-readable output')
    .action((codes: string[], opts: { file?: string; json?: boolean }) => {
      const all = [...codes, ...(opts.file ? readCodeFile(opts.file) : [])];
      if (all.length === 0) throw new UsageError('no codes given: pass codes as arguments or --file F');
      const results = checkCodes(all);
      printResult(Boolean(opts.json), results, () =>
        results.map((r) => (r.valid ? `${r.code}  valid` : `${r.code}  invalid: ${r.reason}`)).join('\n'),
      );
      process.exitCode = results.every((r) => r.valid) ? EXIT_OK : EXIT_FAILURE;
    });
}
