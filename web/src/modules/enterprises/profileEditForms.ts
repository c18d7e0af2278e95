import type { EnterpriseMetric } from '../../../../src/modules/enterprises/enterprises.model.ts';
import { METRIC_FIELDS, type MetricField, type MetricValues } from '../../../../src/modules/enterprises/profileEdit.model.ts';

export type MetricForm = Readonly<Partial<Record<MetricField, string>>>;
export type MetricChanges = { ok: true; values: MetricValues } | { ok: false; field: MetricField };

/**
 * What a year's form changes against the stored year: a new number is sent, an emptied field that held a figure
 * is cleared (null), an unchanged or still-empty field is left out. Fields not editable by this user (sensitive
 * ones without the permission) are never sent. A field that is not a number is named.
 */
export function metricChanges(existing: EnterpriseMetric | undefined, form: MetricForm, editable: (field: MetricField) => boolean): MetricChanges {
  const values: MetricValues = {};
  for (const field of METRIC_FIELDS) {
    if (!editable(field)) continue;
    const text = (form[field] ?? '').trim().replace(/,/g, '');
    const stored = existing ? existing[field] : null;
    if (text === '') {
      if (stored !== null) values[field] = null;
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) return { ok: false, field };
    if (value !== stored) values[field] = value;
  }
  return { ok: true, values };
}

/** The text a form field starts with: the stored figure, or empty. */
export function formTextOf(metric: EnterpriseMetric | undefined, field: MetricField): string {
  const value = metric?.[field];
  return value === undefined || value === null ? '' : String(value);
}
