import { api } from '../../api/client.ts';
import type { ModulePageProps } from '../../app/modules.ts';
import { regionName } from '../../app/regionChoice.ts';
import { modulePath } from '../../app/routes.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ChainList, NodeList, SupplyYears } from './supplyApi.ts';
import { type SupplyPageParams, readSupplyParams, writeSupplyParams } from './supplyFormat.ts';
import { SupplyChainView } from './SupplyChainView.tsx';

/** 供应链: local supply rates, trend, suppliers, dependency risks, key firms and sub-clusters of a chain (and node). */
export function SupplyPage({ region }: ModulePageProps) {
  const { t, locale } = useI18n();
  const location = useLocation();
  const params = readSupplyParams(location.search);
  const code = region.regionCode;
  const chains = useApiQuery(`supply-chains:${code}`, (signal) => api(`/api/r/${code}/chains`, ChainList, { query: { pageSize: 500 }, signal }));
  const years = useApiQuery(`supply-years:${code}`, (signal) => api(`/api/r/${code}/supply/years`, SupplyYears, { signal }));
  const chainId = params.chain ?? chains.data?.items[0]?.id ?? null;
  const nodes = useApiQuery(`supply-nodes:${code}:${chainId ?? ''}`, (signal) =>
    chainId === null ? Promise.resolve({ items: [], total: 0 }) : api(`/api/r/${code}/nodes`, NodeList, { query: { chain: chainId, pageSize: 500 }, signal }),
  );
  const year = params.year ?? years.data?.latestFullYear ?? years.data?.years[0] ?? null;
  const go = (next: Partial<SupplyPageParams>) => navigate(modulePath(code, 'supply') + writeSupplyParams({ ...params, chain: chainId, year, ...next }));
  const isEn = locale === 'en';
  const nameOf = (x: { nameZh: string; nameEn: string | null }) => (isEn ? (x.nameEn ?? x.nameZh) : x.nameZh);
  const error = chains.error ?? years.error;

  return (
    <section className="page" data-testid="supply-page">
      <header className="page__header">
        <div>
          <h1 data-testid="page-title">{t('supply.title')}</h1>
          <p className="page__subtitle">{t('supply.subtitle', { region: regionName(region, locale) })}</p>
        </div>
        <div className="toolbar supply-toolbar">
          <label>
            {t('supply.pick.chain')}
            <select value={chainId ?? ''} onChange={(e) => go({ chain: e.target.value, node: null })} data-testid="supply-chain">
              {(chains.data?.items ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {nameOf(c)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('supply.pick.node')}
            <select value={params.node ?? ''} onChange={(e) => go({ node: e.target.value || null })} data-testid="supply-node">
              <option value="">{t('supply.pick.allNodes')}</option>
              {(nodes.data?.items ?? []).map((n) => (
                <option key={n.id} value={n.id}>
                  {nameOf(n)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('supply.pick.year')}
            <select value={year ?? ''} onChange={(e) => go({ year: Number(e.target.value) })} data-testid="supply-year">
              {(years.data?.years ?? []).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {error && <ErrorNotice error={error} onRetry={chains.error ? chains.reload : years.reload} />}
      {!error && (!chains.data || !years.data) && <Loading />}
      {chains.data && years.data && (chainId === null || year === null) && <p className="empty">{t('supply.noFlows')}</p>}
      {chainId !== null && year !== null && (
        <SupplyChainView
          region={code}
          chainId={chainId}
          nodeId={params.node}
          year={year}
          nodeNameOf={(id) => {
            const node = nodes.data?.items.find((n) => n.id === id);
            return node ? nameOf(node) : id;
          }}
          onSelectNode={(node) => go({ node })}
        />
      )}
    </section>
  );
}
