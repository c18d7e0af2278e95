import { type PlaceContext, buildPlaceContext } from '../../core/names/placeContext.ts';

export interface RegionName {
  code: string;
  nameZh: string;
  level: string;
  parentCode: string | null;
}

/**
 * Place names stripped from firm names in a region: the region, its parents (浙江省, 台州市, 温岭市) and
 * the towns below it (泽国镇, 城东街道 …), from GB/T 2260 rows.
 */
export function placeContextOf(rows: readonly RegionName[], regionCode: string): PlaceContext {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const chain: string[] = [];
  for (let r = byCode.get(regionCode); r !== undefined; r = r.parentCode ? byCode.get(r.parentCode) : undefined) chain.push(r.nameZh);
  const towns = rows.filter((r) => r.level === 'town' && r.parentCode === regionCode).map((r) => r.nameZh);
  return buildPlaceContext({ regions: chain, towns });
}
