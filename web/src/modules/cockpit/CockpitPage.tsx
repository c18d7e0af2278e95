import { useMemo } from 'react';
import type { Region } from '../../api/schemas.ts';
import { useReportSyntheticRows } from '../../app/demoData.tsx';
import type { ModulePageProps } from '../../app/modules.ts';
import { regionName } from '../../app/regionChoice.ts';
import { modulePath } from '../../app/routes.ts';
import { Link } from '../../app/router.tsx';
import { EChart } from '../../components/EChart.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { buildScaleChartOption, type FirmCounts, shareOf } from './scaleChart.ts';
import { useFirmCounts } from './useFirmCounts.ts';

/** The region's home: what the registry holds today. Later modules add their cockpit figures here. */
export function CockpitPage({ region }: ModulePageProps) {
  const { t, locale, formatDate } = useI18n();
  const counts = useFirmCounts(region.regionCode);
  useReportSyntheticRows((counts.data?.synthetic ?? 0) > 0);
  const name = regionName(region, locale);

  return (
    <section className="page" data-testid="cockpit-page">
      <header className="page__header">
        <div>
          <h1 data-testid="page-title">{t('cockpit.title', { region: name })}</h1>
          <p className="page__subtitle">{t('cockpit.subtitle')}</p>
        </div>
        {counts.data && <p className="page__stamp">{t('common.asOf', { date: formatDate(counts.data.countedAt) })}</p>}
      </header>
      {counts.error && <ErrorNotice error={counts.error} onRetry={counts.reload} />}
      {!counts.data && !counts.error && <Loading />}
      {counts.data && <Overview counts={counts.data} region={region} />}
    </section>
  );
}

function Overview({ counts, region }: { counts: FirmCounts; region: Region }) {
  const { t, formatNumber } = useI18n();
  const percent = (part: number) => formatNumber(shareOf(part, counts.total), { style: 'percent', maximumFractionDigits: 1 });
  const option = useMemo(
    () =>
      buildScaleChartOption({
        counts,
        labels: { above: t('scale.above'), below: t('scale.below'), series: t('cockpit.chart.seriesName') },
        formatCount: (n) => t('unit.firmsCount', { count: formatNumber(n) }),
      }),
    [counts, t, formatNumber],
  );

  return (
    <>
      <div className="kpis">
        <Kpi testId="kpi-firms" label={t('cockpit.kpi.firms')} value={formatNumber(counts.total)} unit={t('unit.firms')} isPrimary />
        <Kpi testId="kpi-above" label={t('cockpit.kpi.above')} value={formatNumber(counts.above)} unit={t('unit.firms')} note={t('cockpit.kpi.share', { share: percent(counts.above) })} />
        <Kpi testId="kpi-below" label={t('cockpit.kpi.below')} value={formatNumber(counts.below)} unit={t('unit.firms')} note={t('cockpit.kpi.share', { share: percent(counts.below) })} />
        <Kpi testId="kpi-synthetic" label={t('cockpit.kpi.synthetic')} value={formatNumber(counts.synthetic)} unit={t('unit.firms')} />
      </div>
      <div className="grid grid--2">
        <article className="card">
          <h2 className="card__title">{t('cockpit.chart.title')}</h2>
          {counts.total > 0 ? (
            <EChart option={option} label={t('cockpit.chart.title')} testId="scale-chart" />
          ) : (
            <p className="empty" data-testid="cockpit-empty">
              {t('cockpit.empty')}
            </p>
          )}
        </article>
        <article className="card">
          <h2 className="card__title">{t('cockpit.region.title')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('cockpit.region.name')}</dt>
              <dd>
                {region.nameZh}
                {region.nameEn && <span className="muted"> · {region.nameEn}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('cockpit.region.code')}</dt>
              <dd className="mono">{region.regionCode}</dd>
            </div>
            <div>
              <dt>{t('cockpit.region.synthetic')}</dt>
              <dd>{region.hasSyntheticData ? t('common.yes') : t('common.no')}</dd>
            </div>
          </dl>
          <p className="muted">{t('cockpit.more')}</p>
          <div>
            <Link className="button" to={modulePath(region.regionCode, 'enterprises')}>
              <Icon name="enterprises" />
              {t('cockpit.openEnterprises')}
            </Link>
          </div>
        </article>
      </div>
    </>
  );
}

interface KpiProps {
  label: string;
  value: string;
  unit: string;
  note?: string;
  isPrimary?: boolean;
  testId: string;
}

function Kpi({ label, value, unit, note, isPrimary = false, testId }: KpiProps) {
  return (
    <div className={isPrimary ? 'kpi kpi--primary' : 'kpi'} data-testid={testId}>
      <p className="kpi__label">{label}</p>
      <p className="kpi__value">
        <span className="kpi__number">{value}</span>
        <span className="kpi__unit">{unit}</span>
      </p>
      {note && <p className="kpi__note">{note}</p>}
    </div>
  );
}
