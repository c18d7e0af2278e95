import { z } from 'zod';
import { EnterpriseProfile, Town } from '../../../../src/modules/enterprises/enterprises.model.ts';
import { api } from '../../api/client.ts';

export { EnterpriseProfile };
export type { EnterpriseProfile as EnterpriseProfileData, Town } from '../../../../src/modules/enterprises/enterprises.model.ts';

/** Only what the filter selects need of a chain and a node; other fields of the answers are ignored. */
const Named = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string().nullable() });
export type Named = z.infer<typeof Named>;
const NamedPage = z.object({ items: z.array(Named) });
const TownList = z.object({ items: z.array(Town) });

export function loadChains(region: string, signal: AbortSignal) {
  return api(`/api/r/${region}/chains`, NamedPage, { query: { pageSize: 500 }, signal }).then((r) => r.items);
}

export function loadNodes(region: string, chain: string, signal: AbortSignal) {
  return api(`/api/r/${region}/nodes`, NamedPage, { query: { chain, pageSize: 500 }, signal }).then((r) => r.items);
}

export function loadTowns(region: string, signal: AbortSignal) {
  return api(`/api/r/${region}/towns`, TownList, { signal }).then((r) => r.items);
}

export function loadProfile(region: string, id: string, signal: AbortSignal) {
  return api(`/api/r/${region}/enterprises/${encodeURIComponent(id)}/profile`, EnterpriseProfile, { signal });
}

/** The name to show in the current language (English falls back to Chinese). */
export function nameIn(locale: string, item: { nameZh: string; nameEn: string | null }): string {
  return locale === 'en' && item.nameEn ? item.nameEn : item.nameZh;
}
