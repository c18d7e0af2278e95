import type { Region } from '../api/schemas.ts';
import type { Locale } from '../i18n/translate.ts';

export function regionName(region: Region, locale: Locale): string {
  return locale === 'en' && region.nameEn ? region.nameEn : region.nameZh;
}

/** The region to open: the last one chosen if still allowed, else the first. */
export function pickRegion(regions: readonly Region[], remembered: string | null): Region | undefined {
  return regions.find((r) => r.regionCode === remembered) ?? regions[0];
}
