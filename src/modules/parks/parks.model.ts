import { z } from 'zod';

/**
 * main / thousand_mu / other: the "1+2+N" industrial space platforms; innovation_zone: the "两城两湖" zones;
 * zone: a part of another park (e.g. phase II zone A of the pump park).
 */
export const ParkKind = z.enum(['main', 'thousand_mu', 'other', 'innovation_zone', 'zone']);
export type ParkKind = z.infer<typeof ParkKind>;

export const Park = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    kind: ParkKind,
    frame: z.string().describe("strategy frame, e.g. '1+2+N' or '两城两湖'"),
    townCode: z.string().nullable(),
    areaMu: z.number().nullable().describe('land area in 亩; null where no source gives it'),
    statusZh: z.string().nullable(),
    statusYear: z.number().int().nullable(),
    note: z.string().nullable(),
    lon: z.number().nullable(),
    lat: z.number().nullable(),
    isLocationApproximate: z.boolean().describe('lon/lat is a town centre, not the park itself'),
    isSynthetic: z.boolean(),
    sort: z.number().int(),
  })
  .meta({ id: 'Park' });
export type Park = z.infer<typeof Park>;

/** A park as shipped in a region's data file; the seed fills location from the town and the sort from the order. */
export interface ParkSeed {
  id: string;
  parentId?: string;
  nameZh: string;
  nameEn: string;
  kind: ParkKind;
  frame: string;
  townCode?: string;
  areaMu?: number;
  statusZh?: string;
  statusYear?: number;
  note?: string;
  isSynthetic?: boolean;
}

/** Parents before children, so that rows can be inserted in order under the parent foreign key. */
export function orderParentsFirst<T extends { id: string; parentId?: string | undefined }>(parks: readonly T[]): T[] {
  const byId = new Map(parks.map((p) => [p.id, p]));
  const ordered: T[] = [];
  const placed = new Set<string>();
  const place = (park: T, path: Set<string>): void => {
    if (placed.has(park.id)) return;
    if (path.has(park.id)) throw new Error(`parks form a parent cycle through ${park.id}`);
    path.add(park.id);
    const parent = park.parentId === undefined ? undefined : byId.get(park.parentId);
    if (park.parentId !== undefined && !parent) throw new Error(`park ${park.id}: parent ${park.parentId} is not in the list`);
    if (parent) place(parent, path);
    placed.add(park.id);
    ordered.push(park);
  };
  for (const park of parks) place(park, new Set());
  return ordered;
}
