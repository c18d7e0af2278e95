import { canWrite } from '../../../../src/modules/auth/auth.model.ts';
import { api } from '../../api/client.ts';
import type { Region } from '../../api/schemas.ts';
import { regionName } from '../../app/regionChoice.ts';
import { modulePath } from '../../app/routes.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ChainGroupList, ChainMapSummary, ChainPage } from './chainApi.ts';
import { STATUS_COLOURS, STATUS_ORDER, writeChainParams } from './chainFormat.ts';
import { NewChainForm } from './NewChainForm.tsx';

/** The region's chain strategy: one section per group (pillar / emerging / future), one card per chain. */
export function ChainGroupsView({ region }: { region: Region }) {
  const { t, locale, formatNumber } = useI18n();
  const code = region.regionCode;
  const { state } = useSession();
  const mayEdit = canWrite(state.status === 'signed-in' ? state.user.role : 'viewer', 'chains');
  const query = useApiQuery(`chains:${code}`, (signal) =>
    Promise.all([
      api(`/api/r/${code}/chain-groups`, ChainGroupList, { signal }),
      api(`/api/r/${code}/chains`, ChainPage, { query: { pageSize: 500 }, signal }),
      api(`/api/r/${code}/chain-maps`, ChainMapSummary, { signal }),
    ]),
  );
  const isEn = locale === 'en';
  const [groups, chains, summary] = query.data ?? [undefined, undefined, undefined];
  const statusOf = new Map(summary?.items.map((s) => [s.chainId, s]) ?? []);

  return (
    <section className="page" data-testid="chains-page">
      <header className="page__header">
        <div>
          <h1 data-testid="page-title">{t('chains.title')}</h1>
          <p className="page__subtitle">{t('chains.subtitle', { region: regionName(region, locale) })}</p>
        </div>
        {summary && <p className="page__stamp">{summary.year === null ? t('chains.noYear') : t('chains.yearStamp', { year: summary.year })}</p>}
      </header>
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {!query.data && !query.error && <Loading />}
      {groups && groups.items.length === 0 && <p className="empty">{t('chains.empty')}</p>}
      {groups?.items.map((group) => (
        <section key={group.id} className="card chain-group" data-testid="chain-group">
          <h2 className="card__title">
            {isEn ? (group.nameEn ?? group.nameZh) : group.nameZh}
            <span className="muted"> · {t('chains.group.count', { count: group.chainCount })}</span>
          </h2>
          <div className="chain-cards">
            {chains?.items
              .filter((c) => c.groupId === group.id)
              .map((chain) => {
                const s = statusOf.get(chain.id);
                return (
                  <Link key={chain.id} to={modulePath(code, 'chains') + writeChainParams({ chain: chain.id, node: null, year: null })} className="chain-card" data-testid="chain-card" data-chain-id={chain.id}>
                    <strong>{isEn ? (chain.nameEn ?? chain.nameZh) : chain.nameZh}</strong>
                    <span className="muted">
                      {t('chains.card.nodes', { count: chain.nodeCount })}
                      {s ? ` · ${t('chains.card.firms', { count: formatNumber(s.firmCount) })}` : ''}
                    </span>
                    {s && (
                      <span className="chain-card__status">
                        {STATUS_ORDER.map((status) => (
                          <span key={status} className="status-pill">
                            <span className="status-dot" style={{ background: STATUS_COLOURS[status] }} />
                            {t(`chains.status.${status}`)} {s.statusCounts[status]}
                          </span>
                        ))}
                      </span>
                    )}
                  </Link>
                );
              })}
          </div>
          {mayEdit && <NewChainForm region={code} groupId={group.id} onCreated={query.reload} />}
        </section>
      ))}
    </section>
  );
}
