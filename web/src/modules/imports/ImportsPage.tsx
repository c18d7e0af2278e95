import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { ModulePageProps } from '../../app/modules.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { Icon } from '../../components/Icon.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type ImportDetail, type ImportKind, type ImportMode, loadHistory, loadImport, templateUrl, uploadImport } from './importsApi.ts';
import { ImportResult } from './ImportResult.tsx';
import { KIND_LABEL, KINDS, MODE_LABEL, MODES, STATUS_LABEL } from './labels.ts';

/** 导入中心: templates, upload with a mode, the result with every bad cell, the error report, the history. */
export function ImportsPage({ region }: ModulePageProps) {
  const { t, formatNumber } = useI18n();
  const code = region.regionCode;
  const [kind, setKind] = useState<ImportKind>('enterprises');
  const [mode, setMode] = useState<ImportMode>('dry_run');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const history = useApiQuery(`imports:${code}`, (signal) => loadHistory(code, signal));
  const opened = useApiQuery(`import:${code}:${openId ?? ''}`, (signal) => (openId ? loadImport(code, openId, signal) : Promise.resolve(null)));
  const kindId = useId();
  const fileId = useId();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) {
      setError(new ApiError({ status: 400, code: 'VALIDATION', message: t('imports.upload.noFile') }));
      return;
    }
    setError(null);
    setResult(null);
    setOpenId(null);
    setProgress(0);
    try {
      setResult(await uploadImport({ region: code, kind, mode, file, onProgress: setProgress }));
      history.reload();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError({ status: 0, code: 'CLIENT', message: String(cause) }));
    } finally {
      setProgress(null);
    }
  };

  const shown = result ?? opened.data ?? null;
  return (
    <section className="page" data-testid="imports-page">
      <header className="page__header">
        <div>
          <h1 data-testid="page-title">{t('imports.title')}</h1>
          <p className="page__subtitle">{t('imports.subtitle')}</p>
        </div>
      </header>

      <div className="card">
        <h2 className="card__title">{t('imports.templates.title')}</h2>
        <p className="card__subtitle">{t('imports.templates.help')}</p>
        <div className="toolbar">
          {KINDS.map((k) => (
            <a key={k} className="button button--small" href={templateUrl(code, k)} download data-testid={`template-${k}`}>
              <Icon name="docs" /> {t(KIND_LABEL[k])}
            </a>
          ))}
        </div>
      </div>

      <div className="card">
        <h2 className="card__title">{t('imports.upload.title')}</h2>
        <form className="form" onSubmit={onSubmit} data-testid="import-form">
          <div className="field">
            <label htmlFor={kindId}>{t('imports.upload.kind')}</label>
            <select id={kindId} value={kind} onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? 'enterprises')} data-testid="import-kind">
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(KIND_LABEL[k])}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field">
            <legend>{t('imports.upload.mode')}</legend>
            {MODES.map((m) => (
              <label key={m}>
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`import-mode-${m}`} /> {t(MODE_LABEL[m])}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={fileId}>{t('imports.upload.file')}</label>
            <input id={fileId} name="file" type="file" accept=".xlsx,.csv" data-testid="import-file" />
          </div>
          <button type="submit" className="button button--primary" disabled={progress !== null} data-testid="import-submit">
            {t('imports.upload.submit')}
          </button>
          {progress !== null && (
            <div role="status" aria-live="polite" data-testid="import-progress">
              <progress max={1} value={progress} /> {progress < 1 ? t('imports.upload.sending', { percent: Math.round(progress * 100) }) : t('imports.upload.checking')}
            </div>
          )}
        </form>
        {error && <ErrorNotice error={error} />}
      </div>

      {shown && <ImportResult key={`${shown.import.id}:${shown.result}`} region={code} detail={shown} />}

      <div className="card">
        <h2 className="card__title">{t('imports.history.title')}</h2>
        {history.error && <ErrorNotice error={history.error} onRetry={history.reload} />}
        {!history.data && history.isLoading && <Loading />}
        {history.data && history.data.length === 0 && <p className="empty">{t('imports.history.empty')}</p>}
        {history.data && history.data.length > 0 && (
          <div className="table-wrap">
            <table className="table" data-testid="import-history">
              <thead>
                <tr>
                  <th scope="col">{t('imports.history.at')}</th>
                  <th scope="col">{t('imports.history.kind')}</th>
                  <th scope="col">{t('imports.history.file')}</th>
                  <th scope="col">{t('imports.history.status')}</th>
                  <th scope="col" className="num">
                    {t('imports.history.rows')}
                  </th>
                  <th scope="col" className="num">
                    {t('imports.history.invalid')}
                  </th>
                  <th scope="col">{t('imports.history.by')}</th>
                </tr>
              </thead>
              <tbody>
                {history.data.map((item) => (
                  <tr key={item.id} data-testid="import-history-row">
                    <td>{new Date(item.at).toLocaleString()}</td>
                    <td>{t(KIND_LABEL[item.kind])}</td>
                    <th scope="row">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => {
                          setResult(null);
                          setOpenId(item.id);
                        }}
                      >
                        {item.fileName}
                      </button>
                    </th>
                    <td>{t(STATUS_LABEL[item.status])}</td>
                    <td className="num">{formatNumber(item.rowsTotal)}</td>
                    <td className="num">{formatNumber(item.rowsInvalid)}</td>
                    <td>{item.byUser}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
