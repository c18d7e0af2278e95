import { useMemo } from 'react';
import { PROJECT_STAGES } from '../../../../src/modules/projects/projects.model.ts';
import {
  buildChokepointOption,
  buildHealthOption,
  buildOutputBarsOption,
  buildSupplyOption,
  buildTargetGaugeOption,
  buildTrendOption,
  type CockpitTheme,
} from '../../../../src/modules/cockpit/cockpit.charts.ts';
import { flagshipOf } from '../../../../src/modules/cockpit/cockpit.model.ts';
import type { Region } from '../../api/schemas.ts';
import { modulePath } from '../../app/routes.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { buildScaleChartOption } from './scaleChart.ts';
import type { ChainFigures, CountyCockpit, KeyProject } from './cockpitApi.ts';
import { CockpitChart } from './CockpitChart.tsx';
import { Growth, Kpi, Percent, Tile, useAmountText } from './Tile.tsx';

/** Names in the reader's language (Chinese when no English name is stored). */
export function useNameOf(): (item: { nameZh: string; nameEn: string | null }) => string {
  const { locale } = useI18n();
  return (item) => (locale === 'en' && item.nameEn ? item.nameEn : item.nameZh);
}

/** The county cockpit in the page (light theme): KPIs, chains by group, supply, health, projects, funds, innovation. */
export function CountyView({ cockpit, region, onChain }: { cockpit: CountyCockpit; region: Region; onChain: (chainId: string) => void }) {
  const { t, formatNumber } = useI18n();
  const amount = useAmountText();
  const chainsLink = modulePath(region.regionCode, 'chains');
  const output = amount(cockpit.totals.outputWan);
  const funds = amount(cockpit.funds.subsSizeWan);
  const below = cockpit.totals.firms - cockpit.totals.aboveScaleFirms;
  return (
    <>
      <div className="kpis" data-testid="cockpit-kpis">
        <Kpi testId="kpi-output" isPrimary label={t('cockpit.kpi.output', { year: cockpit.year ?? '—' })} value={output.number} unit={output.unit} note={<Growth rate={cockpit.totals.growth} />} />
        <Kpi
          testId="kpi-firms"
          label={t('cockpit.kpi.firms')}
          value={formatNumber(cockpit.totals.firms)}
          unit={t('unit.firms')}
          note={t('cockpit.kpi.firmsNote', { chain: formatNumber(cockpit.totals.chainFirms), listed: formatNumber(cockpit.totals.listedFirms) })}
        />
        <Kpi testId="kpi-above" label={t('cockpit.kpi.above')} value={formatNumber(cockpit.totals.aboveScaleFirms)} unit={t('unit.firms')} />
        <Kpi testId="kpi-below" label={t('cockpit.kpi.below')} value={formatNumber(below)} unit={t('unit.firms')} />
        <Kpi
          testId="kpi-projects"
          label={t('cockpit.kpi.landed', { year: cockpit.projects.landedYear })}
          value={formatNumber(cockpit.projects.landed)}
          unit={t('cockpit.unit.projects')}
          note={t('cockpit.kpi.landedNote', { local: cockpit.projects.landedLocal, overdue: cockpit.projects.overdue })}
        />
        <Kpi
          testId="kpi-funds"
          label={t('cockpit.kpi.funds')}
          value={funds.number}
          unit={funds.unit}
          note={t('cockpit.kpi.fundsNote', { leverage: formatNumber(cockpit.funds.leverage ?? 0, { maximumFractionDigits: 1 }), invested: cockpit.funds.investedTargetCount })}
        />
        <Kpi
          testId="kpi-lsr"
          label={t('cockpit.kpi.lsr', { year: cockpit.year ?? '—' })}
          value={cockpit.localSupply?.county == null ? '—' : formatNumber(cockpit.localSupply.county * 100, { maximumFractionDigits: 1 })}
          unit="%"
          note={<SupplyNote supply={cockpit.localSupply} />}
        />
      </div>
      <div className="cockpit-grid">
        <FlagshipTile cockpit={cockpit} theme="light" />
        <OutputTile cockpit={cockpit} theme="light" link={chainsLink} />
        <SupplyTile cockpit={cockpit} theme="light" />
        <ChainTable cockpit={cockpit} onChain={onChain} link={chainsLink} />
        <HealthTile cockpit={cockpit} theme="light" link={chainsLink} />
        <TrendTile cockpit={cockpit} theme="light" />
        <ProjectsTile projects={cockpit.projects} />
        <FundsTile cockpit={cockpit} />
        <InnovationTile cockpit={cockpit} theme="light" />
        <FactsTile cockpit={cockpit} />
        <ScaleTile cockpit={cockpit} link={modulePath(region.regionCode, 'enterprises')} />
      </div>
    </>
  );
}

function SupplyNote({ supply }: { supply: CountyCockpit['localSupply'] }) {
  const { t } = useI18n();
  if (!supply) return <>{t('cockpit.notComputed')}</>;
  return (
    <>
      {t('cockpit.supply.sameTown')} <Percent rate={supply.sameTown} /> · {t('cockpit.supply.driveTime')} <Percent rate={supply.driveTime} />
    </>
  );
}

export function FlagshipTile({ cockpit, theme, height = 230 }: { cockpit: CountyCockpit; theme: CockpitTheme; height?: number }) {
  const { t } = useI18n();
  const nameOf = useNameOf();
  const flagship = flagshipOf(cockpit);
  const option = useMemo(
    () =>
      flagship?.target
        ? buildTargetGaugeOption({ outputWan: flagship.outputWan, targetWan: flagship.target.outputWan, caption: t('cockpit.target.caption', { year: cockpit.year ?? '—', target: Math.round(flagship.target.outputWan / 10_000) }), unit: t('cockpit.unit.yi'), theme })
        : null,
    [flagship, cockpit.year, theme, t],
  );
  return (
    <Tile testId="tile-target" title={flagship ? t('cockpit.target.title', { chain: nameOf(flagship) }) : t('cockpit.target.none')}>
      {option && flagship?.target ? (
        <>
          <CockpitChart option={option} label={t('cockpit.target.title', { chain: nameOf(flagship) })} height={height} testId="target-gauge" />
          <p className="tile__note">
            {t('cockpit.target.note', { year: flagship.target.year, progress: Math.round((flagship.target.progress ?? 0) * 1000) / 10 })}
            {flagship.target.isAssumption && <span className="badge badge--assumption">{t('cockpit.assumption')}</span>}
          </p>
          <p className="tile__source">{flagship.target.source}</p>
        </>
      ) : (
        <p className="empty">{t('cockpit.target.none')}</p>
      )}
    </Tile>
  );
}

function allChains(cockpit: CountyCockpit): ChainFigures[] {
  return cockpit.groups.flatMap((g) => g.chains);
}

export function OutputTile({ cockpit, theme, link, height = 300 }: { cockpit: CountyCockpit; theme: CockpitTheme; link?: string; height?: number }) {
  const { t } = useI18n();
  const nameOf = useNameOf();
  const option = useMemo(
    () => buildOutputBarsOption({ items: allChains(cockpit).map((c) => ({ name: nameOf(c), outputWan: c.outputWan })), unit: t('cockpit.unit.yi'), theme }),
    [cockpit, theme, t, nameOf],
  );
  return (
    <Tile testId="tile-output" title={t('cockpit.output.title', { year: cockpit.year ?? '—' })} {...(link ? { link } : {})}>
      <CockpitChart option={option} label={t('cockpit.output.title', { year: cockpit.year ?? '—' })} height={height} testId="output-chart" />
    </Tile>
  );
}

export function SupplyTile({ cockpit, theme, height = 300 }: { cockpit: CountyCockpit; theme: CockpitTheme; height?: number }) {
  const { t } = useI18n();
  const nameOf = useNameOf();
  const items = allChains(cockpit).filter((c) => c.localSupply !== null && c.localSupply.amountWan > 0);
  const option = useMemo(
    () =>
      buildSupplyOption({
        items: items.map((c) => ({ name: nameOf(c), county: c.localSupply?.county ?? null, sameTown: c.localSupply?.sameTown ?? null, driveTime: c.localSupply?.driveTime ?? null })),
        labels: { county: t('cockpit.supply.county'), sameTown: t('cockpit.supply.sameTown'), driveTime: t('cockpit.supply.driveTime') },
        theme,
      }),
    [items, theme, t, nameOf],
  );
  return (
    <Tile testId="tile-supply" title={t('cockpit.supply.title', { year: cockpit.year ?? '—' })}>
      {items.length > 0 ? <CockpitChart option={option} label={t('cockpit.supply.title', { year: cockpit.year ?? '—' })} height={height} /> : <p className="empty">{t('cockpit.notComputed')}</p>}
    </Tile>
  );
}

export function HealthTile({ cockpit, theme, link, height = 300 }: { cockpit: CountyCockpit; theme: CockpitTheme; link?: string; height?: number }) {
  const { t } = useI18n();
  const nameOf = useNameOf();
  const option = useMemo(
    () =>
      buildHealthOption({
        items: allChains(cockpit).map((c) => ({ name: nameOf(c), ...c.health })),
        labels: { strong: t('cockpit.health.strong'), weak: t('cockpit.health.weak'), missing: t('cockpit.health.missing') },
        theme,
      }),
    [cockpit, theme, t, nameOf],
  );
  return (
    <Tile testId="tile-health" title={t('cockpit.health.title')} {...(link ? { link } : {})}>
      <CockpitChart option={option} label={t('cockpit.health.title')} height={height} />
    </Tile>
  );
}

export function TrendTile({ cockpit, theme, height = 280, top = 5 }: { cockpit: CountyCockpit; theme: CockpitTheme; height?: number; top?: number }) {
  const { t } = useI18n();
  const nameOf = useNameOf();
  const option = useMemo(() => {
    const largest = [...allChains(cockpit)].sort((a, b) => b.outputWan - a.outputWan).slice(0, top);
    const series = cockpit.trend.series.filter((s) => largest.some((c) => c.chainId === s.chainId)).map((s) => ({ name: nameOf(s), outputWan: s.outputWan }));
    return buildTrendOption({ years: cockpit.trend.years, series, unit: t('cockpit.unit.yi'), theme });
  }, [cockpit, theme, t, nameOf, top]);
  return (
    <Tile testId="tile-trend" title={t('cockpit.trend.title')}>
      <CockpitChart option={option} label={t('cockpit.trend.title')} height={height} />
    </Tile>
  );
}

function ChainTable({ cockpit, onChain, link }: { cockpit: CountyCockpit; onChain: (chainId: string) => void; link: string }) {
  const { t, formatNumber } = useI18n();
  const nameOf = useNameOf();
  const amount = useAmountText();
  return (
    <Tile testId="tile-chains" title={t('cockpit.chains.title', { year: cockpit.year ?? '—' })} link={link} className="tile--wide">
      <div className="table-wrap">
        <table className="table cockpit-table">
          <thead>
            <tr>
              <th>{t('cockpit.chains.chain')}</th>
              <th className="num">{t('cockpit.chains.output')}</th>
              <th className="num">{t('cockpit.chains.growth')}</th>
              <th className="num">{t('cockpit.chains.target')}</th>
              <th className="num">{t('cockpit.chains.firms')}</th>
              <th className="num">{t('cockpit.chains.above')}</th>
              <th className="num">{t('cockpit.chains.listed')}</th>
              <th>{t('cockpit.chains.health')}</th>
              <th className="num">{t('cockpit.chains.lsr')}</th>
            </tr>
          </thead>
          {cockpit.groups.map((group) => {
            const groupOutput = amount(group.outputWan);
            return (
              <tbody key={group.groupId} data-testid="cockpit-group" data-group-id={group.groupId}>
                <tr className="cockpit-table__group">
                  <th scope="rowgroup">{nameOf(group)}</th>
                  <td className="num">
                    {groupOutput.number} {groupOutput.unit}
                  </td>
                  <td className="num">
                    <Growth rate={group.growth} />
                  </td>
                  <td />
                  <td className="num">{formatNumber(group.firms)}</td>
                  <td className="num">{formatNumber(group.aboveScaleFirms)}</td>
                  <td className="num">{formatNumber(group.listedFirms)}</td>
                  <td />
                  <td />
                </tr>
                {group.chains.map((chain) => {
                  const out = amount(chain.outputWan);
                  return (
                    <tr key={chain.chainId} data-testid="chain-row" data-chain-id={chain.chainId}>
                      <td>
                        <button type="button" className="link-button" onClick={() => onChain(chain.chainId)}>
                          {nameOf(chain)}
                        </button>
                      </td>
                      <td className="num">
                        {out.number} {out.unit}
                      </td>
                      <td className="num">
                        <Growth rate={chain.growth} />
                      </td>
                      <td className="num">{chain.target ? <Percent rate={chain.target.progress} /> : '—'}</td>
                      <td className="num" title={t('cockpit.chains.entitiesHint', { entities: chain.entities })}>
                        {formatNumber(chain.entities)}
                      </td>
                      <td className="num">{formatNumber(chain.aboveScaleFirms)}</td>
                      <td className="num">{formatNumber(chain.listedFirms)}</td>
                      <td>
                        <HealthBar health={chain.health} />
                      </td>
                      <td className="num">
                        <Percent rate={chain.localSupply?.county ?? null} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      </div>
      <p className="tile__note">{t('cockpit.chains.note')}</p>
    </Tile>
  );
}

export function HealthBar({ health }: { health: ChainFigures['health'] }) {
  const { t } = useI18n();
  const total = Math.max(1, health.strong + health.weak + health.missing);
  return (
    <span className="health-bar" title={t('cockpit.health.counts', health)}>
      <span className="health-bar__part health-bar__part--strong" style={{ width: `${(health.strong / total) * 100}%` }} />
      <span className="health-bar__part health-bar__part--weak" style={{ width: `${(health.weak / total) * 100}%` }} />
      <span className="health-bar__part health-bar__part--missing" style={{ width: `${(health.missing / total) * 100}%` }} />
      <span className="health-bar__text">{t('cockpit.health.counts', health)}</span>
    </span>
  );
}

export function ProjectsTile({ projects }: { projects: CountyCockpit['projects'] }) {
  const { t, formatNumber } = useI18n();
  const max = Math.max(1, ...projects.byStage.map((s) => s.count));
  return (
    <Tile testId="tile-projects" title={t('cockpit.projects.title')}>
      <p className="tile__figures">
        {t('cockpit.projects.summary', { total: projects.total, year: projects.landedYear, landed: projects.landed, local: projects.landedLocal, attracted: projects.landedAttracted })}
        {' · '}
        <span className={projects.overdue > 0 ? 'text-alert' : ''}>{t('cockpit.projects.overdue', { overdue: projects.overdue, date: projects.asOf })}</span>
      </p>
      <ul className="stage-bars">
        {PROJECT_STAGES.map((stage) => {
          const count = projects.byStage.find((s) => s.stage === stage)?.count ?? 0;
          return (
            <li key={stage}>
              <span className="stage-bars__label">{t(`cockpit.stage.${stage}`)}</span>
              <span className="stage-bars__bar" style={{ width: `${(count / max) * 100}%` }} />
              <span className="stage-bars__count">{formatNumber(count)}</span>
            </li>
          );
        })}
      </ul>
      <KeyProjects projects={projects.key.slice(0, 6)} />
    </Tile>
  );
}

export function KeyProjects({ projects }: { projects: readonly KeyProject[] }) {
  const { t } = useI18n();
  if (projects.length === 0) return <p className="empty">{t('cockpit.projects.noKey')}</p>;
  return (
    <ul className="key-projects" data-testid="key-projects">
      {projects.map((p) => (
        <li key={p.id} className={p.isOverdue ? 'key-projects__item key-projects__item--overdue' : 'key-projects__item'}>
          <span className="key-projects__name">{p.name}</span>
          <span className="key-projects__stage">
            {t(`cockpit.stage.${p.stage}`)}
            {p.landMu !== null && ` · ${t('cockpit.projects.mu', { mu: p.landMu })}`}
            {p.producingPlannedOn && ` · ${t('cockpit.projects.producing', { date: p.producingPlannedOn.slice(0, 7) })}`}
            {p.isOverdue && ` · ${t('cockpit.projects.isOverdue')}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function FundsTile({ cockpit }: { cockpit: CountyCockpit }) {
  const { t, formatNumber } = useI18n();
  const amount = useAmountText();
  const f = cockpit.funds;
  const mother = amount(f.motherSizeWan);
  const subs = amount(f.subsSizeWan);
  const invested = amount(f.investedWan);
  return (
    <Tile testId="tile-funds" title={t('cockpit.funds.title')}>
      <dl className="figure-grid">
        <div>
          <dt>{t('cockpit.funds.mother')}</dt>
          <dd>
            {mother.number} {mother.unit}
          </dd>
        </div>
        <div>
          <dt>{t('cockpit.funds.subs', { count: f.subFundCount })}</dt>
          <dd>
            {subs.number} {subs.unit}
          </dd>
        </div>
        <div>
          <dt>{t('cockpit.funds.leverage')}</dt>
          <dd>{f.leverage === null ? '—' : `${formatNumber(f.leverage, { maximumFractionDigits: 1 })}×`}</dd>
        </div>
        <div>
          <dt>{t('cockpit.funds.invested')}</dt>
          <dd>{t('cockpit.unit.projectsCount', { count: f.investedTargetCount })}</dd>
        </div>
        <div>
          <dt>{t('cockpit.funds.attracted')}</dt>
          <dd>{t('cockpit.unit.projectsCount', { count: f.attractedProjectCount })}</dd>
        </div>
        <div>
          <dt>{t('cockpit.funds.amount')}</dt>
          <dd>
            {invested.number} {invested.unit}
          </dd>
        </div>
      </dl>
    </Tile>
  );
}

export function InnovationTile({ cockpit, theme, height = 220 }: { cockpit: CountyCockpit; theme: CockpitTheme; height?: number }) {
  const { t } = useI18n();
  const i = cockpit.innovation;
  const dash = t('common.none');
  const option = useMemo(
    () => buildChokepointOption({ rows: i.commonTechs.map((x) => x ?? dash), cols: i.scenarios.map((x) => x ?? dash), counts: i.counts, theme }),
    [i, theme, dash],
  );
  return (
    <Tile testId="tile-innovation" title={t('cockpit.innovation.title', { total: i.chokepoints.total })}>
      <p className="tile__figures">
        {t('cockpit.innovation.summary', {
          open: i.chokepoints.open,
          inProgress: i.chokepoints.inProgress,
          solved: i.chokepoints.solved,
          links: i.links,
          research: i.researchProjects,
          alliance: i.allianceMembers,
        })}
      </p>
      {i.chokepoints.total > 0 && <CockpitChart option={option} label={t('cockpit.innovation.matrix')} height={height} testId="chokepoint-matrix" />}
    </Tile>
  );
}

export function FactsTile({ cockpit }: { cockpit: CountyCockpit }) {
  const { t, locale } = useI18n();
  const amount = useAmountText();
  return (
    <Tile testId="tile-facts" title={t('cockpit.facts.title')}>
      <ul className="fact-list">
        {cockpit.clusters.map((c) => {
          const revenue = amount(c.aboveScaleRevenueWan);
          return (
            <li key={c.id} title={c.source}>
              <span className="fact-list__label">{t('cockpit.facts.clusterRevenue', { cluster: locale === 'en' ? c.nameEn : c.nameZh, year: cockpit.year ?? '—' })}</span>
              <span className="fact-list__value">
                {revenue.number} {revenue.unit}
              </span>
            </li>
          );
        })}
        {cockpit.facts.map((f) => (
          <li key={f.id} data-testid="sourced-fact">
            <span className="fact-list__label">{locale === 'en' ? f.labelEn : f.labelZh}</span>
            <span className="fact-list__value">{locale === 'en' ? f.valueEn : f.valueZh}</span>
            <span className="fact-list__source">{t('cockpit.facts.source', { source: f.source, year: f.year ?? '—' })}</span>
          </li>
        ))}
      </ul>
    </Tile>
  );
}

function ScaleTile({ cockpit, link }: { cockpit: CountyCockpit; link: string }) {
  const { t, formatNumber } = useI18n();
  const above = cockpit.totals.aboveScaleFirms;
  const below = cockpit.totals.firms - above;
  const option = useMemo(
    () =>
      buildScaleChartOption({
        counts: { above, below },
        labels: { above: t('scale.above'), below: t('scale.below'), series: t('cockpit.chart.seriesName') },
        formatCount: (n) => t('unit.firmsCount', { count: formatNumber(n) }),
      }),
    [above, below, t, formatNumber],
  );
  return (
    <Tile testId="tile-scale" title={t('cockpit.chart.title')} link={link}>
      {cockpit.totals.firms > 0 ? <CockpitChart option={option as Record<string, unknown>} label={t('cockpit.chart.title')} height={240} testId="scale-chart" /> : <p className="empty" data-testid="cockpit-empty">{t('cockpit.empty')}</p>}
    </Tile>
  );
}
