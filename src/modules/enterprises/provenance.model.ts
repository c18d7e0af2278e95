import { METRIC_SENSITIVE_FIELDS } from './enterprises.model.ts';

/**
 * Whether a provenance field carries a sensitive figure. The import centre names metric fields
 * `metrics.<year>.<field>` (e.g. `metrics.2024.taxWan`); tax, energy, emissions and electricity are sensitive.
 */
export function isSensitiveProvenanceField(field: string): boolean {
  const [head, , name] = field.split('.');
  return head === 'metrics' && METRIC_SENSITIVE_FIELDS.some((f) => f === name);
}

export interface SourcedValue {
  field: string;
  value: string | null;
}

/** Blanks the values of sensitive fields unless the viewer may see them; marks what was blanked. */
export function maskProvenance<T extends SourcedValue>(entries: readonly T[], canSeeSensitive: boolean): (T & { isMasked: boolean })[] {
  return entries.map((e) => {
    const isMasked = !canSeeSensitive && isSensitiveProvenanceField(e.field);
    return { ...e, value: isMasked ? null : e.value, isMasked };
  });
}

export interface SourcedEntry extends SourcedValue {
  source: 'import' | 'manual';
  importId: string;
  fileName: string | null;
  rowNumber: number | null;
  byUser: string | null;
  at: Date;
}

/**
 * One provenance list from imports (file and row) and hand edits on the profile (user), newest first; a stable
 * sort keeps each source's own order within the same instant.
 */
export function mergeProvenance(
  imported: readonly { field: string; value: string | null; importId: string; fileName: string; rowNumber: number; at: Date }[],
  edits: readonly { id: string; field: string; value: string | null; byUser: string; at: Date }[],
): SourcedEntry[] {
  const fromImports = imported.map((p): SourcedEntry => ({ ...p, source: 'import', byUser: null }));
  const fromEdits = edits.map((e): SourcedEntry => ({ field: e.field, value: e.value, source: 'manual', importId: e.id, fileName: null, rowNumber: null, byUser: e.byUser, at: e.at }));
  return [...fromEdits, ...fromImports].sort((a, b) => b.at.getTime() - a.at.getTime());
}
