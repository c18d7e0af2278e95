import { type ReactNode, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { api, buildUrl } from '../../api/client.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { Icon } from '../../components/Icon.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type MapNode, NodeFirmPage } from './chainApi.ts';
import { formatPercent, formatRelated, STATUS_COLOURS } from './chainFormat.ts';
import { NodeFirmAdder } from './NodeFirmAdder.tsx';
import { useEditAction } from './useEditAction.tsx';

const Done = z.object({ ok: z.literal(true) });

const PAGE_SIZE = 20;

/** The firms of the chosen node, largest output first, with the node's figures and an Excel download. */
export function NodeFirmsPanel({
  region,
  chainId,
  node,
  year,
  onClose,
  children,
  mayEditFirms = false,
  onFirmsChanged,
}: {
  region: string;
  chainId: string;
  node: MapNode;
  year: number | null;
  onClose(): void;
  children?: ReactNode;
  /** the role may put firms on nodes and take them off (write resource 'enterprises') */
  mayEditFirms?: boolean;
  /** the node's counts changed: the map reloads */
  onFirmsChanged?(): void;
}) {
  const { t, locale, formatNumber } = useI18n();
  const [page, setPage] = useState(1);
  const path = `/api/r/${region}/chains/${encodeURIComponent(chainId)}/nodes/${encodeURIComponent(node.id)}/firms`;
  const query = useApiQuery(`${path}:${year ?? ''}:${page}`, (signal) => api(path, NodeFirmPage, { query: { page, pageSize: PAGE_SIZE, year: year ?? undefined }, signal }));
  const pages = Math.max(1, Math.ceil((query.data?.total ?? 0) / PAGE_SIZE));
  const nodeUrl = `/api/r/${region}/chains/${encodeURIComponent(chainId)}/nodes/${encodeURIComponent(node.id)}`;
  const firmsChanged = () => {
    query.reload();
    onFirmsChanged?.();
  };
  const removal = useEditAction(firmsChanged);
  const name = locale === 'en' ? (node.nameEn ?? node.nameZh) : node.nameZh;
  const none = t('common.none');
  const panelRef = useRef<HTMLElement>(null);
  const nodeId = node.id;
  // A newly chosen node brings its list into view (it sits below the diagram).
  useEffect(() => {
    if (nodeId) panelRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [nodeId]);
  const [shownFor, setShownFor] = useState(node.id);
  if (shownFor !== node.id) {
    setShownFor(node.id);
    setPage(1);
  }

  return (
    <section ref={panelRef} className="card" data-testid="node-firms" aria-labelledby="node-firms-title">
      <div className="toolbar">
        <h2 className="card__title" id="node-firms-title">
          <span className="status-dot" style={{ background: STATUS_COLOURS[node.status] }} />
          {t('chains.firms.title', { node: name })} · {t(`chains.status.${node.status}`)}
        </h2>
        <a className="button" href={buildUrl(`${path}.xlsx`, { year: year ?? undefined })} download data-testid="firms-excel">
          {t('chains.firms.excel')}
        </a>
        <button type="button" className="button" onClick={onClose}>
          {t('chains.firms.close')}
        </button>
      </div>
      <p className="muted" data-testid="node-facts">
        {t('chains.firms.facts', {
          firms: formatNumber(node.firmCount),
          above: formatNumber(node.aboveScaleCount),
          share: formatPercent(node.outputShare),
          lsr: formatPercent(node.localSupplyRate),
          hhi: node.supplierHhi === null ? '—' : node.supplierHhi.toFixed(2),
          year: year ?? '—',
        })}
      </p>
      {node.reasons.length > 0 && (
        <ul className="reasons" data-testid="node-reasons">
          {node.reasons.map((reason) => (
            <li key={reason}>{t(`chains.reason.${reason}`)}</li>
          ))}
        </ul>
      )}
      {node.relatedness && (
        <p className="muted" data-testid="node-relatedness">
          {node.relatedness.related.length > 0
            ? t('chains.related.facts', { density: formatPercent(node.relatedness.density), nodes: formatRelated(node.relatedness.related, locale === 'en') })
            : t('chains.related.none', { density: formatPercent(node.relatedness.density) })}
        </p>
      )}
      {children}
      {mayEditFirms && <NodeFirmAdder region={region} nodeUrl={nodeUrl} onChanged={firmsChanged} />}
      {removal.notice}
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {!query.data && !query.error && <Loading />}
      {query.data && query.data.items.length === 0 && <p className="empty">{t('chains.firms.empty')}</p>}
      {query.data && query.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="node-firm-table" aria-busy={query.isLoading}>
            <thead>
              <tr>
                <th scope="col">{t('enterprises.col.name')}</th>
                <th scope="col">{t('enterprises.col.uscc')}</th>
                <th scope="col">{t('enterprises.col.scale')}</th>
                <th scope="col">{t('chains.firms.primary')}</th>
                <th scope="col" className="num">
                  {t('chains.firms.output', { year: query.data.year ?? '—' })}
                </th>
                {mayEditFirms && <th scope="col">{t('chains.firms.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((firm) => (
                <tr key={firm.id} data-testid="node-firm-row">
                  <th scope="row">
                    {firm.name}
                    {firm.isSynthetic && <span className="tag tag--demo">{t('enterprises.flag.synthetic')}</span>}
                  </th>
                  <td className="mono">{firm.uscc ?? none}</td>
                  <td>
                    <span className={firm.scale === 'above' ? 'tag tag--above' : 'tag'}>{firm.scale === 'above' ? t('scale.above') : t('scale.below')}</span>
                  </td>
                  <td>{firm.isPrimary ? t('common.yes') : t('common.no')}</td>
                  <td className="num">{firm.outputWan === null ? none : formatNumber(firm.outputWan, { maximumFractionDigits: 0 })}</td>
                  {mayEditFirms && (
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        data-testid="firm-remove"
                        aria-label={t('chains.firms.removeThis', { name: firm.name })}
                        onClick={() => void removal.run(() => api(`${nodeUrl}/firms/${encodeURIComponent(firm.id)}`, Done, { method: 'DELETE' }))}
                      >
                        {t('chains.edit.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {query.data && query.data.total > 0 && (
        <nav className="pager" aria-label={t('pager.label')}>
          <span className="pager__status" data-testid="node-firms-status">
            {t('chains.firms.status', { total: formatNumber(query.data.total), page, pages })}
          </span>
          <button type="button" className="button button--small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            <Icon name="chevronLeft" size={16} />
            {t('pager.prev')}
          </button>
          <button type="button" className="button button--small" disabled={page >= pages} onClick={() => setPage(page + 1)} data-testid="node-firms-next">
            {t('pager.next')}
            <Icon name="chevronRight" size={16} />
          </button>
        </nav>
      )}
    </section>
  );
}
