import type { EnterpriseMetric } from '../../../../src/modules/enterprises/enterprises.model.ts';
import { EChart } from '../../components/EChart.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { buildMetricPanels, buildPanelChartOption, type MetricPanel } from './metricPanels.ts';

/** One small chart per unit; sensitive figures withheld from this viewer are named and shown as 已隐藏. */
export function MetricCharts({ metrics, isMasked }: { metrics: readonly EnterpriseMetric[]; isMasked: boolean }) {
  const { t } = useI18n();
  const panels = buildMetricPanels(metrics, isMasked);
  if (panels.length === 0) return <p className="empty">{t('enterprises.profile.metrics.empty')}</p>;
  // panels with nothing to draw (all their fields withheld) share one compact box instead of empty charts
  const drawn = panels.filter((p) => p.series.length > 0);
  const withheld = panels.filter((p) => p.series.length === 0);
  return (
    <>
      <p className={isMasked ? 'notice notice--info' : 'notice'} data-testid="metrics-masking">
        {isMasked ? t('enterprises.profile.metrics.masked') : t('enterprises.profile.metrics.audited')}
      </p>
      <div className="grid grid--2">
        {drawn.map((panel) => (
          <MetricPanelView key={panel.id} panel={panel} />
        ))}
        {withheld.length > 0 && (
          <div className="metric-panel">
            {withheld.map((panel) => (
              <HiddenFields key={panel.id} panel={panel} />
            ))}
          </div>
        )}
      </div>
    </>
  );
}

function MetricPanelView({ panel }: { panel: MetricPanel }) {
  const { t, formatNumber } = useI18n();
  const title = t(`enterprises.panel.${panel.id}`);
  const unit = t(`enterprises.unit.${panel.unit}`);
  const from = panel.years[0] ?? '';
  const to = panel.years[panel.years.length - 1] ?? '';
  const label = t('enterprises.profile.chartLabel', { title, unit, from, to });
  return (
    <figure className="metric-panel" data-testid={`metric-panel-${panel.id}`}>
      <figcaption className="metric-panel__title">{label}</figcaption>
      {panel.series.length > 0 && (
        <EChart
          option={buildPanelChartOption({ panel, seriesName: (f) => t(`enterprises.metric.${f}`), unitLabel: unit, formatValue: (v) => formatNumber(v, { maximumFractionDigits: 1 }) })}
          label={label}
          height={220}
        />
      )}
      <HiddenFields panel={panel} />
    </figure>
  );
}

function HiddenFields({ panel }: { panel: MetricPanel }) {
  const { t } = useI18n();
  const unit = t(`enterprises.unit.${panel.unit}`);
  return panel.hiddenFields.map((field) => (
    <p key={field} className="metric-panel__hidden" data-testid={`metric-hidden-${field}`}>
      {t('enterprises.profile.hiddenField', { field: t(`enterprises.metric.${field}`), unit })}
      <span className="tag">{t('enterprises.profile.hidden')}</span>
    </p>
  ));
}
