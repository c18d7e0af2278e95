import { useMemo } from 'react';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SellerName } from './FirmLink.tsx';
import { MaskedNotice, MaskedNumCell } from './Masked.tsx';
import { SupplyRatesView, SupplyTrendView, type SupplyRowView, TopSuppliers } from './supplyApi.ts';
import { SupplyChart } from './SupplyChart.tsx';
import { buildTrendOption, formatRate, formatWan, VARIANTS, type Variant } from './supplyFormat.ts';
import { KeyFirmsPanel, RisksPanel, SubClustersPanel } from './SupplyNetworkPanels.tsx';
import { SupplyTable } from './SupplyTable.tsx';
import './supply.css';

export interface SupplyViewProps {
  region: string;
  chainId: string;
  nodeId: string | null;
  year: number;
  nodeNameOf(id: string): string;
  onSelectNode(node: string | null): void;
}

export function SupplyChainView(props: SupplyViewProps) {
  return (
    <>
      <RatesPanel {...props} />
      <TrendPanel {...props} />
      {props.nodeId !== null && <SuppliersPanel {...props} nodeId={props.nodeId} />}
      <RisksPanel {...props} />
      <div className="grid grid--2">
        <KeyFirmsPanel {...props} />
        <SubClustersPanel {...props} />
      </div>
    </>
  );
}

function useVariantNames(minutes: number): Record<Variant, string> {
  const { t } = useI18n();
  return useMemo(() => ({ county: t('supply.variant.county'), sameTown: t('supply.variant.sameTown'), driveTime: t('supply.variant.driveTime', { minutes }) }), [t, minutes]);
}

function RatesPanel({ region, chainId, nodeId, year, onSelectNode }: SupplyViewProps) {
  const { t, formatNumber } = useI18n();
  const query = useApiQuery(`supply-rates:${region}:${chainId}:${year}`, (signal) =>
    api(`/api/r/${region}/supply/rates`, SupplyRatesView, { query: { level: 'node', chainId, year }, signal }),
  );
  const names = useVariantNames(query.data?.minutes ?? 30);
  const data = query.data;
  const focus: SupplyRowView | undefined = nodeId === null ? data?.total : data?.rows.find((r) => r.key === nodeId);
  const cell = (rate: number | null, isComputed: boolean) => (isComputed ? (formatRate(rate) ?? t('common.none')) : t('supply.notComputed'));
  return (
    <div className="card" data-testid="supply-rates">
      <h2 className="card__title">{t('supply.rates.title', { year })}</h2>
      <p className="muted">{t('supply.rates.help')}</p>
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {!data && !query.error && <Loading />}
      {data && (
        <>
          <div className="kpis" data-testid="supply-variants">
            {VARIANTS.map((v) => {
              const isComputed = v !== 'driveTime' || data.isDriveTimeComputed;
              return (
                <div key={v} className={v === 'county' ? 'kpi kpi--primary' : 'kpi'} data-testid={`variant-${v}`}>
                  <div className="kpi__label">{names[v]}</div>
                  <div className="kpi__value">
                    <span className="kpi__number">{focus ? cell(focus.rate[v], isComputed) : t('common.none')}</span>
                  </div>
                  <div className="kpi__note">
                    {isComputed && focus
                      ? focus.amountWan === null || focus.localWan === null
                        ? t('supply.masked')
                        : t('supply.rates.localOf', { local: formatNumber(Math.round(focus.localWan[v] ?? 0)), all: formatNumber(Math.round(focus.amountWan)), year })
                      : t('supply.rates.driveHint')}
                  </div>
                </div>
              );
            })}
          </div>
          <SupplyTable
            testId="supply-node-rates"
            head={[t('supply.col.node'), t('supply.col.purchases'), names.county, names.sameTown, names.driveTime, '']}
          >
            {data.rows.map((r) => (
              <tr key={r.key ?? ''} className={r.key === nodeId ? 'is-selected' : undefined}>
                <th scope="row">{r.name ?? r.key}</th>
                <MaskedNumCell text={formatWan(r.amountWan, formatNumber)} isMasked={data.isMasked} />
                <td className="num">{cell(r.rate.county, true)}</td>
                <td className="num">{cell(r.rate.sameTown, true)}</td>
                <td className="num">{cell(r.rate.driveTime, data.isDriveTimeComputed)}</td>
                <td>
                  <button type="button" className="button button--small" onClick={() => onSelectNode(r.key === nodeId ? null : r.key)} data-testid={`pick-node-${r.key}`}>
                    {r.key === nodeId ? t('supply.node.clear') : t('supply.node.pick')}
                  </button>
                </td>
              </tr>
            ))}
          </SupplyTable>
          {data.rows.length === 0 && <p className="empty">{t('supply.noFlowsYear', { year })}</p>}
        </>
      )}
    </div>
  );
}

function TrendPanel({ region, chainId, nodeId, year, nodeNameOf }: SupplyViewProps) {
  const { t } = useI18n();
  const query = useApiQuery(`supply-trend:${region}:${chainId}:${nodeId ?? ''}:${year}`, (signal) =>
    api(`/api/r/${region}/supply/trend`, SupplyTrendView, { query: { chainId, nodeId: nodeId ?? undefined, year }, signal }),
  );
  const names = useVariantNames(query.data?.minutes ?? 30);
  const option = useMemo(() => (query.data ? buildTrendOption(query.data.months, names) : null), [query.data, names]);
  const title = t('supply.trend.title', { scope: nodeId === null ? t('supply.scope.chain') : nodeNameOf(nodeId), year });
  return (
    <div className="card">
      <h2 className="card__title">{title}</h2>
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {!query.data && !query.error && <Loading />}
      {option && <SupplyChart option={option} label={title} height={280} testId="supply-trend" />}
    </div>
  );
}

function SuppliersPanel({ region, nodeId, year, nodeNameOf }: SupplyViewProps & { nodeId: string }) {
  const { t, formatNumber } = useI18n();
  const query = useApiQuery(`supply-suppliers:${region}:${nodeId}:${year}`, (signal) =>
    api(`/api/r/${region}/supply/suppliers`, TopSuppliers, { query: { nodeId, year, limit: 15 }, signal }),
  );
  const data = query.data;
  return (
    <div className="card">
      <h2 className="card__title">{t('supply.suppliers.title', { node: nodeNameOf(nodeId), year })}</h2>
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {!data && !query.error && <Loading />}
      {data && <MaskedNotice isMasked={data.isMasked} />}
      {data && (
        <SupplyTable testId="supply-suppliers" head={[t('supply.col.seller'), t('supply.col.origin'), t('supply.col.sales'), t('supply.col.share'), t('supply.col.buyers')]}>
          {data.items.map((s) => (
            <tr key={s.uscc}>
              <th scope="row">
                <SellerName region={region} seller={s} />
              </th>
              <td>{s.isLocal ? t('supply.origin.local') : t('supply.origin.outside', { code: s.regionCode })}</td>
              <MaskedNumCell text={formatWan(s.amountWan, formatNumber)} isMasked={data.isMasked} />
              <MaskedNumCell text={formatRate(s.share)} isMasked={data.isMasked} />
              <td className="num">{s.buyerCount}</td>
            </tr>
          ))}
        </SupplyTable>
      )}
    </div>
  );
}

