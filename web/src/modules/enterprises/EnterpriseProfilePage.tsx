import { useEffect } from 'react';
import { useReportSyntheticRows } from '../../app/demoData.tsx';
import type { ModulePageProps } from '../../app/modules.ts';
import { modulePath } from '../../app/routes.ts';
import { Link } from '../../app/router.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { Icon } from '../../components/Icon.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { loadProfile, loadTowns, nameIn } from './api.ts';
import { MetricCharts } from './MetricCharts.tsx';
import { AliasTable, ImportTables, NodeList, ProjectTable } from './ProfileTables.tsx';
import { SiteMap } from './SiteMap.tsx';
import { ProfileEditors } from './ProfileEditors.tsx';
import { canWrite } from '../../../../src/modules/auth/auth.model.ts';
import { useSession } from '../../app/session.tsx';
import { FirmPartnersPanel } from '../supply/FirmPartnersPanel.tsx';

/** One firm: identity, other names, chain nodes, sites on a map, yearly figures, projects, imports and field sources. */
export function EnterpriseProfilePage({ region, id }: ModulePageProps & { id: string }) {
  const { t, locale } = useI18n();
  const code = region.regionCode;
  const profile = useApiQuery(`profile:${code}:${id}`, (signal) => loadProfile(code, id, signal));
  const towns = useApiQuery(`towns:${code}`, (signal) => loadTowns(code, signal));
  const data = profile.data;
  const { state } = useSession();
  const user = state.status === 'signed-in' ? state.user : null;
  useReportSyntheticRows(data?.enterprise.isSynthetic ?? false);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);

  const back = (
    <Link to={modulePath(code, 'enterprises')} className="button button--small" data-testid="profile-back">
      <Icon name="chevronLeft" size={16} />
      {t('enterprises.profile.back')}
    </Link>
  );
  if (profile.error?.status === 404) {
    return (
      <section className="page" data-testid="enterprise-profile">
        {back}
        <p className="notice" data-testid="profile-not-found">
          {t('enterprises.profile.notFound')}
        </p>
      </section>
    );
  }
  if (profile.error) return <ErrorNotice error={profile.error} onRetry={profile.reload} />;
  if (!data) return <Loading />;

  const firm = data.enterprise;
  const none = t('common.none');
  const town = firm.townCode ? (towns.data?.find((x) => x.code === firm.townCode) ?? null) : null;
  return (
    <section className="page" data-testid="enterprise-profile">
      <header className="page__header">
        <div>
          {back}
          <h1 data-testid="page-title">
            {firm.name}
            {firm.isSynthetic && <span className="tag tag--demo">{t('enterprises.flag.synthetic')}</span>}
          </h1>
          <p className="page__subtitle mono">{firm.uscc ?? none}</p>
        </div>
      </header>

      <div className="grid grid--2">
        <div className="card">
          <h2 className="card__title">{t('enterprises.profile.identity')}</h2>
          <dl className="facts" data-testid="identity">
            <Fact label={t('enterprises.col.uscc')} value={firm.uscc ?? none} />
            <Fact label={t('enterprises.col.scale')} value={firm.scale === 'above' ? t('scale.above') : t('scale.below')} />
            <Fact label={t('enterprises.col.listed')} value={firm.isListed ? t('common.yes') : t('common.no')} />
            <Fact label={t('enterprises.col.founded')} value={firm.foundedYear === null ? none : String(firm.foundedYear)} />
            <Fact label={t('enterprises.col.town')} value={town ? nameIn(locale, town) : (firm.townCode ?? none)} />
            <Fact
              label={t('enterprises.profile.position')}
              value={firm.lon === null || firm.lat === null ? none : t('enterprises.profile.position.value', { lon: firm.lon.toFixed(4), lat: firm.lat.toFixed(4) })}
            />
            <Fact label={t('enterprises.profile.id')} value={firm.id} />
          </dl>
        </div>
        <div className="card">
          <h2 className="card__title">{t('enterprises.profile.sites')}</h2>
          <SiteMap regionCode={code} firmName={firm.name} sites={data.sites} />
        </div>
        <div className="card">
          <h2 className="card__title">{t('enterprises.profile.aliases')}</h2>
          <AliasTable aliases={data.aliases} />
        </div>
        <div className="card">
          <h2 className="card__title">{t('enterprises.profile.nodes')}</h2>
          <NodeList nodes={data.nodes} />
        </div>
      </div>

      <div className="card" data-testid="profile-metrics">
        <h2 className="card__title">{t('enterprises.profile.metrics')}</h2>
        <MetricCharts metrics={data.metrics} isMasked={data.isMasked} />
      </div>
      <FirmPartnersPanel region={code} enterpriseId={firm.id} />
      <div className="card">
        <h2 className="card__title">{t('enterprises.profile.projects')}</h2>
        <ProjectTable projects={data.projects} />
      </div>
      <div className="card" data-testid="profile-imports">
        <h2 className="card__title">{t('enterprises.profile.imports')}</h2>
        <ImportTables profile={data} />
      </div>
      {user && canWrite(user.role, 'enterprises') && <ProfileEditors region={code} profile={data} canSeeSensitive={user.canSeeSensitive} onChanged={profile.reload} />}
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
