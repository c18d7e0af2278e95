import { useCallback, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { EChart } from '../../components/EChart.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FirmLink, SellerName } from './FirmLink.tsx';
import type { SupplyViewProps } from './SupplyChainView.tsx';
import { ClusterMembers, DependencyRisks, KeyFirms, SubClusters } from './supplyApi.ts';
import { MaskedNotice, MaskedNumCell } from './Masked.tsx';
import { buildClusterOption, formatRate, formatWan } from './supplyFormat.ts';
import { EXTERNAL_PREFIX } from '../../../../src/modules/supply/supply.network.model.ts';
import { SupplyTable } from './SupplyTable.tsx';

const RISK_PAGE = 10;

export function RisksPanel({ region, chainId, nodeId, year }: SupplyViewProps) {
  const { t, formatNumber } = useI18n();
  const [page, setPage] = useState(1);
  const query = useApiQuery(`supply-risks:${region}:${chainId}:${nodeId ?? ''}:${year}:${page}`, (signal) =>
    api(`/api/r/${region}/supply/risks`, DependencyRisks, { query: { chainId, nodeId: nodeId ?? undefined, year, page, pageSize: RISK_PAGE }, signal }),
  );
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.buyerTotal / RISK_PAGE)) : 1;
  return (
    <div className="card" data-testid="supply-risks">
      <h2 className="card__title">{t('supply.risks.title', { year })}</h2>
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {!data && !query.error && <Loading />}
      {data && (
        <>
          <MaskedNotice isMasked={data.isMasked} />
          <h3>{t('supply.risks.nodes', { share: formatRate(data.localShare) ?? '' })}</h3>
          {data.nodes.length === 0 ? (
            <p className="empty">{t('supply.risks.nodesNone')}</p>
          ) : (
            <ul className="supply-dominated" data-testid="supply-dominated">
              {data.nodes.map((n) => (
                <li key={n.nodeId}>
                  <strong>{n.nodeName ?? n.nodeId}</strong> · <SellerName region={region} seller={n.topLocalSeller} /> ·{' '}
                  {n.topLocalShare === null
                    ? t('supply.risks.localShareMasked', { local: formatNumber(Math.round(n.countyWan)) })
                    : t('supply.risks.localShare', { share: formatRate(n.topLocalShare) ?? '', local: formatNumber(Math.round(n.countyWan)) })}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('supply.risks.buyers', { share: formatRate(data.buyerShare) ?? '', count: formatNumber(data.buyerTotal) })}</h3>
          <SupplyTable
            testId="supply-dependent-buyers"
            head={[t('supply.col.buyer'), t('supply.col.node'), t('supply.col.purchases'), t('supply.col.topSeller'), t('supply.col.share'), t('supply.col.hhi')]}
          >
            {data.buyers.map((b) => (
              <tr key={`${b.buyerId}:${b.nodeId}`}>
                <th scope="row">
                  <FirmLink region={region} id={b.buyerId} name={b.buyerName} />
                </th>
                <td>{b.nodeName ?? b.nodeId}</td>
                <MaskedNumCell text={formatWan(b.amountWan, formatNumber)} isMasked={data.isMasked} />
                <td>
                  <SellerName region={region} seller={b.topSeller} />
                </td>
                <MaskedNumCell text={formatRate(b.topShare)} isMasked={data.isMasked} />
                <MaskedNumCell text={b.hhi === null ? null : b.hhi.toFixed(2)} isMasked={data.isMasked} />
              </tr>
            ))}
          </SupplyTable>
          {pages > 1 && (
            <div className="toolbar">
              <button type="button" className="button button--small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('supply.page.prev')}
              </button>
              <span className="muted">{t('supply.page.of', { page, pages })}</span>
              <button type="button" className="button button--small" disabled={page >= pages} onClick={() => setPage(page + 1)} data-testid="risks-next">
                {t('supply.page.next')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

export function KeyFirmsPanel({ region, chainId, year }: SupplyViewProps) {
  const { t, formatNumber } = useI18n();
  const query = useApiQuery(`supply-key:${region}:${chainId}:${year}`, (signal) =>
    api(`/api/r/${region}/supply/chains/${encodeURIComponent(chainId)}/key-firms`, KeyFirms, { query: { year, limit: 15 }, signal }),
  );
  const data = query.data;
  return (
    <div className="card" data-testid="supply-key-firms">
      <h2 className="card__title">{t('supply.key.title', { year })}</h2>
      <p className="muted">{t('supply.key.help')}</p>
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {!data && !query.error && <Loading />}
      {data && <MaskedNotice isMasked={data.isMasked} />}
      {data && (
        <SupplyTable testId="supply-key-table" head={[t('supply.col.rank'), t('supply.col.firm'), t('supply.col.pagerank'), t('supply.col.sales'), t('supply.col.purchases')]}>
          {data.items.map((f) => (
            <tr key={f.id}>
              <td className="num">{f.rank}</td>
              <th scope="row">
                <SellerName region={region} seller={{ enterpriseId: f.enterpriseId, name: f.name, uscc: f.uscc ?? f.id }} />
              </th>
              <td className="num">{f.pagerank.toFixed(4)}</td>
              <MaskedNumCell text={formatWan(f.soldWan, formatNumber)} isMasked={data.isMasked} />
              <MaskedNumCell text={formatWan(f.boughtWan, formatNumber)} isMasked={data.isMasked} />
            </tr>
          ))}
        </SupplyTable>
      )}
    </div>
  );
}

export function SubClustersPanel({ region, chainId, year }: SupplyViewProps) {
  const { t, formatNumber } = useI18n();
  const [community, setCommunity] = useState<number | null>(null);
  const base = `/api/r/${region}/supply/chains/${encodeURIComponent(chainId)}/sub-clusters`;
  const query = useApiQuery(`supply-clusters:${region}:${chainId}:${year}`, (signal) => api(base, SubClusters, { query: { year, limit: 30 }, signal }));
  const data = query.data;
  const label = useCallback(
    (c: { community: number; size: number; leaders: { id: string; name: string | null }[] }) => {
      const leader = c.leaders[0];
      const external = leader?.id.startsWith(EXTERNAL_PREFIX) ? t('supply.external', { uscc: leader.id.slice(EXTERNAL_PREFIX.length) }) : leader?.id;
      return t('supply.clusters.label', { n: c.community + 1, leader: leader?.name ?? external ?? '', size: c.size });
    },
    [t],
  );
  const option = useMemo(() => (data ? buildClusterOption(data, label) : null), [data, label]);

  return (
    <div className="card" data-testid="supply-clusters">
      <h2 className="card__title">{t('supply.clusters.title', { year })}</h2>
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {!data && !query.error && <Loading />}
      {data && option && (
        <>
          <p className="muted">
            {t('supply.clusters.summary', { firms: formatNumber(data.vertexCount), count: formatNumber(data.communityCount), q: data.modularity.toFixed(3), shown: data.clusters.length })}
          </p>
          <EChart option={option} label={t('supply.clusters.title', { year })} height={320} testId="supply-cluster-graph" />
          <ul className="supply-cluster-list">
            {data.clusters.map((c) => (
              <li key={c.community}>
                <button type="button" className={c.community === community ? 'button button--small is-selected' : 'button button--small'} onClick={() => setCommunity(c.community === community ? null : c.community)} data-testid={`cluster-${c.community}`}>
                  {label(c)}
                </button>
              </li>
            ))}
          </ul>
          {community !== null && <MembersTable region={region} base={base} year={year} community={community} />}
        </>
      )}
    </div>
  );
}

function MembersTable({ region, base, year, community }: { region: string; base: string; year: number; community: number }) {
  const { t, formatNumber } = useI18n();
  const query = useApiQuery(`supply-members:${base}:${year}:${community}`, (signal) => api(`${base}/${community}/members`, ClusterMembers, { query: { year, pageSize: 20 }, signal }));
  const data = query.data;
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.reload} />;
  if (!data) return <Loading isInline />;
  return (
    <>
      <p className="muted">{t('supply.clusters.members', { total: formatNumber(data.total), shown: data.items.length })}</p>
      <SupplyTable testId="supply-members" head={[t('supply.col.firm'), t('supply.col.pagerank'), t('supply.col.sales'), t('supply.col.purchases')]}>
        {data.items.map((f) => (
          <tr key={f.id}>
            <th scope="row">
              <SellerName region={region} seller={{ enterpriseId: f.enterpriseId, name: f.name, uscc: f.uscc ?? f.id }} />
            </th>
            <td className="num">{f.pagerank.toFixed(4)}</td>
            <MaskedNumCell text={formatWan(f.soldWan, formatNumber)} isMasked={data.isMasked} />
            <MaskedNumCell text={formatWan(f.boughtWan, formatNumber)} isMasked={data.isMasked} />
          </tr>
        ))}
      </SupplyTable>
    </>
  );
}
