import { z } from 'zod';
import { MapFirms, MapNetwork } from '../../../../src/modules/supplyCircle/map.model.ts';
import { SupplyCircle } from '../../../../src/modules/supplyCircle/supplyCircle.model.ts';
import { api } from '../../api/client.ts';

export type { MapFirms, MapNetwork } from '../../../../src/modules/supplyCircle/map.model.ts';
export type { SupplyCircle } from '../../../../src/modules/supplyCircle/supplyCircle.model.ts';

const Named = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string().nullable() });
const ChainList = z.object({ items: z.array(Named) });
const ParkList = z.object({ items: z.array(z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), lon: z.number().nullable(), lat: z.number().nullable() })) });

export function loadChains(region: string, signal: AbortSignal) {
  return api(`/api/r/${region}/chains`, ChainList, { query: { pageSize: 500 }, signal }).then((r) => r.items);
}

export function loadParks(region: string, signal: AbortSignal) {
  return api(`/api/r/${region}/parks`, ParkList, { query: { pageSize: 500 }, signal }).then((r) => r.items);
}

export function loadNetwork(region: string, signal: AbortSignal) {
  return api(`/api/r/${region}/supply-circle/network`, MapNetwork, { signal });
}

export function loadMapFirms(region: string, chain: string, signal: AbortSignal) {
  return api(`/api/r/${region}/supply-circle/firms`, MapFirms, { query: { chain }, signal });
}

export interface CircleParams {
  chain: string;
  minutes: number;
  scale: 'any' | 'above';
  site?: { lon: number; lat: number } | undefined;
  firm?: string | undefined;
}

export function loadCircle(region: string, p: CircleParams, signal: AbortSignal) {
  return api(`/api/r/${region}/supply-circle`, SupplyCircle, {
    query: { chain: p.chain, minutes: p.minutes, scale: p.scale, site: p.site ? `${p.site.lon.toFixed(6)},${p.site.lat.toFixed(6)}` : undefined, firm: p.firm, isochrone: true },
    signal,
  });
}
