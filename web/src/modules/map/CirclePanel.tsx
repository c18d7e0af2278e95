import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { SupplyCircle } from './api.ts';

interface Props {
  circle: SupplyCircle;
  focusNode: string | null;
  onFocusNode: (nodeId: string | null) => void;
  nameOf: (n: { nameZh: string; nameEn: string | null }) => string;
}

/** The supply circle's answer: coverage, one row per input node, and the suppliers of the chosen node (or all). */
export function CirclePanel({ circle, focusNode, onFocusNode, nameOf }: Props) {
  const { t, formatNumber } = useI18n();
  const minutesOf = (seconds: number) => formatNumber(seconds / 60, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const focused = focusNode ? circle.inputs.find((i) => i.nodeId === focusNode) : undefined;
  const suppliers = focused
    ? focused.suppliers.map((s) => ({ ...s, node: nameOf(focused) }))
    : circle.inputs.flatMap((i) => i.suppliers.map((s) => ({ ...s, node: nameOf(i) }))).sort((a, b) => a.seconds - b.seconds);
  const siteName = circle.site.firmName ?? t('map.site.coords', { lon: circle.site.lon.toFixed(4), lat: circle.site.lat.toFixed(4) });
  return (
    <div className="grid grid--2" data-testid="circle-panel">
      <article className="card">
        <h2 className="card__title">{t('map.circle.title', { site: siteName, minutes: circle.minutes })}</h2>
        <div className="kpis">
          <div className="kpi kpi--primary" data-testid="circle-coverage">
            <span className="kpi__label">{t('map.circle.coverage')}</span>
            <span className="kpi__value">
              <span className="kpi__number">{circle.coverage === null ? '—' : formatNumber(circle.coverage * 100, { maximumFractionDigits: 1 })}</span>
              <span className="kpi__unit">%</span>
            </span>
            <span className="kpi__note">{t('map.circle.covered', { covered: circle.coveredCount, total: circle.inputCount })}</span>
          </div>
          <div className="kpi">
            <span className="kpi__label">{t('map.circle.full')}</span>
            <span className="kpi__value">
              <span className={circle.isFullySupplied ? 'tag tag--ok' : 'tag tag--warn'} data-testid="circle-full">
                {circle.isFullySupplied ? t('map.circle.full.yes') : t('map.circle.full.no')}
              </span>
            </span>
          </div>
        </div>
        <div className="table-wrap">
          <table className="table" data-testid="circle-inputs">
            <thead>
              <tr>
                <th>{t('map.circle.node')}</th>
                <th>{t('map.circle.within', { minutes: circle.minutes })}</th>
                <th>{t('map.circle.mapped')}</th>
                <th>{t('map.circle.nearest')}</th>
              </tr>
            </thead>
            <tbody>
              {circle.inputs.map((input) => (
                <tr key={input.nodeId} className={input.nodeId === focusNode ? 'is-selected' : undefined}>
                  <td>
                    <button type="button" className="link-button" onClick={() => onFocusNode(input.nodeId === focusNode ? null : input.nodeId)}>
                      {nameOf(input)}
                    </button>
                  </td>
                  <td>{formatNumber(input.suppliers.length)}</td>
                  <td>{formatNumber(input.mappedFirms)}</td>
                  <td>
                    {input.nearestSeconds === null ? (
                      <span className="tag tag--warn">{t('map.circle.none')}</span>
                    ) : (
                      t('map.minutes', { minutes: minutesOf(input.nearestSeconds) })
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{circle.network.isSynthetic ? t('map.network.synthetic') : circle.network.attribution}</p>
      </article>
      <article className="card">
        <h2 className="card__title">{focused ? t('map.suppliers.of', { node: nameOf(focused) }) : t('map.suppliers.all')}</h2>
        {suppliers.length === 0 ? (
          <p className="empty">{t('map.suppliers.empty')}</p>
        ) : (
          <div className="table-wrap supplier-list">
            <table className="table" data-testid="circle-suppliers">
              <thead>
                <tr>
                  <th>{t('map.suppliers.name')}</th>
                  <th>{t('map.circle.node')}</th>
                  <th>{t('map.suppliers.drive')}</th>
                </tr>
              </thead>
              <tbody>
                {suppliers.slice(0, 200).map((s) => (
                  <tr key={`${s.node}-${s.enterpriseId}`}>
                    <td>
                      {s.name}
                      {s.isSynthetic && <span className="tag tag--demo">{t('map.demoTag')}</span>}
                    </td>
                    <td>{s.node}</td>
                    <td>{t('map.minutes', { minutes: minutesOf(s.seconds) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {suppliers.length > 200 && <p className="muted">{t('map.suppliers.more', { count: suppliers.length - 200 })}</p>}
      </article>
    </div>
  );
}
