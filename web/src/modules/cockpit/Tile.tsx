import type { ReactNode } from 'react';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type Amount, growthOf, toAmount } from './cockpitFormat.ts';

/** A cockpit tile: a titled card; `link` opens the module page the figures come from. */
export function Tile({ title, link, testId, className, children }: { title: string; link?: string; testId: string; className?: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <article className={`card tile ${className ?? ''}`} data-testid={testId}>
      <header className="tile__header">
        <h2 className="card__title">{title}</h2>
        {link && (
          <Link className="tile__link" to={link}>
            {t('cockpit.open')}
          </Link>
        )}
      </header>
      {children}
    </article>
  );
}

/** Formats an amount in 万元 as 亿元 or 万元 with its unit word. */
export function useAmountText(): (wan: number) => { number: string; unit: string } {
  const { t, formatNumber } = useI18n();
  return (wan: number) => {
    const amount: Amount = toAmount(wan);
    return { number: formatNumber(amount.value), unit: amount.unit === 'yi' ? t('cockpit.unit.yi') : t('cockpit.unit.wan') };
  };
}

export function Growth({ rate }: { rate: number | null }) {
  const { t } = useI18n();
  const growth = growthOf(rate);
  if (!growth) return <span className="growth growth--none">{t('cockpit.growth.none')}</span>;
  return <span className={`growth growth--${growth.direction}`}>{t('cockpit.growth.value', { value: growth.text })}</span>;
}

export function Percent({ rate }: { rate: number | null }) {
  const { t, formatNumber } = useI18n();
  if (rate === null) return <span className="muted">{t('cockpit.notComputed')}</span>;
  return <>{formatNumber(rate, { style: 'percent', maximumFractionDigits: 1 })}</>;
}

export interface KpiProps {
  label: string;
  value: string;
  unit: string;
  note?: ReactNode;
  isPrimary?: boolean;
  testId: string;
}

export function Kpi({ label, value, unit, note, isPrimary = false, testId }: KpiProps) {
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
