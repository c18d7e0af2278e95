import { type FormEvent, useId, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ChainMapSettings } from './chainApi.ts';

/** Editing of the status thresholds (METHODS §5) with their year and source; a stale edit shows the current values. */
export function ThresholdsForm({ region, onSaved }: { region: string; onSaved(): void }) {
  const { t } = useI18n();
  const path = `/api/r/${region}/chain-map-settings`;
  const query = useApiQuery(path, (signal) => api(path, ChainMapSettings, { signal }));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const id = useId();
  const settings = query.data;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!settings) return;
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    setIsSaving(true);
    setMessage(null);
    try {
      await api(path, ChainMapSettings, {
        method: 'PUT',
        body: {
          minFirms: Number(field('minFirms')),
          minLocalSupplyRate: Number(field('minLocalSupplyRate')),
          maxSupplierHhi: Number(field('maxSupplierHhi')),
          minAdjacentDensity: Number(field('minAdjacentDensity')),
          year: Number(field('year')),
          source: field('source'),
          version: settings.version,
        },
      });
      setMessage({ kind: 'ok', text: t('chains.thresholds.saved') });
      query.reload();
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setMessage({ kind: 'error', text: t('chains.thresholds.stale') });
        query.reload();
      } else {
        setMessage({ kind: 'error', text: error instanceof ApiError ? `${error.field ?? ''} ${error.reason ?? error.message}`.trim() : String(error) });
      }
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <section className="card" data-testid="thresholds">
      <h2 className="card__title">{t('chains.thresholds.title')}</h2>
      <p className="muted">{t('chains.thresholds.help')}</p>
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {!settings && !query.error && <Loading />}
      {settings && (
        <form className="thresholds-form" onSubmit={(event) => void onSubmit(event)} key={settings.version}>
          <label className="field" htmlFor={`${id}-k`}>
            {t('chains.thresholds.minFirms')}
            <input id={`${id}-k`} name="minFirms" type="number" min={1} max={1000} step={1} defaultValue={settings.minFirms} required />
          </label>
          <label className="field" htmlFor={`${id}-lsr`}>
            {t('chains.thresholds.minLsr')}
            <input id={`${id}-lsr`} name="minLocalSupplyRate" type="number" min={0} max={1} step={0.01} defaultValue={settings.minLocalSupplyRate} required />
          </label>
          <label className="field" htmlFor={`${id}-hhi`}>
            {t('chains.thresholds.maxHhi')}
            <input id={`${id}-hhi`} name="maxSupplierHhi" type="number" min={0} max={1} step={0.01} defaultValue={settings.maxSupplierHhi} required />
          </label>
          <label className="field" htmlFor={`${id}-density`}>
            {t('chains.thresholds.minDensity')}
            <input id={`${id}-density`} name="minAdjacentDensity" type="number" min={0.01} max={1} step={0.01} defaultValue={settings.minAdjacentDensity} required />
          </label>
          <label className="field" htmlFor={`${id}-year`}>
            {t('chains.thresholds.year')}
            <input id={`${id}-year`} name="year" type="number" min={1990} max={2100} step={1} defaultValue={settings.year} required />
          </label>
          <label className="field thresholds-form__source" htmlFor={`${id}-source`}>
            {t('chains.thresholds.source')}
            <input id={`${id}-source`} name="source" type="text" maxLength={200} defaultValue={settings.source} required />
          </label>
          <div className="thresholds-form__actions">
            <button type="submit" className="button button--primary" disabled={isSaving} data-testid="thresholds-save">
              {t('chains.thresholds.save')}
            </button>
            <span className="muted">{settings.version === 0 ? t('chains.thresholds.defaults') : t('chains.thresholds.version', { version: settings.version })}</span>
          </div>
          {message && <p className={message.kind === 'ok' ? 'notice notice--info' : 'notice notice--error'}>{message.text}</p>}
        </form>
      )}
    </section>
  );
}
