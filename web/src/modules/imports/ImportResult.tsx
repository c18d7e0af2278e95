import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { errorReportUrl, type ImportDetail } from './importsApi.ts';
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
  const { t, formatNumber } = useI18n();
  const tone = resultTone(detail);
  const info = detail.import;
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
          {t('imports.result.fileError', { reason: info.fileError })}
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
            {t('imports.result.errorsTotal', { count: formatNumber(detail.errorsTotal), shown: formatNumber(detail.errors.length) })}{' '}
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
                {detail.errors.map((e) => (
                  <tr key={`${e.row}:${e.column}`} data-testid="import-error-row">
                    <td className="num">{e.row}</td>
                    <td>{e.column}</td>
                    <td className="mono">{e.value === '' ? t('imports.errors.empty') : e.value}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
