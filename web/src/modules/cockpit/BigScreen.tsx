import { useEffect, useState } from 'react';
import { flagshipOf } from '../../../../src/modules/cockpit/cockpit.model.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CountyCockpit } from './cockpitApi.ts';
import { screenScale } from './cockpitFormat.ts';
import { FlagshipTile, HealthTile, InnovationTile, KeyProjects, OutputTile, SupplyTile, TrendTile, useNameOf } from './CountyView.tsx';
import { Growth, Kpi, useAmountText } from './Tile.tsx';

/** How often the wall screen reloads its figures. */
export const REFRESH_MS = 60_000;

function readScale(): number {
  return screenScale({ width: window.innerWidth, height: window.innerHeight });
}

function useViewportScale(): number {
  const [scale, setScale] = useState(readScale);
  useEffect(() => {
    const onResize = () => setScale(readScale());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

/** Calls `tick` every `ms` while mounted (the big screen's auto-refresh). */
export function useInterval(tick: () => void, ms: number): void {
  useEffect(() => {
    const id = window.setInterval(tick, ms);
    return () => window.clearInterval(id);
  }, [tick, ms]);
}

/**
 * The county cockpit for the office wall: a fixed 1920×1080 dark board scaled to the window (no scrolling),
 * reloaded every minute; Esc or the button leaves it.
 */
export function BigScreen({ cockpit, isRefreshing, onExit }: { cockpit: CountyCockpit; isRefreshing: boolean; onExit: () => void }) {
  const { t, formatNumber, formatDate } = useI18n();
  const nameOf = useNameOf();
  const amount = useAmountText();
  const scale = useViewportScale();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onExit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onExit]);
  const output = amount(cockpit.totals.outputWan);
  const funds = amount(cockpit.funds.subsSizeWan);
  const flagship = flagshipOf(cockpit);
  const region = nameOf({ nameZh: cockpit.regionNameZh, nameEn: cockpit.regionNameEn });
  return (
    <div className="bigscreen" data-testid="bigscreen">
      <div className="bigscreen__board" style={{ transform: `scale(${scale})` }}>
        <header className="bigscreen__header">
          <div className="bigscreen__left">
            {cockpit.isSynthetic && <span className="bigscreen__badge">{t('cockpit.screen.synthetic')}</span>}
            <button type="button" className="bigscreen__exit" onClick={onExit} data-testid="bigscreen-exit">
              {t('cockpit.screen.exit')}
            </button>
          </div>
          <h1 className="bigscreen__title">{t('cockpit.screen.title', { region })}</h1>
          <p className="bigscreen__stamp">
            {t('cockpit.screen.stamp', { year: cockpit.year ?? '—', date: formatDate(new Date(cockpit.generatedAt)) })}
            {isRefreshing && ' ·'}
          </p>
        </header>
        <div className="bigscreen__grid">
          <div className="bigscreen__col">
            <FlagshipTile cockpit={cockpit} theme="dark" height={180} />
            <OutputTile cockpit={cockpit} theme="dark" height={260} />
            <SupplyTile cockpit={cockpit} theme="dark" height={250} />
          </div>
          <div className="bigscreen__col bigscreen__col--center">
            <div className="kpis bigscreen__kpis">
              <Kpi testId="screen-kpi-output" label={t('cockpit.kpi.output', { year: cockpit.year ?? '—' })} value={output.number} unit={output.unit} note={<Growth rate={cockpit.totals.growth} />} />
              <Kpi
                testId="screen-kpi-firms"
                label={t('cockpit.kpi.firmsAbove')}
                value={formatNumber(cockpit.totals.firms)}
                unit={t('unit.firms')}
                note={t('cockpit.kpi.aboveListed', { above: formatNumber(cockpit.totals.aboveScaleFirms), listed: cockpit.totals.listedFirms })}
              />
              <Kpi
                testId="screen-kpi-projects"
                label={t('cockpit.kpi.landed', { year: cockpit.projects.landedYear })}
                value={formatNumber(cockpit.projects.landed)}
                unit={t('cockpit.unit.projects')}
                note={t('cockpit.kpi.landedNote', { local: cockpit.projects.landedLocal, overdue: cockpit.projects.overdue })}
              />
              <Kpi
                testId="screen-kpi-funds"
                label={t('cockpit.kpi.funds')}
                value={funds.number}
                unit={funds.unit}
                note={t('cockpit.kpi.fundsNote', { leverage: formatNumber(cockpit.funds.leverage ?? 0, { maximumFractionDigits: 1 }), invested: cockpit.funds.investedTargetCount })}
              />
            </div>
            <TrendTile cockpit={cockpit} theme="dark" height={330} />
            <article className="card tile" data-testid="screen-projects">
              <h2 className="card__title">{t('cockpit.projects.keyTitle')}</h2>
              <KeyProjects projects={cockpit.projects.key.slice(0, 9)} />
            </article>
          </div>
          <div className="bigscreen__col">
            <HealthTile cockpit={cockpit} theme="dark" height={300} />
            <InnovationTile cockpit={cockpit} theme="dark" height={230} />
            <article className="card tile" data-testid="screen-facts">
              <h2 className="card__title">{t('cockpit.facts.title')}</h2>
              <ul className="fact-list">
                {cockpit.facts.slice(0, 4).map((f) => (
                  <li key={f.id}>
                    <span className="fact-list__label">{nameOf({ nameZh: f.labelZh, nameEn: f.labelEn })}</span>
                    <span className="fact-list__value">{nameOf({ nameZh: f.valueZh, nameEn: f.valueEn })}</span>
                  </li>
                ))}
              </ul>
              {flagship && <p className="tile__source">{cockpit.facts[0]?.source}</p>}
            </article>
          </div>
        </div>
      </div>
    </div>
  );
}
