import { useCallback, useState } from 'react';
import { useReportSyntheticRows } from '../../app/demoData.tsx';
import type { ModulePageProps } from '../../app/modules.ts';
import { regionName } from '../../app/regionChoice.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BigScreen, REFRESH_MS, useInterval } from './BigScreen.tsx';
import { ChainView } from './ChainView.tsx';
import { exportUrl, useChainCockpit, useCountyCockpit } from './cockpitApi.ts';
import { type CockpitParams, readCockpitParams, writeCockpitParams } from './cockpitParams.ts';
import { CountyView, useNameOf } from './CountyView.tsx';
import './cockpit.css';

/** The region's home: the county cockpit, a chain's cockpit (?chain=ID) and the big screen (?screen=1). */
export function CockpitPage({ region }: ModulePageProps) {
  const { t, locale, formatDate } = useI18n();
  const nameOf = useNameOf();
  const location = useLocation();
  const params = readCockpitParams(location.search);
  const [refresh, setRefresh] = useState(0);
  const county = useCountyCockpit(region.regionCode, params.year, params.isScreen ? refresh : 0);
  const chain = useChainCockpit(region.regionCode, params.isScreen ? null : params.chain, params.year);
  useReportSyntheticRows(county.data?.isSynthetic ?? false);
  const go = useCallback(
    (next: Partial<CockpitParams>) => navigate(`${location.pathname}${writeCockpitParams({ ...params, ...next })}`),
    [location.pathname, params],
  );
  const tick = useCallback(() => setRefresh((n) => n + 1), []);
  useInterval(tick, params.isScreen ? (params.refreshSeconds ?? REFRESH_MS / 1000) * 1000 : 24 * 3_600_000);
  const name = regionName(region, locale);
  const data = county.data;
  const chains = data?.groups.flatMap((g) => g.chains) ?? [];
  const years = data?.trend.years ?? [];

  if (params.isScreen && data) {
    return <BigScreen cockpit={data} isRefreshing={county.isLoading} onExit={() => go({ isScreen: false })} />;
  }

  return (
    <section className="page cockpit" data-testid="cockpit-page">
      <header className="page__header">
        <div>
          <h1 data-testid="page-title">{t('cockpit.title', { region: name })}</h1>
          <p className="page__subtitle">{t('cockpit.subtitle')}</p>
        </div>
        {data && <p className="page__stamp">{t('common.asOf', { date: formatDate(new Date(data.generatedAt)) })}</p>}
      </header>
      <div className="cockpit-toolbar" data-testid="cockpit-toolbar">
        <label className="cockpit-toolbar__field">
          <span>{t('cockpit.toolbar.view')}</span>
          <select data-testid="cockpit-chain" value={params.chain ?? ''} onChange={(e) => go({ chain: e.target.value || null })}>
            <option value="">{t('cockpit.toolbar.county', { region: name })}</option>
            {data?.groups.map((g) => (
              <optgroup key={g.groupId} label={nameOf(g)}>
                {g.chains.map((c) => (
                  <option key={c.chainId} value={c.chainId}>
                    {nameOf(c)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="cockpit-toolbar__field">
          <span>{t('cockpit.toolbar.year')}</span>
          <select data-testid="cockpit-year" value={params.year ?? data?.year ?? ''} onChange={(e) => go({ year: Number(e.target.value) || null })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <div className="cockpit-toolbar__actions">
          <button type="button" className="button" data-testid="cockpit-screen" onClick={() => go({ isScreen: true, chain: null })} disabled={!data}>
            {t('cockpit.toolbar.screen')}
          </button>
          <a className="button" data-testid="cockpit-pdf" href={exportUrl(region.regionCode, 'pdf', params.year)} download>
            {t('cockpit.toolbar.pdf')}
          </a>
          <a className="button" data-testid="cockpit-xlsx" href={exportUrl(region.regionCode, 'xlsx', params.year)} download>
            {t('cockpit.toolbar.xlsx')}
          </a>
        </div>
      </div>
      {county.error && <ErrorNotice error={county.error} onRetry={county.reload} />}
      {!data && !county.error && <Loading />}
      {data && params.chain === null && <CountyView cockpit={data} region={region} onChain={(chainId) => go({ chain: chainId })} />}
      {params.chain !== null && chain.error && <ErrorNotice error={chain.error} onRetry={chain.reload} />}
      {params.chain !== null && !chain.error && (chain.isLoading || !chain.data) && <Loading />}
      {params.chain !== null && chain.data && !chain.isLoading && (
        <>
          <p className="cockpit-back">
            <button type="button" className="link-button" data-testid="cockpit-back" onClick={() => go({ chain: null })}>
              {t('cockpit.back', { region: name })}
            </button>
            {chains.length > 0 && <span className="muted"> · {t('cockpit.chainCount', { count: chains.length })}</span>}
          </p>
          <ChainView cockpit={chain.data} region={region} />
        </>
      )}
    </section>
  );
}
