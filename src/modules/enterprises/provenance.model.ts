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
