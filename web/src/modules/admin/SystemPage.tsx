import { api } from '../../api/client.ts';
import { Health } from '../../api/schemas.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { Icon } from '../../components/Icon.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

/** What runs here (version, database, migrations, from /api/health) and where the API is described. */
export function SystemPage() {
  const t = useT();
  const health = useApiQuery('health', (signal) => api('/api/health', Health, { signal }));
  const data = health.data;

  return (
    <section className="page" data-testid="system-page">
      <header className="page__header">
        <h1 data-testid="page-title">{t('system.title')}</h1>
      </header>
      <div className="grid grid--2">
        <article className="card">
          {health.error && <ErrorNotice error={health.error} onRetry={health.reload} />}
          {!data && !health.error && <Loading />}
          {data && (
            <dl className="facts">
              <div>
                <dt>{t('system.status')}</dt>
                <dd>
                  <span className={data.status === 'ok' ? 'tag tag--ok' : 'tag tag--warn'}>
                    {data.status === 'ok' ? t('system.status.ok') : t('system.status.degraded')}
                  </span>
                </dd>
              </div>
              <div>
                <dt>{t('system.version')}</dt>
                <dd className="mono">{data.version}</dd>
              </div>
              <div>
                <dt>{t('system.database')}</dt>
                <dd>{data.database.kind === 'pglite' ? t('system.database.pglite') : t('system.database.postgres')}</dd>
              </div>
              <div>
                <dt>{t('system.migrations')}</dt>
                <dd>
                  {t('system.migrations.value', { applied: data.migrations.applied, latest: data.migrations.latest })}
                  {data.migrations.latestTag && <span className="mono muted"> · {data.migrations.latestTag}</span>}
                </dd>
              </div>
            </dl>
          )}
        </article>
        <article className="card">
          <h2 className="card__title">{t('system.apiDocs')}</h2>
          <p>{t('system.apiDocs.text')}</p>
          <a className="button" href="/api/docs" target="_blank" rel="noopener" data-testid="api-docs-link">
            <Icon name="docs" />
            {t('system.apiDocs.open')}
            <span className="visually-hidden">{t('nav.external')}</span>
          </a>
        </article>
      </div>
    </section>
  );
}
