// Raw rows come back as plain records on both drivers; numeric sums arrive as strings on node-postgres.
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows;
  return [];
}
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
