import type { ImportDetail } from '../../../../src/modules/imports/imports.contract.ts';

export type ResultTone = 'ok' | 'warn' | 'error' | 'info';

/** How the result of an upload reads at a glance: applied → ok, partial → warn, rejected → error, dry run or unchanged → info (error when the dry run found bad rows). */
export function resultTone(detail: Pick<ImportDetail, 'result' | 'import'>): ResultTone {
  switch (detail.result) {
    case 'applied':
      return 'ok';
    case 'partial':
      return 'warn';
    case 'rejected':
      return 'error';
    case 'dry_run':
      return detail.import.rowsInvalid > 0 ? 'error' : 'info';
    case 'unchanged':
      return 'info';
  }
}

const OUTCOME_ORDER = ['inserted', 'updated', 'unchanged', 'review', 'valid', 'invalid'] as const;
export type OutcomeName = (typeof OUTCOME_ORDER)[number];

/** Row outcomes in a fixed reading order, zero counts left out. */
export function orderedOutcomes(outcomes: Readonly<Record<string, number>>): { outcome: OutcomeName; count: number }[] {
  return OUTCOME_ORDER.flatMap((outcome) => {
    const count = outcomes[outcome] ?? 0;
    return count > 0 ? [{ outcome, count }] : [];
  });
}
