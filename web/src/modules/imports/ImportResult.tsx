import { useState } from 'react';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { Icon } from '../../components/Icon.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { errorReportUrl, type ImportDetail, loadImport } from './importsApi.ts';
import { reasonZh } from '../../../../src/modules/imports/reasonZh.ts';
import { KIND_LABEL, STATUS_LABEL } from './labels.ts';
import { type OutcomeName, orderedOutcomes, resultTone } from './importView.ts';

const OUTCOME_LABEL: Record<OutcomeName, MessageKey> = {
  inserted: 'imports.outcome.inserted',
  updated: 'imports.outcome.updated',
  unchanged: 'imports.outcome.unchanged',
  review: 'imports.outcome.review',
  valid: 'imports.outcome.valid',
  invalid: 'imports.outcome.invalid',
};

/** One import's result: status, row outcomes, every bad cell (first page; all in the Excel report). */
export function ImportResult({ region, detail }: { region: string; detail: ImportDetail }) {
  const { t, formatNumber, locale } = useI18n();
  // Reasons come in English from the API; Chinese readers get them in Chinese, the English kept as a tooltip.
  const reason = (text: string) => (locale === 'zh-CN' ? reasonZh(text) : text);
  const tone = resultTone(detail);
  const info = detail.import;
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(info.rowsInvalid / detail.pageSize));
  const other = useApiQuery(`import-errors:${info.id}:${page}`, (signal) => (page === 1 ? Promise.resolve(detail) : loadImport(region, info.id, signal, page)));
  const errors = page === 1 ? detail.errors : (other.data?.errors ?? []);
  return (
    <div className="card" data-testid="import-result" data-status={detail.result}>
      <h2 className="card__title">
        {t('imports.result.title', { kind: t(KIND_LABEL[info.kind]), file: info.fileName })}
      </h2>
      <div className={tone === 'error' ? 'notice notice--error' : 'notice notice--info'} role="status" data-testid="import-status">
        <span className={tone === 'ok' ? 'tag tag--ok' : tone === 'warn' || tone === 'error' ? 'tag tag--warn' : 'tag'}>{t(STATUS_LABEL[detail.result])}</span>{' '}
        {t(`imports.explain.${detail.result}`)}
      </div>
      {info.fileError && (
        <p className="notice notice--error" data-testid="import-file-error">
          {t('imports.result.fileError', { reason: reason(info.fileError) })}
        </p>
      )}
      <p data-testid="import-counts">
        {t('imports.result.counts', { total: formatNumber(info.rowsTotal), valid: formatNumber(info.rowsValid), invalid: formatNumber(info.rowsInvalid) })}
        {orderedOutcomes(detail.outcomes).map(({ outcome, count }) => (
          <span key={outcome} className="tag">
            {t(OUTCOME_LABEL[outcome])} {formatNumber(count)}
          </span>
        ))}
      </p>
      {detail.errorsTotal > 0 && (
        <>
          <p>
            {t('imports.result.errorsTotal', { count: formatNumber(detail.errorsTotal) })}{' '}
            <a className="button button--small" href={errorReportUrl(region, info.id)} download data-testid="import-error-report">
              {t('imports.result.download')}
            </a>
          </p>
          <div className="table-wrap">
            <table className="table" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('imports.errors.row')}
                  </th>
                  <th scope="col">{t('imports.errors.column')}</th>
                  <th scope="col">{t('imports.errors.value')}</th>
                  <th scope="col">{t('imports.errors.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((e) => (
                  <tr key={`${e.row}:${e.column}`} data-testid="import-error-row">
                    <td className="num">{e.row}</td>
                    <td>{e.column}</td>
                    <td className="mono">{e.value === '' ? t('imports.errors.empty') : e.value}</td>
                    <td title={e.reason}>{reason(e.reason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="pager" aria-label={t('pager.label')}>
              <span className="pager__status" data-testid="import-errors-page">
                {t('pager.status', { page, pages })}
              </span>
              <button type="button" className="button button--small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                <Icon name="chevronLeft" size={16} />
                {t('pager.prev')}
              </button>
              <button type="button" className="button button--small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t('pager.next')}
                <Icon name="chevronRight" size={16} />
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
