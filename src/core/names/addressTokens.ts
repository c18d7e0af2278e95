import { foldChinese } from './fold.ts';

/** The parts of an address that must agree when both sides have them (METHODS §2). */
export interface AddressTokens {
  /** town or subdistrict stem, e.g. 泽国 (from 泽国镇) */
  town: string | null;
  /** road, street or lane with its suffix, e.g. 文昌路 */
  road: string | null;
  /** house number digits, e.g. 88 */
  number: string | null;
}

const TOWN = /([\u4e00-\u9fa5]{2,4}?)(镇|街道|乡)/;
const ROAD = /([\u4e00-\u9fa5A-Z0-9]{1,10}?(?:大道|路|街|巷|弄))/;
const NUMBER = /(\d+)号/;

function townStem(place: string): string {
  return place.replace(/(镇|街道|乡)$/, '');
}

/**
 * Town, road and house number of a Chinese address. `places` (from expandPlaces) are stripped first so that
 * 浙江省温岭市 is not read as a road; a town written without 镇 is recognised when it is in `places`.
 */
export function tokenizeAddress(address: string | null | undefined, places: readonly string[], towns: ReadonlySet<string>): AddressTokens {
  if (!address) return { town: null, road: null, number: null };
  let text = foldChinese(address);
  let town: string | null = null;
  // province, city and county first (any order, repeated), then at most one town
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const p of places) {
      if (text.startsWith(p) && !towns.has(townStem(p))) {
        text = text.slice(p.length);
        stripped = true;
        break;
      }
    }
  }
  const leadingTown = places.find((p) => text.startsWith(p) && towns.has(townStem(p)));
  if (leadingTown !== undefined) {
    town = townStem(leadingTown);
    text = text.slice(leadingTown.length);
  }
  if (town === null) {
    const townMatch = TOWN.exec(text);
    if (townMatch?.[1]) {
      town = townMatch[1];
      text = text.slice((townMatch.index ?? 0) + townMatch[0].length);
    }
  }
  const road = ROAD.exec(text)?.[1] ?? null;
  const number = NUMBER.exec(text)?.[1] ?? null;
  return { town, road, number };
}
