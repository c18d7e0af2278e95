import { useMemo } from 'react';
import type { EnterpriseSite } from '../../../../src/modules/enterprises/enterprises.model.ts';
import { EChart } from '../../components/EChart.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { countyMapName } from './countyOutline.ts';
import { buildSiteMapOption, sitePoints } from './siteMap.ts';

/** The firm's sites on a small map of the county (or on lon/lat axes where no outline is shipped). */
export function SiteMap({ regionCode, firmName, sites }: { regionCode: string; firmName: string; sites: readonly EnterpriseSite[] }) {
  const t = useT();
  const { points, option } = useMemo(() => {
    const kindLabel = (kind: EnterpriseSite['kind']) => (kind === 'plant' ? t('enterprises.profile.site.plant') : t('enterprises.profile.site.registered'));
    const points = sitePoints(sites, kindLabel);
    return { points, option: buildSiteMapOption({ points, mapName: countyMapName(regionCode), seriesName: t('enterprises.profile.sites') }) };
  }, [regionCode, sites, t]);
  if (points.length === 0) return <p className="empty">{t('enterprises.profile.sites.empty')}</p>;
  return (
    <>
      <EChart option={option} height={300} label={t('enterprises.profile.sites.map', { name: firmName, count: points.length })} testId="site-map" />
      <ul className="site-list" data-testid="site-list">
        {points.map((p) => (
          <li key={`${p.name}-${p.value.join(',')}`}>
            {p.name} · {t('enterprises.profile.position.value', { lon: p.value[0].toFixed(4), lat: p.value[1].toFixed(4) })}
          </li>
        ))}
      </ul>
    </>
  );
}
