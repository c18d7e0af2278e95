import { expandPlaces } from './normalizeFirmName.ts';

/** Place names of a tenant for name normalisation and address tokens: built once per region. */
export interface PlaceContext {
  /** folded names and stems, longest first (浙江省, 台州市, 温岭市, 泽国镇, 温岭, 泽国 …) */
  places: string[];
  /** town stems (泽国, 大溪 …) */
  towns: Set<string>;
}

/** `regions`: the tenant and its parents (浙江省, 台州市, 温岭市); `towns`: its towns and subdistricts. */
export function buildPlaceContext(input: { regions: readonly string[]; towns: readonly string[] }): PlaceContext {
  const towns = expandPlaces(input.towns).map((t) => t.replace(/(镇|街道|乡)$/, ''));
  return { places: expandPlaces([...input.regions, ...input.towns]), towns: new Set(towns.filter((t) => t.length >= 2)) };
}
