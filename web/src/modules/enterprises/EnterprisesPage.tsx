import { type FormEvent, useId } from 'react';
import { api } from '../../api/client.ts';
import { EnterprisePage } from '../../api/schemas.ts';
import { useReportSyntheticRows } from '../../app/demoData.tsx';
import type { ModulePageProps } from '../../app/modules.ts';
import { regionName } from '../../app/regionChoice.ts';
import { modulePath } from '../../app/routes.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { Icon } from '../../components/Icon.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { EnterpriseTable } from './EnterpriseTable.tsx';
import { loadTowns, nameIn } from './api.ts';
import { EnterpriseFilters } from './EnterpriseFilters.tsx';
import { EnterpriseProfilePage } from './EnterpriseProfilePage.tsx';
import { apiQuery, hasFilters, type ListParams, PAGE_SIZES, pageCount, readListParams, writeListParams } from './listParams.ts';

/** /r/:region/enterprises lists the registry; /r/:region/enterprises/:id opens one firm's profile. */
export function EnterprisesPage({ region }: ModulePageProps) {
  const location = useLocation();
  const base = modulePath(region.regionCode, 'enterprises');
  const id = location.pathname.startsWith(`${base}/`) ? decodeURIComponent(location.pathname.slice(base.length + 1)) : '';
  return id ? <EnterpriseProfilePage region={region} id={id} /> : <EnterpriseList region={region} />;
}

/** The region's firm registry: search by name, alias, pinyin initials or credit code, filters, paged, sorted by pinyin on the server. */
function EnterpriseList({ region }: ModulePageProps) {
  const { t, locale, formatNumber } = useI18n();
  const location = useLocation();
  const params = readListParams(location.search);
  const base = modulePath(region.regionCode, 'enterprises');
  const query = useApiQuery(`enterprises:${region.regionCode}:${writeListParams(params)}`, (signal) =>
    api(`/api/r/${region.regionCode}/enterprises`, EnterprisePage, { query: apiQuery(params), signal }),
  );
  const towns = useApiQuery(`towns:${region.regionCode}`, (signal) => loadTowns(region.regionCode, signal));
  const townNames = new Map((towns.data ?? []).map((town) => [town.code, nameIn(locale, town)]));
  const rows = query.data?.items ?? [];
  useReportSyntheticRows(rows.some((row) => row.isSynthetic));

  const go = (next: Partial<ListParams>) => navigate(base + writeListParams({ ...params, ...next }));
  const searchId = useId();
  const sizeId = useId();

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    go({ q, page: 1 });
  };

  const total = query.data?.total ?? 0;
  const pages = pageCount(total, params.pageSize);

  return (
    <section className="page" data-testid="enterprises-page">
      <header className="page__header">
        <div>
          <h1 data-testid="page-title">{t('enterprises.title')}</h1>
          <p className="page__subtitle">{t('enterprises.subtitle', { region: regionName(region, locale) })}</p>
        </div>
        {query.data && (
          <p className="page__stamp" data-testid="enterprises-total">
            {t('enterprises.total', { total: formatNumber(total) })}
          </p>
        )}
      </header>

      <div className="card">
        <div className="toolbar">
          <search className="search-wrap">
            <form className="search" onSubmit={onSearch} key={params.q}>
              <label htmlFor={searchId} className="visually-hidden">
                {t('enterprises.search.label')}
              </label>
              <Icon name="search" />
              <input
                id={searchId}
                name="q"
                type="search"
                defaultValue={params.q}
                maxLength={100}
                placeholder={t('enterprises.search.placeholder')}
                data-testid="enterprise-search"
              />
              <button type="submit" className="button button--primary" data-testid="enterprise-search-submit">
                {t('enterprises.search.submit')}
              </button>
              {params.q && (
                <button type="button" className="button" onClick={() => go({ q: '', page: 1 })}>
                  {t('enterprises.search.clear')}
                </button>
              )}
            </form>
          </search>
          {query.isLoading && query.data && <Loading isInline />}
        </div>
        <EnterpriseFilters region={region.regionCode} params={params} towns={towns.data ?? []} onChange={go} />

        {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
        {!query.data && !query.error && <Loading />}
        {query.data && rows.length === 0 && (
          <p className="empty" data-testid="enterprises-empty">
            {params.q ? t('enterprises.noMatch', { q: params.q }) : hasFilters(params) ? t('enterprises.noMatchFiltered') : t('enterprises.empty')}
          </p>
        )}
        {rows.length > 0 && (
          <EnterpriseTable
            rows={rows}
            isBusy={query.isLoading}
            profilePath={(id) => `${base}/${encodeURIComponent(id)}`}
            townName={(code) => townNames.get(code) ?? code}
          />
        )}

        {query.data && total > 0 && (
          <nav className="pager" aria-label={t('pager.label')}>
            <label className="pager__size" htmlFor={sizeId}>
              {t('pager.pageSize')}
              <select id={sizeId} value={params.pageSize} onChange={(event) => go({ pageSize: Number(event.target.value), page: 1 })}>
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
            <span className="pager__status" data-testid="pager-status">
              {t('pager.status', { page: params.page, pages })}
            </span>
            <button type="button" className="button button--small" disabled={params.page <= 1} onClick={() => go({ page: params.page - 1 })}>
              <Icon name="chevronLeft" size={16} />
              {t('pager.prev')}
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={params.page >= pages}
              onClick={() => go({ page: params.page + 1 })}
              data-testid="pager-next"
            >
              {t('pager.next')}
              <Icon name="chevronRight" size={16} />
            </button>
          </nav>
        )}
      </div>
    </section>
  );
}
