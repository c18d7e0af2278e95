import { PANELS, type MetricField } from './metricPanels.ts';

export const FIRM_FIELDS = ['uscc', 'name', 'townCode', 'scale', 'isListed', 'foundedYear', 'address'] as const;
export type FirmField = (typeof FIRM_FIELDS)[number];

/** What a provenance field names: the import centre writes `name`, `metrics.2024.taxWan`, `node.pump.pumps`. */
export type ProvenanceField =
  | { kind: 'firm'; field: FirmField }
  | { kind: 'metric'; year: number; field: MetricField }
  | { kind: 'node'; nodeId: string }
  | { kind: 'other'; field: string };

const METRIC_FIELDS: readonly MetricField[] = PANELS.flatMap((p) => p.fields);

export function parseProvenanceField(field: string): ProvenanceField {
  const firm = FIRM_FIELDS.find((f) => f === field);
  if (firm) return { kind: 'firm', field: firm };
  const metric = /^metrics\.(\d{4})\.(\w+)$/.exec(field);
  const metricField = METRIC_FIELDS.find((f) => f === metric?.[2]);
  if (metric && metricField) return { kind: 'metric', year: Number(metric[1]), field: metricField };
  if (field.startsWith('node.') && field.length > 5) return { kind: 'node', nodeId: field.slice(5) };
  return { kind: 'other', field };
}
