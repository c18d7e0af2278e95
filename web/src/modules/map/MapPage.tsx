import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useReportSyntheticRows } from '../../app/demoData.tsx';
import type { ModulePageProps } from '../../app/modules.ts';
import { regionName } from '../../app/regionChoice.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { countyMapName } from '../enterprises/countyOutline.ts';
import { type CircleParams, loadChains, loadCircle, loadMapFirms, loadNetwork, loadParks } from './api.ts';
import { CirclePanel } from './CirclePanel.tsx';
import { cellForZoom, clusterPoints } from './cluster.ts';
import { MapChart, type MapView } from './MapChart.tsx';
import { buildMapOption, isochroneFeatures } from './mapOption.ts';
import './map.css';

const MINUTE_CHOICES = [10, 15, 20, 30, 45, 60] as const;

/** 地图: the county outline, our roads, firms by chain and node (clustered), parks and the supply-circle tool. */
export function MapPage({ region }: ModulePageProps) {
  const { t, locale } = useI18n();
  const code = region.regionCode;
  const isEn = locale === 'en';
  const nameOf = useCallback((n: { nameZh: string; nameEn: string | null }) => (isEn ? (n.nameEn ?? n.nameZh) : n.nameZh), [isEn]);
  const chains = useApiQuery(`map-chains:${code}`, (signal) => loadChains(code, signal));
  const network = useApiQuery(`map-network:${code}`, (signal) => loadNetwork(code, signal));
  const parks = useApiQuery(`map-parks:${code}`, (signal) => loadParks(code, signal));
  const [chosenChain, setChain] = useState('');
  const chain = chosenChain || chains.data?.[0]?.id || '';
  const firms = useApiQuery(`map-firms:${code}:${chain}`, (signal) => (chain ? loadMapFirms(code, chain, signal) : Promise.resolve(null)));
  const [node, setNode] = useState('');
  const [minutes, setMinutes] = useState(30);
  const [scale, setScale] = useState<'any' | 'above'>('any');
  const [pick, setPick] = useState<{ site?: { lon: number; lat: number }; firm?: string } | null>(null);
  const [zoom, setZoom] = useState(1.1);
  const view = useRef<MapView | undefined>(undefined);
  const circleParams: CircleParams | null = chain && pick ? { chain, minutes, scale, ...pick } : null;
  const circleKey = circleParams ? JSON.stringify(circleParams) : 'none';
  const circle = useApiQuery(`map-circle:${code}:${circleKey}`, (signal) => (circleParams ? loadCircle(code, circleParams, signal) : Promise.resolve(null)));
  const [focusNode, setFocusNode] = useState<string | null>(null);
  useReportSyntheticRows(Boolean(network.data?.network?.isSynthetic) || Boolean(firms.data?.firms.some((f) => f.isSynthetic)));
  const mapName = countyMapName(code);

  const chainFirms = useMemo(() => firms.data?.firms ?? [], [firms.data]);
  const shownFirms = useMemo(() => (node ? chainFirms.filter((f) => f.nodeIds.includes(node)) : chainFirms), [chainFirms, node]);
  const firmNames = useMemo(() => new Map(chainFirms.map((f) => [f.id, f.name])), [chainFirms]);
  const result = circle.data ?? null;
  const suppliers = useMemo(() => {
    if (!result) return [];
    const inputs = focusNode ? result.inputs.filter((i) => i.nodeId === focusNode) : result.inputs;
    const seen = new Set<string>();
    return inputs.flatMap((i) => i.suppliers).filter((s) => !seen.has(s.enterpriseId) && seen.add(s.enterpriseId));
  }, [result, focusNode]);

  const option = useMemo(() => {
    if (!mapName) return null;
    return buildMapOption({
      mapName,
      roads: network.data?.roads ?? [],
      clusters: clusterPoints(shownFirms, cellForZoom(zoom)),
      firmName: (id) => firmNames.get(id) ?? id,
      parks: (parks.data ?? []).flatMap((p) => (p.lon === null || p.lat === null ? [] : [{ name: nameOf(p), lon: p.lon, lat: p.lat }])),
      site: result ? { lon: result.site.lon, lat: result.site.lat, name: result.site.firmName ?? t('map.site.point') } : null,
      isochrone: result ? isochroneFeatures(result.isochrone) : [],
      suppliers: suppliers.map((s) => ({ id: s.enterpriseId, name: s.name, lon: s.lon, lat: s.lat, minutes: s.seconds / 60 })),
      labels: {
        firms: t('map.layer.firms'),
        parks: t('map.layer.parks'),
        site: t('map.layer.site'),
        suppliers: t('map.layer.suppliers'),
        isochrone: t('map.layer.isochrone'),
        roads: t('map.layer.roads'),
        clusterCount: (n) => t('map.cluster', { count: n }),
        minutes: (m) => t('map.minutes', { minutes: m.toFixed(1) }),
      },
      view: view.current,
    });
  }, [mapName, network.data, shownFirms, zoom, firmNames, parks.data, result, suppliers, t, nameOf]);

  const ids = { chain: useId(), node: useId(), minutes: useId(), scale: useId(), firm: useId() };
  const info = network.data?.network ?? null;
  const sortedFirms = useMemo(() => [...chainFirms].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), [chainFirms]);

  return (
    <section className="page" data-testid="map-page">
      <header className="page__header">
        <div>
          <h1 data-testid="page-title">{t('map.title')}</h1>
          <p className="page__subtitle">{t('map.subtitle', { region: regionName(region, locale) })}</p>
        </div>
      </header>
      {chains.error && <ErrorNotice error={chains.error} onRetry={chains.reload} />}
      {network.error && <ErrorNotice error={network.error} onRetry={network.reload} />}
      <div className="card">
        <fieldset className="filters" data-testid="map-controls">
          <legend className="visually-hidden">{t('map.controls')}</legend>
          <label className="filter" htmlFor={ids.chain}>
            <span className="filter__label">{t('map.chain')}</span>
            <select id={ids.chain} value={chain} data-testid="map-chain" onChange={(e) => { setChain(e.target.value); setNode(''); setFocusNode(null); if (pick?.firm) setPick(null); }}>
              {(chains.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>{nameOf(c)}</option>
              ))}
            </select>
          </label>
          <label className="filter" htmlFor={ids.node}>
            <span className="filter__label">{t('map.node')}</span>
            <select id={ids.node} value={node} data-testid="map-node" onChange={(e) => setNode(e.target.value)}>
              <option value="">{t('map.node.all')}</option>
              {(firms.data?.nodes ?? []).map((n) => (
                <option key={n.id} value={n.id}>{nameOf(n)}</option>
              ))}
            </select>
          </label>
          <label className="filter" htmlFor={ids.minutes}>
            <span className="filter__label">{t('map.limit')}</span>
            <select id={ids.minutes} value={minutes} data-testid="map-minutes" onChange={(e) => setMinutes(Number(e.target.value))}>
              {MINUTE_CHOICES.map((m) => (
                <option key={m} value={m}>{t('map.minutes', { minutes: m })}</option>
              ))}
            </select>
          </label>
          <label className="filter" htmlFor={ids.scale}>
            <span className="filter__label">{t('map.scale')}</span>
            <select id={ids.scale} value={scale} data-testid="map-scale" onChange={(e) => setScale(e.target.value === 'above' ? 'above' : 'any')}>
              <option value="any">{t('map.scale.any')}</option>
              <option value="above">{t('map.scale.above')}</option>
            </select>
          </label>
          <label className="filter" htmlFor={ids.firm}>
            <span className="filter__label">{t('map.firm')}</span>
            <select id={ids.firm} value={pick?.firm ?? ''} data-testid="map-firm" onChange={(e) => setPick(e.target.value ? { firm: e.target.value } : null)}>
              <option value="">{t('map.firm.none')}</option>
              {sortedFirms.map((f) => (
                <option key={f.id} value={f.id}>{f.name}</option>
              ))}
            </select>
          </label>
        </fieldset>
        <p className="muted map-hint">{t('map.hint')}</p>
        {!mapName && <p className="empty">{t('map.noOutline')}</p>}
        {mapName && option && (
          <MapChart
            option={option}
            height={560}
            label={t('map.aria', { count: shownFirms.length })}
            onPickFirm={(id) => setPick({ firm: id })}
            onPickSite={(lon, lat) => setPick({ site: { lon, lat } })}
            onView={(v) => {
              view.current = v;
              // re-cluster only when the zoom changed noticeably (a pan keeps the clusters)
              if (Math.abs(Math.log2(v.zoom / zoom)) >= 0.5) setZoom(v.zoom);
            }}
          />
        )}
        <p className="map-attribution" data-testid="map-attribution">
          {info === null ? t('map.network.none') : info.isSynthetic ? t('map.network.synthetic') : info.attribution}
          {info && <span className="muted"> · {t('map.legend', { firms: shownFirms.length })}</span>}
        </p>
        {(firms.isLoading || network.isLoading) && <Loading isInline />}
      </div>
      {circle.error && <ErrorNotice error={circle.error} onRetry={circle.reload} />}
      {pick && circle.isLoading && <Loading />}
      {result && <CirclePanel circle={result} focusNode={focusNode} onFocusNode={setFocusNode} nameOf={nameOf} />}
      {!pick && <p className="empty" data-testid="map-empty">{t('map.pickPrompt')}</p>}
    </section>
  );
}
