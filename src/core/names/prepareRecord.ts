import { tokenizeAddress } from './addressTokens.ts';
import { bigramsOf } from './bigrams.ts';
import { normalizeFirmName } from './normalizeFirmName.ts';
import type { PlaceContext } from './placeContext.ts';
import type { MatchRecord } from './scoreFirmPair.ts';

/** Normalised name, core bigrams and address tokens of one firm. */
export function prepareRecord(name: string, address: string | null | undefined, ctx: PlaceContext): MatchRecord {
  const normalized = normalizeFirmName(name, ctx.places);
  return { name: normalized, bigrams: bigramsOf(normalized.core), address: tokenizeAddress(address, ctx.places, ctx.towns) };
}
