import { useMemo } from 'react';
import { buildTargetGaugeOption, buildTrendOption } from '../../../../src/modules/cockpit/cockpit.charts.ts';
import type { Region } from '../../api/schemas.ts';
import { modulePath } from '../../app/routes.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ChainCockpit } from './cockpitApi.ts';
import { CockpitChart } from './CockpitChart.tsx';
import { HealthBar, KeyProjects, useNameOf } from './CountyView.tsx';
import { Growth, Kpi, Percent, Tile, useAmountText } from './Tile.tsx';

const ROLE_ORDER = ['chief', 'leadFirm', 'innovator', 'financier'] as const;

/** One chain's cockpit for its 链长: output and target, nodes, lead firms, projects, chokepoints, funds, supply. */
export function ChainView({ cockpit, region }: { cockpit: ChainCockpit; region: Region }) {
  const { t, formatNumber } = useI18n();
  const nameOf = useNameOf();
  const amount = useAmountText();
  const chain = cockpit.chain;
  const output = amount(chain.outputWan);
  const chainLink = `${modulePath(region.regionCode, 'chains')}?chain=${encodeURIComponent(chain.chainId)}${cockpit.year ? `&year=${cockpit.year}` : ''}`;
  const trendOption = useMemo(
    () => buildTrendOption({ years: cockpit.trend.years, series: cockpit.trend.series.map((s) => ({ name: nameOf(s), outputWan: s.outputWan })), unit: t('cockpit.unit.yi'), theme: 'light' }),
    [cockpit.trend, t, nameOf],
  );
  const gaugeOption = useMemo(
    () =>
      chain.target
        ? buildTargetGaugeOption({ outputWan: chain.outputWan, targetWan: chain.target.outputWan, caption: t('cockpit.target.caption', { year: cockpit.year ?? '—', target: Math.round(chain.target.outputWan / 10_000) }), unit: t('cockpit.unit.yi'), theme: 'light' })
        : null,
    [chain, cockpit.year, t],
  );
  const coverage = cockpit.coverage;
  return (
    <div data-testid="chain-cockpit" data-chain-id={chain.chainId}>
      <div className="chain-roles" data-testid="chain-roles">
        {ROLE_ORDER.map((kind) => {
          const roles = cockpit.roles.filter((r) => r.kind === kind);
          if (roles.length === 0) return null;
          return (
            <span key={kind} className="chain-roles__item">
              <strong>{t(`cockpit.role.${kind}`)}</strong> {roles.map((r) => nameOf(r)).join('、')}
            </span>
          );
        })}
      </div>
      <div className="kpis">
        <Kpi testId="chain-kpi-output" isPrimary label={t('cockpit.kpi.chainOutput', { year: cockpit.year ?? '—' })} value={output.number} unit={output.unit} note={<Growth rate={chain.growth} />} />
        <Kpi
          testId="chain-kpi-target"
          label={t('cockpit.kpi.target')}
          value={chain.target?.progress == null ? '—' : formatNumber(chain.target.progress * 100, { maximumFractionDigits: 1 })}
          unit="%"
          note={chain.target ? t('cockpit.target.of', { target: amount(chain.target.outputWan).number, unit: amount(chain.target.outputWan).unit, year: chain.target.year }) : t('cockpit.target.none')}
        />
        <Kpi
          testId="chain-kpi-firms"
          label={t('cockpit.kpi.entities')}
          value={formatNumber(chain.entities)}
          unit={t('unit.firms')}
          note={t('cockpit.kpi.entitiesNote', { firms: chain.firms, above: chain.aboveScaleFirms, listed: chain.listedFirms })}
        />
        <Kpi
          testId="chain-kpi-lsr"
          label={t('cockpit.kpi.lsr', { year: cockpit.year ?? '—' })}
          value={chain.localSupply?.county == null ? '—' : formatNumber(chain.localSupply.county * 100, { maximumFractionDigits: 1 })}
          unit="%"
          note={
            <>
              {t('cockpit.supply.sameTown')} <Percent rate={chain.localSupply?.sameTown ?? null} /> · {t('cockpit.supply.driveTime')} <Percent rate={chain.localSupply?.driveTime ?? null} />
            </>
          }
        />
        <Kpi
          testId="chain-kpi-coverage"
          label={t('cockpit.kpi.coverage', { minutes: coverage?.minutes ?? 30 })}
          value={coverage?.meanCoverage == null ? '—' : formatNumber(coverage.meanCoverage * 100, { maximumFractionDigits: 1 })}
          unit="%"
          note={coverage?.meanCoverage == null ? t('cockpit.coverage.none') : t('cockpit.coverage.note', { firms: coverage.firms, full: coverage.fullySupplied })}
        />
      </div>
      <div className="cockpit-grid">
        <Tile testId="chain-tile-target" title={t('cockpit.target.title', { chain: nameOf(chain) })}>
          {gaugeOption && chain.target ? (
            <>
              <CockpitChart option={gaugeOption} label={t('cockpit.target.title', { chain: nameOf(chain) })} height={220} />
              <p className="tile__source">
                {chain.target.isAssumption && <span className="badge badge--assumption">{t('cockpit.assumption')}</span>} {chain.target.source}
              </p>
            </>
          ) : (
            <p className="empty">{t('cockpit.target.none')}</p>
          )}
        </Tile>
        <Tile testId="chain-tile-trend" title={t('cockpit.trend.chainTitle', { chain: nameOf(chain) })} className="tile--wide2">
          <CockpitChart option={trendOption} label={t('cockpit.trend.title')} height={240} testId="chain-trend" />
        </Tile>
        <Tile testId="chain-tile-nodes" title={t('cockpit.nodes.title')} link={chainLink} className="tile--wide">
          <HealthBar health={chain.health} />
          <ul className="node-chips">
            {cockpit.nodes.map((n) => (
              <li key={n.id} className={`node-chip node-chip--${n.status}`} data-testid="node-chip" data-status={n.status}>
                <span className="node-chip__name">
                  {n.isKeyNode && '★ '}
                  {nameOf(n)}
                </span>
                <span className="node-chip__meta">
                  {t('cockpit.nodes.meta', { firms: n.firmCount })} · <Percent rate={n.localSupplyRate} />
                </span>
              </li>
            ))}
          </ul>
        </Tile>
        <Tile testId="chain-tile-leads" title={t('cockpit.leads.title')}>
          <ul className="fact-list">
            {cockpit.leadFirms.map((f) => {
              const out = f.outputWan === null ? null : amount(f.outputWan);
              return (
                <li key={f.id}>
                  <span className="fact-list__label">
                    {f.name}
                    {f.isChainLeader && <span className="badge">{t('cockpit.role.leadFirm')}</span>}
                    {f.isListed && <span className="badge">{t('cockpit.leads.listed')}</span>}
                  </span>
                  <span className="fact-list__value">{out ? `${out.number} ${out.unit}` : t('cockpit.leads.noFigures')}</span>
                </li>
              );
            })}
          </ul>
        </Tile>
        <Tile testId="chain-tile-projects" title={t('cockpit.projects.chainTitle')}>
          <p className="tile__figures">
            {t('cockpit.projects.summary', {
              total: cockpit.projects.total,
              year: cockpit.projects.landedYear,
              landed: cockpit.projects.landed,
              local: cockpit.projects.landedLocal,
              attracted: cockpit.projects.landedAttracted,
            })}
            {' · '}
            {t('cockpit.projects.overdue', { overdue: cockpit.projects.overdue, date: cockpit.projects.asOf })}
          </p>
          <ul className="fact-list" data-testid="chain-parks">
            {cockpit.projects.parks.slice(0, 3).map((park) => (
              <li key={park.parkId}>
                <span className="fact-list__label">{nameOf(park)}</span>
                <span className="fact-list__value">
                  {t('cockpit.unit.projectsCount', { count: park.projects })}
                  {park.plannedProduction.map((p) => ` · ${t('cockpit.projects.plannedYear', { year: p.year, count: p.count })}`).join('')}
                </span>
              </li>
            ))}
          </ul>
          <KeyProjects projects={cockpit.projects.key} />
        </Tile>
        <Tile testId="chain-tile-innovation" title={t('cockpit.innovation.chainTitle', { total: cockpit.chokepoints.total })}>
          <p className="tile__figures">
            {t('cockpit.innovation.chainSummary', { open: cockpit.chokepoints.open, inProgress: cockpit.chokepoints.inProgress, solved: cockpit.chokepoints.solved, research: cockpit.researchProjects })}
          </p>
          <ul className="fact-list">
            {cockpit.chokepoints.byLink.map((l) => (
              <li key={l.link}>
                <span className="fact-list__label">{l.link || t('common.none')}</span>
                <span className="fact-list__value">{t('cockpit.unit.itemsCount', { count: l.count })}</span>
              </li>
            ))}
          </ul>
        </Tile>
        <Tile testId="chain-tile-funds" title={t('cockpit.funds.chainTitle')}>
          <dl className="figure-grid">
            <div>
              <dt>{t('cockpit.funds.focused')}</dt>
              <dd>{t('cockpit.unit.fundsCount', { count: cockpit.funds.focusedFunds })}</dd>
            </div>
            <div>
              <dt>{t('cockpit.funds.focusedSize')}</dt>
              <dd>
                {amount(cockpit.funds.focusedSizeWan).number} {amount(cockpit.funds.focusedSizeWan).unit}
              </dd>
            </div>
            <div>
              <dt>{t('cockpit.funds.atWork')}</dt>
              <dd>
                {amount(cockpit.funds.investedWan).number} {amount(cockpit.funds.investedWan).unit} · {t('cockpit.unit.projectsCount', { count: cockpit.funds.investments })}
              </dd>
            </div>
          </dl>
        </Tile>
        {cockpit.facts.length > 0 && (
          <Tile testId="chain-tile-facts" title={t('cockpit.facts.title')}>
            <ul className="fact-list">
              {cockpit.facts.map((f) => (
                <li key={f.id} data-testid="sourced-fact">
                  <span className="fact-list__label">{nameOf({ nameZh: f.labelZh, nameEn: f.labelEn })}</span>
                  <span className="fact-list__value">{nameOf({ nameZh: f.valueZh, nameEn: f.valueEn })}</span>
                  <span className="fact-list__source">{t('cockpit.facts.source', { source: f.source, year: f.year ?? '—' })}</span>
                </li>
              ))}
            </ul>
          </Tile>
        )}
      </div>
    </div>
  );
}
