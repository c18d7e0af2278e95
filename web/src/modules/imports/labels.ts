import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { ImportDetail, ImportKind, ImportMode } from './importsApi.ts';

export const KINDS: readonly ImportKind[] = ['enterprises', 'metrics', 'memberships', 'flows', 'taxcodes'];
export const MODES: readonly ImportMode[] = ['dry_run', 'apply', 'partial'];
export const KIND_LABEL: Record<ImportKind, MessageKey> = {
  enterprises: 'imports.kind.enterprises', metrics: 'imports.kind.metrics', memberships: 'imports.kind.memberships',
  flows: 'imports.kind.flows',
  taxcodes: 'imports.kind.taxcodes',
};
export const MODE_LABEL: Record<ImportMode, MessageKey> = { dry_run: 'imports.mode.dry_run', apply: 'imports.mode.apply', partial: 'imports.mode.partial' };
export const STATUS_LABEL: Record<ImportDetail['result'], MessageKey> = {
  dry_run: 'imports.status.dry_run',
  applied: 'imports.status.applied',
  partial: 'imports.status.partial',
  rejected: 'imports.status.rejected',
  unchanged: 'imports.status.unchanged',
};

