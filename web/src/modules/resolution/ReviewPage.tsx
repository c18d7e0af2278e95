import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { ModulePageProps } from '../../app/modules.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type MergeRecord, type PairStatus, decidePair, loadPair, loadPairs, mergeFirm, scanPairs, splitMerge } from './resolutionApi.ts';
import { PairComparison } from './PairComparison.tsx';

const STATUSES: readonly PairStatus[] = ['queued', 'confirmed', 'rejected'];
const STATUS_KEY = { queued: 'review.status.queued', confirmed: 'review.status.confirmed', rejected: 'review.status.rejected' } as const;

function asApiError(cause: unknown): ApiError {
  return cause instanceof ApiError ? cause : new ApiError({ status: 0, code: 'CLIENT', message: String(cause) });
}

/** 疑似重复企业: the review queue of match pairs — two records side by side; confirm, reject or merge. */
export function ReviewPage({ region }: ModulePageProps) {
  const { t, formatNumber } = useI18n();
  const code = region.regionCode;
  const [status, setStatus] = useState<PairStatus>('queued');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [merge, setMerge] = useState<MergeRecord | null>(null);
  const list = useApiQuery(`review-pairs:${code}:${status}:${page}`, (signal) => loadPairs(code, status, page, signal));
  const opened = useApiQuery(`review-pair:${code}:${openId ?? ''}`, (signal) => (openId ? loadPair(code, openId, signal) : Promise.resolve(null)));

  const act = async (action: () => Promise<string>) => {
    setError(null);
    try {
      setNotice(await action());
      list.reload();
      opened.reload();
    } catch (cause) {
      setError(asApiError(cause));
    }
  };
  const pair = opened.data ?? null;
  const pageCount = Math.max(1, Math.ceil((list.data?.total ?? 0) / 20));

  return (
    <section className="page" data-testid="review-page">
      <header className="page__header">
        <div>
          <h1 data-testid="page-title">{t('review.title')}</h1>
          <p className="page__subtitle">{t('review.subtitle')}</p>
        </div>
        <button type="button" className="button" data-testid="review-scan"
          onClick={() => void act(async () => { const r = await scanPairs(code); return t('review.scanned', { queued: formatNumber(r.queued), scanned: formatNumber(r.scanned) }); })}>
          {t('review.scan')}
        </button>
      </header>
      {notice && <p className="notice" role="status" data-testid="review-notice">{notice}</p>}
      {error && <ErrorNotice error={error} />}
      <div className="toolbar" role="tablist" aria-label={t('review.statusLabel')}>
        {STATUSES.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={s === status} className={s === status ? 'button button--primary button--small' : 'button button--small'}
            data-testid={`review-status-${s}`} onClick={() => { setStatus(s); setPage(1); setOpenId(null); }}>
            {t(STATUS_KEY[s])}
          </button>
        ))}
      </div>
      <div className="card">
        {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
        {list.isLoading && !list.data && <Loading />}
        {list.data && list.data.items.length === 0 && <p data-testid="review-empty">{t('review.empty')}</p>}
        {list.data && list.data.items.length > 0 && (
          <div className="table-wrap">
            <table className="table" data-testid="review-pairs">
              <thead>
                <tr><th>{t('review.col.score')}</th><th>{t('review.col.left')}</th><th>{t('review.col.right')}</th><th>{t('review.col.kind')}</th><th /></tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id} aria-selected={p.id === openId}>
                    <td>{formatNumber(p.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</td>
                    <td>{p.left.name}</td>
                    <td>{p.right.name}</td>
                    <td>{t(p.kind === 'firms' ? 'review.kind.firms' : 'review.kind.incoming')}</td>
                    <td><button type="button" className="button button--small" data-testid="review-open" onClick={() => { setOpenId(p.id); setMerge(null); setNotice(null); }}>{t('review.open')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="toolbar">
          <button type="button" className="button button--small" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('review.prev')}</button>
          <span>{t('review.page', { page: formatNumber(page), pages: formatNumber(pageCount), total: formatNumber(list.data?.total ?? 0) })}</span>
          <button type="button" className="button button--small" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>{t('review.next')}</button>
        </div>
      </div>
      {pair && (
        <PairComparison
          pair={pair}
          merge={merge}
          onDecide={(decision) => void act(async () => { const r = await decidePair(code, pair.id, decision, pair.version); return t(r.status === 'confirmed' ? 'review.didConfirm' : 'review.didReject'); })}
          onMerge={() => void act(async () => {
            const { right, left } = pair;
            if (right.enterpriseId === null || right.version === null || left.enterpriseId === null) return '';
            const m = await mergeFirm(code, right.enterpriseId, left.enterpriseId, right.version);
            setMerge(m);
            setOpenId(null);
            return t('review.didMerge', { merged: m.mergedName });
          })}
          onSplit={(mergeId) => void act(async () => { const m = await splitMerge(code, mergeId); setMerge(m); return t('review.didSplit', { merged: m.mergedName }); })}
        />
      )}
      {!pair && merge && (
        <div className="card" data-testid="review-merge">
          <p>{t('review.mergedInfo', { merged: merge.mergedName, into: merge.mergedIntoId })}</p>
          {merge.status === 'merged' && <button type="button" className="button" data-testid="review-split" onClick={() => void act(async () => { const m = await splitMerge(code, merge.id); setMerge(m); return t('review.didSplit', { merged: m.mergedName }); })}>{t('review.split')}</button>}
        </div>
      )}
    </section>
  );
}
